import KennisbankCore

/// The relations between concepts that the site leaves out, each a warning (`conflicting-relation`) at the slug
/// where it is written, so that no relation the author wrote is dropped without a word:
/// - a concept that names itself (in `related:` or a list of `relations:`);
/// - a typed relation between two concepts that already stand in another typed relation: written twice in one
///   file under two types, or in both files with types that are not each other's inverse (`partOf` in one,
///   `broader` in the other). As the link step reads them (`RelationIndex`), each file's own relations come
///   first, in the order of the concepts, then the inverses of what the other files name; the first typed relation
///   of a pair stands. An untyped relation never conflicts: a typed one between the same two outranks it.
enum RelationConflicts {
    /// The warnings about `concepts`, in the site's order of concepts (by title), each file's in the order they stand in it.
    static func problems(_ concepts: [Concept]) -> [Diagnostic] {
        // A relation as written: the concept whose file writes it, the relation, and for one left out, the type
        // that stands between the two, from the writer's side, and whether the file itself set it.
        typealias Written = (writer: Int, relation: ConceptRelation, standing: (type: RelationType, sameFile: Bool)?)
        var dropped: [Written] = []
        var selfNamed: [Written] = []
        // The type that stands for each ordered pair of concepts, from the first concept's side.
        var standing: [String: [String: RelationType]] = [:]
        /// Sets `type` for the pair unless one stands; returns the other type that stands, if any.
        func add(_ type: RelationType, from: String, to: String) -> RelationType? {
            if let earlier = standing[from]?[to] { return earlier == type ? nil : earlier }
            standing[from, default: [:]][to] = type
            return nil
        }
        for (index, concept) in concepts.enumerated() {
            let slug = concept.item.id.slug
            for target in concept.related where target == slug { selfNamed.append((index, ConceptRelation(.related, target), nil)) }
            for relation in concept.relations where relation.target == slug { selfNamed.append((index, relation, nil)) }
        }
        let typed = concepts.enumerated().filter { !$0.element.relations.isEmpty }
        guard !typed.isEmpty || !selfNamed.isEmpty else { return [] }
        let known = Set(concepts.lazy.map(\.item.id.slug))
        // The relations left out in the first pass, with the concepts that write them.
        struct Dropped: Hashable { let writer: Int, relation: ConceptRelation }
        var droppedOwn = Set<Dropped>()
        for (index, concept) in typed {
            let slug = concept.item.id.slug
            for relation in concept.relations where relation.target != slug && known.contains(relation.target) {
                guard let other = add(relation.type, from: slug, to: relation.target) else { continue }
                dropped.append((index, relation, (other, true)))
                droppedOwn.insert(Dropped(writer: index, relation: relation))
            }
        }
        for (index, concept) in typed {
            let slug = concept.item.id.slug
            for relation in concept.relations where relation.target != slug && known.contains(relation.target) {
                guard let other = add(relation.type.inverse, from: relation.target, to: slug),
                      !droppedOwn.contains(Dropped(writer: index, relation: relation)) else { continue }
                dropped.append((index, relation, (other.inverse, false)))
            }
        }
        var problems: [Diagnostic] = []
        let byWriter = Dictionary(grouping: selfNamed + dropped, by: \.writer)
        for index in byWriter.keys.sorted() {
            let concept = concepts[index], own = byWriter[index]!
            guard let frontMatter = try? FrontMatter(file: concept.item.source) else { continue }
            let slug = concept.item.id.slug
            let found = own.map { _, relation, standing -> Diagnostic in
                // A self-relation of `related:` is told from one of `relations:` by its type and the lists that hold it.
                let inRelated = standing == nil && relation.type == .related && concept.related.contains(slug)
                    && !concept.relations.contains(relation)
                let field = inRelated ? "related" : "relations.\(relation.type.rawValue)"
                let position = inRelated ? frontMatter.position(ofValue: "related", text: slug)
                    : frontMatter.position(ofRelation: "relations", type: relation.type, text: relation.target)
                let message = standing.map { conflict(relation, standing: $0.type, sameFile: $0.sameFile) }
                    ?? "The field '\(field)' names this concept itself ('\(slug)'); a concept relates only to others, so it is left out."
                return Diagnostic(path: concept.item.source.path, position: position, severity: .warning, code: .conflictingRelation,
                                  message: message)
            }
            problems += found.sorted { ($0.position ?? .start) < ($1.position ?? .start) }
        }
        return problems
    }

    /// The message for a typed relation left out where the two concepts already stand in `standing` (from the
    /// writer's side): by an earlier relation of the same file (`sameFile`), or on the other concept's page.
    private static func conflict(_ relation: ConceptRelation, standing: RelationType, sameFile: Bool) -> String {
        let written = "The field 'relations.\(relation.type.rawValue)' says that this concept \(relation.type.label) '\(relation.target)'"
        if sameFile {
            return written + ", but this file already says that it \(standing.label) '\(relation.target)'; two concepts have one relation, so this one is left out."
        }
        return written + ", but the page of '\(relation.target)' already shows that this concept \(standing.label) it; the two pages disagree, and that page leaves this one out."
    }
}
