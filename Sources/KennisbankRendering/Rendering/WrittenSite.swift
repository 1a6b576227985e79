import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// What an incremental build knows of the site it wrote last: the render step leaves out what is already on
/// disk, and the check step reuses the checks of pages not rendered again. A clean build knows none.
package protocol WrittenSite: Sendable {
    /// What the site on disk holds for each page, by path: taken once per step, so that the parallel workers
    /// look pages up without a lock.
    func pages() -> [String: WrittenPage]

    /// The digest of the inputs the data file at `path` was made from, if it was written.
    func inputs(of path: String) -> Digest?

    /// Whether a page's view is surely the one on disk, by path: every part of the site it read (``SitePart``)
    /// is unchanged in the site of `tables`, and so are the templates (digest `templates`).
    func unchangedPages(site tables: SiteReader.Tables, templates: Digest) -> @Sendable (String) -> Bool

    /// The earlier link checks of the pages that were not rendered again, given the anchors (`ids`) of the
    /// pages that were: one entry for each HTML file, in their order (`nil` for a page rendered again), or
    /// none when no site is known.
    func earlierChecks(files: [SiteRenderer.RenderedFile], paths: Set<String>, ids: [String: Set<String>]) -> [LinkChecker.EarlierCheck?]
}

/// What the site on disk holds for one page. A class, as it is never changed once made: every build looks up
/// every page's entry, from the parallel workers, and a copy is then one reference count.
package final class WrittenPage: Sendable {
    /// The digest of the page's view, template and templates.
    package let digest: Digest
    /// What the link checker read from it.
    package let scan: LinkChecker.ScannedPage
    /// What the link checker found on it.
    package let check: LinkChecker.PageCheck

    package init(digest: Digest, scan: LinkChecker.ScannedPage, check: LinkChecker.PageCheck) {
        (self.digest, self.scan, self.check) = (digest, scan, check)
    }
}
