import KennisbankContent

/// The relations the authors stated between concepts, read from both ends: what a concept's own file names
/// (`related:` and its `relations:` map) and the inverse of what other concepts name about it, so that
/// "Systemische lens is onderdeel van Vijf lenzen" shows on both pages though it is written once.
enum RelationIndex {
    /// For each concept with relations: its relations, one per other concept, in the order of
    /// ``RelationType/keys``; within a type, those its own file names first, as written, then those other files
    /// name, in the order of `concepts`. A typed relation outranks an untyped one for the same pair (the author
    /// who wrote `related: [b]` in one file and `partOf: [a]` in the other said the second more exactly); of two
    /// typed ones the first stands (``RelationConflicts`` warns of each one left out). Targets that are no concept, and a
    /// concept naming itself, are left out.
    static func relations(of concepts: [Concept]) -> [String: [ConceptRelation]] {
        let known = Set(concepts.map(\.item.id.slug))
        var result: [String: [ConceptRelation]] = [:]
        var places: [String: [String: Int]] = [:]
        func add(_ relation: ConceptRelation, to slug: String) {
            if let index = places[slug]?[relation.target] {
                if result[slug]![index].type == .related, relation.type != .related { result[slug]![index].type = relation.type }
                return
            }
            places[slug, default: [:]][relation.target] = result[slug, default: []].count
            result[slug, default: []].append(relation)
        }
        let stated = concepts.map { concept in
            (concept.item.id.slug, concept.relations + concept.related.map { ConceptRelation(.related, $0) })
        }
        // Each file's own relations first, so that they lead its list; then the inverses.
        for (slug, relations) in stated {
            for relation in relations where known.contains(relation.target) && relation.target != slug { add(relation, to: slug) }
        }
        for (slug, relations) in stated {
            for relation in relations where known.contains(relation.target) && relation.target != slug {
                add(ConceptRelation(relation.type.inverse, slug), to: relation.target)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: RelationType.allCases.enumerated().map { ($1, $0) })
        for (slug, list) in result where list.contains(where: { $0.type != .related }) {
            // A stable sort: within a type, the order above stays.
            result[slug] = list.enumerated().sorted { (order[$0.element.type]!, $0.offset) < (order[$1.element.type]!, $1.offset) }.map(\.element)
        }
        return result
    }
}
