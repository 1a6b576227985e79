import Foundation
import KennisbankCore
import KennisbankMarkdown

/// A new content file: front matter filled in from a title, with the slug derived from it.
public struct Scaffold: Sendable {
    /// What to create.
    public var kind: ContentKind
    /// The title.
    public var title: String

    /// Creates a scaffold.
    public init(kind: ContentKind, title: String) {
        self.kind = kind
        self.title = title
    }

    /// The slug: the title with Dutch diacritics folded, lowercased, words joined by `-`.
    public var slug: String { Slug.make(from: title) }

    /// The file's text.
    public var text: String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
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

    /// Writes the file, creating its folder; refuses to overwrite an existing file.
    public func write(to path: String) throws(Diagnostic) {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else {
            throw Diagnostic(path: path, position: nil, code: .io, message: "The file already exists; Kennisbank does not overwrite it. Choose another title or edit the file.")
        }
        do {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard manager.createFile(atPath: path, contents: Data(text.utf8)) else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw Diagnostic(path: path, position: nil, code: .io, message: "The file could not be written: \(error.localizedDescription).")
        }
    }
}
