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

    /// Page bodies by page path.
    let bodies = MemoTable<BodyInputs, HTMLFragment>()
    /// Formatted references by page path and key.
    let references = MemoTable<ReferenceInputs, String>()
    /// Previews JSON by page path.
    let previews = MemoTable<PreviewInputs, HTMLFragment?>()

    private let lock = NSLock()
    private var pages: [String: Page] = [:]

    /// What the last written site holds for the page at `path`, if it was written.
    func written(_ path: String) -> Page? {
        lock.lock()
        defer { lock.unlock() }
        return pages[path]
    }

    /// Records the pages of a site that was written; pages not listed are forgotten.
    func commit(_ written: [String: Page]) {
        lock.lock()
        pages = written
        lock.unlock()
    }

    /// Ends a build's use of the memo tables; returns how many page bodies were rendered.
    @discardableResult
    func endRound() -> Int {
        references.endRound()
        previews.endRound()
        return bodies.endRound()
    }
}
