import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// Every reference of the site: the list items under each article's Literatuur heading and of
/// each bibliography file, with keys assigned and the same work listed twice merged into one.
package struct ReferenceLibrary: Sendable {
    /// Headings whose list items are references (compared case-insensitively).
    package static let headings: Set<String> = ["literatuur", "literature", "references", "bronnen", "referenties", "bibliografie"]

    /// Every reference, in APA order (``ReferenceOrder``).
    package private(set) var references: [Reference]
    private var byKey: [String: Int]
    private var listedIn: [String: [String]]

    /// A library of `references`, which have their keys, sorted; `listings` holds the references (by their places in
    /// `references`) that each article lists, as the merge met them (``merge(_:)``).
    private init(sorting references: [Reference], listings: [String: [Int]]) {
        // Each sort key once, not once per comparison: folding surnames is not cheap. The entry's text, lowercased,
        // orders only works of the same authors, year and letter, so it is made only for those.
        let orders = references.map(\.order)
        var texts: [Int: String] = [:]
        func text(_ index: Int) -> String {
            if let known = texts[index] { return known }
            let made = references[index].orderText
            texts[index] = made
            return made
        }
        let sorted = references.indices.sorted { a, b in orders[a] != orders[b] ? orders[a] < orders[b] : text(a) < text(b) }
        self.references = sorted.map { references[$0] }
        self.byKey = Dictionary(self.references.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        // Each article's keys in the library's order, a work listed twice in one article once.
        var place = [Int](repeating: 0, count: sorted.count)
        for (position, index) in sorted.enumerated() { place[index] = position }
        var listed: [String: [String]] = [:]
        for (slug, indexes) in listings {
            var keys: [String] = []
            for position in indexes.map({ place[$0] }).sorted() { Self.add(self.references[position].key, to: &keys) }
            listed[slug] = keys
        }
        self.listedIn = listed
    }

    /// Adds `key` to `keys` unless it is the last of them already.
    private static func add(_ key: String, to keys: inout [String]) {
        if keys.last != key { keys.append(key) }
    }

    /// Whether a heading text names a reference list.
    package static func isReferenceHeading(_ text: String) -> Bool {
        // Asked for every paragraph's section: trimmed by hand, and only short texts are lowercased.
        let trimmed = TextBytes.trimming(text[...], where: TextBytes.isWhitespace)
        guard trimmed.unicodeScalars.count <= longestHeading else { return false }
        return headings.contains(trimmed.lowercased())
    }

    /// The number of scalars of the longest name in ``headings``.
    private static let longestHeading = headings.map(\.unicodeScalars.count).max() ?? 0

    /// Collects the references of the articles' Literatuur lists and the bibliography files.
    package static func build(articles: [(slug: String, source: SourceFile, document: MarkdownDocument)],
                             bibliographies: [Bibliography]) -> (ReferenceLibrary, [Diagnostic]) {
        let parsed = ParsedEntries()
        return merge(articles.map { listed(in: $0.document, path: $0.source.path, article: $0.slug, parsed: parsed) }
                     + bibliographies.map { listed(in: $0.document, path: $0.source.path, article: nil, parsed: parsed) })
    }

    /// One list item of a reference list, parsed: the part of building the library that depends on one file only.
    struct ListedItem: Equatable, Sendable {
        var inlines: [InlineNode]
        var source: ReferenceSource
        var text: String
        /// The parsed entry, or `nil` when the item is not an APA reference.
        var entry: ReferenceParser.Entry?
        /// Surnames, year, letter and title, folded: items with the same identity are one work. Empty when the item
        /// is not an APA reference (`entry` is `nil`).
        var identity: String
        /// What the entry lacks of APA 7's title and source (``ReferenceLibrary/incompleteness(title:source:)``), or `nil`.
        var incompleteness: String?
    }

    /// The reference list items of one article (those under its Literatuur heading) or of one bibliography
    /// file (`article` is `nil`: every list), parsed.
    ///
    /// `parsed` remembers the entries already parsed in this build: a work that many articles list is parsed once.
    static func listed(in document: MarkdownDocument, path: String, article: String?, parsed: ParsedEntries) -> [ListedItem] {
        let blocks = article == nil ? Array(document.blocks.indices) : referenceLists(in: document)
        let items = blocks.flatMap { listItems(of: document.blocks[$0], path: path, article: article) }
        return items.map { item in
            let text = item.inlines.plainText
            let (entry, identity) = parsed.entry(of: text)
            return ListedItem(inlines: item.inlines, source: item.source, text: text, entry: entry, identity: identity,
                              incompleteness: entry.flatMap { incompleteness(title: $0.title, source: $0.source) })
        }
    }

    /// The entries parsed from list items' texts, with their identities, shared by the workers of one build.
    final class ParsedEntries: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: (entry: ReferenceParser.Entry?, identity: String)] = [:]

        /// Creates an empty table.
        init() {}

        /// The entry a list item's text parses to (`nil` when it is not an APA reference) and its identity:
        /// surnames, year, letter and title, folded.
        func entry(of text: String) -> (entry: ReferenceParser.Entry?, identity: String) {
            if let known = lock.withLock({ entries[text] }) { return known }
            let entry = ReferenceParser.parse(text)
            let identity = entry.map { entry in
                [entry.surnames.map(ReferenceKey.fold).joined(separator: "+"), entry.year, entry.yearSuffix ?? "",
                 ReferenceKey.fold(entry.title ?? text)].joined(separator: "|")
            } ?? ""
            lock.withLock { entries[text] = (entry, identity) }
            return (entry, identity)
        }
    }

    /// The library made of every file's listed items, in file order: works listed twice merged, keys assigned.
    static func merge(_ lists: [[ListedItem]]) -> (ReferenceLibrary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var works: [(entry: ReferenceParser.Entry, reference: Reference)] = []
        var identity: [String: Int] = [:]
        // The works each article lists, by their places in `works`.
        var listings: [String: [Int]] = [:]
        // The items are read in place, not copied: most are works listed before, which need only their identity and
        // source (a site lists tens of thousands, and `serve` merges them again after an edit of a reference list).
        for list in lists {
            var listed: [Int] = []
            defer { if let slug = list.first?.source.articleSlug, !listed.isEmpty { listings[slug, default: []] += listed } }
            for index in list.indices {
                let source = list[index].source
                guard !list[index].identity.isEmpty else {
                    diagnostics.append(Diagnostic(path: source.path, position: source.position, severity: .warning, code: .invalidReference,
                                                  message: "The list item '\(list[index].text.prefix(60))' is not an APA reference: it needs 'Surname, I. (year).' at its start."))
                    continue
                }
                if let problem = list[index].incompleteness {
                    diagnostics.append(Diagnostic(path: source.path, position: source.position, severity: .warning, code: .incompleteReference,
                                                  message: "The reference '\(list[index].text.prefix(60))' is incomplete: \(problem)."))
                }
                if let existing = identity[list[index].identity] {
                    works[existing].reference.sources.append(source)
                    listed.append(existing)
                    continue
                }
                let item = list[index], entry = item.entry!
                listed.append(works.count)
                identity[item.identity] = works.count
                works.append((entry, Reference(key: "", surnames: entry.surnames, year: entry.year, yearSuffix: entry.yearSuffix,
                                               title: entry.title, inlines: item.inlines, sources: [source],
                                               authorsAbbreviated: entry.authorsAbbreviated, isAuthorAndYearOnly: entry.isAuthorAndYearOnly)))
            }
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
        return (ReferenceLibrary(sorting: works.map(\.reference), listings: listings), diagnostics)
    }

    /// What an entry with `title` and `source` lacks of APA 7's title and source after the year, as the end of a
    /// sentence, or `nil`.
    private static func incompleteness(title: String?, source: String?) -> String? {
        if title == nil { return "APA 7 needs a title and a source (publisher, journal or web address) after the year" }
        if source == nil { return "APA 7 needs a source (publisher, journal or web address) after the title" }
        return nil
    }

    /// The indexes of an article's reference lists among its top-level blocks: the lists under a heading named
    /// in ``headings``, up to the next heading of the same or a higher level.
    package static func referenceLists(in document: MarkdownDocument) -> [Int] {
        var lists: [Int] = []
        var inSection = false
        var level = 0
        for (index, block) in document.blocks.enumerated() {
            if case .heading(let headingLevel, _) = block.kind {
                if isReferenceHeading(block.inlines.plainText) { inSection = true; level = headingLevel }
                else if headingLevel <= level { inSection = false }
            } else if inSection, case .list = block.kind {
                lists.append(index)
            }
        }
        return lists
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
    package func reference(forKey key: String) -> Reference? { byKey[key].map { references[$0] } }

    /// The keys each article lists in its own Literatuur list, by article slug.
    package var listings: [String: [String]] { listedIn }

    /// The keys listed in an article's own Literatuur list, in APA order.
    package func listed(inArticle slug: String) -> [String] { listedIn[slug] ?? [] }

    /// An article's reference list: what it cites plus what it lists, once each, in APA order.
    package func keys(forArticle slug: String, cited: [String]) -> [String] {
        let wanted = Set(cited + listed(inArticle: slug))
        // Through the key table when every key is one reference's (the usual case: there can be two works
        // with one key, when more than 26 share a surname and year).
        guard byKey.count == references.count else { return references.map(\.key).filter { wanted.contains($0) } }
        return wanted.compactMap { byKey[$0] }.sorted().map { references[$0].key }
    }

    /// All references whose first author's folded surname is `surname`.
    func candidates(surname: String) -> [Reference] {
        let folded = ReferenceKey.fold(surname)
        return references.filter { ReferenceKey.fold($0.surnames.first ?? "") == folded }
    }
}
