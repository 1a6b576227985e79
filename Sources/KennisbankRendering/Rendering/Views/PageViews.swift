import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

// One view per kind of page: what its template (Templates/<name>.mustache) may show beyond the frame.
// Templates/README.md lists the same names.

/// The home page (`home.mustache`): the series in order, the concepts and the miniatures.
struct HomeView: PageView {
    var frame: PageFrame
    var articles: [ArticleEntry]
    var concepts: [ItemLink]
    var miniatures: [ItemLink]
    /// The learning routes, by title.
    var routes: [RouteEntry]
    /// The series as an EPUB 3, its path from the site root (`downloads/<slug of the title>.epub`), when site.yml says `epub: true`.
    var ebook: String?

    static let fields = TemplateFields<HomeView>([
        .init("frame") { $0.frame },
        .init("articles") { $0.articles },
        .init("concepts") { $0.concepts },
        .init("miniatures") { $0.miniatures },
        .init("routes") { $0.routes },
        .init("ebook") { $0.ebook },
    ])
}

/// An article page (`article.mustache`).
struct ArticleView: PageView {
    var frame: PageFrame
    var title: String
    var subtitle: String?
    /// The authors, joined with commas.
    var authors: String?
    /// The byline: the line the article's text opens with (``Byline``), the body going on without it; otherwise
    /// the authors.
    var byline: String?
    var date: String?
    /// When its file was last committed, or `nil` (outside git, not committed, `gitDates: false`).
    var updated: UpdatedLine?
    /// The position in the series, as text.
    var series: String?
    /// schema.org JSON-LD, safe inside `<script>` (`{{{jsonLD}}}`).
    var jsonLD: String
    /// The article's own APA reference, as text.
    var citation: String
    /// The article's absolute URL, when site.yml has a `baseURL`.
    var ogURL: String?
    var body: HTMLFragment
    /// The previews of linked concepts and cited references, JSON safe inside `<script>`.
    var previewsJSON: HTMLFragment?
    var toc: [TocEntry]
    var concepts: [ItemLink]
    var references: [ReferenceEntry]
    var previous: ItemLink?
    var next: ItemLink?
    /// The pages that link to the article (`backlinks.mustache`).
    var backlinks: [MentionEntry]
    /// The routes with a step about the article ("In leerroutes").
    var routes: [RouteUse]

    static let fields = TemplateFields<ArticleView>([
        .init("frame") { $0.frame },
        .init("title") { $0.title },
        .init("subtitle") { $0.subtitle },
        .init("authors") { $0.authors },
        .init("byline") { $0.byline },
        .init("date") { $0.date },
        .init("updated") { $0.updated },
        .init("series") { $0.series },
        .init("jsonLD") { $0.jsonLD },
        .init("citation") { $0.citation },
        .init("ogURL") { $0.ogURL },
        .init("body") { $0.body },
        .init("previewsJSON") { $0.previewsJSON },
        .init("toc") { $0.toc },
        .init("concepts") { $0.concepts },
        .init("references") { $0.references },
        .init("previous") { $0.previous },
        .init("next") { $0.next },
        .init("backlinks") { $0.backlinks },
        .init("routes") { $0.routes },
    ])
}

/// A concept page (`concept.mustache`).
struct ConceptView: PageView {
    var frame: PageFrame
    var title: String
    var summary: String?
    /// The display name of the concept's group.
    var group: String?
    /// The other names, joined with commas: the aliases that are no form of the title or of each other (``OtherNames``).
    var aliases: String?
    /// When its file was last committed, or `nil` (outside git, not committed, `gitDates: false`).
    var updated: UpdatedLine?
    var body: HTMLFragment
    var previewsJSON: HTMLFragment?
    var related: [ItemLink]
    /// ``related`` grouped by the type of each relation, in the order of the vocabulary.
    var relatedGroups: [RelatedGroup]
    var mentions: [MentionEntry]
    var backlinks: [MentionEntry]
    /// The miniatures that name the concept among their lenses, in title order.
    var miniatures: [ItemLink]
    /// The concept and its neighbours as an SVG map.
    var map: String?
    /// What the map's marks mean.
    var mapLegend: [MapLegendEntry]
    /// The routes with a step about the concept ("In leerroutes").
    var routes: [RouteUse]
    /// Its card: the card's page, the deck and the snippet that embeds it.
    var card: ConceptCardLinks

