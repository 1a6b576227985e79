import KennisbankCore

/// The front-matter fields that name other files by slug: a concept's `related`, a miniature's `lenses` (concepts)
/// and `article`. A slug that names no file would drop the link from the page without a word, so it is an error
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
    }

    /// An error for each slug in `related`, `lenses` and `article` of `concepts` and `miniatures` that is not among
    /// `slugs`, the slugs of the files of each kind (drafts included: a draft is no mistake, only left out).
    static func problems(concepts: [Concept], miniatures: [Miniature], slugs: [ContentKind: Set<String>]) -> [Diagnostic] {
        let fields: [(ContentItem, [Field])] = concepts.map { ($0.item, [Field(key: "related", kind: .concept, slugs: $0.related)]) }
            + miniatures.map { ($0.item, [Field(key: "article", kind: .article, slugs: $0.article.map { [$0] } ?? []),
                                          Field(key: "lenses", kind: .concept, slugs: $0.lenses)]) }
        return fields.flatMap { item, fields in
            let dangling = fields.flatMap { field in field.slugs.filter { !(slugs[field.kind] ?? []).contains($0) }.map { (field, $0) } }
            guard !dangling.isEmpty else { return [Diagnostic]() }
            // The front matter is read again only for a file with a dangling slug, to point at the slug.
            let frontMatter = try? FrontMatter(file: item.source)
            return dangling.map { field, slug in
                Diagnostic(path: item.source.path, position: frontMatter?.position(ofValue: field.key, text: slug) ?? .start,
                           code: .unresolvedSlug,
                           message: "The field '\(field.key)' names '\(slug)', but there is no \(field.kind.rawValue) '\(slug)' (\(field.kind.folder)/\(slug).md).",
                           hint: Suggestions.hint(for: slug, among: (slugs[field.kind] ?? []).sorted()))
            }
        }
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
