import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// The indexes that run against the direction of the links: from a concept to the places that
/// mention it, from a reference to the places that cite it, from a page to the pages linking to it,
/// and from a concept to the concepts it shares paragraphs with.
///
/// Each page gives its part of every index (``Part``); the indexes gather the parts in page order. After an
/// edit, ``indexes(updating:)`` replaces only the parts of the pages whose links changed.
struct LinkGraph {
    /// The linked pages in site order: articles, concepts, miniatures.
    let pages: [LinkedPage]
    /// The concepts, for their author-given `related` lists.
    let concepts: [Concept]

    /// One page's part of the indexes.
    struct Part {
        /// The places it mentions each concept: one per paragraph.
        var mentions: [(key: String, value: MentionPlace)]
        /// The places it cites each reference: one per section.
        var citations: [(key: String, value: CitationPlace)]
        /// The pages it links to or embeds, each with this page.
        var backlinks: [(key: ContentID, value: MentionPlace)]
        /// Each ordered pair of concepts that share one of its paragraphs, once per paragraph.
        var pairs: [(String, String)]
    }

    /// The indexes, with each page's part, so that the next build can update them.
    struct Indexes: @unchecked Sendable {
        /// The pages they were gathered from, to tell which changed.
        fileprivate var pages: [LinkedPage]
        fileprivate var parts: [Part]
        fileprivate(set) var mentions: PageOrderedIndex<String, MentionPlace>
        fileprivate(set) var citations: PageOrderedIndex<String, CitationPlace>
        fileprivate(set) var backlinks: PageOrderedIndex<ContentID, MentionPlace>
        /// How many paragraphs each concept shares with each other concept.
        fileprivate var together: [String: [String: Int]]
        /// A number that changes whenever ``together`` does (and stays while it does not), so that what is made from
        /// it is kept without comparing the counts.
        fileprivate(set) var togetherVersion: Int
    }

    /// The indexes of these pages: those of `previous` with the parts of the changed pages replaced, when
    /// `previous` was gathered from the same pages in the same order; otherwise gathered from every page.
    func indexes(updating previous: Indexes? = nil) -> Indexes {
        // An unchanged page is last build's (the same copy of its fields): told by identity, not by its fields.
        guard var indexes = previous, indexes.pages.count == pages.count,
              zip(indexes.pages, pages).allSatisfy({ $0.isIdentical(to: $1) || $0.item.id == $1.item.id }) else {
            let parts = pages.parallelMap(Self.part(of:))
            // Each index is gathered in one pass in page order; the mentions, the largest, on a thread of their own
            // beside the others.
            let mentions = Beside { PageOrderedIndex(parts.map(\.mentions)) }
            var together: [String: [String: Int]] = [:]
            for part in parts { Self.count(part.pairs, by: 1, into: &together) }
            let citations = PageOrderedIndex(parts.map(\.citations)), backlinks = PageOrderedIndex(parts.map(\.backlinks))
            return Indexes(pages: pages, parts: parts, mentions: mentions.value(), citations: citations, backlinks: backlinks,
                           together: together, togetherVersion: (previous?.togetherVersion ?? 0) + 1)
        }
        for (position, page) in pages.enumerated()
        where !indexes.pages[position].isIdentical(to: page) && !Self.sameLinks(indexes.pages[position], page) {
            let (old, new) = (indexes.parts[position], Self.part(of: page))
            indexes.mentions.replace(at: position, old: old.mentions, new: new.mentions)
            indexes.citations.replace(at: position, old: old.citations, new: new.citations)
            indexes.backlinks.replace(at: position, old: old.backlinks, new: new.backlinks)
            if !old.pairs.elementsEqual(new.pairs, by: { $0 == $1 }) {
                Self.count(old.pairs, by: -1, into: &indexes.together)
                Self.count(new.pairs, by: 1, into: &indexes.together)
                indexes.togetherVersion += 1
            }
            indexes.parts[position] = new
        }
        indexes.pages = pages
        return indexes
    }

    /// Whether two versions of a page give the same part: everything ``part(of:)`` reads is equal.
    private static func sameLinks(_ old: LinkedPage, _ new: LinkedPage) -> Bool {
        old.item.id == new.item.id && old.item.title == new.item.title && old.mentions == new.mentions
            && old.citations == new.citations && old.wikilinkTargets == new.wikilinkTargets
            && old.embeddedMiniatures == new.embeddedMiniatures && old.wikilinkUses == new.wikilinkUses
    }

