import Foundation
import Mustache
import KennisbankCore
import KennisbankMarkdown

/// What the render step keeps between builds.
///
/// - The costly parts of page models, each with the inputs it was made from: page bodies (cmark's
///   HTML of a linked document), formatted references, and the previews JSON. A part is made again
///   only when its inputs differ.
/// - For every page of the last site written, the digest of its model and what the link checker read
///   from it. A page whose model has the same digest is not rendered again: its file on disk is already
///   right. These are replaced only by ``commit(_:files:)``, after the new site is written.
final class RenderCache: @unchecked Sendable {
    /// What the last written site holds for one page. A class, as it is never changed once made: every
    /// build looks up every page's entry, from the parallel workers, and a copy is then one reference count.
    final class Page: Sendable {
        let digest: Digest
        let scan: LinkChecker.ScannedPage
        let check: LinkChecker.PageCheck

        init(digest: Digest, scan: LinkChecker.ScannedPage, check: LinkChecker.PageCheck) {
            (self.digest, self.scan, self.check) = (digest, scan, check)
        }
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
    struct SearchInputs: Equatable, Sendable {
        var page: ContentItem
        var document: MarkdownDocument
        /// The page's position in its shard.
        var number: Int
        /// The page's position in the whole index.
        var order: Int
    }

    /// A page's part of its search shard with what it was made from.
    struct SearchEntry: Sendable {
        var inputs: SearchInputs
        var fragment: SearchIndex.Fragment
    }

    /// The inputs of an article's JSON-LD.
    struct MetadataInputs: Equatable {
        var article: Article
        var site: SiteConfig
    }

    /// What the Atom feed shows: the settings, and each article's slug, title, summary, date and authors.
    struct FeedInputs: Equatable {
        var config: SiteConfig
        var articles: [[String]]
    }

    /// What the concept maps are drawn from: every concept's slug, title and group, and the related concepts.
    struct ConceptMapInputs: Equatable {
        var concepts: [[String]]
        var related: [String: [String]]
    }

    /// The parsed templates by name, with the text they were parsed from.
    let templates = MemoTable<String, MustacheTemplate>()
    /// Page bodies by page path.
    let bodies = MemoTable<BodyInputs, HTMLFragment>()
    /// Formatted references by page path and key.
    let references = MemoTable<ReferenceInputs, String>()
    /// Previews JSON by page path.
    let previews = MemoTable<PreviewInputs, HTMLFragment?>()
    /// Each article's JSON-LD, by slug.
    let jsonLD = MemoTable<MetadataInputs, String>()
    /// Each page's part of its search shard, encoded, by page id.
    let searchEntries = ListMemo<ContentID, SearchEntry>()
    /// Each concept's encoded entry of `concepts.json`, by slug.
    let conceptEntries = MemoTable<MachineReadable.ConceptEntry.Inputs, (data: Data, digest: Digest)>()
    /// The Atom feed.
    let feed = MemoTable<FeedInputs, OutputFile>()
    /// Concept maps by focus and page path; their inputs are the generation of ``ConceptMapInputs``.
    let conceptMaps = MemoTable<Int, String?>()
    /// The generations of the concept maps' inputs: compared once per build, not once per map.
    let conceptMapInputs = Generations<ConceptMapInputs>()
    private let lock = NSLock()
    private var pages: [String: Page] = [:]
    /// The digest of every file of the last site written, pages or not; `nil` when no site is known.
    private var files: [String: Digest]?
    /// The digest of the inputs of each data file of the last site written that has them (the search shards, `concepts.json`).
    private var inputs: [String: Digest] = [:]
    /// What each page's view read, by file, and the files whose views read each part: as of ``readSite``.
    private var reads = ReadRecords()
    /// The linked site and the templates' digest that the written pages were made from.
    private var readSite: (site: SiteDifference.Side, templates: Digest)?
    /// This build's linked site and templates' digest, kept by ``keepReads(of:)`` once the site is written.
    private var pendingSite: (site: SiteDifference.Side, templates: Digest)?

    /// What the last written site holds for each page, by path: taken once per step, so that the parallel
    /// workers look pages up without taking a lock each (two workers taking one lock for every page wait
    /// for each other in the kernel more than they work).
    func writtenPages() -> [String: Page] {
        lock.lock()
        defer { lock.unlock() }
        return pages
    }

