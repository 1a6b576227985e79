import KennisbankCore

/// The front-matter fields that name other files by slug: a concept's `related` and the lists of its `relations:`
/// map, a miniature's `lenses` (concepts) and `article`. A slug that names no file would drop the link from the page without a word, so it is an error
/// (`unresolved-slug`) at the slug itself, with "did you mean" when a slug of the right kind is close.
enum FieldReferences {
    /// One field that names files by slug.
    private struct Field {
        /// The field's name.
        var key: String
        /// The kind of file it names.
        var kind: ContentKind
        /// The slugs it names, as written.
        var slugs: [String]
        /// The relation type, for a list of the `relations:` map.
        var relation: RelationType? = nil
    }

    /// An error for each slug in `related`, `lenses` and `article` of `concepts` and `miniatures` that names no file
    /// of its kind: not among `articles` and `concepts` (the slugs read into the site) nor among `files`, the
    /// markdown files found of each kind (drafts included: a draft is no mistake, only left out). The file list is
    /// looked at only for a slug the site does not hold, so the usual case costs one look-up per slug.
    /// A concept's `relations:` keys that are no relation type are errors too (`unknown-relation`), reported here with
    /// the file's dangling slugs, in the order they stand in the file.
    static func problems(concepts: [Concept], miniatures: [Miniature], articles: [Article], files: [(ContentKind, String)]) -> [Diagnostic] {
        let conceptSlugs = Set(concepts.lazy.map(\.item.id.slug))
        var articleSlugs: Set<String>?
        var fileSlugs: [ContentKind: Set<String>]?
        var problems: [Diagnostic] = []
        func check(_ item: ContentItem, _ field: Field) {
            let dangling = field.slugs.filter { slug in
                let known: Bool
                switch field.kind {
                case .concept: known = conceptSlugs.contains(slug)
                default:
                    if articleSlugs == nil { articleSlugs = Set(articles.lazy.map(\.item.id.slug)) }
                    known = articleSlugs!.contains(slug)
                }
                guard !known else { return false }
                if fileSlugs == nil { fileSlugs = slugs(of: files) }
                return !(fileSlugs![field.kind] ?? []).contains(slug)
            }
            guard !dangling.isEmpty else { return }
            // The front matter is read again only for a file with a dangling slug, to point at the slug.
            let frontMatter = try? FrontMatter(file: item.source)
            let known = (fileSlugs?[field.kind] ?? []).sorted()
            for slug in dangling {
                let position = field.relation.map { frontMatter?.position(ofRelation: field.key, type: $0, text: slug) }
                    ?? frontMatter?.position(ofValue: field.key, text: slug)
                let name = field.relation.map { "\(field.key).\($0.rawValue)" } ?? field.key
                problems.append(Diagnostic(path: item.source.path, position: position ?? .start,
                                           code: .unresolvedSlug,
                                           message: "The field '\(name)' names '\(slug)', but there is no \(field.kind.rawValue) '\(slug)' (\(field.kind.folder)/\(slug).md).",
                                           hint: Suggestions.hint(for: slug, among: known)))
            }
        }
        for concept in concepts {
            let before = problems.count
            if !concept.unknownRelationTypes.isEmpty, let frontMatter = try? FrontMatter(file: concept.item.source) {
                problems += concept.unknownRelationTypes.map { frontMatter.unknownRelation("relations", name: $0) }
            }
            if !concept.related.isEmpty { check(concept.item, Field(key: "related", kind: .concept, slugs: concept.related)) }
            for type in RelationType.allCases {
                let slugs = concept.relations.filter { $0.type == type }.map(\.target)
                if !slugs.isEmpty { check(concept.item, Field(key: "relations", kind: .concept, slugs: slugs, relation: type)) }
            }
            if problems.count - before > 1 {
                // The file's problems in the order they stand in it.
                let own = problems[before...].sorted { ($0.position ?? .start) < ($1.position ?? .start) }
                problems.replaceSubrange(before..., with: own)
            }
        }
        for miniature in miniatures {
            if let article = miniature.article { check(miniature.item, Field(key: "article", kind: .article, slugs: [article])) }
            if !miniature.lenses.isEmpty { check(miniature.item, Field(key: "lenses", kind: .concept, slugs: miniature.lenses)) }
        }
        return problems
    }

    /// The slugs of `files`, the paths of the markdown files found of each kind.
    static func slugs(of files: [(ContentKind, String)]) -> [ContentKind: Set<String>] {
        var slugs: [ContentKind: Set<String>] = [:]
        for (kind, path) in files {
            guard let name = path.split(separator: "/").last, name.hasSuffix(".md") else { continue }
            slugs[kind, default: []].insert(String(name.dropLast(3)))
        }
        return slugs
    }
}
