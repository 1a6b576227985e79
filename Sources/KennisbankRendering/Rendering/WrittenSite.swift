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

    /// The pages whose views are surely those on disk: every part of the site they read (``SitePart``) is
    /// unchanged in `site`, and so are the templates (digest `templates`).
    func unchangedPages(site: LinkedSite, templates: Digest) -> UnchangedPages

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

/// A set of pages, asked one page at a time.
package struct UnchangedPages: Sendable {
    /// Whether the page at a path is one of them.
    package let contains: @Sendable (String) -> Bool
    /// Whether there are none.
    package let isEmpty: Bool

    /// The pages for which `contains` is true; `isEmpty` when there are none.
    package init(contains: @escaping @Sendable (String) -> Bool, isEmpty: Bool) {
        (self.contains, self.isEmpty) = (contains, isEmpty)
    }

    /// No page.
    package static let none = UnchangedPages(contains: { _ in false }, isEmpty: true)
}
