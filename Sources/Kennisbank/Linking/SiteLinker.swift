/// The link step of the pipeline: embeds, anchors, wikilinks, citations and concept mentions,
/// then the indexes that run the other way (mentions, citations, backlinks, related concepts).
public struct SiteLinker: Sendable {
    /// The content to link.
    public var content: Content

    /// Creates a linker.
    public init(content: Content) {
        self.content = content
    }

    /// Links every page. Problems are collected in ``LinkedSite/diagnostics``.
    public func link() -> LinkedSite {
        var diagnostics: [Diagnostic] = []
        let items = content.items
        let (index, nameProblems) = TargetIndex.make(items: items)
        diagnostics += nameProblems

        // Embeds and anchors first: wikilinks to headings need every page's anchors.
        let expander = EmbedExpander(miniatures: content.miniatures, index: index)
        let prepared: [PreparedPage] = items.parallelMap { item in
            var (document, problems, embedded) = expander.expand(item.document, owner: item.id, source: item.source)
            let toc = Anchors.assign(in: &document)
            return PreparedPage(item: item, document: document, toc: toc, embedded: embedded, diagnostics: problems)
        }
        diagnostics += prepared.flatMap(\.diagnostics)
        let headings = Dictionary(uniqueKeysWithValues: prepared.map { ($0.item.id, Anchors.headings(of: $0.document)) })

        let (references, referenceProblems) = ReferenceLibrary.build(
            articles: prepared.filter { $0.item.id.kind == .article }.map { (slug: $0.item.id.slug, source: $0.item.source, document: $0.document) },
            bibliographies: content.bibliographies)
        diagnostics += referenceProblems

        let wikilinks = WikilinkResolver(index: index, headings: headings)
        let citations = CitationLinker(library: references)
        let concepts = ConceptLinker(concepts: content.concepts, scope: content.site.conceptLinking)
        let linked: [(LinkedPage, [Diagnostic])] = prepared.parallelMap { page in
            let source = page.item.source
            let (withLinks, targets, linkProblems) = wikilinks.resolve(page.document, source: source)
            let (withCitations, uses, citationProblems) = citations.link(withLinks, source: source)
            let (withConcepts, mentions) = concepts.link(withCitations, on: page.item.id)
            let linkedPage = LinkedPage(item: page.item, document: withConcepts, tableOfContents: page.toc,
                                        wikilinkTargets: targets, embeddedMiniatures: page.embedded,
                                        mentions: mentions, citations: uses)
            return (linkedPage, linkProblems + citationProblems)
        }
        diagnostics += linked.flatMap(\.1)
        let pages = Dictionary(uniqueKeysWithValues: linked.map { ($0.0.item.id, $0.0) })
        let graph = LinkGraph(pages: linked.map(\.0), concepts: content.concepts)
        return LinkedSite(content: content, pages: pages, references: references,
                          mentions: graph.mentionPlaces(), citedIn: graph.citationPlaces(),
                          related: graph.relatedConcepts(), backlinks: graph.backlinks(), diagnostics: diagnostics)
    }

    private struct PreparedPage: Sendable {
        var item: ContentItem
        var document: MarkdownDocument
        var toc: [TableOfContentsEntry]
        var embedded: [String]
        var diagnostics: [Diagnostic]
    }
}
