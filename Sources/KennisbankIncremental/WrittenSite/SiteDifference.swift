import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering
import Kennisbank

/// Tells which parts of the linked site (``SitePart``) differ between the site of the last written build and
/// this build's. Unchanged values share their storage with last time's, so most comparisons end at the first,
/// identity, check.
///
/// The parts about one item (``SitePart/item(_:)``, ``SitePart/signature(_:)``, ``SitePart/embeds(_:)``) are many,
/// several per item; whether the item changed is found once per item, when the difference is made, so each of
/// those parts is one lookup in the few items that changed.
struct SiteDifference {
    private let old: Side
    private let new: Side
    /// The items whose page as linked or whose own front matter differ (``SitePart/item(_:)``), those of one site only included.
    let changedItems: Set<ContentID>

    /// The difference between two sites, each with its tables (kept from one build to the next: this
    /// build's new side is the next build's old one).
    init(from old: Side, to new: Side) {
        (self.old, self.new) = (old, new)
        changedItems = Side.changedItems(old, new)
    }

    /// Whether `part` reads differently in the new site.
    func changed(_ part: SitePart) -> Bool {
        let (old, new) = (self.old, self.new)
        switch part {
        case .settings: return old.site.content.site != new.site.content.site
        case .item(let id): return changedItems.contains(id)
        // An unchanged item shows the same; a changed one may too (a paragraph edited).
        case .signature(let id): return changedItems.contains(id) && !Side.sameSignature(id, old, new)
        case .articleOrder: return !old.site.content.articles.elementsEqual(new.site.content.articles) { $0.item.id == $1.item.id }
        case .conceptOrder: return !old.site.content.concepts.elementsEqual(new.site.content.concepts) { $0.item.id == $1.item.id }
        case .miniatureOrder: return !old.site.content.miniatures.elementsEqual(new.site.content.miniatures) { $0.item.id == $1.item.id }
        case .mentions(let slug): return old.site.mentions[slug] != new.site.mentions[slug]
        case .citedIn(let key): return old.site.citedIn[key] != new.site.citedIn[key]
        case .related(let slug): return old.site.related[slug] != new.site.related[slug] || old.site.relations[slug] != new.site.relations[slug]
        case .backlinks(let id): return old.site.backlinks[id] != new.site.backlinks[id]
        case .embeds(let id): return changedItems.contains(id) && old.site.pages[id]?.embeddedMiniatures != new.site.pages[id]?.embeddedMiniatures
        case .miniatureSequence: return old.miniatureSequence != new.miniatureSequence
        case .lensMiniatures(let slug): return old.lensMiniatures[slug] != new.lensMiniatures[slug]
        case .references(let key): return !old.sameReferences(key, as: new)
        case .referenceOrder: return !old.site.references.references.elementsEqual(new.site.references.references) { $0.key == $1.key }
        case .listing(let slug): return old.site.references.listings[slug] != new.site.references.listings[slug]
        case .conceptMap: return old.conceptMapInputs != new.conceptMapInputs
        case .feed: return old.site.content.hasFeed != new.site.content.hasFeed
        case .routes: return old.site.routes != new.site.routes
        case .routesThrough(let id): return Self.routeUses(of: id, in: old.site) != Self.routeUses(of: id, in: new.site)
        case .hasRoutes: return old.site.routes.isEmpty != new.site.routes.isEmpty
        }
    }

    /// The parts that read differently in the new site (``changed(_:)``), each once, among those `read` says a
    /// page read. Found from the two sites' tables, not part by part: the parts about one item from the few items
    /// that changed; the parts kept in a table by key (mentions, citations, related concepts, backlinks, lenses,
    /// listings) from the keys whose entries differ, an unchanged entry being last build's copy, so that most
    /// comparisons end at identity; the references only when the library differs; the routes' parts only for
    /// the pages a step of either site's routes is about, and only when the routes differ.
    func changedParts(read: (SitePart) -> Bool) -> [SitePart] {
        var parts: [SitePart] = []
        func add(_ part: SitePart) { if read(part) && changed(part) { parts.append(part) } }
        let siteWide: [SitePart] = [.settings, .articleOrder, .conceptOrder, .miniatureOrder, .miniatureSequence, .referenceOrder,
                                    .conceptMap, .feed, .routes, .hasRoutes]
        siteWide.forEach(add)
        for id in changedItems { [.item(id), .signature(id), .embeds(id)].forEach(add) }
        let (old, new) = (self.old.site, self.new.site)
        // A key whose entry differs is a changed part by definition: only whether it was read is asked.
        func keyed<Key: Hashable, Value: Equatable>(_ old: [Key: Value], _ new: [Key: Value], _ part: (Key) -> SitePart) {
            for key in Self.changedKeys(old, new) where read(part(key)) { parts.append(part(key)) }
        }
        keyed(old.mentions, new.mentions, SitePart.mentions)
        keyed(old.citedIn, new.citedIn, SitePart.citedIn)
        keyed(old.backlinks, new.backlinks, SitePart.backlinks)
        keyed(self.old.lensMiniatures, self.new.lensMiniatures, SitePart.lensMiniatures)
        keyed(old.references.listings, new.references.listings, SitePart.listing)
        // A concept's related part reads two tables: each key once.
        for slug in Set(Self.changedKeys(old.related, new.related) + Self.changedKeys(old.relations, new.relations)) where read(.related(slug)) {
            parts.append(.related(slug))
        }
        if old.references.references != new.references.references {
            Set(old.references.references.map(\.key) + new.references.references.map(\.key)).forEach { add(.references($0)) }
        }
        if old.routes != new.routes {
            Set((old.routes + new.routes).flatMap { $0.steps.map(\.target) }).forEach { add(.routesThrough($0)) }
        }
        return parts
    }

