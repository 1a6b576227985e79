import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

// The views of the learning routes, made from the linked site (see `RenderJob`).
extension PageModels {
    /// The page of `site.routes[index]`: its introduction, and each step with its instruction, its duration and
    /// what it points to, shown in place.
    func routeView(_ index: Int) -> RouteView {
        let route = site.routes[index]
        let item = route.route.item
        let path = item.id.link.path
        let options = renderOptions(from: path)
        let steps = route.steps.map { step in
            RouteStepEntry(number: String(step.number), title: step.label, url: step.walkingAddress(route: route.slug) { $0.relative(from: path) },
                           kind: Self.kindName(step), instruction: HTMLFragment(Cmark.renderHTML(step.instruction.blocks, options: options)),
                           duration: step.duration?.description, excerpt: excerpt(of: step, from: path), address: address(step.link))
        }
        return RouteView(
            frame: frame(path: path, title: item.title, kind: .route, description: item.summary,
                         breadcrumbs: PageKind.route.breadcrumbs(title: item.title, link: item.id.link)),
            title: item.title, summary: item.summary, audience: route.route.audience, totalDuration: route.totalDuration?.description,
            stepCount: String(route.steps.count), updated: UpdatedLine(item),
            introduction: route.introduction.blocks.isEmpty ? nil : HTMLFragment(Cmark.renderHTML(route.introduction.blocks, options: options)),
            steps: steps, address: address(item.id.link), draft: route.route.draft)
    }

    /// The overview of every route, by title.
    func routeIndexView(path: String) -> RouteIndexView {
        RouteIndexView(frame: frame(of: .routeIndex),
                       routes: routeEntries(from: path))
    }

    /// Every route as a list shows it, with links relative to the page at `path`.
    func routeEntries(from path: String) -> [RouteEntry] {
        site.routes.map { route in
            let item = route.route.item
            return RouteEntry(title: item.title, url: item.id.link.relative(from: path), slug: item.id.slug, summary: item.summary,
                              audience: route.route.audience, duration: route.totalDuration?.description, stepCount: String(route.steps.count),
                              draft: route.route.draft)
        }
    }

    /// The routes with a step about `id` ("In leerroutes" on its page), with the numbers of those steps.
    func routeUses(of id: ContentID, from path: String) -> [RouteUse] {
        site.routes(through: id).map { route in
            let numbers = route.stepNumbers(about: id).map(String.init)
            let steps = numbers.count == 1 ? "stap \(numbers[0])" : "stappen \(numbers.dropLast().joined(separator: ", ")) en \(numbers.last!)"
            return RouteUse(title: route.route.item.title, url: route.route.item.id.link.relative(from: path), steps: steps)
        }
    }

    /// What a step points to, in Dutch.
    private static func kindName(_ step: RouteStep) -> String {
        switch step.place {
        case .page: return step.target.kind.dutchName
        case .heading: return "paragraaf"
        case .paragraph: return "passage"
        }
    }

    /// The absolute URL of a link, or `nil` without a `baseURL`.
    private func address(_ link: SiteLink) -> String? {
        site.settings.baseURL.map { link.address(baseURL: $0) }
    }

    /// What a step points to, as its page shows it: a concept's summary and text, a miniature's text, an article's
    /// summary (or its first paragraph), a heading's section, or one paragraph. The blocks lose the `id`s of their
    /// own page (two steps may show one paragraph) and their headings start below the step's.
    func excerpt(of step: RouteStep, from path: String) -> HTMLFragment? {
        guard let page = site.page(step.target) else { return nil }
        let blocks = RouteExcerpt.blocks(of: step, in: page)
        guard !blocks.isEmpty else { return nil }
        return HTMLFragment(Cmark.renderHTML(blocks, options: renderOptions(from: path)))
    }
}
