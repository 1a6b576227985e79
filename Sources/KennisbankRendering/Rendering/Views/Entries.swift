import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// A link to an article, concept or miniature, with what a list shows of it.
struct ItemLink: TemplateView {
    var title: String
    /// Relative to the page that shows the link.
    var url: String
    var slug: String
    var summary: String?

    static let fields = TemplateFields<ItemLink>([
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("slug") { $0.slug },
        .init("summary") { $0.summary },
    ])
}

/// An article in the series on the home page: its link (missing for an article without a page) and its details.
struct ArticleEntry: TemplateView {
    var link: ItemLink?
    var subtitle: String?
    /// The position in the series, as text.
    var series: String?
    /// The authors, joined with commas.
    var authors: String?
    var date: String?

    static let fields = TemplateFields<ArticleEntry>([
        .init("title") { $0.link?.title },
        .init("url") { $0.link?.url },
        .init("slug") { $0.link?.slug },
        .init("summary") { $0.link?.summary },
        .init("subtitle") { $0.subtitle },
        .init("series") { $0.series },
        .init("authors") { $0.authors },
        .init("date") { $0.date },
    ])
}

/// A heading in an article's table of contents.
struct TocEntry: TemplateView {
    var title: String
    var anchor: String
    var level: Int

    static let fields = TemplateFields<TocEntry>([
        .init("title") { $0.title },
        .init("anchor") { $0.anchor },
        .init("level") { $0.level },
    ])
}

/// A reference an article cites, formatted, with its place on the literature page.
struct ReferenceEntry: TemplateView {
    var key: String
    /// The APA reference as HTML that cmark rendered (`{{{html}}}`).
    var html: String
    var url: String

    static let fields = TemplateFields<ReferenceEntry>([
        .init("key") { $0.key },
        .init("html") { $0.html },
        .init("url") { $0.url },
    ])
}

/// A place where a concept is mentioned or a page linked to, with the sentence around the mention or link
/// (``PageModels/mentionEntry(_:from:)``).
struct MentionEntry: TemplateView {
    var pageTitle: String
    var sectionTitle: String?
    var url: String
    /// `nil` for a page that links only from a heading or embeds a miniature.
    var context: String?
    /// Whether the place is where the page embeds the miniature (the templates say so, as it has no sentence).
    var embeds = false

    static let fields = TemplateFields<MentionEntry>([
        .init("pageTitle") { $0.pageTitle },
        .init("sectionTitle") { $0.sectionTitle },
        .init("url") { $0.url },
        .init("context") { $0.context },
        .init("embeds") { $0.embeds },
    ])
}

/// A place where a reference is cited, on the literature page.
struct CitationEntry: TemplateView {
    var pageTitle: String
    var sectionTitle: String?
    var url: String
    /// Whether this is the reference's last place (no separator after it).
    var last: Bool

    static let fields = TemplateFields<CitationEntry>([
        .init("pageTitle") { $0.pageTitle },
        .init("sectionTitle") { $0.sectionTitle },
        .init("url") { $0.url },
        .init("last") { $0.last },
    ])
}

/// A reference on the literature page with every place that cites it.
struct LiteratureEntry: TemplateView {
    var key: String
    /// The APA reference as HTML that cmark rendered (`{{{html}}}`).
    var html: String
    var citedIn: [CitationEntry]

    static let fields = TemplateFields<LiteratureEntry>([
        .init("key") { $0.key },
        .init("html") { $0.html },
        .init("citedIn") { $0.citedIn },
    ])
}

/// The concepts under one letter of the A–Z index.
struct LetterGroup: TemplateView {
    var letter: String
    var concepts: [ItemLink]

    static let fields = TemplateFields<LetterGroup>([
        .init("letter") { $0.letter },
        .init("concepts") { $0.concepts },
    ])
}

/// A named group of concepts on the concept index (`group` in front matter).
struct ConceptGroup: TemplateView {
    var name: String
    var slug: String
    var concepts: [ItemLink]

    static let fields = TemplateFields<ConceptGroup>([
        .init("name") { $0.name },
        .init("slug") { $0.slug },
        .init("concepts") { $0.concepts },
    ])
}

/// A miniature on the miniature overview: its link and its lenses.
struct MiniatureEntry: TemplateView {
    var link: ItemLink
    var lenses: [ItemLink]

    static let fields = TemplateFields<MiniatureEntry>([
        .init("title") { $0.link.title },
        .init("url") { $0.link.url },
        .init("slug") { $0.link.slug },
        .init("summary") { $0.link.summary },
        .init("lenses") { $0.lenses },
    ])
}
