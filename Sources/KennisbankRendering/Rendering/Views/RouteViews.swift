import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

// The views of the learning routes: a route's page (`route.mustache`), the overview (`routes.mustache`), and the
// entries that list routes on other pages. Templates/README.md lists the same names.

/// A route's page (`route.mustache`): its introduction and every step with what it points to shown in place.
struct RouteView: PageView {
    var frame: PageFrame
    var title: String
    var summary: String?
    var audience: String?
    /// The total duration ("45–55 min"), when any step has one. Not `duration`: a step without one would show the
    /// route's, as Mustache looks a missing name up in the view around the step.
    var totalDuration: String?
    /// The number of steps, as text.
    var stepCount: String
    /// When its file was last committed, or `nil` (outside git, not committed, `gitDates: false`).
    var updated: UpdatedLine?
    /// The introduction as HTML, or `nil` when the route has none.
    var introduction: HTMLFragment?
    var steps: [RouteStepEntry]
    /// The route's absolute URL, printed on the handout; `nil` when site.yml has no `baseURL` (a path from the site
    /// root would mean nothing on paper).
    var address: String?
    /// Whether the route is a draft (`draft: true`), shown only in a `--drafts` build and under `serve`: labelled so.
    var draft: Bool

    static let fields = TemplateFields<RouteView>([
        .init("frame") { $0.frame },
        .init("title") { $0.title },
        .init("summary") { $0.summary },
        .init("audience") { $0.audience },
        .init("totalDuration") { $0.totalDuration },
        .init("stepCount") { $0.stepCount },
        .init("updated") { $0.updated },
        .init("introduction") { $0.introduction },
        .init("steps") { $0.steps },
        .init("address") { $0.address },
        .init("draft") { $0.draft },
    ])
}

/// One step on a route's page.
struct RouteStepEntry: TemplateView {
    /// The step's number, as text.
    var number: String
    /// What the step's wikilink shows: the page's title, with the heading after "›" for a section.
    var title: String
    /// The target, relative to the route's page, carrying the route and the step: `…/?leerroute=<slug>&stap=2#anker`.
    var url: String
    /// What the target is, in Dutch: "begrip", "miniatuur", "artikel", "paragraaf" or "passage".
    var kind: String
    /// The designer's instruction as HTML.
    var instruction: HTMLFragment
    /// How long the step takes ("15–20 min"), or `nil`.
    var duration: String?
    /// What the step points to, shown in place (a concept's summary and text, a miniature's text, a section or a
    /// paragraph), as HTML without the `id`s of its own page.
    var excerpt: HTMLFragment?
    /// The target's absolute URL, printed after the step with its title; `nil` without a `baseURL`: the handout
    /// then names the source by its title alone.
    var address: String?

    static let fields = TemplateFields<RouteStepEntry>([
        .init("number") { $0.number },
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("kind") { $0.kind },
        .init("instruction") { $0.instruction },
        .init("duration") { $0.duration },
        .init("excerpt") { $0.excerpt },
        .init("address") { $0.address },
    ])
}

/// A route in a list (the overview, the home page): its link, summary, audience, duration and number of steps.
struct RouteEntry: TemplateView {
    var title: String
    var url: String
    var slug: String
    var summary: String?
    var audience: String?
    var duration: String?
    /// The number of steps, as text.
    var stepCount: String
    /// Whether the route is a draft (`draft: true`), labelled so in the list.
    var draft: Bool

    static let fields = TemplateFields<RouteEntry>([
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("slug") { $0.slug },
        .init("summary") { $0.summary },
        .init("audience") { $0.audience },
        .init("duration") { $0.duration },
        .init("stepCount") { $0.stepCount },
        .init("draft") { $0.draft },
    ])
}

/// A route that has a step about the page it is listed on ("In leerroutes"): its link and the steps, as text
/// ("stap 2", "stap 1 en 4").
struct RouteUse: TemplateView {
    var title: String
    var url: String
    var steps: String

    static let fields = TemplateFields<RouteUse>([
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("steps") { $0.steps },
    ])
}

/// The overview of the routes (`routes.mustache`).
struct RouteIndexView: PageView {
    var frame: PageFrame
    var routes: [RouteEntry]

    static let fields = TemplateFields<RouteIndexView>([
        .init("frame") { $0.frame },
        .init("routes") { $0.routes },
    ])
}
