import Foundation
import KennisbankCore
import KennisbankDefaultTemplates

/// The files a site's templates are made of: the built-in set (``DefaultTemplates``), and over it the files of the
/// author's templates folder, file by file: a template by its name, an asset by its path. A folder that does not
/// exist changes nothing; the built-ins are used as they are.
struct TemplateFiles {
    /// One file, with where it came from for messages.
    struct File {
        /// The path of the file on disk, or `built-in/<path>` for a built-in one.
        let source: String
        let bytes: Data
    }

    /// Every file by its path relative to the templates folder (`article.mustache`, `assets/style.css`).
    private(set) var files: [String: File]
    /// Files of the folder that could not be read.
    private(set) var diagnostics: [Diagnostic] = []

    /// The built-in files, then those of `directory` (subfolders included, hidden entries left out) over them.
    init(directory: String, fileSystem: any FileSystem, builtIn: [String: Data]) {
        files = Dictionary(uniqueKeysWithValues: builtIn.map { ($0.key, File(source: "\(Self.builtInFolder)/\($0.key)", bytes: $0.value)) })
        var folders = [""]
        while let folder = folders.popLast() {
            let path = folder.isEmpty ? directory : "\(directory)/\(folder)"
            for entry in fileSystem.contentsOfDirectory(atPath: path) where !entry.hasPrefix(".") {
                let relative = folder.isEmpty ? entry : "\(folder)/\(entry)"
                let full = "\(directory)/\(relative)"
                // A folder lists entries, a file none (an empty folder has nothing to add either).
                if !fileSystem.contentsOfDirectory(atPath: full).isEmpty {
                    folders.append(relative)
                    continue
                }
                do {
                    files[relative] = File(source: full, bytes: try fileSystem.contents(atPath: full))
                } catch {
                    diagnostics.append(Diagnostic(path: full, position: nil, code: .template, message: "The file cannot be read: \(error)."))
                }
            }
        }
    }

    /// The folder that messages name for a built-in file.
    static let builtInFolder = "built-in"
}