    /// The keys of either table whose entries differ (one of them missing included).
    static func changedKeys<Key: Hashable, Value: Equatable>(_ old: [Key: Value], _ new: [Key: Value]) -> [Key] {
        // Two tables of the same keys made in the same order are laid out alike: walked side by side, each key is
        // compared with its neighbour instead of looked up.
        if let keys = changedAlongside(old.lazy.map { ($0.key, $0.value) }, new.lazy.map { ($0.key, $0.value) }) { return keys }
        var keys: [Key] = []
        var inBoth = 0
        for (key, value) in new {
            guard let earlier = old[key] else { keys.append(key); continue }
            inBoth += 1
            if earlier != value { keys.append(key) }
        }
        // Keys of the old table only, when it has any.
        if inBoth < old.count { keys += old.keys.lazy.filter { new[$0] == nil } }
        return keys
    }

    /// The keys whose values differ, from two lists of keyed values walked side by side; `nil` when the lists do not
    /// hold the same keys in the same order (then they are to be compared by key).
    static func changedAlongside<Key: Equatable, Value: Equatable>(_ old: some Collection<(Key, Value)>,
                                                                   _ new: some Collection<(Key, Value)>) -> [Key]? {
        guard old.count == new.count else { return nil }
        var keys: [Key] = []
        for (before, after) in zip(old, new) {
            guard before.0 == after.0 else { return nil }
            if before.1 != after.1 { keys.append(before.0) }
        }
        return keys
    }

    /// What "In leerroutes" shows on the page of `id`: each route through it, with its slug, title and the numbers
    /// of the steps about the page.
    static func routeUses(of id: ContentID, in site: LinkedSite) -> [[String]] {
        site.routes(through: id).map { route in [route.slug, route.route.item.title] + route.stepNumbers(about: id).map(String.init) }
    }

    /// One site, with the position of each item in its list and of each reference key's references, so that
    /// parts are compared without copying items out. A class: both builds that compare with it share one copy,
    /// and the tables (the miniatures' sequence, the miniatures by lens, the concept map's inputs) are made once
    /// for the site, not once per part: those the render step made for its views (``SiteReader/Tables``) are
    /// taken from it, the others made on demand.
    final class Side: @unchecked Sendable {
        let site: LinkedSite
        private let tables: SiteReader.Tables
        private var positions: [ContentID: Int] { tables.positions }
        private let referencePositions: [String: [Int]]

        /// ``LinkedSite/miniatureSequence``.
        var miniatureSequence: [String] { tables.miniatures.sequence }
        /// ``LinkedSite/miniatures(throughLens:)`` of every lens that a miniature names.
        private(set) lazy var lensMiniatures: [String: [ContentID]] = {
            var byLens: [String: [ContentID]] = [:]
            for miniature in site.content.miniatures {
                // A lens named twice lists the miniature once, as `miniatures(throughLens:)` does.
                for lens in miniature.lenses where byLens[lens]?.last != miniature.item.id {
                    byLens[lens, default: []].append(miniature.item.id)
                }
            }
            return byLens
        }()
        /// What the concept maps are drawn from.
        var conceptMapInputs: ConceptMapInputs { tables.conceptMapInputs }

        /// A site with the tables its views were made from, and its references by key.
        init(_ tables: SiteReader.Tables) {
            self.tables = tables
            site = tables.site
            var referencePositions: [String: [Int]] = [:]
            for (index, reference) in site.references.references.enumerated() { referencePositions[reference.key, default: []].append(index) }
            self.referencePositions = referencePositions
        }

        /// Whether the references with `key` are the same, in the same order, in `other`.
        func sameReferences(_ key: String, as other: Side) -> Bool {
            let (mine, theirs) = (referencePositions[key] ?? [], other.referencePositions[key] ?? [])
            guard mine.count == theirs.count else { return false }
            let (list, otherList) = (site.references.references, other.site.references.references)
            return zip(mine, theirs).allSatisfy { list[$0] == otherList[$1] }
        }

        /// The items of either site whose page as linked or own front matter (its article, concept or miniature) differ in
        /// the other.
        static func changedItems(_ old: Side, _ new: Side) -> Set<ContentID> {
            var changed = Set(SiteDifference.changedKeys(old.site.pages, new.site.pages))
            let (before, after) = (old.site.content, new.site.content)
            changedEntries(before.articles, after.articles, id: \.item.id, into: &changed)
            changedEntries(before.concepts, after.concepts, id: \.item.id, into: &changed)
            changedEntries(before.miniatures, after.miniatures, id: \.item.id, into: &changed)
            return changed
        }

        /// Adds to `changed` the items of one list only, and those whose entries differ: walked side by side while both
        /// lists hold the same items in the same order (an edit that adds, removes or renames nothing), else by id.
        private static func changedEntries<Entry: Equatable>(_ old: [Entry], _ new: [Entry], id: @escaping (Entry) -> ContentID,
                                                              into changed: inout Set<ContentID>) {
            let (before, after) = (old.lazy.map { (id($0), $0) }, new.lazy.map { (id($0), $0) })
            if let found = SiteDifference.changedAlongside(before, after) { return changed.formUnion(found) }
            changed.formUnion(SiteDifference.changedKeys(Dictionary(before, uniquingKeysWith: { first, _ in first }),
                                                         Dictionary(after, uniquingKeysWith: { first, _ in first })))
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
