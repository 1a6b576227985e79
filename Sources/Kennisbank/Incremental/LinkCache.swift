import Foundation
import KennisbankCore
import KennisbankMarkdown

/// What the link step keeps between builds, so that an edit relinks only the pages it can change.
///
/// A page goes through the link step in two halves, and each half is reused when its inputs are equal
/// to last time's:
/// - *prepared* (embeds expanded, anchors assigned) depends on the page's own item, the names of all
///   items, and the miniatures it embeds;
/// - *linked* (wikilinks, citations, concepts) depends on the prepared page and on the
///   ``LinkEnvironment``: every name, heading anchor, citation key and concept name of the site.
///
/// Inputs are compared with `==`. Unchanged values come from the parse cache and share their storage
/// with last time's, so most comparisons end at the first, identity, check. The site-wide inputs (the
/// names, the environment) are compared once per build, not once per page: each distinct value gets a
/// generation number, and a page remembers the generations it was made with.
final class LinkCache: @unchecked Sendable {
    /// A prepared page with what it was prepared from.
    struct PreparedEntry: Sendable {
        /// The generation of the site's names.
        var index: Int
        /// The miniatures the page embeds.
        var embeds: [Miniature]
        var page: SiteLinker.PreparedPage
    }

    /// A linked page with what it was linked from.
    struct LinkedEntry: Sendable {
        var inputs: LinkInputs
        var page: LinkedPage
        var problems: [Diagnostic]
    }

    /// The inputs of a linked page: the generation of the environment (compared first: one number) and
    /// the prepared page.
    struct LinkInputs: Equatable, Sendable {
        var environment: Int
        var prepared: SiteLinker.PreparedPage
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

    private let lock = NSLock()
    /// Prepared pages, by page id.
    let prepared = ListMemo<ContentID, PreparedEntry>()
    private var graph: LinkGraph.Indexes?
    /// The generations of the site's names, which prepared pages depend on.
    let names = Generations<TargetIndex.Names>()
    /// The index of the site's names and its problems, by the generation of the names it was made from.
    let indexes = MemoTable<Int, (TargetIndex, [Diagnostic])>()
    /// The generations of the ``LinkEnvironment``, which linked pages depend on.
    let environments = Generations<LinkEnvironment>()
    /// Linked pages and their problems, by page id.
    let linked = ListMemo<ContentID, LinkedEntry>()
    /// Each article's and bibliography file's parsed reference list, by file path.
    let referenceLists = ListMemo<String, ReferenceListEntry>()
    /// The citation and concept linkers, by the generation of the environment they were made in.
    let linkers = MemoTable<Int, SiteLinker.Linkers>()
    /// The site's reference library, merged from every reference list (unchanged lists share their storage
    /// with last time's, so comparing them is cheap).
    let library = MemoTable<[[ReferenceLibrary.ListedItem]], (ReferenceLibrary, [Diagnostic])>()

    /// Whether `entry` holds for `item`: the same item, prepared with the same names (the generation
    /// `index` of ``names``), and each miniature it embeds unchanged.
    static func holds(_ entry: PreparedEntry, for item: ContentItem, index: Int, miniatures: [String: Miniature]) -> Bool {
        entry.index == index && entry.page.item == item && entry.embeds.allSatisfy { miniatures[$0.item.id.slug] == $0 }
    }

    /// The link graph's indexes of the last build, handed over (the cache no longer holds them, so they are
    /// updated in place rather than copied).
    func takeGraph() -> LinkGraph.Indexes? {
        lock.lock()
        defer { lock.unlock() }
        let indexes = graph
        graph = nil
        return indexes
    }

    /// Keeps the link graph's indexes for the next build. They describe the pages they were gathered from,
    /// whether or not the build then succeeds.
    func keepGraph(_ indexes: LinkGraph.Indexes) {
        lock.lock()
        graph = indexes
        lock.unlock()
    }

    /// Ends a build: returns how many pages were linked again.
    @discardableResult
    func endRound() -> Int {
        prepared.endRound()
        referenceLists.endRound()
        library.endRound()
        linkers.endRound()
        indexes.endRound()
        return linked.endRound()
    }
}

/// Everything of the whole site that linking one page can depend on. When it is unchanged, a page
/// whose own prepared document is unchanged links to the same result.
struct LinkEnvironment: Equatable, Sendable {
    /// The generation of every item's names (``LinkCache/names``), for wikilinks.
    var names: Int
    /// Every page's heading anchors, for `[[page#heading]]`.
    var headings: [ContentID: [String: String]]
    /// What citations are matched against: each reference's key, surnames and year.
    var citations: [CitationSignature]
    /// What concept mentions are matched against: each concept's slug, title and aliases.
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
