import KennisbankCore

/// The kinds of page a site has, and where in the site each is written: the one table every site path derives
/// from. The rendering layer extends it with each kind's template and navigation entry.
package enum PageKind: Hashable, Sendable, CaseIterable {
    /// The home page, which lists the articles.
    case home
    /// A page per article, concept, miniature or learning route, in the kind's folder.
    case article, concept, miniature, route
    /// The overview of the concepts, the miniatures or the learning routes, at the folder of their pages.
    case conceptIndex, miniatureIndex, routeIndex
    /// The list of every reference, the search page and the page a server shows for an unknown path.
    case literature, search, notFound
    /// Every concept as a card to print and cut (`begrippen/kaarten/`).
    case cardDeck
    /// A concept's card as a small page of its own, to embed in another site (`begrippen/<slug>/kaart/`).
    case conceptCard
    /// A page at an old path (an alias) that sends the reader to the item's page.
    case redirect

    /// The kind of the page of an item of `kind`.
    package init(_ kind: ContentKind) {
        switch kind {
        case .article: self = .article
        case .concept: self = .concept
        case .miniature: self = .miniature
        case .route: self = .route
        }
    }

    /// The path from the site root of the kind's one page (`begrippen/`, `404.html`, the home page's empty path),
    /// or of the folder that holds a page per item (`artikelen/`); nil for redirects, which go where their alias says.
    package var path: String? {
        switch self {
        case .home: return ""
        case .article: return Self.folder(of: .article)
        case .concept, .conceptIndex, .conceptCard: return Self.folder(of: .concept)
        case .cardDeck: return Self.folder(of: .concept) + "kaarten/"
        case .miniature, .miniatureIndex: return Self.folder(of: .miniature)
        case .route, .routeIndex: return Self.folder(of: .route)
        case .literature: return "literatuur/"
        case .search: return "zoeken/"
        case .notFound: return "404.html"
        case .redirect: return nil
        }
    }

    /// The folder, from the site root, that holds the page of each item of `kind` (stable URLs): `begrippen/`.
    package static func folder(of kind: ContentKind) -> String {
        switch kind {
        case .article: return "artikelen/"
        case .concept: return "begrippen/"
        case .miniature: return "miniaturen/"
        case .route: return "leerroutes/"
        }
    }

    /// The page of a concept's card, in the folder of the concept's page: `begrippen/niet-weten/kaart/`.
    package static func cardLink(of concept: ContentID) -> SiteLink {
        precondition(concept.kind == .concept, "only a concept has a card")
        return SiteLink(path: concept.link.path + "kaart/")
    }

    /// The kind's one page, optionally at a `fragment` on it (`literatuur/#kegan1994`).
    package func link(fragment: String? = nil) -> SiteLink {
        SiteLink(path: path ?? "", fragment: fragment)
    }

    /// Whether the site has one page of this kind (the home page, an overview, the literature, search and 404
    /// pages), at ``path``, rather than one per item or alias.
    package var isSinglePage: Bool {
        switch self {
        case .home, .conceptIndex, .miniatureIndex, .routeIndex, .literature, .search, .notFound, .cardDeck: return true
        case .article, .concept, .miniature, .route, .redirect, .conceptCard: return false
        }
    }

    /// The folders the site's own single pages take (not the root, not `404.html`): no alias may be written there.
    package static let reservedFolders: [String] = allCases.filter(\.isSinglePage).compactMap(\.path)
        .filter { !$0.isEmpty && $0.hasSuffix("/") }
}
