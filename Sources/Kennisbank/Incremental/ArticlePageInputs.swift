import KennisbankCore
import KennisbankMarkdown
/// Everything an article page's model is made from (see `RenderJob`'s `.article` case), so that the model of an
/// unchanged article need not be built to know that its page is unchanged: most pages of a large site are articles.
struct ArticlePageInputs: Equatable, Sendable {
    /// The page's file.
    var path: String
    /// The article as written.
    var article: Article
    /// The linked page: body, table of contents, concept mentions, citations.
    var page: LinkedPage?
    /// The previous and next article: slug, title and summary.
    var neighbours: [[String]]
    /// The generation of what all article pages share (``Shared``).
    var shared: Int

    /// What every article page reads of the rest of the site.
    struct Shared: Equatable, Sendable {
        /// The settings of site.yml.
        var config: SiteConfig
        /// The templates' digest.
        var templates: Digest
        /// Every concept's slug, title and summary: the concepts an article uses, and their previews.
        var concepts: [[String]]
        /// Every reference's key and text in APA order, and the keys each article lists.
        var references: [ReferenceSignature]
        var listings: [String: [String]]

        /// The part of a reference an article page shows.
        struct ReferenceSignature: Equatable, Sendable {
            var key: String
            var inlines: [InlineNode]
        }

        /// The shared inputs of a site, as a generation number (compared once per build).
        static func generation(site: LinkedSite, templates: Digest, cache: RenderCache) -> Int {
            cache.articleShared.generation(of: Shared(
                config: site.content.site, templates: templates,
                concepts: site.content.concepts.map { [$0.item.id.slug, $0.item.title, $0.item.summary ?? "\u{0}"] },
                references: site.references.references.map { ReferenceSignature(key: $0.key, inlines: $0.inlines) },
                listings: site.references.listings))
        }

        private init(config: SiteConfig, templates: Digest, concepts: [[String]], references: [ReferenceSignature], listings: [String: [String]]) {
            (self.config, self.templates, self.concepts, self.references, self.listings) = (config, templates, concepts, references, listings)
        }
    }

    /// The inputs of the page of the article at `index`.
    init(index: Int, site: LinkedSite, shared: Int) {
        let articles = site.content.articles
        let article = articles[index]
        let neighbour = { (position: Int) -> [String] in
            guard articles.indices.contains(position) else { return [] }
            let item = articles[position].item
            return [item.id.slug, item.title, item.summary ?? "\u{0}"]
        }
        self.path = article.item.id.link.file
        self.article = article
        self.page = site.pages[article.item.id]
        self.neighbours = [neighbour(index - 1), neighbour(index + 1)]
        self.shared = shared
    }
}
