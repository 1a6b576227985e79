import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The linked site as the page views read it: a recording view. Each accessor returns one part of the site
/// (``SitePart``) and notes it in the log of the page being made (an incremental build), so what a view read is
/// recorded where it reads it; the view builders see the site only through this, and a read cannot go unrecorded.
/// Without a log (a clean build) the accessors only read.
package struct SiteReader {
    /// The tables made once per build that the accessors look items up in; an incremental build compares the
    /// parts of two sites through them too (its record of the site on disk keeps them).
    package final class Tables: @unchecked Sendable {
        package let site: LinkedSite
        /// The position of each article, concept and miniature in its list, by id.
        package let positions: [ContentID: Int]
        /// The first reference with each key.
        let references: [String: Reference]
        /// The miniatures in the order of the series (``LinkedSite/miniatureSequence``) and each one's place in it.
        package let miniatures: (sequence: [String], position: [String: Int])
        /// What the concept maps are drawn from.
        package let conceptMapInputs: ConceptMapInputs
        /// The pages' linked trees when the build took them out of ``site`` to let each go after its page
        /// (``PageTrees``), or `nil`: the site holds them.
        let trees: PageTrees?

        /// The tables of `site`, whose trees `trees` holds when the build took them out of it.
        package init(_ site: LinkedSite, trees: PageTrees? = nil) {
            self.site = site
            self.trees = trees
            positions = site.content.positions
            references = Dictionary(site.references.references.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let sequence = site.miniatureSequence
            miniatures = (sequence, Dictionary(sequence.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
            conceptMapInputs = ConceptMapInputs(site: site)
        }
    }

    private let tables: Tables
    /// Where the parts read are noted, or `nil`.
    private let log: ReadLog?

    /// The view of `tables`' site that notes what it reads in `log`.
    init(_ tables: Tables, log: ReadLog?) {
        self.tables = tables
        self.log = log
    }

    private var site: LinkedSite { tables.site }

    private func note(_ part: SitePart) {
        log?.note(part)
    }

    // MARK: The site

    /// The settings of site.yml.
    var settings: SiteConfig {
        note(.settings)
        return site.content.site
    }

    /// Whether the site has a feed.
    var hasFeed: Bool {
        note(.feed)
        return site.content.hasFeed
    }

    /// Whether the site has any route.
    var hasRoutes: Bool {
        note(.hasRoutes)
        return !site.routes.isEmpty
    }

    // MARK: Items

    /// An item as linked: its page, with its own front matter's item.
    func page(_ id: ContentID) -> LinkedPage? {
        note(.item(id))
        guard let page = site.pages[id] else { return nil }
        return tables.trees?.withTree(page) ?? page
    }

    /// The article at `index` of the series, with its front matter.
    func article(at index: Int) -> Article {
        let article = site.content.articles[index]
        note(.item(article.item.id))
        return article
    }

    /// The concept at `index` of the concepts, with its front matter.
    func concept(at index: Int) -> Concept {
        let concept = site.content.concepts[index]
        note(.item(concept.item.id))
        return concept
    }

    /// The miniature at `index` of the miniatures, with its front matter.
    func miniature(at index: Int) -> Miniature {
        let miniature = site.content.miniatures[index]
        note(.item(miniature.item.id))
        return miniature
    }

    /// What a list or a link shows of an item (``SitePart/signature(_:)``); `nil` for an item the site does not have.
    func signature(_ id: ContentID) -> Signature? {
        note(.signature(id))
        guard let item = site.pages[id]?.item else { return nil }
        var signature = Signature(title: item.title, summary: item.summary)
        guard let position = tables.positions[id] else { return signature }
        switch id.kind {
        case .article:
            let article = site.content.articles[position]
            (signature.subtitle, signature.series, signature.authorLine, signature.date) = (article.subtitle, article.series, article.authorLine, article.date)
        case .concept: signature.group = site.content.concepts[position].group
        case .miniature: signature.lenses = site.content.miniatures[position].lenses
        case .route: break
        }
        return signature
    }

    /// What ``signature(_:)`` returns: an item's title and summary, and the fields of its kind that lists show.
    struct Signature {
        var title: String
        var summary: String?
        /// An article's.
        var subtitle: String?, series: Int?, authorLine: String?, date: String?
        /// A concept's.
        var group: String?
        /// A miniature's.
        var lenses: [String] = []
    }

    /// The articles' ids in series order.
    var articleOrder: LazyMapCollection<[Article], ContentID> {
        note(.articleOrder)
        return site.content.articles.lazy.map(\.item.id)
    }

    /// The concepts' ids in title order.
    var conceptOrder: LazyMapCollection<[Concept], ContentID> {
        note(.conceptOrder)
        return site.content.concepts.lazy.map(\.item.id)
    }

    /// The miniatures' ids in title order.
    var miniatureOrder: LazyMapCollection<[Miniature], ContentID> {
        note(.miniatureOrder)
        return site.content.miniatures.lazy.map(\.item.id)
    }

    /// The miniatures in the order of the series, by slug, and each one's place in it.
    var miniatureSequence: (sequence: [String], position: [String: Int]) {
        note(.miniatureSequence)
        return tables.miniatures
    }

    /// The miniatures a page embeds, by slug.
    func embeds(of id: ContentID) -> [String]? {
        note(.embeds(id))
        return site.pages[id]?.embeddedMiniatures
    }

    /// The miniatures that name the concept `slug` among their lenses, in title order.
    func miniatures(throughLens slug: String) -> [ContentID] {
        note(.lensMiniatures(slug))
        return site.miniatures(throughLens: slug)
    }

    // MARK: The graph

    /// Where the concept `slug` is mentioned.
    func mentions(of slug: String) -> [MentionPlace] {
        note(.mentions(slug))
        return site.mentions[slug] ?? []
    }

    /// The concepts related to the concept `slug`.
    func related(to slug: String) -> [String] {
        note(.related(slug))
        return site.related[slug] ?? []
    }

    /// The relations the authors stated of the concept `slug`, from both ends (part of what ``related(to:)`` reads).
    func relations(of slug: String) -> [ConceptRelation] {
        note(.related(slug))
        return site.relations[slug] ?? []
    }

    /// The places where pages link to `id` or embed it, in page order (``LinkedSite/backlinks``).
    func backlinks(to id: ContentID) -> [MentionPlace] {
        note(.backlinks(id))
        return site.backlinks[id] ?? []
    }

    /// What the concept maps are drawn from.
    var conceptMapInputs: ConceptMapInputs {
        note(.conceptMap)
        return tables.conceptMapInputs
    }

    // MARK: References

    /// The first reference with `key`: its text.
    func reference(_ key: String) -> Reference? {
        note(.references(key))
        return tables.references[key]
    }

    /// Every reference, in APA order, with its text.
    var references: [Reference] {
        note(.referenceOrder)
        let all = site.references.references
        for reference in all { note(.references(reference.key)) }
        return all
    }

    /// The keys of an article's reference list: what it cites (`cited`) plus what its own list names, in APA order.
    func referenceKeys(forArticle slug: String, cited: [String]) -> [String] {
        note(.listing(slug))
        note(.referenceOrder)
        return site.references.keys(forArticle: slug, cited: cited)
    }

    /// Where the reference `key` is cited.
    func citedIn(_ key: String) -> [CitationPlace] {
        note(.citedIn(key))
        return site.citedIn[key] ?? []
    }

    // MARK: Routes

    /// Every learning route, resolved.
    var routes: [ResolvedRoute] {
        note(.routes)
        return site.routes
    }

    /// The routes with a step about `id`.
    func routes(through id: ContentID) -> [ResolvedRoute] {
        note(.routesThrough(id))
        return site.routes(through: id)
    }
}