    /// A page's part of every index.
    static func part(of page: LinkedPage) -> Part {
        let id = page.item.id
        var mentions: [(key: String, value: MentionPlace)] = []
        var mentioned = Set<[String]>()
        for mention in page.mentions where mentioned.insert([mention.concept, mention.blockAnchor ?? ""]).inserted {
            mentions.append((mention.concept, MentionPlace(
                page: id, pageTitle: page.item.title, sectionTitle: mention.sectionTitle,
                link: id.link.with(fragment: mention.blockAnchor ?? mention.sectionAnchor), context: mention.context)))
        }
        // One place per section that cites a reference, linked to the first paragraph there that cites it.
        var citations: [(key: String, value: CitationPlace)] = []
        var cited = Set<CitationSection>()
        for use in page.citations where cited.insert(CitationSection(key: use.key, anchor: use.sectionAnchor)).inserted {
            citations.append((use.key, CitationPlace(page: id, pageTitle: page.item.title, sectionTitle: use.sectionTitle,
                                                     link: id.link.with(fragment: use.blockAnchor ?? use.sectionAnchor))))
        }
        return Part(mentions: mentions, citations: citations, backlinks: backlinks(of: page), pairs: pairs(on: page))
    }

    /// The places a page links to each other page: one per paragraph with a wikilink to it, with the sentence
    /// around the first; a page it links to only from elsewhere (a heading, a list of references) gets one place
    /// without a sentence, at the page's top, and a miniature it embeds one at the embed.
    private static func backlinks(of page: LinkedPage) -> [(key: ContentID, value: MentionPlace)] {
        let id = page.item.id
        var inText: [ContentID: [MentionPlace]] = [:]
        var placed = Set<[String]>()
        for use in page.wikilinkUses where use.target != id
        && placed.insert([use.target.kind.rawValue, use.target.slug, use.blockAnchor ?? use.sectionAnchor ?? ""]).inserted {
            inText[use.target, default: []].append(MentionPlace(
                page: id, pageTitle: page.item.title, sectionTitle: use.sectionTitle,
                link: id.link.with(fragment: use.blockAnchor ?? use.sectionAnchor), context: use.context))
        }
        let embedded = Set(page.embeddedMiniatures)
        let targets = Set(page.wikilinkTargets + page.embeddedMiniatures.map { ContentID(.miniature, $0) })
        return targets.sorted().filter { $0 != id }.flatMap { target -> [(key: ContentID, value: MentionPlace)] in
            if let places = inText[target] { return places.map { (key: target, value: $0) } }
            let embeds = target.kind == .miniature && embedded.contains(target.slug)
            return [(key: target, value: MentionPlace(page: id, pageTitle: page.item.title, sectionTitle: nil,
                                                      link: id.link.with(fragment: embeds ? EmbedExpander.anchor(ofEmbedded: target.slug) : nil),
                                                      context: "", embeds: embeds))]
        }
    }

    private struct CitationSection: Hashable {
        var key: String
        var anchor: String?
    }

    /// The ordered pairs of concepts that share a paragraph of the page; on a concept's own page, the concept
    /// and each concept the page mentions share one more.
    private static func pairs(on page: LinkedPage) -> [(String, String)] {
        var byParagraph: [String: Set<String>] = [:]
        for mention in page.mentions {
            guard let anchor = mention.blockAnchor else { continue }
            byParagraph[anchor, default: []].insert(mention.concept)
        }
        if page.item.id.kind == .concept {
            // A concept's own page relates it to what it mentions.
            for mention in page.mentions { byParagraph["page", default: [page.item.id.slug]].insert(mention.concept) }
        }
        var pairs: [(String, String)] = []
        for group in byParagraph.values where group.count > 1 {
            for a in group { for b in group where a != b { pairs.append((a, b)) } }
        }
        return pairs
    }

    /// Adds `pairs` to the counts, `by` each; a count that reaches zero is removed, as if never counted.
    private static func count(_ pairs: [(String, String)], by step: Int, into together: inout [String: [String: Int]]) {
        for (a, b) in pairs {
            together[a, default: [:]][b, default: 0] += step
            guard together[a]![b] == 0 else { continue }
            together[a]![b] = nil
            if together[a]!.isEmpty { together[a] = nil }
        }
    }

    /// For each concept: the concepts the authors related it to (``RelationIndex``, both ends, typed ones first), then
    /// the concepts that most often share a paragraph with it, up to `limit` in all (or as many as the authors named).
    func relatedConcepts(_ indexes: Indexes, relations: [String: [ConceptRelation]], limit: Int = 6) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for concept in concepts {
            let slug = concept.item.id.slug
            var list = (relations[slug] ?? []).map(\.target)
            let stated = list.count
            let counted = (indexes.together[slug] ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
            for other in counted where other != slug && !list.contains(other) && list.count < max(limit, stated) {
                list.append(other)
            }
            result[slug] = list
        }
        return result
    }
}
