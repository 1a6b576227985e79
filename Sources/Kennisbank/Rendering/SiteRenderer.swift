import Foundation

/// The render step: turns the linked site into pages with the author's templates.
public struct SiteRenderer: Sendable {
    /// The templates and assets.
    public var templates: TemplateLibrary

    /// Creates a renderer.
    public init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// Renders every page of the site, in parallel, plus the assets.
    public func render(_ site: LinkedSite) -> [OutputFile] {
        let models = PageModels(site: site)
        let content = site.content
        var jobs: [RenderJob] = [.home, .conceptIndex, .miniatureIndex, .literature, .notFound, .search]
        jobs += content.articles.indices.map { .article($0) }
        jobs += content.concepts.map { .concept($0.item.id) }
        jobs += content.miniatures.map { .miniature($0.item.id) }
        for article in content.articles {
            jobs += article.redirectsFrom.map { .redirect(from: $0, to: article.item.id) }
        }
        let templates = self.templates
        let pages = jobs.parallelMap { job in job.render(models: models, templates: templates) }
        let assets = templates.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }
        let machine = MachineReadable(site: site)
        let redirects = Set(content.articles.flatMap(\.redirectsFrom).map(URLPath.directory))
        let indexable = pages.map(\.path).filter { $0.hasSuffix("index.html") && !$0.hasPrefix("zoeken/") }
            .map { String($0.dropLast("index.html".count)) }.filter { !redirects.contains($0) }
        let extras = [machine.conceptsJSON(), machine.atomFeed(), machine.robots()] + SearchIndex(site: site).files()
            + [machine.sitemap(pages: indexable)].compactMap { $0 }
        return pages + assets + extras
    }
}
