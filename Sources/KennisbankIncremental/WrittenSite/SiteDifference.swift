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
        case .item(let id): return old.pages[id] != new.pages[id] || !Side.sameEntry(id, self.old, self.new)
        case .signature(let id): return !Side.sameSignature(id, self.old, self.new)
        case .articleOrder: return !old.content.articles.elementsEqual(new.content.articles) { $0.item.id == $1.item.id }
        case .conceptOrder: return !old.content.concepts.elementsEqual(new.content.concepts) { $0.item.id == $1.item.id }
        case .miniatureOrder: return !old.content.miniatures.elementsEqual(new.content.miniatures) { $0.item.id == $1.item.id }
        case .mentions(let slug): return old.mentions[slug] != new.mentions[slug]
        case .citedIn(let key): return old.citedIn[key] != new.citedIn[key]
        case .related(let slug): return old.related[slug] != new.related[slug]
        case .backlinks(let id): return old.backlinks[id] != new.backlinks[id]
        case .embeds(let id): return old.pages[id]?.embeddedMiniatures != new.pages[id]?.embeddedMiniatures
        case .miniatureSequence: return old.miniatureSequence != new.miniatureSequence
        case .lensMiniatures(let slug): return old.miniatures(throughLens: slug) != new.miniatures(throughLens: slug)
        case .references(let key): return self.old.references(key) != self.new.references(key)
        case .referenceOrder: return !old.references.references.elementsEqual(new.references.references) { $0.key == $1.key }
        case .listing(let slug): return old.references.listings[slug] != new.references.listings[slug]
        case .conceptMap: return ConceptMapInputs(site: old) != ConceptMapInputs(site: new)
        case .feed: return old.content.hasFeed != new.content.hasFeed
        case .routes: return old.routes != new.routes
        case .routesThrough(let id): return Self.routeUses(of: id, in: old) != Self.routeUses(of: id, in: new)
        case .hasRoutes: return old.routes.isEmpty != new.routes.isEmpty
        }
    }

    /// What "In leerroutes" shows on the page of `id`: each route through it, with its slug, title and the numbers
    /// of the steps about the page.
    static func routeUses(of id: ContentID, in site: LinkedSite) -> [[String]] {
        site.routes(through: id).map { route in [route.slug, route.route.item.title] + route.stepNumbers(about: id).map(String.init) }
    }

    /// One site, with the position of each item in its list and of each reference key's references, so that
    /// parts are compared without copying items out.
    struct Side: @unchecked Sendable {
        let site: LinkedSite
        private let positions: [ContentID: Int]
        private let referencePositions: [String: [Int]]

        /// A site's tables of items and references by id and key.
        init(_ site: LinkedSite) {
            self.site = site
            let content = site.content
            var positions: [ContentID: Int] = [:]
            positions.reserveCapacity(content.articles.count + content.concepts.count + content.miniatures.count)
            for (index, article) in content.articles.enumerated() { positions[article.item.id] = index }
            for (index, concept) in content.concepts.enumerated() { positions[concept.item.id] = index }
            for (index, miniature) in content.miniatures.enumerated() { positions[miniature.item.id] = index }
            self.positions = positions
            var referencePositions: [String: [Int]] = [:]
            for (index, reference) in site.references.references.enumerated() { referencePositions[reference.key, default: []].append(index) }
            self.referencePositions = referencePositions
        }

        /// The references with `key`.
        func references(_ key: String) -> [Reference] {
            (referencePositions[key] ?? []).map { site.references.references[$0] }
        }

        /// Whether an item, with its own front matter, is the same in both sites.
        static func sameEntry(_ id: ContentID, _ old: Side, _ new: Side) -> Bool {
            switch (old.positions[id], new.positions[id]) {
            case (nil, nil): return true
            case (let o?, let n?):
                switch id.kind {
                case .article: return old.site.content.articles[o] == new.site.content.articles[n]
                case .concept: return old.site.content.concepts[o] == new.site.content.concepts[n]
                case .miniature: return old.site.content.miniatures[o] == new.site.content.miniatures[n]
                case .route: preconditionFailure("routes are no pages of the linked site: their views read SitePart.routes")
                }
            default: return false
            }
        }

        /// Whether what a link or a list shows of an item (``SitePart/signature(_:)``) is the same in both sites.
        static func sameSignature(_ id: ContentID, _ old: Side, _ new: Side) -> Bool {
            let (oldItem, newItem) = (old.site.pages[id]?.item, new.site.pages[id]?.item)
            guard let oldItem, let newItem else { return oldItem == nil && newItem == nil }
            guard oldItem.title == newItem.title, oldItem.summary == newItem.summary else { return false }
            switch (old.positions[id], new.positions[id]) {
            case (nil, nil): return true
            case (let o?, let n?):
                switch id.kind {
                case .article:
                    let (a, b) = (old.site.content.articles[o], new.site.content.articles[n])
                    return a.subtitle == b.subtitle && a.series == b.series && a.authors == b.authors && a.date == b.date
                case .concept: return old.site.content.concepts[o].group == new.site.content.concepts[n].group
                case .miniature: return old.site.content.miniatures[o].lenses == new.site.content.miniatures[n].lenses
                case .route: preconditionFailure("routes are no pages of the linked site: their views read SitePart.routes")
                }
            default: return false
            }
        }
    }
}
