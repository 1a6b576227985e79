import Foundation
import KennisbankCore
import KennisbankMarkdown

/// A new content file: front matter filled in from a title, with the slug derived from it.
package struct Scaffold: Sendable {
    /// What to create.
    package var kind: ContentKind
    /// The title.
    package var title: String

    /// Creates a scaffold.
    package init(kind: ContentKind, title: String) {
        self.kind = kind
        self.title = title
    }

    /// The slug: the title with Dutch diacritics folded, lowercased, words joined by `-`, cut at a hyphen to at most
    /// ``Slug/maximumFileLength`` bytes; empty when the title has no letter or digit.
    package var slug: String { Slug.capped(Slug.make(from: title, ifEmpty: "")) }

    /// The title as written into the front matter: without the spaces around it, in double quotes with `\`, `"`
    /// and control characters escaped, so that `:`, `#` and quotes in a title read back as written.
    var quotedTitle: String {
        var quoted = "\""
        for scalar in title.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: quoted += String(format: "\\x%02X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// The file's text.
    package var text: String {
        let quoted = quotedTitle
        switch kind {
        case .article:
            return "---\ntitle: \(quoted)\nsubtitle:\nauthors: []\nseries:\nsummary:\ntags: []\ndraft: true\n---\n## Inleiding\n\n\n## Literatuur\n\n"
        case .concept:
            return "---\ntitle: \(quoted)\naliases: []\nsummary:\nrelated: []\n---\n"
        case .miniature:
            return "---\ntitle: \(quoted)\narticle:\nlenses: []\nsummary:\n---\n"
        case .route:
            return "---\ntitle: \(quoted)\nsummary:\naudience:\ndraft: true\n---\nWaar deze route de deelnemers heen brengt.\n\n"
                + "1. [[begrip-of-artikel]] — Wat de deelnemers bij deze stap doen. (10 min)\n"
        }
    }

    /// Writes the file into the folder of its kind below `contentFolder`, creating the folder, and returns its path.
    /// Refuses an empty title, a title with no letter or digit to make a slug of, and an existing file.
    package func write(into contentFolder: String) throws(Diagnostic) -> String {
        let folder = "\(contentFolder)/\(kind.folder)"
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Diagnostic(path: folder, position: nil, code: .invalidField,
                             message: "The title is empty; give the \(kind.rawValue) a title, such as: kennisbank new \(kind.rawValue) \"Niet-weten\".")
        }
        guard !slug.isEmpty else {
            throw Diagnostic(path: folder, position: nil, code: .invalidSlug,
                             message: "The title '\(title)' has no letter or digit to make a file name (slug) of.",
                             hint: "give a title with letters, such as \"Niet-weten\"; the file name is made of its letters and digits")
        }
        let path = "\(folder)/\(slug).md"
        try write(to: path)
        return path
    }

    /// Writes the file at `path`, creating its folder; refuses to overwrite an existing file.
    package func write(to path: String) throws(Diagnostic) {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else {
            throw Diagnostic(path: path, position: nil, code: .io, message: "The file already exists; Kennisbank does not overwrite it. Choose another title or edit the file.")
        }
        do {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw Diagnostic(path: path, position: nil, code: .io, message: Sentence.joined("The file could not be written", error, path: path))
        }
    }
}
