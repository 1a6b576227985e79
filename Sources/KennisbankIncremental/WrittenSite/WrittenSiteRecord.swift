import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering
import Kennisbank

/// What `serve`'s incremental build knows of the site it wrote last (see ``WrittenSite``): for every page the
/// digest of its view, what the link checker read from it and found on it, and what its view read of the
/// linked site; the digest of every file; the digest of the inputs of the data files assembled from parts.
/// These are replaced only by ``commit(_:files:inputs:rendered:removed:)``, after the new site is written.
final class WrittenSiteRecord: WrittenSite, @unchecked Sendable {
    private let lock = NSLock()
    private var written: [String: WrittenPage] = [:]
    /// The digest of every file of the last site written, pages or not; `nil` when no site is known.
    private var files: [String: Digest]?
    /// The digest of the inputs of each data file of the last site written that has them (the search shards, `concepts.json`).
    private var inputs: [String: Digest] = [:]
    /// What each page's view read, by file, and the files whose views read each part: as of ``readSite``.
    private var reads = ReadRecords()
    /// The linked site and the templates' digest that the written pages were made from.
    private var readSite: (site: SiteDifference.Side, templates: Digest)?
    /// This build's linked site and templates' digest, kept by ``commit(_:files:inputs:rendered:removed:)`` once the site is written.
    private var pendingSite: (site: SiteDifference.Side, templates: Digest)?

    /// What the last written site holds for each page, by path: taken once per step, so that the parallel
    /// workers look pages up without taking a lock each (two workers taking one lock for every page wait
    /// for each other in the kernel more than they work).
    func pages() -> [String: WrittenPage] {
        lock.lock()
        defer { lock.unlock() }
        return written
    }

    /// The digest of the inputs the data file at `path` was made from, if it was written.
    func inputs(of path: String) -> Digest? {
        lock.lock()
        defer { lock.unlock() }
        return inputs[path]
    }

    /// Hands over the records of the last written site: each page, and the digest of every file (`nil` when no
    /// site is known). The record forgets them until ``commit(_:files:inputs:rendered:removed:)`` (the digests of the data files'
    /// inputs too, which the write step makes anew), so the write step brings them up to date in place instead
    /// of copying them.
    func takeWritten() -> (pages: [String: WrittenPage], files: [String: Digest]?) {
        lock.lock()
        defer { lock.unlock() }
        let taken = (written, files)
        (written, files, inputs) = ([:], nil, [:])
        return taken
    }

    /// Records the site that was written: what each page holds, the digest of every file, the digest of the
    /// inputs of the data files that have them, and what the views made in this build (`rendered`) read. The
    /// pages not made again keep what they read before (it is unchanged); the files the site no longer has
    /// (`removed`) are forgotten.
    func commit(_ pages: [String: WrittenPage], files: [String: Digest], inputs: [String: Digest],
                rendered: [SiteRenderer.RenderedFile], removed: [String]) {
        lock.lock()
        defer { lock.unlock() }
        (written, self.files, self.inputs) = (pages, files, inputs)
        for path in removed { reads.forget(path) }
        for file in rendered { if let parts = file.reads { reads.record(parts, for: file.path) } }
        readSite = pendingSite
    }

    /// Forgets the site on disk: the next build writes the whole site.
    func forget() {
        lock.lock()
        defer { lock.unlock() }
        (written, files, inputs, reads, readSite) = ([:], nil, [:], ReadRecords(), nil)
    }

    /// The pages whose views are surely those of the last site written: every part of the site they read is
    /// unchanged in `site`, and so are the templates. Found from the parts that changed, not page by page.
    func unchangedPages(site tables: SiteReader.Tables, templates: Digest) -> @Sendable (String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let side = SiteDifference.Side(tables)
        pendingSite = (side, templates)
        guard let last = readSite, last.templates == templates else { return { _ in false } }
        let difference = SiteDifference(from: last.site, to: side)
        return reads.unchanged(changed: difference.changedParts(read: reads.isRead)).contains
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
        // Files added or removed (looked up one by one: no set of the old paths is made). Every path not added is
        // an old one, so when the old paths are no more than those, none was removed and they are not looked up.
        var lost = Set(paths.lazy.filter { previous[$0] == nil })
        if previous.count > paths.count - lost.count { lost.formUnion(previous.keys.lazy.filter { !paths.contains($0) }) }
        var kept = Set<String>()
        for file in rendered where file.isMade && file.path.hasSuffix(".html") {
            if let old = written[file.path]?.scan.ids, let new = ids[file.path], old.isSubset(of: new) {
                kept.insert(file.path)
            } else {
                lost.insert(file.path)
            }
        }
        var earlier: [LinkChecker.EarlierCheck?] = []
        for file in rendered where file.path.hasSuffix(".html") {
            guard !file.isMade, let check = (file.onDisk ?? written[file.path])?.check else {
                earlier.append(nil)
                continue
            }
            // `lost` and `kept` hold the few pages rendered again; a page's targets may be hundreds.
            let valid = !lost.contains(where: check.targets.contains) && (check.problems.isEmpty || !kept.contains(where: check.targets.contains))
            earlier.append(.init(check: check, valid: valid))
        }
        return earlier
    }

}
