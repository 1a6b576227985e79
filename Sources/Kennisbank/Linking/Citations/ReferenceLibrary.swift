import Foundation

/// Every reference of the site: the list items under each article's Literatuur heading and of
/// each bibliography file, with keys assigned and the same work listed twice merged into one.
public struct ReferenceLibrary: Sendable {
    /// Headings whose list items are references (compared case-insensitively).
    public static let headings: Set<String> = ["literatuur", "literature", "references", "bronnen", "referenties", "bibliografie"]

    /// Every reference, in APA order.
    public private(set) var references: [Reference]
    private var byKey: [String: Int]
    private var listedIn: [String: [String]]

    /// Creates a library from references that already have keys.
    public init(references: [Reference]) {
        // Each sort key once, not once per comparison: folding a surname and a whole entry is not cheap.
        self.references = references.map { ($0.sortKey, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        self.byKey = Dictionary(self.references.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        var listed: [String: [String]] = [:]
        for reference in self.references {
            for slug in Set(reference.sources.compactMap(\.articleSlug)) { listed[slug, default: []].append(reference.key) }
        }
        self.listedIn = listed
    }

    /// Whether a heading text names a reference list.
    public static func isReferenceHeading(_ text: String) -> Bool {
        headings.contains(text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    /// Collects the references of the articles' Literatuur lists and the bibliography files.
    public static func build(articles: [(slug: String, source: SourceFile, document: MarkdownDocument)],
                             bibliographies: [Bibliography]) -> (ReferenceLibrary, [Diagnostic]) {
        var items: [(inlines: [InlineNode], source: ReferenceSource)] = []
        for article in articles {
            var inList = false
            var level = 0
            for block in article.document.blocks {
                if case .heading(let headingLevel, _) = block.kind {
                    if isReferenceHeading(block.inlines.plainText) { inList = true; level = headingLevel }
                    else if headingLevel <= level { inList = false }
                    continue
                }
                guard inList else { continue }
                items += listItems(of: block, path: article.source.path, article: article.slug)
            }
        }
        for bibliography in bibliographies {
            for block in bibliography.document.blocks {
                items += listItems(of: block, path: bibliography.source.path, article: nil)
            }
        }
        var diagnostics: [Diagnostic] = []
        var works: [(entry: ReferenceParser.Entry, reference: Reference)] = []
        var identity: [String: Int] = [:]
        for item in items {
            let text = item.inlines.plainText
            guard let entry = ReferenceParser.parse(text) else {
                diagnostics.append(Diagnostic(path: item.source.path, position: item.source.position, severity: .warning, code: .invalidReference,
                                              message: "The list item '\(text.prefix(60))' is not an APA reference: it needs 'Surname, I. (year).' at its start."))
                continue
            }
            let same = [entry.surnames.map(ReferenceKey.fold).joined(separator: "+"), entry.year, entry.yearSuffix ?? "",
                        ReferenceKey.fold(entry.title ?? text)].joined(separator: "|")
            if let existing = identity[same] {
                works[existing].reference.sources.append(item.source)
                continue
            }
            identity[same] = works.count
            works.append((entry, Reference(key: "", surnames: entry.surnames, year: entry.year, yearSuffix: entry.yearSuffix,
                                           title: entry.title, inlines: item.inlines, sources: [item.source])))
        }
        // Keys: surname + year (+ given letter); works that would share a key get letters in list order.
        var groups: [String: [Int]] = [:]
        for (index, work) in works.enumerated() {
            let base = ReferenceKey.fold(work.entry.surnames[0]) + (work.entry.year == "n.d." ? "nd" : work.entry.year)
            groups[base + (work.entry.yearSuffix ?? ""), default: []].append(index)
        }
        for (base, members) in groups {
            if members.count == 1 {
                works[members[0]].reference.key = base
                continue
            }
            let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
            for (position, index) in members.enumerated() {
                let letter = letters[min(position, letters.count - 1)]
                works[index].reference.key = base + letter
                works[index].reference.yearSuffix = (works[index].reference.yearSuffix ?? "") + letter
            }
        }
        return (ReferenceLibrary(references: works.map(\.reference)), diagnostics)
    }

    /// The list items of a list block (nested lists included), each as its first paragraph's inlines.
    private static func listItems(of block: BlockNode, path: String, article: String?) -> [(inlines: [InlineNode], source: ReferenceSource)] {
        guard case .list = block.kind else { return [] }
        return block.children.compactMap { item in
            guard let paragraph = item.children.first(where: { if case .paragraph = $0.kind { return true } else { return false } }) else { return nil }
            return (paragraph.inlines, ReferenceSource(path: path, position: item.range.start, articleSlug: article))
        }
    }

    /// The reference with a key.
    public func reference(forKey key: String) -> Reference? { byKey[key].map { references[$0] } }

    /// The keys listed in an article's own Literatuur list, in APA order.
    public func listed(inArticle slug: String) -> [String] { listedIn[slug] ?? [] }

    /// An article's reference list: what it cites plus what it lists, once each, in APA order.
    public func keys(forArticle slug: String, cited: [String]) -> [String] {
        let wanted = Set(cited + listed(inArticle: slug))
        return references.map(\.key).filter { wanted.contains($0) }
    }

    /// All references whose first author's folded surname is `surname`.
    func candidates(surname: String) -> [Reference] {
        let folded = ReferenceKey.fold(surname)
        return references.filter { ReferenceKey.fold($0.surnames.first ?? "") == folded }
    }
}
