import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The linked markdown trees of a clean build's pages, taken out of the linked site so that each one is let go as
/// soon as its own page is rendered: a page's body and its search page are the only things made from its tree (a
/// route's step shows part of a page too: the trees of those pages are kept).
///
/// The site-wide indexes (mentions, backlinks, citations, anchors) were gathered from every tree while linking, so a
/// page's view needs no tree but its own. Its search page is made when the page is rendered, and ``SearchIndex``
/// reads it from here after the last page.
package final class PageTrees: @unchecked Sendable {
    private let lock = NSLock()
    /// Each page's linked document, until its page is rendered.
    private var trees: [ContentID: MarkdownDocument]
    /// The pages whose trees stay: those a route's step shows.
    private let kept: Set<ContentID>
    /// The search page of each page rendered so far.
    private var searchPages: [ContentID: SearchPage] = [:]
    /// The build's stems of word forms, shared by every search page.
    let stems = StemCache()

    /// Takes the trees out of `site`: its pages keep everything but their linked documents. The link step already
    /// emptied the parsed documents of articles and concepts (``SiteLinker/lettingTreesGo``, which a build that
    /// takes the trees sets); a miniature's parsed document gives its page's opening sentence and a route's its
    /// steps, so those stay.
    ///
    /// The text of each article's, concept's and miniature's source file goes too: every diagnostic that points
    /// into it is made by the end of linking, but for a problem with an alias, which the check after rendering
    /// places in the front matter, so the files of articles with aliases keep theirs.
    package init(taking site: inout LinkedSite) {
        let empty = MarkdownDocument(blocks: [])
        var withAliases = Set<ContentID>()
        for (item, aliases) in site.content.redirects where !aliases.isEmpty { withAliases.insert(item.id) }
        func dropText(_ item: inout ContentItem) {
            if !withAliases.contains(item.id) { item.source = SourceFile(path: item.source.path, text: "") }
        }
        var trees: [ContentID: MarkdownDocument] = [:]
        trees.reserveCapacity(site.pages.count)
        for id in Array(site.pages.keys) {
            trees[id] = site.pages[id]!.document
            site.pages[id]!.document = empty
            dropText(&site.pages[id]!.item)
        }
        for index in site.content.articles.indices { dropText(&site.content.articles[index].item) }
        for index in site.content.concepts.indices { dropText(&site.content.concepts[index].item) }
        for index in site.content.miniatures.indices { dropText(&site.content.miniatures[index].item) }
        self.trees = trees
        kept = Set(site.routes.flatMap { $0.steps.map(\.target) })
    }

    /// The page with its linked document put back, while its tree is here.
    func withTree(_ page: LinkedPage) -> LinkedPage {
        guard let tree = lock.withLock({ trees[page.item.id] }) else { return page }
        var whole = page
        whole.document = tree
        return whole
    }

    /// Makes the search page of `page` (whose tree is here, see ``withTree(_:)``) and lets its tree go, unless a
    /// route's step shows part of it.
    func finish(_ page: LinkedPage) {
        let id = page.item.id
        let searchPage = SearchPage(page: withTree(page), stems: stems)
        lock.withLock {
            searchPages[id] = searchPage
            if !kept.contains(id) { trees[id] = nil }
        }
    }

    /// The search page of `page`: the one made when it was rendered (handed over once: the index holds it from
    /// then on), or one made from its tree now.
    func searchPage(of page: LinkedPage) -> SearchPage {
        if let made = lock.withLock({ searchPages.removeValue(forKey: page.item.id) }) { return made }
        return SearchPage(page: withTree(page), stems: stems)
    }
}
