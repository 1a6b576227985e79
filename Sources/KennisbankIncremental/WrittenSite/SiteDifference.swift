import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering
import Kennisbank

/// Tells which parts of the linked site (``SitePart``) differ between the site of the last written build and
/// this build's. Unchanged values share their storage with last time's, so most comparisons end at the first,
/// identity, check.
struct SiteDifference {
    private let old: Side
    private let new: Side

    /// The difference between two sites, each with its tables (kept from one build to the next: this
    /// build's new side is the next build's old one).
    init(from old: Side, to new: Side) {
        (self.old, self.new) = (old, new)
    }

    /// Whether `part` reads differently in the new site.
    func changed(_ part: SitePart) -> Bool {
        let (old, new) = (self.old.site, self.new.site)
        switch part {
        case .settings: return old.content.site != new.content.site
        case .item(let id): return old.pages[id] != new.pages[id] || self.old.entry(id) != self.new.entry(id)
        case .signature(let id): return self.old.signature(id) != self.new.signature(id)
        case .articleOrder: return !old.content.articles.map(\.item.id).elementsEqual(new.content.articles.map(\.item.id))
        case .conceptOrder: return !old.content.concepts.map(\.item.id).elementsEqual(new.content.concepts.map(\.item.id))
        case .miniatureOrder: return !old.content.miniatures.map(\.item.id).elementsEqual(new.content.miniatures.map(\.item.id))
        case .mentions(let slug): return old.mentions[slug] != new.mentions[slug]
        case .citedIn(let key): return old.citedIn[key] != new.citedIn[key]
        case .related(let slug): return old.related[slug] != new.related[slug]
        case .backlinks(let id): return old.backlinks[id] != new.backlinks[id]
        case .references(let key): return self.old.references[key] != self.new.references[key]
        case .referenceOrder: return !old.references.references.map(\.key).elementsEqual(new.references.references.map(\.key))
        case .listing(let slug): return old.references.listings[slug] != new.references.listings[slug]
        case .conceptMap:
            return old.related != new.related || !old.content.concepts.elementsEqual(new.content.concepts) {
                ($0.item.id, $0.item.title, $0.group) == ($1.item.id, $1.item.title, $1.group)
            }
        case .searchShards: return SearchIndex.shardCount(for: old) != SearchIndex.shardCount(for: new)
        }
    }

    /// One site, with its items and references by id and key.
    struct Side: @unchecked Sendable {
        let site: LinkedSite
        let articles: [ContentID: Article]
        let concepts: [ContentID: Concept]
        let miniatures: [ContentID: Miniature]
        let references: [String: [Reference]]

        /// A site's tables of items and references by id and key.
        init(_ site: LinkedSite) {
            self.site = site
            let content = site.content
            articles = Dictionary(content.articles.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
            concepts = Dictionary(content.concepts.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
            miniatures = Dictionary(content.miniatures.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
            references = Dictionary(grouping: site.references.references, by: \.key)
        }

        /// An item with its own front matter, as loaded.
        func entry(_ id: ContentID) -> AnyHashable? {
            switch id.kind {
            case .article: return articles[id]
            case .concept: return concepts[id]
            case .miniature: return miniatures[id]
            }
        }

        /// What a link or a list shows of an item.
        func signature(_ id: ContentID) -> Signature? {
            guard let item = site.pages[id]?.item else { return nil }
            var signature = Signature(title: item.title, summary: item.summary)
            if let article = articles[id] {
                (signature.subtitle, signature.series, signature.authors, signature.date) = (article.subtitle, article.series, article.authors, article.date)
            }
            if let concept = concepts[id] { signature.group = concept.group }
            if let miniature = miniatures[id] { signature.lenses = miniature.lenses }
            return signature
        }
    }

    /// What a link or a list shows of an item: see ``SitePart/signature(_:)``.
    struct Signature: Equatable {
        var title: String
        var summary: String?
        var subtitle: String?
        var series: Int?
        var authors: [String] = []
        var date: String?
        var group: String?
        var lenses: [String] = []
    }
}