    /// The digest of the inputs the data file at `path` was made from, if it was written.
    func writtenInputs(_ path: String) -> Digest? {
        lock.lock()
        defer { lock.unlock() }
        return inputs[path]
    }

    /// Hands over the records of the last written site: each page, and the digest of every file (`nil` when no
    /// site is known). The cache forgets them until ``commit(_:files:inputs:)`` (the digests of the data files'
    /// inputs too, which the write step makes anew), so the write step brings them up to date in place instead
    /// of copying them.
    func takeWritten() -> (pages: [String: Page], files: [String: Digest]?) {
        lock.lock()
        defer { lock.unlock() }
        let written = (pages, files)
        (pages, files, inputs) = ([:], nil, [:])
        return written
    }

    /// Records the site that was written: what each page holds, the digest of every file, and the digest of
    /// the inputs of the data files that have them. With no arguments, forgets it: the next build writes the whole site.
    func commit(_ written: [String: Page] = [:], files: [String: Digest]? = nil, inputs: [String: Digest] = [:]) {
        lock.lock()
        pages = written
        self.files = files
        self.inputs = inputs
        if files == nil { (reads, readSite) = (ReadRecords(), nil) }
        lock.unlock()
    }

    /// The pages whose views are surely those of the last site written: every part of the site they read is
    /// unchanged in `site`, and so are the templates. Found from the parts that changed, not page by page.
    func unchangedPages(site: LinkedSite, templates: Digest) -> ReadRecords.Unchanged {
        lock.lock()
        defer { lock.unlock() }
        let side = SiteDifference.Side(site)
        pendingSite = (side, templates)
        guard let written = readSite, written.templates == templates else { return ReadRecords().unchanged { _ in true } }
        let difference = SiteDifference(from: written.site, to: side)
        return reads.unchanged { difference.changed($0) }
    }

    /// Keeps what the views made in this build read, once the site they were made for is written: the pages
    /// not made again keep what they read before (it is unchanged), and the files the site no longer has are forgotten.
    func keepReads(of files: [SiteRenderer.RenderedFile], removed: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for path in removed { reads.forget(path) }
        for file in files { if let parts = file.reads { reads.record(parts, for: file.path) } }
        readSite = pendingSite
    }

    /// The earlier link checks of the pages that were not rendered again, given the anchors (`ids`) of the
    /// pages that were. Such a check still holds when none of the files its links lead to was added, removed,
    /// or rendered again without an anchor it had; a check that found broken links holds only when none of
    /// its files was rendered again at all (a new anchor may mend a link). Otherwise its resolved links are
    /// verified again.
    ///
    /// The result holds one entry for each HTML file, in their order (`nil` for a page rendered again), or
    /// none when no site is known.
    func earlierChecks(files rendered: [SiteRenderer.RenderedFile], paths: Set<String>, ids: [String: Set<String>]) -> [LinkChecker.EarlierCheck?] {
        lock.lock()
        defer { lock.unlock() }
        guard let previous = files else { return [] }
        // Files added or removed (looked up one by one: no set of the old paths is made).
        var lost = Set(paths.lazy.filter { previous[$0] == nil })
        lost.formUnion(previous.keys.lazy.filter { !paths.contains($0) })
        var kept = Set<String>()
        for file in rendered where file.file != nil && file.path.hasSuffix(".html") {
            if let old = pages[file.path]?.scan.ids, let new = ids[file.path], old.isSubset(of: new) {
                kept.insert(file.path)
            } else {
                lost.insert(file.path)
            }
        }
        var earlier: [LinkChecker.EarlierCheck?] = []
        for file in rendered where file.path.hasSuffix(".html") {
            guard file.file == nil, let check = pages[file.path]?.check else {
                earlier.append(nil)
                continue
            }
            // `lost` and `kept` hold the few pages rendered again; a page's targets may be hundreds.
            let valid = !lost.contains(where: check.targets.contains) && (check.problems.isEmpty || !kept.contains(where: check.targets.contains))
            earlier.append(.init(check: check, valid: valid))
        }
        return earlier
    }

    /// Ends a build's use of the memo tables; returns how many page bodies were rendered.
    @discardableResult
    func endRound() -> Int {
        references.endRound()
        previews.endRound()
        searchEntries.endRound()
        conceptEntries.endRound()
        jsonLD.endRound()
        feed.endRound()
        conceptMaps.endRound()
        templates.endRound()
        return bodies.endRound()
    }
}
