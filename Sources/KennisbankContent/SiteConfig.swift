import KennisbankCore
import KennisbankMarkdown
/// How often a concept is linked on a page.
package enum ConceptLinkingScope: String, Hashable, Sendable, CaseIterable {
    /// Only the first mention of each concept on a page.
    case firstPerPage = "first-per-page"
    /// The first mention of each concept in every section (between headings).
    case firstPerSection = "first-per-section"
    /// Every mention.
    case every
}

/// The settings in Content/site.yml.
package struct SiteConfig: Hashable, Sendable {
    /// The site's title.
    package var title: String
    /// One sentence about the site.
    package var description: String?
    /// The language of the content, for `lang` (default `nl`).
    package var language: String
    /// The absolute URL the site is published at, for feeds and sitemaps; `nil` when unknown.
    package var baseURL: String?
    /// The author or publisher of the site, for the site's metadata (footer, feed); never credited with an article.
    package var author: String?
    /// The default author of the articles whose front matter names no `authors`, when site.yml names one explicitly.
    package var seriesAuthor: String?
    /// How often concepts are linked (default: first per page).
    package var conceptLinking: ConceptLinkingScope
    /// Whether raw HTML in markdown is passed through (default `false`).
    package var unsafeHTML: Bool
    /// Whether every internal link is written to its `…/index.html`, for a site read from a folder (`portable`,
    /// default `false`: clean URLs, for a server).
    package var portable: Bool = false
    /// The date the content was last updated (`YYYY-MM-DD`, as written): the e-book's modified date when no
    /// article has a `date`; `nil` when not given.
    package var updated: String?
    /// Whether `build` writes the series as an EPUB 3 into the site, `downloads/<slug of the title>.epub`
    /// (default `false`).
    package var epub: Bool = false
    /// Whether a content folder in a git repository dates each file by its last commit (``LastModified``; default
    /// `true`): `gitDates: false` leaves every page undated, as outside git.
    package var gitDates: Bool = true

    /// The e-book's file name, `<slug of the title>.epub`: its name in the site and `export epub`'s default.
    package var epubFileName: String { Slug.make(from: title, ifEmpty: "kennisbank") + ".epub" }

    /// The e-book's path in the site, `downloads/<slug of the title>.epub`, when `epub` is on; `nil` otherwise.
    package var epubPath: String? {
        epub ? "downloads/" + epubFileName : nil
    }

    /// Creates a configuration.
    package init(title: String, description: String? = nil, language: String = "nl", baseURL: String? = nil,
                author: String? = nil, seriesAuthor: String? = nil, conceptLinking: ConceptLinkingScope = .firstPerPage,
                unsafeHTML: Bool = false) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.author = author
        self.seriesAuthor = seriesAuthor
        self.conceptLinking = conceptLinking
        self.unsafeHTML = unsafeHTML
    }

    /// Reads site.yml, whose fields are YAML without `---` fences.
    package static func parse(_ file: SourceFile) throws(Diagnostic) -> SiteConfig {
        var warnings: [Diagnostic] = []
        return try parse(file, warnings: &warnings)
    }

    /// Reads site.yml, adding a warning to `warnings` for each field Kennisbank ignores.
    package static func parse(_ file: SourceFile, warnings: inout [Diagnostic]) throws(Diagnostic) -> SiteConfig {
        let fields = try FrontMatter(settings: file)
        var config = SiteConfig(title: try fields.requiredString("title"))
        config.description = try fields.string("description")
        config.language = try fields.string("language") ?? "nl"
        config.baseURL = try baseURL(in: fields)
        config.author = try fields.string("author")
        config.seriesAuthor = try fields.string("seriesAuthor")
        config.unsafeHTML = try fields.bool("unsafeHTML") ?? false
        config.portable = try fields.bool("portable") ?? false
        config.updated = try fields.date("updated")
        config.epub = try fields.bool("epub") ?? false
        config.gitDates = try fields.bool("gitDates") ?? true
        if let scope = try fields.string("conceptLinking") {
            guard let value = ConceptLinkingScope(rawValue: scope) else {
                throw Diagnostic(path: file.path, position: fields.position(of: "conceptLinking"), code: .invalidField,
                                 message: "The field 'conceptLinking' must be one of \(ConceptLinkingScope.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            config.conceptLinking = value
        }
        warnings += KnownFields.siteWarnings(for: fields)
        return config
    }

    /// The `baseURL` field, ending in `/`; an error at its value when it is no absolute http or https address
    /// (``BaseURL``), so that nothing is built with it.
    private static func baseURL(in fields: FrontMatter) throws(Diagnostic) -> String? {
        guard let text = try fields.string("baseURL") else { return nil }
        switch BaseURL.normalized(text) {
        case .success(let url):
            return url
        case .failure(let problem):
            throw Diagnostic(path: fields.file.path, position: fields.position(ofValue: "baseURL"), code: .invalidField,
                             message: BaseURL.message(text, problem, given: "The field 'baseURL'"),
                             hint: "write the address the site is published at, such as 'baseURL: https://kennisbank.example.nl/'")
        }
    }
}
