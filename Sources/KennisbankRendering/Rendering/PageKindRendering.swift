import KennisbankCore
import KennisbankContent

/// What the rendering layer adds to each row of the table of page kinds: its template, its name and title, its
/// breadcrumbs and its navigation entry.
extension PageKind {
    /// The template that renders pages of this kind.
    var template: PageTemplate {
        switch self {
        case .home: return .home
        case .article: return .article
        case .concept: return .concept
        case .miniature: return .miniature
        case .route: return .route
        case .conceptIndex: return .conceptIndex
        case .miniatureIndex: return .miniatureIndex
        case .routeIndex: return .routeIndex
        case .literature: return .literature
        case .search: return .search
        case .notFound: return .notFound
        case .redirect: return .redirect
        case .cardDeck: return .cardDeck
        case .conceptCard: return .conceptCard
        }
    }

    /// The kind's name as the templates see it (`{{kind}}`, the page's class): `article`, `concepts`, `not-found`.
    var name: String {
        switch self {
        case .home: return "home"
        case .article: return "article"
        case .concept: return "concept"
        case .miniature: return "miniature"
        case .route: return "route"
        case .conceptIndex: return "concepts"
        case .miniatureIndex: return "miniatures"
        case .routeIndex: return "routes"
        case .literature: return "literature"
        case .search: return "search"
        case .notFound: return "not-found"
        case .redirect: return "redirect"
        case .cardDeck: return "concept-cards"
        case .conceptCard: return "concept-card"
        }
    }

    /// The title of the kind's one page, which its breadcrumb shows too; nil for the home page (the site's title
    /// is its title) and for the kinds with a page per item, whose title is the item's.
    var title: String? {
        switch self {
        case .conceptIndex: return "Begrippen"
        case .miniatureIndex: return "Miniaturen"
        case .routeIndex: return "Leerroutes"
        case .literature: return "Literatuur"
        case .search: return "Zoeken"
        case .notFound: return "Pagina niet gevonden"
        case .cardDeck: return "Begripskaarten"
        case .home, .article, .concept, .miniature, .route, .redirect, .conceptCard: return nil
        }
    }

    /// The title of the kind's entry in every page's navigation, nil for a kind the navigation does not show.
    var navigationTitle: String? {
        switch self {
        case .home: return "Artikelen"
        case .conceptIndex, .miniatureIndex, .routeIndex, .literature: return title
        case .article, .concept, .miniature, .route, .search, .notFound, .redirect, .cardDeck, .conceptCard: return nil
        }
    }

    /// The page that lists the pages of this kind, which their breadcrumbs lead back to: the home page for an
    /// article, the overview for a concept, miniature or route (and the concepts' for the card deck); nil for the
    /// other kinds.
    var overview: PageKind? {
        switch self {
        case .article: return .home
        case .concept, .cardDeck: return .conceptIndex
        case .miniature: return .miniatureIndex
        case .route: return .routeIndex
        case .home, .conceptIndex, .miniatureIndex, .routeIndex, .literature, .search, .notFound, .redirect, .conceptCard: return nil
        }
    }

    /// The breadcrumbs' first step, the home page (Dutch "Start", not "Home").
    static let breadcrumbRoot = "Start"

    /// The breadcrumbs of an item's page of this kind after the home page's: its overview, then the item. An
    /// article's overview is the home page itself, which the first step already leads to: one link per level.
    func breadcrumbs(title: String, link: SiteLink) -> [(String, SiteLink)] {
        guard let overview, overview != .home, let overviewTitle = overview.navigationTitle else { return [(title, link)] }
        return [(overviewTitle, overview.link()), (title, link)]
    }

    /// The navigation's entries in order: title, page path and kind. The learning routes only when the site has routes.
    static func navigation(hasRoutes: Bool) -> [(title: String, path: String, kind: PageKind)] {
        hasRoutes ? navigationWithRoutes : navigationWithoutRoutes
    }

    private static let navigationWithRoutes = navigation(of: [.home, .conceptIndex, .miniatureIndex, .routeIndex, .literature])
    private static let navigationWithoutRoutes = navigation(of: [.home, .conceptIndex, .miniatureIndex, .literature])

    private static func navigation(of kinds: [PageKind]) -> [(title: String, path: String, kind: PageKind)] {
        kinds.compactMap { kind in kind.navigationTitle.map { ($0, kind.link().path, kind) } }
    }
}
