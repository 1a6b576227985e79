import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The write step of an incremental build: replaces only the files that changed and removes the files
/// the site no longer has.
///
/// Each file is written to a temporary file beside it and renamed over the old one, so a reader (or the
/// preview server) sees the old page or the new one, never half a page. Folders left empty are removed.
package struct SiteUpdater: Sendable {
    /// The output folder, which holds the previous site.
    var directory: URL

    /// An updater of the site in `directory`.
    package init(directory: URL) {
        self.directory = directory
    }

    /// Removes `removed` and writes `files` (paths below the output folder). Removals come first, so that a
    /// path that turns from a file into a folder, or back, is free when it is written.
    package func apply(writing files: [OutputFile], removing removed: [String]) throws(Diagnostic) {
        let manager = FileManager.default
        do {
            for path in removed {
                var url = directory.appendingPathComponent(path)
                if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
                // Then the folders it leaves empty, up to the output folder.
                url.deleteLastPathComponent()
                while url.path.count > directory.path.count, (try? manager.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                    try manager.removeItem(at: url)
                    url.deleteLastPathComponent()
                }
            }
            for file in files {
                let url = directory.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileWriting.write(file.contents, to: url.path, atomically: true)
            }
        } catch {
            throw Diagnostic(path: directory.path, position: nil, code: .io,
                             message: "The site could not be updated: \(error.localizedDescription). Run 'kennisbank build' to write it whole again.")
        }
    }
}
