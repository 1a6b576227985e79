import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// One page to render: which template, which model.
enum RenderJob: Sendable {
    case home, conceptIndex, miniatureIndex, literature, notFound, search
    /// The overview of the learning routes (only in a site that has routes).
    case routeIndex
    /// The page of `site.routes[index]`.
    case route(Int)
    case article(Int)
    /// The concept page of `site.content.concepts[index]`.
    case concept(Int)
    /// The miniature page of `site.content.miniatures[index]`.
    case miniature(Int)
    /// Every concept as a card (only in a site that has concepts).
    case cardDeck
    /// The embeddable card of `site.content.concepts[index]`.
    case conceptCard(Int)
    case redirect(from: String, to: ContentID)

    /// Every page of a site: the overviews, then each article, concept (and its card), miniature and route, then the
    /// redirects.
    static func all(of content: Content) -> [RenderJob] {
        var jobs: [RenderJob] = [.home, .conceptIndex, .miniatureIndex, .literature, .notFound, .search]
        jobs += content.articles.indices.map { .article($0) }
        jobs += content.concepts.indices.map { .concept($0) }
        if !content.concepts.isEmpty { jobs.append(.cardDeck) }
        jobs += content.concepts.indices.map { .conceptCard($0) }
        jobs += content.miniatures.indices.map { .miniature($0) }
        if !content.routes.isEmpty { jobs.append(.routeIndex) }
        jobs += content.routes.indices.map { .route($0) }
        for (item, aliases) in content.redirects {
            jobs += aliases.map { .redirect(from: $0, to: item.id) }
        }
        return jobs
    }

    /// The kind of the page, whose row in the table gives its path (for the site's one page of it) and template.
    var kind: PageKind {
        switch self {
        case .home: return .home
        case .conceptIndex: return .conceptIndex
        case .miniatureIndex: return .miniatureIndex
        case .literature: return .literature
        case .notFound: return .notFound
        case .search: return .search
        case .routeIndex: return .routeIndex
        case .route: return .route
        case .article: return .article
        case .concept: return .concept
        case .miniature: return .miniature
        case .redirect: return .redirect
        case .cardDeck: return .cardDeck
        case .conceptCard: return .conceptCard
        }
    }

    /// The page's path from the site root (a folder ending in `/`, or `404.html`), without making its view.
    func path(of content: Content) -> String {
        switch self {
        case .home, .conceptIndex, .miniatureIndex, .routeIndex, .literature, .notFound, .search, .cardDeck:
            assert(kind.isSinglePage)
            return kind.link().path
        case .article(let index): return content.articles[index].item.id.link.path
        case .concept(let index): return content.concepts[index].item.id.link.path
        case .miniature(let index): return content.miniatures[index].item.id.link.path
        case .route(let index): return content.routes[index].item.id.link.path
        case .conceptCard(let index): return PageKind.cardLink(of: content.concepts[index].item.id).path
        case .redirect(let from, _): return URLPath.directory(from)
        }
    }

    /// The item whose own page this is (an article, concept or miniature), or `nil` for the other pages.
    func item(of content: Content) -> ContentID? {
        switch self {
        case .article(let index): return content.articles[index].item.id
        case .concept(let index): return content.concepts[index].item.id
        case .miniature(let index): return content.miniatures[index].item.id
        default: return nil
        }
    }

    /// The page's file, without making its view.
    func file(of content: Content) -> String {
        SiteLink(path: path(of: content)).file
    }

    /// The page's file, template and view.
    func page(_ models: PageModels) -> (file: String, template: PageTemplate, view: any PageView) {
        let path = models.path(of: self)
        return (SiteLink(path: path).file, kind.template, view(models, path: path))
    }

    /// The page's view, from the view builder of its kind.
    private func view(_ models: PageModels, path: String) -> any PageView {
        switch self {
        case .home: return models.homeView()
        case .article(let index): return models.articleView(index)
        case .concept(let index): return models.conceptView(index)
        case .miniature(let index): return models.miniatureView(index)
        case .conceptIndex: return models.conceptIndexView(path: path)
        case .miniatureIndex: return models.miniatureIndexView(path: path)
        case .routeIndex: return models.routeIndexView(path: path)
        case .route(let index): return models.routeView(index)
        case .literature: return models.literatureView(path: path)
        case .notFound: return models.notFoundView()
        case .search: return models.searchView(path: path)
        case .cardDeck: return models.cardDeckView(path: path)
        case .conceptCard(let index): return models.conceptCardView(index, path: path)
        case .redirect(_, let to):
            let title = to.kind == .route ? models.site.routes.first { $0.route.item.id == to }?.route.item.title : models.site.signature(to)?.title
            let frame = models.frame(path: path, title: title, kind: .redirect, description: nil)
            return RedirectView(frame: frame, target: to.link.relative(from: path))
        }
    }
}

/// Display names for concept groups and A–Z letters.
enum GroupNames {
    /// `lens` → "De vijf lenzen"; other groups are shown with a capital.
    static func display(_ group: String) -> String {
        switch group {
        case "lens", "lenzen": return "De vijf lenzen"
        case "professionele-ruimte": return "Sleutelbegrippen van de professionele ruimte"
        default: return group.prefix(1).uppercased() + group.dropFirst().replacingOccurrences(of: "-", with: " ")
        }
    }

    /// The index letter of a title: its first letter without diacritics, uppercased.
    static func letter(of title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        guard let first = folded.first(where: { $0.isLetter || $0.isNumber }) else { return "#" }
        return first.isLetter ? String(first).uppercased() : "#"
    }
}

