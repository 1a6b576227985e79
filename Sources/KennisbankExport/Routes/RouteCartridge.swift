import KennisbankCore
import KennisbankMarkdown
import KennisbankLinking

/// A route of the linked site as a cartridge's module: each step a link to its published page (the site's
/// `baseURL`, the page's path, the route and step in the query as the route's page links them, so the page shows
/// the route bar, and the anchor of its heading or paragraph) and its instruction, the route's introduction a page
/// before the first step.
package enum RouteCartridge {
    /// The module of `route`, with every link made absolute with `baseURL` (which ends in '/').
    ///
    /// The step's title is its label as the route page shows it: the target's title, with the heading for a
    /// section, or the designer's own label. Instructions and the introduction are rendered as the site renders
    /// markdown, with raw HTML shown as text whatever site.yml says, so every page of the cartridge is well-formed XHTML.
    package static func module(of route: ResolvedRoute, language: String, baseURL: String) -> CartridgeModule {
        precondition(baseURL.hasSuffix("/"), "a base URL ends in '/': \(baseURL)")
        let options = Cmark.RenderOptions(unsafeHTML: false, linkResolver: { $0.address(baseURL: baseURL) })
        let introduction = route.introduction.blocks.isEmpty ? nil : Cmark.renderHTML(route.introduction.blocks, options: options)
        let steps = route.steps.map { step in
            CartridgeStep(title: step.label, url: step.walkingAddress(route: route.slug) { $0.address(baseURL: baseURL) },
                          instructionHTML: Cmark.renderHTML(step.instruction.blocks, options: options),
                          duration: step.duration?.description)
        }
        return CartridgeModule(identifier: route.slug, title: route.route.item.title, summary: route.route.item.summary,
                               language: language, introductionHTML: introduction, steps: steps)
    }
}
