import Foundation
import KennisbankCore
import KennisbankDefaultTemplates

/// `kennisbank templates export DIR`: the built-in templates and assets written into a folder for the author to
/// change. A file that is already there is never overwritten: one with the same bytes is left as it is, one that
/// differs is reported (the author's edit, or the file of an older version) and left too.
package struct TemplateExport {
    /// What happened to one file.
    package enum Outcome: Equatable, Sendable {
        /// It was not there and was written.
        case written
        /// It was there with the same bytes.
        case unchanged
        /// It was there with other bytes, and was left as it is.
        case different
    }

    /// The files to write, by path relative to the folder.
    package var files: [String: Data]

    /// An export of `files`; by default the built-in ones.
    package init(files: [String: Data] = DefaultTemplates.files) {
        self.files = files
    }

    /// Writes every file that is not in `directory` yet (creating the folder and its subfolders) and returns what
    /// happened to each, sorted by path. Stops at the first file that cannot be written.
    package func write(to directory: String) throws(Diagnostic) -> [(path: String, outcome: Outcome)] {
        var outcomes: [(path: String, outcome: Outcome)] = []
        for (relative, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let path = "\(directory)/\(relative)"
            if FileManager.default.fileExists(atPath: path) {
                outcomes.append((path, FileManager.default.contents(atPath: path) == bytes ? .unchanged : .different))
                continue
            }
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try bytes.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                throw Diagnostic(path: path, position: nil, code: .io, message: Sentence.joined("The file could not be written", error, path: path))
            }
            outcomes.append((path, .written))
        }
        return outcomes
    }
}
