import Foundation

/// The built-in templates and assets: the repository's `Templates/` folder compiled into the executable by the
/// EmbedTemplates plugin (`EmbeddedTemplates.swift`, generated at every build where a file of the folder changed), so
/// a copied `kennisbank` builds any content folder without a templates folder of its own.
package enum DefaultTemplates {
    /// Every file of the folder by its path relative to it (`article.mustache`, `assets/style.css`, `README.md`).
    package static let files: [String: Data] = {
        var files: [String: Data] = [:]
        for (path, base64) in encoded {
            guard let data = Data(base64Encoded: base64) else { preconditionFailure("the embedded \(path) is not base64") }
            precondition(files.updateValue(data, forKey: path) == nil, "the embedded \(path) appears twice")
        }
        return files
    }()
}
