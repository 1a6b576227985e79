import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering
import Kennisbank

/// What each page's view read (``SitePart``), by file, and the other way round: the files that read each part.
/// The second table lets an edit find the pages it may change from the parts that changed, without
/// visiting every page.
struct ReadRecords {
    private var parts: [String: Set<SitePart>] = [:]
    private var readers: [SitePart: Set<String>] = [:]

    /// Replaces what the page at `path` read.
    mutating func record(_ read: Set<SitePart>, for path: String) {
        if let earlier = parts[path] {
            if earlier == read { return }
            for part in earlier.subtracting(read) { readers[part]?.remove(path) }
            for part in read.subtracting(earlier) { readers[part, default: []].insert(path) }
        } else {
            for part in read { readers[part, default: []].insert(path) }
        }
        parts[path] = read
    }

    /// Forgets the page at `path`.
    mutating func forget(_ path: String) {
        guard let earlier = parts.removeValue(forKey: path) else { return }
        for part in earlier { readers[part]?.remove(path) }
    }

    /// Whether some page read `part`.
    func isRead(_ part: SitePart) -> Bool {
        readers[part]?.isEmpty == false
    }

    /// The pages none of whose parts are among `changed`: those with records, less those that read one of them.
    func unchanged(changed: some Sequence<SitePart>) -> Unchanged {
        var touched = Set<String>()
        for part in changed { if let paths = readers[part] { touched.formUnion(paths) } }
        return Unchanged(recorded: parts, touched: touched)
    }

    /// A set of pages given as the recorded ones less the touched ones, so that no set of every page is made.
    struct Unchanged: Sendable {
        fileprivate let recorded: [String: Set<SitePart>]
        fileprivate let touched: Set<String>

        /// Whether the page at `path` is one of them.
        func contains(_ path: String) -> Bool {
            recorded[path] != nil && !touched.contains(path)
        }

        /// All of them, as a set (for checks: the build asks ``contains(_:)``).
        var paths: Set<String> { Set(recorded.keys.lazy.filter { !touched.contains($0) }) }
    }
}
