import KennisbankCore
import KennisbankMarkdown

/// A learning route ("leerroute"), as the programme designer wrote it in `Content/leerroutes/<slug>.md`: an
/// introduction, then the items of the body's first top-level ordered list, each a step. What the steps name is
/// resolved when the site is linked (``ResolvedRoute`` in KennisbankLinking).
public struct Route: Hashable, Sendable {
    /// Name, summary, source and body.
    public var item: ContentItem
    /// Who the route is for (front matter `audience`), or `nil`.
    public var audience: String?
    /// Old URL paths that must redirect to the route's page (front matter `aliases`).
    public var redirectsFrom: [String]
    /// Whether the route is a draft (left out unless drafts are built).
    public var draft: Bool

    /// Creates a route.
    public init(item: ContentItem, audience: String? = nil, redirectsFrom: [String] = [], draft: Bool = false) {
        precondition(item.id.kind == .route, "a route's item is of the kind route: \(item.id)")
        self.item = item
        self.audience = audience
        self.redirectsFrom = redirectsFrom
        self.draft = draft
    }

    /// The body's blocks before its first top-level ordered list: the introduction.
    public var introduction: [BlockNode] {
        Array(item.document.blocks.prefix { !Self.isOrderedList($0) })
    }

    /// The items of the body's first top-level ordered list, each a step, in order; empty when there is none.
    public var stepItems: [BlockNode] {
        item.document.blocks.first(where: Self.isOrderedList)?.children.filter { $0.kind == .item } ?? []
    }

    private static func isOrderedList(_ block: BlockNode) -> Bool {
        if case .list(let attributes) = block.kind { return attributes.ordered }
        return false
    }
}
