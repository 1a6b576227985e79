import KennisbankContent

extension LinkedSite {
    /// The miniatures in the order a reader of the series meets them, by slug: the articles in series order, each
    /// article's embeds in the order of its text (a miniature embedded twice counts where it is first), then the
    /// miniatures no article embeds, in title order. Their pages' previous and next links and the overview use it.
    package var miniatureSequence: [String] {
        let known = Set(content.miniatures.map(\.item.id.slug))
        var seen = Set<String>()
        var sequence: [String] = []
        for article in content.articles {
            for slug in pages[article.item.id]?.embeddedMiniatures ?? [] where known.contains(slug) && seen.insert(slug).inserted {
                sequence.append(slug)
            }
        }
        return sequence + content.miniatures.map(\.item.id.slug).filter { !seen.contains($0) }
    }
}
