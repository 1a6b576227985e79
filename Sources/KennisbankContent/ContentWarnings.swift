import KennisbankCore

extension Content {
    /// The warning for an article that names no authors while site.yml names no `seriesAuthor`: at its empty
    /// `authors` field, or at the start of the file. The loader adds it to ``diagnostics``.
    static func missingAuthor(_ article: Article) -> Diagnostic {
        let fields = try? FrontMatter(file: article.item.source)
        let position = fields.flatMap { $0.keys.contains("authors") ? $0.position(of: "authors") : nil } ?? .start
        return Diagnostic(path: article.item.source.path, position: position, severity: .warning, code: .missingAuthor,
                          message: "The article names no authors, so 'Citeer dit artikel' puts its title where the author goes.",
                          hint: "add 'authors:' to its front matter, or name the series' author as 'seriesAuthor:' in site.yml")
    }

    /// What each content file acknowledges with `ignoreWarnings`, by path: the files that list something.
    public var ignoredWarnings: [String: IgnoredWarnings] {
        Dictionary(items.filter { $0.ignoredWarnings != .none }.map { ($0.source.path, $0.ignoredWarnings) }, uniquingKeysWith: { first, _ in first })
    }
}
