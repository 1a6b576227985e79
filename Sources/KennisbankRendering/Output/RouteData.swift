import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The routes as data: `routes.json` beside `concepts.json`, for other tools (each route with its steps, their
/// targets' URLs and anchors, instructions and durations; URLs absolute with `baseURL`), and `leerroutes/routes.js`,
/// which the script of a step's page loads to show where the reader is in the route (a script loads from a folder
/// opened as file:// too, where `fetch` is refused). A site without routes has neither.
struct RouteData {
    let site: LinkedSite
    /// The site on disk (an incremental build): a file is left out when its bytes would be the same.
    var written: (any WrittenSite)? = nil

    /// The path of the walking script's data.
    static let scriptPath = PageKind.routeIndex.link().path + "routes.js"

    /// `routes.json` and `leerroutes/routes.js`, or nothing without routes.
    func files() -> [SiteRenderer.RenderedFile] {
        guard !site.routes.isEmpty else { return [] }
        return [file("routes.json", json().data(pretty: true) + Data("\n".utf8)),
                file(Self.scriptPath, Data("window.KENNISBANK_ROUTES = ".utf8) + Data(HTML.scriptJSON(script().data()).utf8) + Data(";\n".utf8))]
    }

    private func file(_ path: String, _ data: Data) -> SiteRenderer.RenderedFile {
        .assembled(path: path, parts: [data.withUnsafeBytes(Digest.init(bytes:))], written: written) { data }
    }

    private var baseURL: String? { site.content.site.baseURL }

    private func url(_ link: SiteLink) -> String { link.address(baseURL: baseURL) }

    /// `routes.json`: every route with its steps.
    func json() -> JSONValue {
        let config = site.content.site
        let routes = site.routes.map { route -> JSONValue in
            let item = route.route.item
            var members: [String: JSONValue] = [
                "slug": .string(item.id.slug), "title": .string(item.title), "url": .string(url(item.id.link)),
                "steps": .array(route.steps.map(step)),
            ]
            members["summary"] = .string(item.summary)
            members["audience"] = .string(route.route.audience)
            members["duration"] = route.totalDuration.map(Self.duration)
            return .object(members)
        }
        return .object(["routes": .array(routes), "generator": .string("Kennisbank"), "language": .string(config.language),
                        "site": .string(config.title)])
    }

    /// One step: its number, target (`kind:slug`, its title, URL and anchor), what it points to, its instruction
    /// (text, and HTML with absolute links where the base URL is known) and duration.
    private func step(_ step: RouteStep) -> JSONValue {
        let unsafe = site.content.site.unsafeHTML
        let html = Cmark.renderHTML(step.instruction.blocks, options: Cmark.RenderOptions(unsafeHTML: unsafe) { url($0) })
        var members: [String: JSONValue] = [
            "number": .int(step.number), "target": .string("\(step.target.kind.rawValue):\(step.target.slug)"),
            "title": .string(step.label), "url": .string(url(step.link)), "place": .string(step.place.rawValue),
            "instruction": .string(Self.task(step)),
            "instructionHTML": .string(html),
        ]
        members["anchor"] = .string(step.link.fragment)
        members["duration"] = step.duration.map(Self.duration)
        return .object(members)
    }

    /// A step's instruction as plain text, its paragraphs apart by a blank line.
    private static func task(_ step: RouteStep) -> String {
        step.instruction.blocks.map(\.inlines.plainText).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private static func duration(_ duration: StepDuration) -> JSONValue {
        .object(["minimum": .int(duration.minimum), "maximum": .int(duration.maximum)])
    }

    /// What the walking script needs: by slug, each route's title and page, and each step's title, page and anchor
    /// (paths from the site root; the script makes them relative with the page's root), its task as plain text
    /// and its duration as the route page prints it, so the route bar says what to do on the step's page.
    func script() -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: site.routes.map { route in
            let item = route.route.item
            let steps = route.steps.map { step -> JSONValue in
                var members: [String: JSONValue] = ["title": .string(step.label), "path": .string(step.link.path)]
                members["anchor"] = .string(step.link.fragment)
                let task = Self.task(step)
                if !task.isEmpty { members["task"] = .string(task) }
                members["duration"] = step.duration.map { .string($0.description) }
                return .object(members)
            }
            return (item.id.slug, JSONValue.object(["title": .string(item.title), "path": .string(item.id.link.path), "steps": .array(steps)]))
        }))
    }
}
