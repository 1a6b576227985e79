import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The write step of an incremental build: replaces only the files that changed and removes the files
/// the site no longer has.
///
/// It follows the rule of ``OutputFolder``: it deletes only what Kennisbank wrote, the files its records name and
/// the folders their removal leaves empty; a folder that stands where such a file was, and the user's empty
/// folders, stay. Each file is written to a temporary file beside it and renamed over the old one, so a reader (or the
/// preview server) sees the old page or the new one, never half a page. Folders left empty are removed.
///
/// The site as a whole is part old, part new while the files are written: a journal that names them
/// (``SiteManifest``) is written first and removed last, so that an update stopped part way (the process
/// killed, Ctrl-C) is found by the next build, which writes the whole site again (``SiteWriter/notes``).
package struct SiteUpdater: Sendable {
    /// The output folder, which holds the previous site.
    var directory: URL

    /// An updater of the site in `directory`.
    package init(directory: URL) {
        self.directory = directory
    }

    /// Removes `removed` and writes `files` (paths below the output folder). Removals come first, so that a
    /// path that turns from a file into a folder, or back, is free when it is written. When the site's paths
    /// changed, `manifest` is every path of the site, sorted, for the manifest. A journal is in the folder while
    /// this runs, and stays when it throws.
    package func apply(writing files: [OutputFile], removing removed: [String], manifest: [String]?) throws(Diagnostic) {
        guard !files.isEmpty || !removed.isEmpty else { return }
        let manager = FileManager.default
        let journal = directory.appendingPathComponent(SiteManifest.journalName).path
        do {
            try FileWriting.write(SiteManifest.journal(writing: files.map(\.path), removing: removed), to: journal, atomically: true)
            for path in removed {
                var url = directory.appendingPathComponent(path)
                // Only the file Kennisbank wrote: a folder someone put in its place is theirs, and stays.
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { try manager.removeItem(at: url) }
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
            if let manifest {
                try FileWriting.write(SiteManifest.manifest(manifest), to: directory.appendingPathComponent(SiteManifest.manifestName).path, atomically: true)
            }
            try manager.removeItem(atPath: journal)
        } catch {
            throw Diagnostic(path: directory.path, position: nil, code: .io,
                             message: Sentence.joined("The site could not be updated", error) + " Run 'kennisbank build' to write it whole again.")
        }
    }
}
