import KennisbankCore
import KennisbankContent

// The views of the concept cards, made from the linked site (see `RenderJob`).
extension PageModels {
    /// The card deck: every concept as a card, in title order.
    func cardDeckView(path: String) -> CardDeckView {
        CardDeckView(frame: frame(of: .cardDeck),
                     cards: site.conceptOrder.compactMap { card(of: $0, from: path) })
    }

    /// The card of `site.content.concepts[index]` as a page of its own, to embed.
    func conceptCardView(_ index: Int, path: String) -> ConceptCardView {
        let id = site.concept(at: index).item.id
        let card = card(of: id, from: path)!
        var frame = frame(path: path, title: card.title, kind: .conceptCard, description: card.summary)
        // The card's canonical page is the concept's: search engines should send readers there, not to the embed.
        frame.canonical = site.settings.baseURL.map { $0 + id.link.path }
        return ConceptCardView(frame: frame, card: card)
    }

    /// The concept page's links to its card and the deck, and the snippet that embeds the card.
    func cardLinks(of concept: ContentID, title: String) -> ConceptCardLinks {
        let path = concept.link.path
        let card = PageKind.cardLink(of: concept)
        let embed = site.settings.baseURL.map { baseURL in
            #"<iframe src="\#(card.address(baseURL: baseURL))" title="Begrip: \#(HTML.escape(title))" width="400" height="280" "#
                + #"style="border: 0; max-width: 100%;" loading="lazy"></iframe>"#
        }
        return ConceptCardLinks(card: card.relative(from: path),
                                deck: PageKind.cardDeck.link(fragment: "kaart-" + concept.slug).relative(from: path),
                                embed: embed)
    }

    /// What the card of `concept` shows, with links relative to `path`; `nil` for a concept the site does not have.
    private func card(of concept: ContentID, from path: String) -> ConceptCardEntry? {
        guard let signature = site.signature(concept) else { return nil }
        return ConceptCardEntry(title: signature.title, summary: signature.summary, group: signature.group.map(GroupNames.display),
                                url: concept.link.relative(from: path),
                                shortAddress: site.settings.baseURL.map { Self.shortAddress(concept.link.address(baseURL: $0)) },
                                slug: concept.slug)
    }

    /// An address as a card prints it: without `https://` or `http://`, and without its final slash.
    static func shortAddress(_ address: String) -> String {
        var short = Substring(address)
        for scheme in ["https://", "http://"] where short.hasPrefix(scheme) {
            short = short.dropFirst(scheme.count)
        }
        return String(short.hasSuffix("/") ? short.dropLast() : short)
    }
}