    static let fields = TemplateFields<ConceptView>([
        .init("frame") { $0.frame },
        .init("title") { $0.title },
        .init("summary") { $0.summary },
        .init("group") { $0.group },
        .init("aliases") { $0.aliases },
        .init("updated") { $0.updated },
        .init("body") { $0.body },
        .init("previewsJSON") { $0.previewsJSON },
        .init("related") { $0.related },
        .init("relatedGroups") { $0.relatedGroups },
        .init("mentions") { $0.mentions },
        .init("backlinks") { $0.backlinks },
        .init("miniatures") { $0.miniatures },
        .init("map") { $0.map },
        .init("mapLegend") { $0.mapLegend },
        .init("routes") { $0.routes },
        .init("card") { $0.card },
    ])
}

/// A miniature page (`miniature.mustache`).
struct MiniatureView: PageView {
    var frame: PageFrame
    var title: String
    var summary: String?
    /// What the page opens with: the summary, or without one the miniature's own first sentence.
    var opening: String?
    /// When its file was last committed, or `nil` (outside git, not committed, `gitDates: false`).
    var updated: UpdatedLine?
    var body: HTMLFragment
    var previewsJSON: HTMLFragment?
    /// The article the miniature belongs to.
    var article: ItemLink?
    var lenses: [ItemLink]
    /// The concepts the miniature names, in order of first mention, its lenses left out (they have their own list).
    var concepts: [ItemLink]
    /// The miniatures before and after it in the order of the series (``SiteReader/miniatureSequence``).
    var previous: ItemLink?
    var next: ItemLink?
    /// The pages that link to the miniature or embed it (`backlinks.mustache`).
    var backlinks: [MentionEntry]
    /// The routes with a step about the miniature ("In leerroutes").
    var routes: [RouteUse]

    static let fields = TemplateFields<MiniatureView>([
        .init("frame") { $0.frame },
        .init("title") { $0.title },
        .init("summary") { $0.summary },
        .init("opening") { $0.opening },
        .init("updated") { $0.updated },
        .init("body") { $0.body },
        .init("previewsJSON") { $0.previewsJSON },
        .init("article") { $0.article },
        .init("lenses") { $0.lenses },
        .init("concepts") { $0.concepts },
        .init("previous") { $0.previous },
        .init("next") { $0.next },
        .init("backlinks") { $0.backlinks },
        .init("routes") { $0.routes },
    ])
}

/// The concept index (`concepts.mustache`): A–Z, by group, and the map of all concepts.
struct ConceptIndexView: PageView {
    var frame: PageFrame
    var letters: [LetterGroup]
    var groups: [ConceptGroup]
    var map: String?
    /// What the map's marks mean.
    var mapLegend: [MapLegendEntry]

    static let fields = TemplateFields<ConceptIndexView>([
        .init("frame") { $0.frame },
        .init("letters") { $0.letters },
        .init("groups") { $0.groups },
        .init("map") { $0.map },
        .init("mapLegend") { $0.mapLegend },
    ])
}

/// The miniature overview (`miniatures.mustache`): each miniature once, in the order of the series, with its lenses.
struct MiniatureIndexView: PageView {
    var frame: PageFrame
    var miniatures: [MiniatureEntry]

    static let fields = TemplateFields<MiniatureIndexView>([
        .init("frame") { $0.frame },
        .init("miniatures") { $0.miniatures },
    ])
}

/// The literature page (`literature.mustache`): every reference with the places that cite it.
struct LiteratureView: PageView {
    var frame: PageFrame
    var references: [LiteratureEntry]
    /// How many references give only their authors and year (``Reference/incompletenessSummary``), or `nil` when none does.
    var incompleteness: String?

    static let fields = TemplateFields<LiteratureView>([
        .init("frame") { $0.frame },
        .init("references") { $0.references },
        .init("incompleteness") { $0.incompleteness },
    ])
}

/// The search page (`search.mustache`).
struct SearchView: PageView {
    var frame: PageFrame

    static let fields = TemplateFields<SearchView>([
        .init("frame") { $0.frame },
    ])
}

/// A page that only sends the reader on (`redirect.mustache`): an old path of an article.
struct RedirectView: PageView {
    var frame: PageFrame
    /// The article's page, relative to the old path.
    var target: String

    static let fields = TemplateFields<RedirectView>([
        .init("frame") { $0.frame },
        .init("target") { $0.target },
    ])
}

/// The page for a path the site does not have (`404.mustache`): the frame alone, with absolute links.
struct NotFoundView: PageView {
    var frame: PageFrame

    static let fields = TemplateFields<NotFoundView>([
        .init("frame") { $0.frame },
    ])
}
