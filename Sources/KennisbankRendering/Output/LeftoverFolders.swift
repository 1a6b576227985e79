import Foundation
import KennisbankCore

/// The folders a build keeps beside the output folder while it runs, and what the next build does with those of a
/// build that was stopped (Ctrl-C, a crash, a kill) before it finished.
///
/// A build writes into `.Site.building-<process>`, the staging folder, which after the swap of ``FolderSwap``
/// holds the old site until it is removed; where the swap takes two renames, the old site waits between them at
/// `.Site.old-<process>`, the retired folder, with no `Site` at all. The folders of a process that is gone are
/// left-overs: staging folders are removed; a retired folder is put back as the output folder when that is
/// missing (the newest, when there are several: the others are named and left for the next build to remove), and
/// removed when the output folder is there (it is the site that was replaced). The folders of a build that is
/// still running are left alone.
package enum LeftoverFolders {
    /// The start of the name of a staging folder of the output folder `name`, before the process number.
    static func stagingPrefix(of name: String) -> String { ".\(name).building-" }
    /// The start of the name of a retired folder of the output folder `name`, before the process number.
    static func retiredPrefix(of name: String) -> String { ".\(name).old-" }

    /// Deals with the left-overs beside `output`, first of all: returns a line for the terminal when a retired
    /// folder was put back.
    package static func recover(_ output: URL) -> [String] {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let entries = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        var retired = stopped(entries, prefix: retiredPrefix(of: name))
        var notes: [String] = []
        if !retired.isEmpty, !manager.fileExists(atPath: output.path) {
            // Newest first: the site that was swapped out last.
            retired = retired.map { ($0, modified(parent.appendingPathComponent($0))) }
                .sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0 > $1.0 }.map(\.0)
            let newest = retired.removeFirst()
            let older = retired.isEmpty ? ""
                : " Older ones were left as they were; the next build removes them: \(retired.map { "'\($0)'" }.joined(separator: ", "))."
            do {
                try manager.moveItem(at: parent.appendingPathComponent(newest), to: output)
                notes.append("The output folder '\(output.path)' was missing, left so by a build stopped while it swapped in a new site; "
                             + "the site it replaced was put back from '\(newest)'.\(older)")
            } catch {
                notes.append(Sentence.joined("The output folder '\(output.path)' is missing, left so by a build stopped while it swapped in a new site; "
                                             + "the site it replaced, '\(newest)', could not be put back", error) + older)
            }
            retired = []
        }
        for entry in retired + stopped(entries, prefix: stagingPrefix(of: name)) {
            try? manager.removeItem(at: parent.appendingPathComponent(entry))
        }
        return notes
    }

    /// The entries named `prefix` and the number of a process that is gone.
    private static func stopped(_ entries: [String], prefix: String) -> [String] {
        entries.filter { entry in
            guard entry.hasPrefix(prefix), let process = Int32(entry.dropFirst(prefix.count)) else { return false }
            return kill(process, 0) != 0 && errno == ESRCH
        }
    }

    /// When the folder's own entries last changed: the end of the build that wrote the site in it.
    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }
}
