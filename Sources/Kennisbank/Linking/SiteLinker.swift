import KennisbankCore
import KennisbankMarkdown
/// The link step of the pipeline: embeds, anchors, wikilinks, citations and concept mentions,
/// then the indexes that run the other way (mentions, citations, backlinks, related concepts).
public struct SiteLinker: Sendable {
    /// The content to link.
    public var content: Content
    /// What earlier builds linked, for an incremental build; `nil` links every page.
    var cache: LinkCache?

    /// Creates a linker.
    public init(content: Content) {
        self.content = content
    }

    init(content: Content, cache: LinkCache?) {
        self.content = content
        self.cache = cache
    }

    /// Links every page. Problems are collected in ``LinkedSite/diagnostics``.
    public func link() -> LinkedSite {
        var diagnostics: [Diagnostic] = []
        let items = content.items
        // The index of names is made again only when a name changed (an incremental build).
        let cache = self.cache
        let indexGeneration = cache?.names.generation(of: TargetIndex.Names(items: items)) ?? 0
        let (index, nameProblems) = cache?.indexes.value(for: "site", inputs: indexGeneration) { TargetIndex.make(items: items) }
            ?? TargetIndex.make(items: items)
        diagnostics += nameProblems

        // Embeds and anchors first: wikilinks to headings need every page's anchors.
        let expander = EmbedExpander(miniatures: content.miniatures, index: index)
        let prepare = { @Sendable (item: ContentItem) -> PreparedPage in
            var (document, problems, embedded) = expander.expand(item.document, owner: item.id, source: item.source)
            let toc = Anchors.assign(in: &document)
            return PreparedPage(item: item, document: document, toc: toc, headings: Anchors.headings(of: document),
                                embedded: embedded, diagnostics: problems)
        }
        let prepared: [PreparedPage]
        if let cache {
            let miniatures = expander.miniatures
            prepared = cache.prepared.map(keys: items.map(\.id), reuse: { index, entry in
                LinkCache.holds(entry, for: items[index], index: indexGeneration, miniatures: miniatures)
            }, make: { index in
                let page = prepare(items[index])
                return LinkCache.PreparedEntry(index: indexGeneration, embeds: page.embedded.compactMap { miniatures[$0] }, page: page)
            }).map(\.page)
        } else {
            prepared = items.parallelMap(prepare)
        }
        diagnostics += prepared.flatMap(\.diagnostics)
        let headings = Dictionary(uniqueKeysWithValues: prepared.map { ($0.item.id, $0.headings) })

        // Every reference list: each article's own, then each shared bibliography file's.
        let sources: [(document: MarkdownDocument, path: String, article: String?)] =
            prepared.filter { $0.item.id.kind == .article }.map { ($0.document, $0.item.source.path, $0.item.id.slug) }
            + content.bibliographies.map { ($0.document, $0.source.path, nil) }
        let parsed = ReferenceLibrary.ParsedEntries()
        let listed = { @Sendable (index: Int) in
            ReferenceLibrary.listed(in: sources[index].document, path: sources[index].path, article: sources[index].article, parsed: parsed)
        }
        let lists: [[ReferenceLibrary.ListedItem]]
        if let cache {
            let inputs = { @Sendable (index: Int) in LinkCache.ReferenceListInputs(document: sources[index].document, slug: sources[index].article) }
            lists = cache.referenceLists.map(keys: sources.map(\.path), reuse: { index, old in old.inputs == inputs(index) },
                                             make: { index in .init(inputs: inputs(index), list: listed(index)) }).map(\.list)
        } else {
            lists = Array(sources.indices).parallelMap(listed)
        }
        let (references, referenceProblems) = cache?.library.value(for: "site", inputs: lists) { ReferenceLibrary.merge(lists) }
            ?? ReferenceLibrary.merge(lists)
        diagnostics += referenceProblems

        let wikilinks = WikilinkResolver(index: index, headings: headings)
        let environment = cache.map { cache in
            cache.environments.generation(of: LinkEnvironment(
                names: indexGeneration, headings: headings,
                citations: references.references.map { .init(key: $0.key, surnames: $0.surnames, year: $0.year, yearSuffix: $0.yearSuffix) },
                concepts: content.concepts.map { [$0.item.id.slug, $0.item.title] + $0.item.aliases },
                scope: content.site.conceptLinking))
        }
        // The matchers (an automaton over every concept name, the references by surname) depend only on the
        // environment: an incremental build makes them again only when it changed.
        let makeLinkers = { () -> Linkers in
            Linkers(citations: CitationLinker(library: references),
                    concepts: ConceptLinker(concepts: content.concepts, scope: content.site.conceptLinking))
        }
        let linkers = environment.flatMap { cache?.linkers.value(for: "site", inputs: $0, make: makeLinkers) } ?? makeLinkers()
        let (citations, concepts) = (linkers.citations, linkers.concepts)
        let link = { @Sendable (page: PreparedPage) -> (LinkedPage, [Diagnostic]) in
            let source = page.item.source
            let (withLinks, targets, linkProblems) = wikilinks.resolve(page.document, source: source)
            let (withCitations, uses, citationProblems) = citations.link(withLinks, source: source)
            let (withConcepts, mentions) = concepts.link(withCitations, on: page.item.id)
            let linkedPage = LinkedPage(item: page.item, document: withConcepts, tableOfContents: page.toc,
                                        wikilinkTargets: targets, embeddedMiniatures: page.embedded,
                                        mentions: mentions, citations: uses)
            return (linkedPage, linkProblems + citationProblems)
        }
        let linked: [(LinkedPage, [Diagnostic])]
        if let cache, let environment {
            linked = cache.linked.map(keys: prepared.map(\.item.id), reuse: { index, entry in
                entry.inputs == .init(environment: environment, prepared: prepared[index])
            }, make: { index in
                let (page, problems) = link(prepared[index])
                return .init(inputs: .init(environment: environment, prepared: prepared[index]), page: page, problems: problems)
            }).map { ($0.page, $0.problems) }
        } else {
            linked = prepared.parallelMap(link)
        }
        diagnostics += linked.flatMap(\.1)
        let pages = Dictionary(uniqueKeysWithValues: linked.map { ($0.0.item.id, $0.0) })
        let graph = LinkGraph(pages: linked.map(\.0), concepts: content.concepts)
        let indexes = graph.indexes(updating: cache?.takeGraph())
        cache?.keepGraph(indexes)
        return LinkedSite(content: content, pages: pages, references: references,
                          mentions: indexes.mentions.values, citedIn: indexes.citations.values,
                          related: graph.relatedConcepts(indexes), backlinks: indexes.backlinks.values, diagnostics: diagnostics)
    }

