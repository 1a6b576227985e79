import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// The link step of the pipeline: embeds, anchors, wikilinks, citations and concept mentions,
/// then the indexes that run the other way (mentions, citations, backlinks, related concepts).
///
/// Every page goes through the same functions in every build; an incremental build passes a memo that
/// returns what an earlier build made from equal inputs (see `SiteLinker+Memo.swift`).
package struct SiteLinker: Sendable {
    /// The content to link.
    package var content: Content
    /// What earlier builds linked (an incremental build), or nothing (``Memo/none``).
    var memo: Memo
    /// The `id`s the page templates write themselves, which no anchor may take.
    package var reservedAnchors: Set<String> = []
    /// Whether each tree goes as soon as nothing of the link step reads it again (a clean build that renders from the
    /// linked trees alone): the parsed document of an article or concept once its page is prepared, a prepared page
    /// once it is linked. The linked site then holds no parsed document of an article or concept. Only with a memo
    /// that remembers nothing.
    package var lettingTreesGo = false

    /// Creates a linker.
    package init(content: Content) {
        self.init(content: content, memo: Memo.none)
    }

    package init(content: Content, memo: Memo) {
        self.content = content
        self.memo = memo
    }

    /// Links every page. Problems are collected in ``LinkedSite/diagnostics``.
    package consuming func link() -> LinkedSite {
        precondition(!lettingTreesGo || !memo.remembers, "a memo that remembers keeps the trees it compares")
        var diagnostics: [Diagnostic] = []
        var items = content.items
        // The index of names is made again only when a name changed (an incremental build).
        let names = memo.generation(Self.names, of: TargetIndex.Names(items: items))
        let (index, nameProblems) = memo.value(Self.indexes, key: "site", inputs: names) { TargetIndex.make(items: items) }
        diagnostics += nameProblems
        // Embeds and anchors first: wikilinks to headings need every page's anchors.
        var prepared = prepare(items, index: index, names: names)
        if lettingTreesGo {
            items = []
            content.emptyParsedDocuments()
        }
        diagnostics += prepared.flatMap(\.diagnostics)
        let headings = Dictionary(uniqueKeysWithValues: prepared.map { ($0.item.id, $0.headings) })
        let paragraphs = Dictionary(uniqueKeysWithValues: prepared.map { ($0.item.id, $0.paragraphs) })
        let (references, referenceProblems) = referenceLibrary(prepared)
        diagnostics += referenceProblems
        let environment = memo.generation(Self.environments, of: LinkEnvironment(
            names: names, headings: headings,
            citations: references.references.map { .init(key: $0.key, surnames: $0.surnames, year: $0.year, yearSuffix: $0.yearSuffix) },
            concepts: content.concepts.map { [$0.item.id.slug, $0.linking.description] + $0.automaticNames },
            scope: content.site.conceptLinking))
        let wikilinks = WikilinkResolver(index: index, headings: headings, paragraphs: paragraphs)
        let handover = PreparedPages(prepared, handsOver: lettingTreesGo)
        prepared = []
        let linked = link(handover, environment: environment, wikilinks: wikilinks, references: references)
        diagnostics += linked.flatMap(\.1)
        let pages = Dictionary(uniqueKeysWithValues: linked.map { ($0.0.item.id, $0.0) })
        let graph = LinkGraph(pages: linked.map(\.0), concepts: content.concepts)
        let indexes = graph.indexes(updating: memo.take(Self.graph))
        memo.keep(indexes, in: Self.graph)
        // Routes are few and read every page's anchors: they are resolved again in every build.
        let routeResolver = RouteResolver(wikilinks: wikilinks, pages: pages)
        let routes = content.routes.map { routeResolver.resolve($0) }
        diagnostics += routes.flatMap(\.1)
        // Kept while what they are made from is unchanged, so that the pages reading them compare them by identity.
        let concepts = content.concepts
        let relations = memo.value(Self.relations, key: "site", inputs: concepts.map(StatedRelations.init)) {
            RelationIndex.relations(of: concepts)
        }
        let related = memo.value(Self.related, key: "site", inputs: RelatedInputs(
            concepts: concepts.map(\.item.id.slug), relations: relations, together: indexes.togetherVersion)) {
            graph.relatedConcepts(indexes, relations: relations)
        }
        return LinkedSite(content: content, pages: pages, references: references,
                          mentions: indexes.mentions.values, citedIn: indexes.citations.values,
                          related: related, relations: relations, backlinks: indexes.backlinks.values, routes: routes.map(\.0),
                          diagnostics: diagnostics)
    }

    /// Every page with its embeds expanded and its anchors assigned. A page is prepared again only when it, the
    /// site's names (generation `names`) or a miniature it embeds changed.
    private func prepare(_ items: [ContentItem], index: TargetIndex, names: Int) -> [PreparedPage] {
        let expander = EmbedExpander(miniatures: content.miniatures, index: index)
        let miniatures = expander.miniatures
        // The anchors the templates hold, compared once per build rather than once per page.
        let reserved = memo.generation(Self.reserved, of: reservedAnchors)
        return memo.list(Self.prepared, keys: items.map(\.id), reuse: { index, entry in
            Self.holds(entry, for: items[index], index: names, miniatures: miniatures) && entry.reserved == reserved
        }, make: { position in
            let item = items[position]
            let marked = CitationEscapes.apply(to: item.document, source: item.source)
            var (document, problems, embedded) = expander.expand(marked, owner: item.id, source: item.source)
            let anchors = Anchors.assign(in: &document, source: item.source, reserved: reservedAnchors)
            var kept = item
            if lettingTreesGo, item.id.kind != .miniature { kept.document = MarkdownDocument(blocks: []) }
            let page = PreparedPage(item: kept, document: document, toc: anchors.tableOfContents, headings: anchors.headings,
                                    paragraphs: anchors.paragraphs,
                                    embedded: embedded, diagnostics: problems + anchors.diagnostics)
            return PreparedEntry(index: names, embeds: page.embedded.compactMap { miniatures[$0] }, reserved: reserved, page: page)
        }).map(\.page)
    }

    /// The reference library: every reference list (each article's own, then each bibliography file's), parsed
    /// again only when its document changed, merged again only when a list changed.
    private func referenceLibrary(_ prepared: [PreparedPage]) -> (ReferenceLibrary, [Diagnostic]) {
        let sources: [(document: MarkdownDocument, path: String, article: String?)] =
            prepared.filter { $0.item.id.kind == .article }.map { ($0.document, $0.item.source.path, $0.item.id.slug) }
            + content.bibliographies.map { ($0.document, $0.source.path, nil) }
        let parsed = ReferenceLibrary.ParsedEntries()
        let inputs = { @Sendable (index: Int) in ReferenceListInputs(document: sources[index].document, slug: sources[index].article) }
        let lists = memo.list(Self.referenceLists, keys: sources.map(\.path), reuse: { index, old in old.inputs == inputs(index) },
                              make: { index in
            ReferenceListEntry(inputs: inputs(index), list: ReferenceLibrary.listed(in: sources[index].document, path: sources[index].path,
                                                                                   article: sources[index].article, parsed: parsed))
        }).map(\.list)
        return memo.value(Self.library, key: "site", inputs: lists) { ReferenceLibrary.merge(lists) }
    }

    /// Every page's wikilinks, citations and concept mentions. A page is linked again only when its prepared
    /// page or the environment (generation `environment`: every name, heading, reference and concept) changed, or a
    /// paragraph anchor its links looked up came or went.
    private func link(_ prepared: PreparedPages, environment: Int, wikilinks: WikilinkResolver,
                      references: ReferenceLibrary) -> [(LinkedPage, [Diagnostic])] {
        // The matchers (an automaton over every concept name, the references by surname) depend only on the environment.
        let content = self.content
        let linkers = memo.value(Self.linkers, key: "site", inputs: environment) {
            Linkers(citations: CitationLinker(library: references),
                    concepts: ConceptLinker(concepts: content.concepts, scope: content.site.conceptLinking))
        }
        let (citations, concepts) = (linkers.citations, linkers.concepts)
        // One walk over each page's tree: every block gets its wikilinks, then its citations, then its concept
        // mentions, which is what three walks in that order would give (a heading, whose text names its section,
        // has only wikilinks; the other two link paragraphs only). All three are found in one pass over the block's
        // inlines: the concept linker reads each level through the wikilink scanner, which hands on each text with
        // its wikilinks linked and its neighbours joined; each such text is linked to its citations as the concept
        // linker reaches it, and the mentions are looked for in what stays text.
        // `document` is the page's tree, rewritten in place when the caller hands over its only copy.
        let link = { @Sendable (page: PreparedPage, document: consuming MarkdownDocument) -> (LinkedPage, [WikilinkResolver.ParagraphLookup], [Diagnostic]) in
            let source = page.item.source
            var document = document
            var targets: [ContentID] = [], linkProblems: [Diagnostic] = [], lookups: [WikilinkResolver.ParagraphLookup] = []
            var uses: [CitationUse] = [], citationProblems: [Diagnostic] = []
            var mentions = ConceptLinker.PageState()
            document.rewriteBlocks { block, context in
                // A problem in an embedded miniature is the miniature's: its own page reports it, at its own file.
                var wikilinkProblems: [Diagnostic] = [], blockCitationProblems: [Diagnostic] = []
                let start = block.range.start
                var paragraph = citations.paragraph(block, context: context, source: source)
                concepts.link(&block, context: context, on: page.item.id, source: source, state: &mentions, texts: { text in
                    paragraph == nil ? nil : citations.link(text, in: &paragraph!, uses: &uses, diagnostics: &blockCitationProblems)
                }, wikilinks: { wikilink in
                    wikilinks.resolved(wikilink, inBlockAt: start, source: source, targets: &targets, lookups: &lookups,
                                       diagnostics: &wikilinkProblems)
                })
                if !context.isInside(cssClass: "miniature") {
                    linkProblems += wikilinkProblems
                    citationProblems += blockCitationProblems
                }
            }
            let linkedPage = LinkedPage(item: page.item, document: document, tableOfContents: page.toc,
                                        wikilinkTargets: targets, embeddedMiniatures: page.embedded,
                                        mentions: mentions.mentions, citations: uses, wikilinkUses: mentions.wikilinks)
            return (linkedPage, lookups, linkProblems + citationProblems)
        }
        if prepared.handsOver {
            // Nothing is remembered: each prepared page is taken, linked and let go, its tree rewritten in place.
            return Array(prepared.ids.indices).parallelMap { index in
                var taken = prepared.take(index)
                let document = taken.takeDocument()
                let (page, _, problems) = link(taken, document)
                return (page, problems)
            }
        }
        return memo.list(Self.linked, keys: prepared.ids, reuse: { index, entry in
            entry.inputs == .init(environment: environment, prepared: prepared[index]) && entry.lookups.allSatisfy(wikilinks.holds)
        }, make: { index in
            let (page, lookups, problems) = link(prepared[index], prepared[index].document)
            return LinkedEntry(inputs: .init(environment: environment, prepared: prepared[index]), lookups: lookups, page: page, problems: problems)
        }).map { ($0.page, $0.problems) }
    }

    /// The prepared pages as the second half of linking reads them, by position; in a build that lets trees go
    /// (``SiteLinker/lettingTreesGo``) each is handed over once, so that its tree goes when its page is linked.
    final class PreparedPages: @unchecked Sendable {
        private let lock = NSLock()
        private var pages: [PreparedPage?]
        /// The pages' ids, in order.
        let ids: [ContentID]
        /// Whether ``take(_:)`` lets the page go.
        let handsOver: Bool

        init(_ pages: [PreparedPage], handsOver: Bool) {
            self.pages = pages
            self.ids = pages.map(\.item.id)
            self.handsOver = handsOver
        }

        /// The page at `index`; none after it was handed over.
        subscript(index: Int) -> PreparedPage {
            lock.withLock { pages[index]! }
        }

        /// The page at `index`, let go here when pages are handed over.
        func take(_ index: Int) -> PreparedPage {
            lock.withLock {
                let page = pages[index]!
                if handsOver { pages[index] = nil }
                return page
            }
        }
    }

    /// The citation and concept linkers of one build.
    struct Linkers: Sendable {
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
            var paragraphs: Set<String>
            var embedded: [String]
            var diagnostics: [Diagnostic]
        }

        private var storage: CopyOnWrite<Fields>

        var item: ContentItem { storage.fields.item }
        var document: MarkdownDocument { storage.fields.document }
        var toc: [TableOfContentsEntry] { storage.fields.toc }
        /// The heading anchors a `[[page#…]]` link may name (``Anchors/Assigned/headings``).
        var headings: [String: String] { storage.fields.headings }
        /// The paragraph anchors a `[[page#…]]` link may name.
        var paragraphs: Set<String> { storage.fields.paragraphs }
        var embedded: [String] { storage.fields.embedded }
        var diagnostics: [Diagnostic] { storage.fields.diagnostics }

        init(item: ContentItem, document: MarkdownDocument, toc: [TableOfContentsEntry], headings: [String: String],
             paragraphs: Set<String>, embedded: [String], diagnostics: [Diagnostic]) {
            storage = CopyOnWrite(Fields(item: item, document: document, toc: toc, headings: headings, paragraphs: paragraphs,
                                         embedded: embedded, diagnostics: diagnostics))
        }

        /// Takes the document out of the page, leaving it empty: of a page that nothing else shares (handed over,
        /// ``PreparedPages/take(_:)``), the only copy of its tree, which linking then rewrites in place instead of
        /// copying every array of blocks it changes.
        mutating func takeDocument() -> MarkdownDocument {
            let document = storage.fields.document
            storage.fields.document = MarkdownDocument(blocks: [])
            return document
        }
    }
}

extension Content {
    /// Empties the parsed documents of the articles and concepts, once their pages are prepared
    /// (``SiteLinker/lettingTreesGo``): a miniature's document gives its page's opening sentence and a route's its
    /// steps, and the bibliographies' are their reference lists, so those stay.
    fileprivate mutating func emptyParsedDocuments() {
        let empty = MarkdownDocument(blocks: [])
        for index in articles.indices { articles[index].item.document = empty }
        for index in concepts.indices { concepts[index].item.document = empty }
    }
}
