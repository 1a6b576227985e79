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

    /// The warning for an article without a `date`: the feed leaves it out rather than give it a date its source
    /// does not state. At the start of the file; the loader adds it to ``diagnostics``.
    static func missingDate(_ article: Article) -> Diagnostic {
        Diagnostic(path: article.item.source.path, position: .start, severity: .warning, code: .missingDate,
                   message: "The article has no date, so the feed (feed.xml) leaves it out.",
                   hint: "add 'date: YYYY-MM-DD' to its front matter, the date its source gives")
    }

    /// Whether the site has a feed: whether any article has a date, its `date` or its last commit's (the feed
    /// shows only dated articles, and Atom asks a date of the feed itself, which undated articles cannot give).
    package var hasFeed: Bool { articles.contains { $0.date != nil || $0.item.lastModified != nil } }

    /// What each content file acknowledges with `ignoreWarnings`, by path: the files that list something.
    package var ignoredWarnings: [String: IgnoredWarnings] {
        Dictionary((items + routes.map(\.item)).filter { $0.ignoredWarnings != .none }.map { ($0.source.path, $0.ignoredWarnings) }, uniquingKeysWith: { first, _ in first })
    }
}
