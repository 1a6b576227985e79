/// The content files of a folder in a git repository that git gives no date, and why: `check` lists them after its
/// diagnostics. They are no warnings: nothing in the files is wrong, and a shallow clone in CI would otherwise fail
/// every `--strict` check (an article the feed leaves out for want of any date is still `missing-date`).
package struct UndatedFiles: Sendable {
    /// The files, in the order read, each with what git said of it (never ``GitDates/Dating/dated(_:)``).
    package var files: [(path: String, reason: GitDates.Dating)] = []
    /// Why git could not be asked at all (not installed, or it failed), or `nil`.
    package var failure: String?

    /// Creates an empty list.
    package init() {}

    /// Notes the file at `path` when git gave it no date.
    mutating func add(_ path: String, _ dating: GitDates.Dating) {
        if case .dated = dating { return }
        if case .unknown = dating { return }
        files.append((path, dating))
    }

    /// What `check` prints: a line for git's failure, then one line per file with its reason; empty when every
    /// file is dated.
    package var lines: [String] {
        var lines: [String] = []
        if let failure { lines.append("The content folder is in a git repository, but \(failure), so no page has a date from it (or set 'gitDates: false' in site.yml).") }
        for (path, reason) in files {
            switch reason {
            case .uncommitted: lines.append("\(path): no date: the file has no commit yet (commit it to date it).")
            case .shallow: lines.append("\(path): no date: the clone is shallow and may lack its last commit ('git fetch --unshallow' dates it).")
            case .dated, .unknown: break
            }
        }
        return lines
    }
}
