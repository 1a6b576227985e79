import KennisbankContent

/// What the rendering layer adds to each row of the table of page kinds: its template and its navigation entry.
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
        }
    }

    /// The title of the kind's entry in every page's navigation, nil for a kind the navigation does not show.
    var navigationTitle: String? {
        switch self {
        case .home: return "Artikelen"
        case .conceptIndex: return "Begrippen"
        case .miniatureIndex: return "Miniaturen"
        case .routeIndex: return "Leerroutes"
        case .literature: return "Literatuur"
        case .article, .concept, .miniature, .route, .search, .notFound, .redirect: return nil
        }
    }

    /// The navigation's entries in order: title and page path. The learning routes only when the site has routes.
    static func navigation(hasRoutes: Bool) -> [(title: String, path: String)] {
        hasRoutes ? navigationWithRoutes : navigationWithoutRoutes
    }

    private static let navigationWithRoutes = navigation(of: [.home, .conceptIndex, .miniatureIndex, .routeIndex, .literature])
    private static let navigationWithoutRoutes = navigation(of: [.home, .conceptIndex, .miniatureIndex, .literature])

    private static func navigation(of kinds: [PageKind]) -> [(title: String, path: String)] {
        kinds.compactMap { kind in kind.navigationTitle.map { ($0, kind.link().path) } }
    }
}
