import KennisbankCore
/// Everything a concept page's model is made from (see `RenderJob`'s `.concept` case), so that the model of an
/// unchanged concept page need not be built to know that its page is unchanged.
struct ConceptPageInputs: Equatable, Sendable {
    /// The page's file.
    var path: String
    /// The concept as written: title, aliases, summary, group, related list.
    var concept: Concept
    /// The linked page: body, concept mentions, citations.
    var page: LinkedPage?
    /// The related concepts, by slug (their titles and summaries are in ``shared``; the map's inputs hold them too).
    var related: [String]
    /// Where the concept is mentioned, with each place's context.
    var mentions: [MentionPlace]
    /// The pages linking to it: id, title and summary of each.
    var backlinks: [PageSignature]
    /// The generation of the concept maps' inputs.
    var map: Int
    /// The generation of what all article pages share (``ArticlePageInputs/Shared``): settings, templates,
    /// every concept's title and summary, every reference.
    var shared: Int

    /// The inputs of the page of the concept at `index`.
    init(index: Int, site: LinkedSite, map: Int, shared: Int) {
        self.concept = site.content.concepts[index]
        let id = concept.item.id
        self.path = id.link.file
        self.page = site.pages[id]
        self.related = site.related[id.slug] ?? []
        self.mentions = site.mentions[id.slug] ?? []
        self.backlinks = (site.backlinks[id] ?? []).map { PageSignature.of($0, in: site) }
        self.map = map
        self.shared = shared
    }
}

/// Everything a miniature page's model is made from (see `RenderJob`'s `.miniature` case).
struct MiniaturePageInputs: Equatable, Sendable {
    /// The page's file.
    var path: String
    /// The miniature as written: title, summary, article, lenses.
    var miniature: Miniature
    /// The linked page: body, concept mentions, citations.
    var page: LinkedPage?
    /// The article it belongs to: id, title and summary.
    var article: PageSignature?
    /// The generation of what all article pages share (``ArticlePageInputs/Shared``): settings, templates,
    /// every concept's title and summary (the lenses and the concepts used), every reference.
    var shared: Int

    /// The inputs of the page of the miniature at `index`.
    init(index: Int, site: LinkedSite, shared: Int) {
        self.miniature = site.content.miniatures[index]
        let id = miniature.item.id
        self.path = id.link.file
        self.page = site.pages[id]
        self.article = miniature.article.map { PageSignature.of(ContentID(.article, $0), in: site) }
        self.shared = shared
    }
}

/// What a link to another page shows (`PageModels.itemLink`): whether the page exists, its title and summary.
struct PageSignature: Equatable, Sendable {
    var id: ContentID
    /// The page's title and summary, or `nil` when there is no such page.
    var shown: Shown?

    struct Shown: Equatable, Sendable {
        var title: String
        var summary: String?
    }

    static func of(_ id: ContentID, in site: LinkedSite) -> PageSignature {
        PageSignature(id: id, shown: site.pages[id].map { Shown(title: $0.item.title, summary: $0.item.summary) })
    }
}
