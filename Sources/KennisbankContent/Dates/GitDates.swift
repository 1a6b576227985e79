import Foundation

/// The last commit date of every file of a content folder in a git repository, from one `git log` over the whole
/// folder: the first commit in which a path appears (the log is newest first) is the newest that touched it.
///
/// A file no commit lists (untracked, or added but not committed) has no date; a file whose newest visible commit
/// is the edge of a shallow clone has none either, as the clone cannot say whether an older commit it lacks was
/// the last to change it. A file changed but not committed keeps the date of its last commit: the page says when
/// the committed text last changed, and nothing is dated by the clock.
package struct GitDates: Sendable {
    /// The dates by path relative to the content folder (`articles/een.md`).
    package var dates: [String: LastModified] = [:]
    /// The paths whose newest visible commit is the edge of a shallow clone.
    package var shallow: Set<String> = []
    /// Why git could not say anything (not installed, or it failed), or `nil`.
    package var failure: String?

    /// What the repository says of one file.
    package enum Dating: Equatable, Sendable {
        case dated(LastModified)
        /// No commit lists the file.
        case uncommitted
        /// Its newest visible commit is the edge of a shallow clone.
        case shallow
        /// git could not be asked (``GitDates/failure``).
        case unknown
    }

    /// What the repository says of the file at `path`, relative to the content folder.
    package func dating(of path: some StringProtocol) -> Dating {
        let key = String(path)
        if let date = dates[key] { return .dated(date) }
        if failure != nil { return .unknown }
        return shallow.contains(key) ? .shallow : .uncommitted
    }

    /// The arguments of the one `git log` call, run in the content folder: the newest commit first, each as
    /// `\u{1}<hash> <committer seconds> <committer date, RFC 3339>` followed by the paths it changed, relative to the
    /// content folder (`--relative`, so a content folder below the repository's root works), all NUL-separated
    /// (`-z`: spaces, quotes and UTF-8 in names come through as they are).
    static let arguments = ["-c", "core.quotePath=false", "log", "--root", "--no-show-signature", "--format=%x01%H %ct %cI",
                            "--name-only", "--relative", "-z", "--", "."]

    /// The dates `git log` wrote (``arguments``), with the commits at the edge of a shallow clone.
    package init(log: Data, shallowCommits: Set<Substring>) {
        var current: (hash: Substring, date: LastModified?)? = nil
        var firstPath = false
        for field in log.split(separator: 0, omittingEmptySubsequences: true) {
            var text = String(decoding: field, as: UTF8.self)[...]
            if text.first == "\u{1}" {
                let parts = text.dropFirst().split(separator: " ", maxSplits: 2)
                current = parts.count == 3 ? (parts[0], LastModified(seconds: parts[1], text: parts[2])) : nil
                firstPath = true
                continue
            }
            // git separates a commit's line from its first path with a newline.
            if firstPath, text.first == "\n" { text = text.dropFirst() }
            firstPath = false
            guard let commit = current, !text.isEmpty else { continue }
            let path = String(text)
            guard dates[path] == nil, !shallow.contains(path) else { continue }
            if shallowCommits.contains(commit.hash) {
                shallow.insert(path)
            } else if let date = commit.date {
                dates[path] = date
            }
        }
    }

    /// Nothing known, and why.
    package init(failure: String) {
        self.failure = failure
    }

    /// Runs `git log` in `folder` (in `repository`) and reads what it writes: the dates, or the failure.
    static func read(folder: String, repository: GitRepository) -> GitDates {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return GitDates(failure: "git cannot be run (\(error.localizedDescription))") }
        // Both pipes are drained before the wait, so a long log cannot fill one and stall git.
        let errorText = ErrorText(errors.fileHandleForReading)
        Thread { errorText.read() }.start()
        let log = output.fileHandleForReading.readDataToEndOfFile()
        errorText.done.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { return GitDates(failure: "git is not installed") }
            let message = String(decoding: errorText.data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
            return GitDates(failure: "git log failed" + (message.map { ": " + $0 } ?? ""))
        }
        return GitDates(log: log, shallowCommits: repository.shallowCommits())
    }

    /// What git writes on standard error, read on a thread of its own.
    private final class ErrorText: @unchecked Sendable {
        let handle: FileHandle
        var data = Data()
        let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) { self.handle = handle }

        /// Reads to the end, then signals ``done``.
        func read() {
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }
}

/// The dates of a content folder being read by `git log` on a thread of its own while the build reads and parses
/// the files; ``result`` waits for them. `serve` keeps one while the repository's HEAD stays where it was
/// (``GitRepository/HeadKey``), so an edit does not run git again.
package final class GitDatesRun: @unchecked Sendable {
    private let condition = NSCondition()
    private var dates: GitDates?

    /// Starts `git log` in `folder`, which is in `repository`.
    package init(folder: String, repository: GitRepository) {
        Thread { [self] in
            let read = GitDates.read(folder: folder, repository: repository)
            condition.lock()
            dates = read
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// The dates, once git has written them all.
    package var result: GitDates {
        condition.lock()
        defer { condition.unlock() }
        while dates == nil { condition.wait() }
        return dates!
    }
}
