import Foundation

/// What the render step keeps between builds.
///
/// - The costly parts of page models, each with the inputs it was made from: page bodies (cmark's
///   HTML of a linked document), formatted references, and the previews JSON. A part is made again
///   only when its inputs differ.
/// - For every page of the last site written, the digest of its model and what the link checker read
///   from it. A page whose model has the same digest is not rendered again: its file on disk is already
///   right. These are replaced only by ``commit(_:)``, after the new site is written.
final class RenderCache: @unchecked Sendable {
    /// What the last written site holds for one page.
    struct Page: Sendable {
        var digest: Digest
        var scan: LinkChecker.ScannedPage
        var check: LinkChecker.PageCheck
    }

    /// The inputs of a page body.
    struct BodyInputs: Equatable {
        var document: MarkdownDocument
        var unsafe: Bool
    }

    /// The inputs of a formatted reference.
    struct ReferenceInputs: Equatable {
        var inlines: [InlineNode]
        var unsafe: Bool
    }

    /// The inputs of a page's previews JSON: the linked concepts' names and summaries and the cited references.
    struct PreviewInputs: Equatable {
        var concepts: [[String]]
        var references: [[InlineNode]]
        var keys: [String]
        var unsafe: Bool
    }

    /// The inputs of a page's search entries.
    struct SearchInputs: Equatable {
        var page: ContentItem
        var document: MarkdownDocument
        var number: Int
    }

    /// The inputs of an article's JSON-LD.
    struct MetadataInputs: Equatable {
        var article: Article
        var site: SiteConfig
    }

    /// Page bodies by page path.
    let bodies = MemoTable<BodyInputs, HTMLFragment>()
    /// Formatted references by page path and key.
    let references = MemoTable<ReferenceInputs, String>()
    /// Previews JSON by page path.
    let previews = MemoTable<PreviewInputs, HTMLFragment?>()
    /// What the concept maps are drawn from: every concept's slug, title and group, and the related concepts.
    struct ConceptMapInputs: Equatable {
        var concepts: [[String]]
        var related: [String: [String]]
    }

    /// Concept maps by focus and page path; their inputs are the generation of ``ConceptMapInputs``.
    let conceptMaps = MemoTable<Int, String?>()
    private var mapInputs = Generations<ConceptMapInputs>()

    /// The generation of the concept maps' inputs: compared once per build, not once per map.
    func generation(of inputs: ConceptMapInputs) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return mapInputs.generation(of: inputs)
    }

    private var articleShared = Generations<ArticlePageInputs.Shared>()
    private var articleDigests: [String: (inputs: ArticlePageInputs, digest: Digest)] = [:]

    /// The generation of what all article pages share.
    func generation(of shared: ArticlePageInputs.Shared) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return articleShared.generation(of: shared)
    }

    /// The digest of the model last made from exactly these inputs, if any.
    func articleDigest(_ inputs: ArticlePageInputs) -> Digest? {
        lock.lock()
        let known = articleDigests[inputs.path]
        lock.unlock()
        guard let known, known.inputs == inputs else { return nil }
        return known.digest
    }

    /// Remembers the digest of the model made from an article page's inputs.
    func remember(_ inputs: ArticlePageInputs, digest: Digest) {
        lock.lock()
        articleDigests[inputs.path] = (inputs, digest)
        lock.unlock()
    }

    /// Each article's JSON-LD, by slug.
    let jsonLD = MemoTable<MetadataInputs, String>()
    /// Each page's search entries, encoded, by page id.
    let searchEntries = MemoTable<SearchInputs, Data>()

    private let lock = NSLock()
    private var pages: [String: Page] = [:]
    /// Every file of the last site written, pages or not.
    private var paths: Set<String>?

    /// What the last written site holds for the page at `path`, if it was written.
    func written(_ path: String) -> Page? {
        lock.lock()
        defer { lock.unlock() }
        return pages[path]
    }

    /// Whether the cache describes a site on disk: false before the first write and after a failed one.
    var knowsWrittenSite: Bool {
        lock.lock()
        defer { lock.unlock() }
        return paths != nil
    }

    /// Records the pages of a site that was written and the paths of all its files (`nil`: no site is known);
    /// pages not listed are forgotten.
    func commit(_ written: [String: Page], paths: Set<String>?) {
        lock.lock()
        pages = written
        self.paths = paths
        articleDigests = articleDigests.filter { written[$0.key] != nil }
        lock.unlock()
    }

    /// The earlier link checks of the pages that were not rendered again. Such a check still holds when none
    /// of the files its links lead to was rendered again (their anchors may differ) or added or removed;
    /// otherwise its resolved links are verified again.
    func earlierChecks(files: [SiteRenderer.RenderedFile], paths: Set<String>) -> [String: LinkChecker.EarlierCheck] {
        lock.lock()
        defer { lock.unlock() }
        guard let previous = self.paths else { return [:] }
        var changed = paths.symmetricDifference(previous)
        for rendered in files where rendered.file != nil && rendered.path.hasSuffix(".html") { changed.insert(rendered.path) }
        var earlier: [String: LinkChecker.EarlierCheck] = [:]
        for rendered in files where rendered.file == nil {
            if let check = pages[rendered.path]?.check {
                earlier[rendered.path] = .init(check: check, valid: check.targets.isDisjoint(with: changed))
            }
        }
        return earlier
    }

    /// Ends a build's use of the memo tables; returns how many page bodies were rendered.
    @discardableResult
    func endRound() -> Int {
        references.endRound()
        previews.endRound()
        searchEntries.endRound()
        jsonLD.endRound()
        conceptMaps.endRound()
        return bodies.endRound()
    }
}
