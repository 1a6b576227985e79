import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

// What the link step remembers from one build to the next, through its memo: the tables' names and what each
// entry holds.
extension SiteLinker {
    /// The generations of the site's names, which prepared pages depend on.
    static let names = GenerationName<TargetIndex.Names>("link.names")
    /// The index of the site's names and its problems, by the generation of the names it was made from.
    static let indexes = MemoName<Int, (TargetIndex, [Diagnostic])>("link.indexes")
    /// The generations of the anchors the templates hold, which prepared pages depend on.
    static let reserved = GenerationName<Set<String>>("link.reserved")
    /// Prepared pages, by page id.
    static let prepared = ListMemoName<ContentID, PreparedEntry>("link.prepared")
    /// Each article's and bibliography file's parsed reference list, by file path.
    static let referenceLists = ListMemoName<String, ReferenceListEntry>("link.referenceLists")
    /// The site's reference library, merged from every reference list (unchanged lists share their storage
    /// with last time's, so comparing them is cheap).
    static let library = MemoName<[[ReferenceLibrary.ListedItem]], (ReferenceLibrary, [Diagnostic])>("link.library")
    /// The generations of the ``LinkEnvironment``, which linked pages depend on.
    static let environments = GenerationName<LinkEnvironment>("link.environments")
    /// The citation and concept linkers, by the generation of the environment they were made in.
    static let linkers = MemoName<Int, Linkers>("link.linkers")
    /// Linked pages and their problems, by page id.
    static let linked = ListMemoName<ContentID, LinkedEntry>("link.linked")
    /// The name of the table of linked pages, for counting the pages a build linked.
    package static var linkedPagesTable: String { linked.name }
    /// The link graph's indexes of the last build, updated in place by the next.
    static let graph = SlotName<LinkGraph.Indexes>("link.graph")
    /// The relations stated between concepts, read from both ends (``RelationIndex``), by what each concept states.
    static let relations = MemoName<[StatedRelations], [String: [ConceptRelation]]>("link.relations")
    /// The related concepts of each concept (``LinkGraph/relatedConcepts(_:relations:limit:)``).
    static let related = MemoName<RelatedInputs, [String: [String]]>("link.related")

    /// What one concept's file says of its relations: all ``RelationIndex`` reads of it.
    struct StatedRelations: Equatable, Sendable {
        var slug: String
        var relations: [ConceptRelation]
        var related: [String]

        init(_ concept: Concept) {
            (slug, relations, related) = (concept.item.id.slug, concept.relations, concept.related)
        }
    }

    /// What the related concepts are made from: the concepts in order, the stated relations, and the version of
    /// the counts of the paragraphs they share (``LinkGraph/Indexes/togetherVersion``).
    struct RelatedInputs: Equatable, Sendable {
        var concepts: [String]
        var relations: [String: [ConceptRelation]]
        var together: Int
    }

    /// A prepared page with what it was prepared from.
    struct PreparedEntry: Sendable {
        /// The generation of the site's names.
        var index: Int
        /// The miniatures the page embeds.
        var embeds: [Miniature]
        /// The generation of the anchors the templates hold (``SiteLinker/reserved``).
        var reserved: Int
        var page: PreparedPage
    }

    /// A linked page with what it was linked from.
    struct LinkedEntry: Sendable {
        var inputs: LinkInputs
        /// The paragraph anchors its links looked up (not part of the environment).
        var lookups: [WikilinkResolver.ParagraphLookup]
        var page: LinkedPage
        var problems: [Diagnostic]
    }

    /// The inputs of a linked page: the generation of the environment (compared first: one number) and
    /// the prepared page.
    struct LinkInputs: Equatable, Sendable {
        var environment: Int
        var prepared: PreparedPage
    }

    /// The inputs of a parsed reference list: an article's (with its slug) or a bibliography file's (`nil`).
    struct ReferenceListInputs: Equatable, Sendable {
        var document: MarkdownDocument
        var slug: String?
    }

    /// A parsed reference list with what it was parsed from.
    struct ReferenceListEntry: Sendable {
        var inputs: ReferenceListInputs
        var list: [ReferenceLibrary.ListedItem]
    }

    /// Whether `entry` holds for `item`: the same item, prepared with the same names (the generation
    /// `index`), and each miniature it embeds unchanged.
    static func holds(_ entry: PreparedEntry, for item: ContentItem, index: Int, miniatures: [String: Miniature]) -> Bool {
        entry.index == index && entry.page.item == item && entry.embeds.allSatisfy { miniatures[$0.item.id.slug] == $0 }
    }
}

/// Everything of the whole site that linking one page can depend on. When it is unchanged, a page
/// whose own prepared document is unchanged links to the same result.
struct LinkEnvironment: Equatable, Sendable {
    /// The generation of every item's names (``SiteLinker/names``), for wikilinks.
    var names: Int
    /// Every page's heading anchors, for `[[page#heading]]`.
    var headings: [ContentID: [String: String]]
    /// What citations are matched against: each reference's key, surnames and year.
    var citations: [CitationSignature]
    /// What concept mentions are matched against: each concept's slug, linking rule and the names it links.
    var concepts: [[String]]
    /// Which mentions are linked.
    var scope: ConceptLinkingScope

    /// The part of a reference the citation linker reads.
    struct CitationSignature: Equatable, Sendable {
        var key: String
        var surnames: [String]
        var year: String
        var yearSuffix: String?
    }
}
