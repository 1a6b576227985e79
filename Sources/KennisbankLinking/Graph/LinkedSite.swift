import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// One page's content after linking: its rewritten document and what it links to.
package struct LinkedPage: Equatable, Sendable {
    private struct Fields: Equatable, Sendable {
        var item: ContentItem
        var document: MarkdownDocument
        var tableOfContents: [TableOfContentsEntry]
        var wikilinkTargets: [ContentID]
        var embeddedMiniatures: [String]
        var mentions: [ConceptMention]
        var citations: [CitationUse]
        var wikilinkUses: [WikilinkUse]
    }

    /// The fields in one shared object (``CopyOnWrite``): pages are copied into indexes, memo inputs and
    /// page models.
    private var storage: CopyOnWrite<Fields>

    /// Whether both pages share one copy of their fields (then they are equal): an unchanged page of an
    /// incremental build is last build's, and this tells so without comparing a field.
    package func isIdentical(to other: LinkedPage) -> Bool {
        storage.isIdentical(to: other.storage)
    }

    /// The item as the author wrote it.
    package var item: ContentItem {
        get { storage.fields.item }
        set { storage.fields.item = newValue }
    }
    /// The body with embeds expanded, anchors assigned and wikilinks, citations and concepts linked.
    package var document: MarkdownDocument {
        get { storage.fields.document }
        set { storage.fields.document = newValue }
    }
    /// The headings of level 2 and 3.
    package var tableOfContents: [TableOfContentsEntry] {
        get { storage.fields.tableOfContents }
        set { storage.fields.tableOfContents = newValue }
    }
    /// Items this page links to with wikilinks.
    package var wikilinkTargets: [ContentID] {
        get { storage.fields.wikilinkTargets }
        set { storage.fields.wikilinkTargets = newValue }
    }
    /// Miniatures embedded in this page.
    package var embeddedMiniatures: [String] {
        get { storage.fields.embeddedMiniatures }
        set { storage.fields.embeddedMiniatures = newValue }
    }
    /// Every concept mention in running text (linked or not).
    package var mentions: [ConceptMention] {
        get { storage.fields.mentions }
        set { storage.fields.mentions = newValue }
    }
    /// Every resolved citation.
    package var citations: [CitationUse] {
        get { storage.fields.citations }
        set { storage.fields.citations = newValue }
    }
    /// Every resolved wikilink in running text, with the sentence around it (a link in a heading has none).
    package var wikilinkUses: [WikilinkUse] {
        get { storage.fields.wikilinkUses }
        set { storage.fields.wikilinkUses = newValue }
    }

    /// Creates a linked page.
    package init(item: ContentItem, document: MarkdownDocument, tableOfContents: [TableOfContentsEntry], wikilinkTargets: [ContentID],
                embeddedMiniatures: [String], mentions: [ConceptMention], citations: [CitationUse], wikilinkUses: [WikilinkUse] = []) {
        storage = CopyOnWrite(Fields(item: item, document: document, tableOfContents: tableOfContents, wikilinkTargets: wikilinkTargets,
                                     embeddedMiniatures: embeddedMiniatures, mentions: mentions, citations: citations,
                                     wikilinkUses: wikilinkUses))
    }
}

/// A place in running text that names a page, with the sentence around it: where a concept is mentioned (the
/// concept's "genoemd in" list) or where a wikilink leads to a page (every page's "verwijzen hiernaar" list).
package struct MentionPlace: Hashable, Sendable {
    /// The page.
    package var page: ContentID
    /// The page's title.
    package var pageTitle: String
    /// The section heading the mention stands under, if any.
    package var sectionTitle: String?
    /// Where to link: the page and the paragraph's anchor.
    package var link: SiteLink
    /// The sentence around the mention; empty for a page that links only from a heading or embeds a miniature.
    package var context: String
    /// Whether the place is where the page embeds the miniature (`![[…]]`), which has no sentence of its own.
    package var embeds = false
}

/// A place where a reference is cited, for the literature page's "geciteerd in" links.
package struct CitationPlace: Hashable, Sendable {
    /// The citing article or page.
    package var page: ContentID
    /// The page's title.
    package var pageTitle: String
    /// The section the citation stands in, if any.
    package var sectionTitle: String?
    /// The link to the section (or page).
    package var link: SiteLink
}

/// The knowledge graph: every page linked, and the indexes that run the other way.
package struct LinkedSite: Sendable {
    /// The content as loaded.
    package var content: Content
    /// Every page after linking, by id (routes are not among them: see ``routes``).
    package var pages: [ContentID: LinkedPage]
    /// The references of all Literatuur lists and bibliographies.
    package var references: ReferenceLibrary
    /// Where each concept is mentioned, by concept slug, in page order.
    package var mentions: [String: [MentionPlace]]
    /// Where each reference is cited, by key.
    package var citedIn: [String: [CitationPlace]]
    /// Related concepts of each concept: the author's `related` list, then those that most often share a paragraph.
    package var related: [String: [String]]
    /// The relations the authors stated, of each concept that has any, read from both ends (``RelationIndex``): the
    /// type each concept of ``related`` has that is no mere neighbour in the text.
    package var relations: [String: [ConceptRelation]] = [:]
    /// Where pages link to each page with a wikilink or embed it, by target, in page order: one place per paragraph
    /// with its sentence, or one place without a sentence for a page that links only from elsewhere (a heading, an embed).
    package var backlinks: [ContentID: [MentionPlace]]
    /// The learning routes, in the order of ``Content/routes``, their steps resolved.
    package var routes: [ResolvedRoute] = []
    /// Warnings and errors found while linking.
    package var diagnostics: [Diagnostic]
}

extension LinkedSite {
    /// The same site with every markdown tree emptied: what remains is the graph and the metadata.
    package func withoutTrees() -> LinkedSite {
        var copy = self
        let empty = MarkdownDocument(blocks: [])
        for id in copy.pages.keys { copy.pages[id]?.document = empty; copy.pages[id]?.item.document = empty }
        for index in copy.content.articles.indices { copy.content.articles[index].item.document = empty }
        for index in copy.content.concepts.indices { copy.content.concepts[index].item.document = empty }
        for index in copy.content.miniatures.indices { copy.content.miniatures[index].item.document = empty }
        for index in copy.content.routes.indices { copy.content.routes[index].item.document = empty }
        for index in copy.routes.indices { copy.routes[index].route.item.document = empty }
        for index in copy.content.bibliographies.indices { copy.content.bibliographies[index].document = empty }
        return copy
    }
}

extension LinkedSite {
    /// The routes that have a step about `id` (its page, or a heading or paragraph of it), each once, in route order.
    package func routes(through id: ContentID) -> [ResolvedRoute] {
        routes.filter { route in route.steps.contains { $0.target == id } }
    }

    /// The miniatures that name the concept `slug` among their lenses, in the content's (title) order.
    package func miniatures(throughLens slug: String) -> [ContentID] {
        content.miniatures.filter { $0.lenses.contains(slug) }.map(\.item.id)
    }
}
