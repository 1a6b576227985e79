import KennisbankCore

/// What a concept's card shows, on the card deck and on the card's own page: its title, summary and group, and the
/// way to its page.
struct ConceptCardEntry: TemplateView {
    var title: String
    var summary: String?
    /// The display name of the concept's group ("De vijf lenzen"), or `nil`.
    var group: String?
    /// The concept's page, relative to the page that shows the card.
    var url: String
    /// The page's address without its scheme and final slash (`kb.example.nl/begrippen/niet-weten`), printed on the
    /// card; `nil` without a `baseURL`, where no address would reach it from paper.
    var shortAddress: String?
    /// The concept's slug, the card's anchor on the deck.
    var slug: String

    static let fields = TemplateFields<ConceptCardEntry>([
        .init("title") { $0.title },
        .init("summary") { $0.summary },
        .init("group") { $0.group },
        .init("url") { $0.url },
        .init("shortAddress") { $0.shortAddress },
        .init("slug") { $0.slug },
    ])
}

/// The card deck (`concept-cards.mustache`, `begrippen/kaarten/`): every concept as a card, in title order.
struct CardDeckView: PageView {
    var frame: PageFrame
    var cards: [ConceptCardEntry]

    static let fields = TemplateFields<CardDeckView>([
        .init("frame") { $0.frame },
        .init("cards") { $0.cards },
    ])
}

/// A concept's card as a page of its own (`concept-card.mustache`, `begrippen/<slug>/kaart/`): small and without
/// the site's header, to be shown in an `iframe` on another site.
struct ConceptCardView: PageView {
    var frame: PageFrame
    var card: ConceptCardEntry

    static let fields = TemplateFields<ConceptCardView>([
        .init("frame") { $0.frame },
        .init("card") { $0.card },
    ])
}

/// The concept page's way to its card: the card's page, the deck, and the snippet that embeds the card elsewhere.
struct ConceptCardLinks: TemplateView {
    /// The card's page, relative to the concept's page (`kaart/`).
    var card: String
    /// The card deck, relative to the concept's page, at the concept's card.
    var deck: String
    /// The `<iframe>` to paste into another site, with the card's absolute address; `nil` without a `baseURL`,
    /// where there is no address another site could load.
    var embed: String?

    static let fields = TemplateFields<ConceptCardLinks>([
        .init("card") { $0.card },
        .init("deck") { $0.deck },
        .init("embed") { $0.embed },
    ])
}