    /// The citation and concept linkers of one build.
    struct Linkers {
        var citations: CitationLinker
        var concepts: ConceptLinker
    }

    /// A page with its embeds expanded and its anchors assigned: the first half of linking. Its fields live in
    /// one shared object (``CopyOnWrite``), as it is copied into the memo inputs of the second half.
    struct PreparedPage: Equatable, Sendable {
        private struct Fields: Equatable, Sendable {
            var item: ContentItem
            var document: MarkdownDocument
            var toc: [TableOfContentsEntry]
            var headings: [String: String]
            var embedded: [String]
            var diagnostics: [Diagnostic]
        }

        private var storage: CopyOnWrite<Fields>

        var item: ContentItem { storage.fields.item }
        var document: MarkdownDocument { storage.fields.document }
        var toc: [TableOfContentsEntry] { storage.fields.toc }
        /// The heading anchors, keyed by folded heading text, for `[[page#heading]]`.
        var headings: [String: String] { storage.fields.headings }
        var embedded: [String] { storage.fields.embedded }
        var diagnostics: [Diagnostic] { storage.fields.diagnostics }

        init(item: ContentItem, document: MarkdownDocument, toc: [TableOfContentsEntry], headings: [String: String],
             embedded: [String], diagnostics: [Diagnostic]) {
            storage = CopyOnWrite(Fields(item: item, document: document, toc: toc, headings: headings, embedded: embedded, diagnostics: diagnostics))
        }
    }
}
