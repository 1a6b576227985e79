import KennisbankCore
import KennisbankMarkdown

/// A learning route ("leerroute"), as the programme designer wrote it in `Content/leerroutes/<slug>.md`: an
/// introduction, then the items of the body's first top-level ordered list, each a step. What the steps name is
/// resolved when the site is linked (``ResolvedRoute`` in KennisbankLinking).
package struct Route: Hashable, Sendable {
    /// Name, summary, source and body.
    package var item: ContentItem
    /// Who the route is for (front matter `audience`), or `nil`.
    package var audience: String?
    /// Old URL paths that must redirect to the route's page (front matter `aliases`).
    package var redirectsFrom: [String]
    /// Whether the route is a draft (left out unless drafts are built).
    package var draft: Bool

    /// Creates a route.
    package init(item: ContentItem, audience: String? = nil, redirectsFrom: [String] = [], draft: Bool = false) {
        precondition(item.id.kind == .route, "a route's item is of the kind route: \(item.id)")
        self.item = item
        self.audience = audience
        self.redirectsFrom = redirectsFrom
        self.draft = draft
    }

    /// The body's blocks before its first top-level ordered list: the introduction.
    package var introduction: [BlockNode] {
        Array(item.document.blocks.prefix { !Self.isOrderedList($0) })
    }

    /// The items of the body's first top-level ordered list, each a step, in order; empty when there is none.
    package var stepItems: [BlockNode] {
        item.document.blocks.first(where: Self.isOrderedList)?.children.filter { $0.kind == .item } ?? []
    }

    private static func isOrderedList(_ block: BlockNode) -> Bool {
        if case .list(let attributes) = block.kind { return attributes.ordered }
        return false
    }
}
