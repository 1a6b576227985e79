import KennisbankCore

/// The fields Kennisbank reads from each kind of file, so that a field it would ignore (`titel:` for
/// `title:`) is a warning and not lost without a word.
///
/// The lists name every field the loader and the later steps read; the README's content-format table lists
/// the same fields for the author.
package enum KnownFields {
    /// The fields every article, concept and miniature may have.
    private static let shared = ["title", "aliases", "summary", "ignoreWarnings"]

    /// The fields of a file of `kind`.
    package static func of(_ kind: ContentKind) -> [String] {
        switch kind {
        case .article: return shared + ["subtitle", "authors", "series", "date", "tags", "draft"]
        case .concept: return shared + ["related", "relations", "group", "linking"]
        case .miniature: return shared + ["article", "lenses"]
        case .route: return shared + ["audience", "draft"]
        }
    }

    /// The settings of site.yml.
    package static let site = ["title", "description", "language", "baseURL", "author", "conceptLinking", "unsafeHTML",
                               "portable", "seriesAuthor", "updated", "epub", "gitDates"]

    /// A warning for each field of a content file of `kind` that Kennisbank does not read, at its key: with a
    /// "did you mean" hint when it is close to a field of the kind, or naming the kinds that have it.
    package static func warnings(for fields: FrontMatter, of kind: ContentKind) -> [Diagnostic] {
        let known = of(kind)
        return unknown(in: fields, known: known).map { key in
            let owners = ContentKind.allCases.filter { $0 != kind && of($0).contains(key) }
            guard owners.isEmpty else {
                let names = owners.map { "\($0.rawValue)s" }.joined(separator: " and ")
                return warning(fields, key, "The field '\(key)' is a field of \(names), not of \(kind.rawValue)s; Kennisbank ignores it.")
            }
            return warning(fields, key, "The field '\(key)' is not a field of \(kind.rawValue)s; Kennisbank ignores it.",
                           hint: Suggestions.hint(for: key, among: known))
        }
    }

    /// A warning for each setting of site.yml that Kennisbank does not read, at its key.
    package static func siteWarnings(for fields: FrontMatter) -> [Diagnostic] {
        unknown(in: fields, known: site).map { key in
            warning(fields, key, "The field '\(key)' is not a setting of site.yml; Kennisbank ignores it.",
                    hint: Suggestions.hint(for: key, among: site))
        }
    }

    /// The keys of `fields` that `known` does not name, in the order they stand in the file.
    private static func unknown(in fields: FrontMatter, known: [String]) -> [String] {
        fields.keys.filter { !known.contains($0) }.sorted { fields.position(of: $0) < fields.position(of: $1) }
    }

    private static func warning(_ fields: FrontMatter, _ key: String, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(path: fields.file.path, position: fields.position(of: key), severity: .warning, code: .unknownField,
                   message: message, hint: hint)
    }
}
