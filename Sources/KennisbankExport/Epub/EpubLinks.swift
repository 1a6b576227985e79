import KennisbankCore
import KennisbankContent
import KennisbankMarkdown

/// Where the site's links lead inside the book: an article to its chapter, a concept to its pop-up note in the
/// chapter (or to its glossary entry outside the chapters), a miniature to its entry in the miniatures section,
/// a citation to its reference in the literature section. A page the book does not hold (a route, the search
/// page) leads to the published site when site.yml has a `baseURL`, and otherwise to the title page.
package struct EpubLinks: Sendable {
    /// The chapter file of each article, by slug.
    package var articleFiles: [String: String]
    /// The published site's address (ending in '/'), or `nil`.
    package var baseURL: String?

    /// The file of the title page.
    package static let coverFile = "cover.xhtml"
    /// The file of the navigation document.
    package static let navigationFile = "nav.xhtml"
    /// The file of the glossary.
    package static let glossaryFile = "begrippen.xhtml"
    /// The file of the miniatures section.
    package static let miniaturesFile = "miniaturen.xhtml"
    /// The file of the literature section.
    package static let literatureFile = "literatuur.xhtml"

    /// The chapter file of the article `slug`.
    package static func articleFile(_ slug: String) -> String { "artikel-\(slug).xhtml" }
    /// The id of a concept's pop-up note in a chapter.
    package static func noteID(_ concept: String) -> String { "noot-\(concept)" }
    /// The id of a concept's entry in the glossary.
    package static func glossaryID(_ concept: String) -> String { "begrip-\(concept)" }
    /// The id of a miniature's entry in the miniatures section.
    package static func miniatureID(_ slug: String) -> String { "miniatuur-\(slug)" }
    /// The id of a reference in the literature section.
    package static func referenceID(_ key: String) -> String { "bron-\(key)" }

    /// The literature page's folder in the site (`literatuur`), whose links lead to the literature section.
    private static let literaturePage = String(PageKind.literature.link().path.dropLast())

    /// The `href` of `link` written in `file`; in a chapter (`notes`), a concept leads to its note in that chapter.
    package func href(_ link: SiteLink, in file: String, notes: Bool) -> String {
        let parts = link.path.split(separator: "/").map(String.init)
        let local: String? = switch (parts.first, parts.count) {
        case (ContentKind.article.sitePath, 2):
            articleFiles[parts[1]].map { $0 + (link.fragment.map { "#" + $0 } ?? "") }
        case (ContentKind.concept.sitePath, 2):
            notes ? "#" + Self.noteID(parts[1]) : Self.glossaryFile + "#" + Self.glossaryID(parts[1])
        case (ContentKind.miniature.sitePath, 2):
            Self.miniaturesFile + "#" + Self.miniatureID(parts[1])
        case (Self.literaturePage, 1):
            Self.literatureFile + (link.fragment.map { "#" + Self.referenceID($0) } ?? "")
        case (ContentImage.siteFolder, 2...):
            // The book holds the figures' images at the same path from its documents' folder.
            link.path
        default:
            nil
        }
        guard let local else { return baseURL.map { $0 + link.rootRelative } ?? Self.coverFile }
        // A link within the same file keeps only its fragment.
        if local.hasPrefix(file + "#") { return String(local.dropFirst(file.count)) }
        return local == file ? "#" : local
    }

    /// The render options of a page of the book written in `file`.
    package func renderOptions(in file: String, notes: Bool) -> Cmark.RenderOptions {
        let links = self
        var options = Cmark.RenderOptions(unsafeHTML: false) { links.href($0, in: file, notes: notes) }
        options.webImages = false
        return options
    }
}
