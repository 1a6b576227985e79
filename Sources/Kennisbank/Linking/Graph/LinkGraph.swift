/// The indexes that run against the direction of the links: from a concept to the places that
/// mention it, from a reference to the places that cite it, from a page to the pages linking to it.
struct LinkGraph {
    /// The linked pages in site order: articles, concepts, miniatures.
    let pages: [LinkedPage]
    /// The concepts, for their author-given `related` lists.
    let concepts: [Concept]

    /// Where each concept is mentioned: one place per paragraph, in page order.
    func mentionPlaces() -> [String: [MentionPlace]] {
        var places: [String: [MentionPlace]] = [:]
        var seen = Set<[String]>()
        for page in pages {
            for mention in page.mentions {
                let key = [mention.concept, page.item.id.description, mention.blockAnchor ?? ""]
                guard seen.insert(key).inserted else { continue }
                places[mention.concept, default: []].append(MentionPlace(
                    page: page.item.id, pageTitle: page.item.title, sectionTitle: mention.sectionTitle,
                    link: page.item.id.link.with(fragment: mention.blockAnchor ?? mention.sectionAnchor),
                    context: mention.context))
            }
        }
        return places
    }

    /// Where each reference is cited: one place per section of a page.
    func citationPlaces() -> [String: [CitationPlace]] {
        var places: [String: [CitationPlace]] = [:]
        for page in pages {
            // Once per reference and section of a page.
            var seen = Set<CitationSection>()
            for use in page.citations {
                guard seen.insert(CitationSection(key: use.key, anchor: use.sectionAnchor)).inserted else { continue }
                places[use.key, default: []].append(CitationPlace(
                    page: page.item.id, pageTitle: page.item.title, sectionTitle: use.sectionTitle,
                    link: page.item.id.link.with(fragment: use.sectionAnchor)))
            }
        }
        return places
    }

    private struct CitationSection: Hashable {
        var key: String
        var anchor: String?
    }

    /// For each concept: its `related` list, then the concepts that most often share a paragraph with it.
    func relatedConcepts(limit: Int = 6) -> [String: [String]] {
        let known = Set(concepts.map(\.item.id.slug))
        var together: [String: [String: Int]] = [:]
        for page in pages {
            var byParagraph: [String: Set<String>] = [:]
            for mention in page.mentions {
                guard let anchor = mention.blockAnchor else { continue }
                byParagraph[anchor, default: []].insert(mention.concept)
            }
            if page.item.id.kind == .concept {
                // A concept's own page relates it to what it mentions.
                for mention in page.mentions { byParagraph["page", default: [page.item.id.slug]].insert(mention.concept) }
            }
            for group in byParagraph.values where group.count > 1 {
                for a in group { for b in group where a != b { together[a, default: [:]][b, default: 0] += 1 } }
            }
        }
        var result: [String: [String]] = [:]
        for concept in concepts {
            let slug = concept.item.id.slug
            var list = concept.related.filter { known.contains($0) && $0 != slug }
            let counted = (together[slug] ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
            for other in counted where !list.contains(other) && list.count < max(limit, concept.related.count) {
                list.append(other)
            }
            result[slug] = list
        }
        return result
    }

    /// Pages that link to each page with a wikilink or embed it.
    func backlinks() -> [ContentID: [ContentID]] {
        var result: [ContentID: [ContentID]] = [:]
        for page in pages {
            let targets = Set(page.wikilinkTargets + page.embeddedMiniatures.map { ContentID(.miniature, $0) })
            for target in targets.sorted() where target != page.item.id {
                result[target, default: []].append(page.item.id)
            }
        }
        return result
    }
}
