import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering

/// Learning routes on small in-memory sites: the format (introduction, steps, targets, instructions, durations),
/// the warnings, drafts, the pages, "In leerroutes", routes.json and the walking data.
final class RouteTests: XCTestCase {
    /// A small site with an article (a numbered heading and two paragraphs), a concept and a miniature, and the
    /// routes given, by file name in `leerroutes/`.
    private func site(routes: [String: String], extra: [String: String] = [:]) -> InMemoryFileSystem {
        var files: [String: String] = [
            "C/site.yml": "title: Proef\nseriesAuthor: A. Auteur\n",
            "C/articles/een.md": "---\ntitle: Een\nseries: 1\ndate: 2024-01-01\nsummary: Het eerste artikel.\n---\n"
                + "## 1. Begin\n\nDe eerste alinea van het begin.\n\nDe tweede alinea van het begin.\n\n## 2. Verder\n\nEen alinea verderop.\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\nsummary: Open blijven.\n---\nUitleg over het begrip.\n",
            "C/miniatures/scene.md": "---\ntitle: Scène\narticle: een\n---\nEen scène.\n",
        ]
        for (name, text) in routes { files["C/leerroutes/\(name).md"] = text }
        files.merge(extra) { _, new in new }
        return InMemoryFileSystem(files)
    }

    private func build(_ fileSystem: InMemoryFileSystem, drafts: Bool = true, strict: Bool = false) throws -> BuildReport {
        var build = Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", strict: strict, fileSystem: fileSystem)
        build.includesDrafts = drafts
        return try build.generate()
    }

    private func linked(_ fileSystem: InMemoryFileSystem, drafts: Bool = true) throws -> LinkedSite {
        var loader = ContentLoader(directory: "C", fileSystem: fileSystem)
        loader.includesDrafts = drafts
        let content = try loader.load()
        return DeepStack.run { SiteLinker(content: content).link() }
    }

    private func page(_ report: BuildReport, _ path: String) -> String {
        String(decoding: report.files.first { $0.path == path }?.contents ?? Data(), as: UTF8.self)
    }

    private static let threeSteps = """
        ---
        title: Drie stappen
        summary: Een korte route.
        audience: Nieuwe leidinggevenden
        ---
        Deze route neemt je mee naar [[een]].

        1. [[niet-weten]] — Lees de *definitie*. (15 min)
        2. [[een#1. Begin]] - Lees de paragraaf en bespreek [[scene]]. (15-20 min)
        3. [[een#de-tweede-alinea-van-het]]: Schrijf drie zinnen.

        Na de lijst.
        """

    private func html(_ document: MarkdownDocument) -> String { Cmark.renderHTML(document.blocks) }

    /// The introduction is the text before the list; each item a step: its first wikilink the target (a concept,
    /// a heading by its text with its number, a paragraph by its anchor), the rest the instruction, the trailing
    /// parenthesis the duration.
    func testStepsNameTheirTargetInstructionAndDuration() throws {
        let site = try linked(site(routes: ["drie-stappen": Self.threeSteps]))
        XCTAssertEqual(site.diagnostics, [])
        let route = try XCTUnwrap(site.routes.first)
        XCTAssertEqual(route.slug, "drie-stappen")
        XCTAssertEqual(route.route.audience, "Nieuwe leidinggevenden")
        XCTAssertEqual(html(route.introduction), "<p>Deze route neemt je mee naar <a class=\"wikilink article\" href=\"artikelen/een/\">Een</a>.</p>\n")
        XCTAssertEqual(route.steps.map(\.number), [1, 2, 3])
        XCTAssertEqual(route.steps.map(\.target), [ContentID(.concept, "niet-weten"), ContentID(.article, "een"), ContentID(.article, "een")])
        XCTAssertEqual(route.steps.map(\.link), [SiteLink(path: "begrippen/niet-weten/"), SiteLink(path: "artikelen/een/", fragment: "begin"),
                                                 SiteLink(path: "artikelen/een/", fragment: "de-tweede-alinea-van-het")])
        XCTAssertEqual(route.steps.map(\.place), [.page, .heading, .paragraph])
        XCTAssertEqual(route.steps.map(\.label), ["Niet-weten", "Een › 1. Begin", "Een › De tweede alinea van het begin."])
        XCTAssertEqual(route.steps.map { html($0.instruction) }, [
            "<p>Lees de <em>definitie</em>.</p>\n",
            "<p>Lees de paragraaf en bespreek <a class=\"wikilink miniature\" href=\"miniaturen/scene/\">Scène</a>.</p>\n",
            "<p>Schrijf drie zinnen.</p>\n",
        ])
        XCTAssertEqual(route.steps.map(\.duration), [StepDuration(minimum: 15, maximum: 15), StepDuration(minimum: 15, maximum: 20), nil])
        XCTAssertEqual(route.steps.map(\.position), [SourcePosition(line: 8, column: 1), SourcePosition(line: 9, column: 1), SourcePosition(line: 10, column: 1)])
        XCTAssertEqual(route.totalDuration, StepDuration(minimum: 30, maximum: 35))
        XCTAssertEqual(route.totalDuration?.description, "30–35 min")
    }

    func testDurations() {
        XCTAssertEqual(StepDuration.parse("15 min"), StepDuration(minimum: 15, maximum: 15))
        XCTAssertEqual(StepDuration.parse("15-20 min"), StepDuration(minimum: 15, maximum: 20))
        XCTAssertEqual(StepDuration.parse(" 15 – 20 minuten"), StepDuration(minimum: 15, maximum: 20))
        XCTAssertEqual(StepDuration.parse("5 min."), StepDuration(minimum: 5, maximum: 5))
        XCTAssertNil(StepDuration.parse("tien min"))
        XCTAssertNil(StepDuration.parse("20-15 min"))
        XCTAssertNil(StepDuration.parse("15-20-25 min"))
        XCTAssertNil(StepDuration.parse("min"))
        XCTAssertNil(StepDuration.parse("15 uur"))
        XCTAssertEqual(StepDuration(minimum: 10, maximum: 10).description, "10 min")
    }

    /// Each problem is a warning at its place: a step that names nothing, a step without a wikilink, a duration
    /// that is no number; the steps that name something stay, numbered in order.
    func testTheAuthorIsToldWhatIsWrongInASteps() throws {
        let text = "---\ntitle: Fouten\n---\n1. [[niet-wetn]] — Lees. (5 min)\n2. Praat met elkaar. (5 min)\n3. [[scene]] — Lees. (tien min)\n4. [[niet-weten]] — Lees.\n"
        let site = try linked(site(routes: ["fouten": text]))
        let path = "C/leerroutes/fouten.md"
        XCTAssertEqual(site.diagnostics, [
            Diagnostic(path: path, position: SourcePosition(line: 4, column: 4), severity: .warning, code: .unresolvedWikilink,
                       message: "The link '[[niet-wetn]]' names no article, concept or miniature.", hint: "did you mean 'niet-weten'?"),
            Diagnostic(path: path, position: SourcePosition(line: 5, column: 1), severity: .warning, code: .stepWithoutLink,
                       message: "This step names nothing to read: it has no [[link]].",
                       hint: "start the step with the concept, miniature or article it is about: [[niet-weten]]"),
            Diagnostic(path: path, position: SourcePosition(line: 6, column: 22), severity: .warning, code: .invalidDuration,
                       message: "The duration '(tien min)' is not a number of minutes; the step has no duration.",
                       hint: "write it as (15 min) or (15-20 min)"),
        ])
        let route = try XCTUnwrap(site.routes.first)
        XCTAssertEqual(route.steps.map(\.number), [1, 2])
        XCTAssertEqual(route.steps.map(\.target), [ContentID(.miniature, "scene"), ContentID(.concept, "niet-weten")])
        XCTAssertEqual(route.steps.map { html($0.instruction) }, ["<p>Lees. (tien min)</p>\n", "<p>Lees.</p>\n"])
    }

    func testARouteWithoutStepsIsAWarning() throws {
        let site = try linked(site(routes: ["leeg": "---\ntitle: Leeg\n---\nAlleen een inleiding.\n\n- [[niet-weten]]\n"]))
        XCTAssertEqual(site.diagnostics, [
            Diagnostic(path: "C/leerroutes/leeg.md", position: SourcePosition(line: 4, column: 1), severity: .warning, code: .routeWithoutSteps,
                       message: "The route 'Leeg' has no steps: its body has no numbered list.",
                       hint: "write each step as an item of a numbered list: 1. [[begrip]] — wat de deelnemer doet. (10 min)"),
        ])
        XCTAssertEqual(site.routes.first?.steps, [])
    }

    /// The warnings fail a strict build, as every warning does.
    func testWarningsFailAStrictBuild() throws {
        let fileSystem = site(routes: ["leeg": "---\ntitle: Leeg\n---\nNiets.\n"])
        XCTAssertThrowsError(try build(fileSystem, strict: true)) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics.map(\.code), [.routeWithoutSteps])
        }
    }

    /// A plain build leaves drafts out, articles and routes alike; a build with drafts has them.
    func testDraftsAreBuiltOnlyWhenAsked() throws {
        let draft = "---\ntitle: Concept\ndraft: true\n---\n1. [[niet-weten]] — Lees.\n"
        let fileSystem = site(routes: ["concept-route": draft, "klaar": "---\ntitle: Klaar\n---\n1. [[scene]] — Lees.\n"],
                              extra: ["C/articles/ontwerp.md": "---\ntitle: Ontwerp\ndraft: true\ndate: 2024-01-01\n---\nTekst.\n"])
        let plain = try build(fileSystem, drafts: false)
        XCTAssertEqual(plain.site.content.routes.map(\.item.id.slug), ["klaar"])
        XCTAssertEqual(plain.site.content.articles.map(\.item.id.slug), ["een"])
        XCTAssertFalse(plain.files.contains { $0.path.hasPrefix("leerroutes/concept-route/") })
        let withDrafts = try build(fileSystem, drafts: true)
        XCTAssertEqual(withDrafts.site.content.routes.map(\.item.id.slug), ["concept-route", "klaar"])
        XCTAssertEqual(withDrafts.site.content.articles.map(\.item.id.slug), ["een", "ontwerp"])
        XCTAssertTrue(withDrafts.files.contains { $0.path == "leerroutes/concept-route/index.html" })
    }

    /// A site without routes has no route pages, no data and no "Leerroutes" in its navigation.
    func testASiteWithoutRoutesHasNoneOfIt() throws {
        let report = try build(site(routes: [:]))
        XCTAssertEqual(report.files.map(\.path).filter { $0.hasPrefix("leerroutes") || $0 == "routes.json" }, [])
        XCTAssertFalse(page(report, "index.html").contains("Leerroutes"))
    }

    func testTheFieldsOfARouteAreKnown() throws {
        let site = try linked(site(routes: ["r": "---\ntitle: R\naudiance: Iedereen\n---\n1. [[scene]]\n"],
                                   extra: ["C/concepts/box.md": "---\ntitle: Box\naudience: Iedereen\n---\nTekst.\n"]))
        XCTAssertEqual(site.content.diagnostics.map(\.description), [
            "C/concepts/box.md:3:1: warning: The field 'audience' is a field of routes, not of concepts; Kennisbank ignores it.",
            "C/leerroutes/r.md:3:1: warning: The field 'audiance' is not a field of routes; Kennisbank ignores it. (did you mean 'audience'?)",
        ])
    }

    /// The route's page: the facts, the introduction, every step with its instruction, its duration, what it
    /// points to shown in place (without the ids of its own page) and links that carry the route and the step.
    func testTheRoutePageShowsEveryStepInPlace() throws {
        let report = try build(site(routes: ["drie-stappen": Self.threeSteps]))
        let html = page(report, "leerroutes/drie-stappen/index.html")
        for expected in [
            "<h1>Drie stappen</h1>",
            "<div><dt>Voor</dt><dd>Nieuwe leidinggevenden</dd></div>",
            "<div><dt>Stappen</dt><dd>3</dd></div>",
            "<div><dt>Duur</dt><dd class=\"duration\">30–35 min</dd></div>",
            "<p>Deze route neemt je mee naar <a class=\"wikilink article\" href=\"../../artikelen/een/\">Een</a>.</p>",
            "<a href=\"../../begrippen/niet-weten/?leerroute=drie-stappen&amp;stap=1\">Niet-weten</a>",
            "<a href=\"../../artikelen/een/?leerroute=drie-stappen&amp;stap=2#begin\">Een › 1. Begin</a>",
            "<a href=\"../../artikelen/een/?leerroute=drie-stappen&amp;stap=3#de-tweede-alinea-van-het\">Een › De tweede alinea van het begin.</a>",
            "<p class=\"meta\">begrip · <span class=\"duration\">15 min</span></p>", "<p class=\"meta\">paragraaf · <span class=\"duration\">15–20 min</span></p>", "<p class=\"meta\">passage</p>",
            // The concept: its summary and its text; the heading: its section up to the next heading of its level.
            "<blockquote class=\"route-excerpt prose\">\n<p><em>Open blijven.</em></p>\n<p>Uitleg over het begrip.</p>\n\n      </blockquote>",
            "<blockquote class=\"route-excerpt prose\">\n<h3>1. Begin</h3>\n<p>De eerste alinea van het begin.</p>\n<p>De tweede alinea van het begin.</p>\n\n      </blockquote>",
            "<blockquote class=\"route-excerpt prose\">\n<p>De tweede alinea van het begin.</p>\n\n      </blockquote>",
            // Without a baseURL the handout names each source by its title: a path from the site root means nothing on paper.
            "<span class=\"print-only route-source-address\">Een › 1. Begin</span>",
        ] {
            XCTAssertTrue(html.contains(expected), "missing \(expected) in\n\(html)")
        }
        XCTAssertFalse(html.contains("Na de lijst"), "text after the list is no part of the route")
        XCTAssertFalse(html.contains("id=\"begin\""), "the excerpt keeps no id of its page")
    }

    /// A step to a paragraph in a block quote finds it for its label and for its excerpt alike.
    func testAStepToAParagraphInABlockQuoteShowsIt() throws {
        let article = "---\ntitle: Twee\nseries: 2\ndate: 2024-01-02\n---\nEerst een alinea.\n\n> Een citaat staat in dit blok.\n"
        let route = "---\ntitle: Citaat\n---\n1. [[twee#een-citaat-staat-in-dit]] Lees het citaat.\n"
        let report = try build(site(routes: ["citaat": route], extra: ["C/articles/twee.md": article]))
        let html = page(report, "leerroutes/citaat/index.html")
        XCTAssertTrue(html.contains("Twee › Een citaat staat in dit blok.</a>"), html)
        XCTAssertTrue(html.contains("<blockquote class=\"route-excerpt prose\">\n<p>Een citaat staat in dit blok.</p>"), html)
    }

    /// The overview, the home page and the navigation lead to the routes.
    func testTheOverviewHomeAndNavigationListTheRoutes() throws {
        let report = try build(site(routes: ["drie-stappen": Self.threeSteps]))
        let overview = page(report, "leerroutes/index.html")
        XCTAssertTrue(overview.contains("<h2><a href=\"drie-stappen/\">Drie stappen</a></h2>"), overview)
        XCTAssertTrue(overview.contains("<p class=\"meta\">Voor Nieuwe leidinggevenden · 3 stappen · <span class=\"duration\">30–35 min</span></p>"), overview)
        let home = page(report, "index.html")
        XCTAssertTrue(home.contains("<h3><a href=\"leerroutes/drie-stappen/\">Drie stappen</a></h3>"), home)
        XCTAssertTrue(page(report, "begrippen/niet-weten/index.html").contains("<li><a href=\"../../leerroutes/\">Leerroutes</a></li>"))
    }

    /// Each page a route's step is about lists the route, with the step's number.
    func testPagesListTheRoutesThatUseThem() throws {
        let second = "---\ntitle: Tweede route\n---\n1. [[niet-weten]] — Lees.\n2. [[scene]] — Lees.\n3. [[niet-weten]] — Nog eens.\n"
        let report = try build(site(routes: ["drie-stappen": Self.threeSteps, "tweede-route": second]))
        let concept = page(report, "begrippen/niet-weten/index.html")
        XCTAssertTrue(concept.contains("<h2 id=\"in-leerroutes\">In leerroutes</h2>"), concept)
        XCTAssertTrue(concept.contains("<li><a href=\"../../leerroutes/drie-stappen/\">Drie stappen</a> <span class=\"meta\">(stap 1)</span></li>"), concept)
        XCTAssertTrue(concept.contains("<li><a href=\"../../leerroutes/tweede-route/\">Tweede route</a> <span class=\"meta\">(stappen 1 en 3)</span></li>"), concept)
        XCTAssertTrue(page(report, "artikelen/een/index.html").contains("(stappen 2 en 3)"))
        XCTAssertTrue(page(report, "miniaturen/scene/index.html").contains("(stap 2)"))
    }

    /// routes.json: each route with its steps, their targets' URLs (absolute with baseURL) and anchors, and durations.
    func testRoutesJSON() throws {
        let fileSystem = site(routes: ["drie-stappen": Self.threeSteps], extra: ["C/site.yml": "title: Proef\nseriesAuthor: A. Auteur\nbaseURL: https://kb.example/\n"])
        let report = try build(fileSystem)
        let json = try XCTUnwrap(report.files.first { $0.path == "routes.json" }).contents
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? NSDictionary)
        let expected: NSDictionary = [
            "generator": "Kennisbank", "language": "nl", "site": "Proef",
            "routes": [[
                "slug": "drie-stappen", "title": "Drie stappen", "summary": "Een korte route.", "audience": "Nieuwe leidinggevenden",
                "url": "https://kb.example/leerroutes/drie-stappen/", "duration": ["minimum": 30, "maximum": 35],
                "steps": [
                    ["number": 1, "target": "concept:niet-weten", "title": "Niet-weten", "url": "https://kb.example/begrippen/niet-weten/",
                     "place": "page", "instruction": "Lees de definitie.", "instructionHTML": "<p>Lees de <em>definitie</em>.</p>\n",
                     "duration": ["minimum": 15, "maximum": 15]],
                    ["number": 2, "target": "article:een", "title": "Een › 1. Begin", "url": "https://kb.example/artikelen/een/#begin",
                     "anchor": "begin", "place": "heading", "instruction": "Lees de paragraaf en bespreek Scène.",
                     "instructionHTML": "<p>Lees de paragraaf en bespreek <a class=\"wikilink miniature\" href=\"https://kb.example/miniaturen/scene/\">Scène</a>.</p>\n",
                     "duration": ["minimum": 15, "maximum": 20]],
                    ["number": 3, "target": "article:een", "title": "Een › De tweede alinea van het begin.",
                     "url": "https://kb.example/artikelen/een/#de-tweede-alinea-van-het", "anchor": "de-tweede-alinea-van-het",
                     "place": "paragraph", "instruction": "Schrijf drie zinnen.", "instructionHTML": "<p>Schrijf drie zinnen.</p>\n"],
                ],
            ]],
        ]
        XCTAssertEqual(object, expected)
    }

    /// The walking script's data: each route's title and page, each step's title, page and anchor, from the root,
    /// and its task (the instruction as text, wikilinks as their text) and duration for the route bar.
    func testTheWalkingData() throws {
        let report = try build(site(routes: ["drie-stappen": Self.threeSteps]))
        let script = page(report, "leerroutes/routes.js")
        XCTAssertEqual(script, "window.KENNISBANK_ROUTES = {\"drie-stappen\":{\"path\":\"leerroutes/drie-stappen/\",\"steps\":["
                       + "{\"duration\":\"15 min\",\"path\":\"begrippen/niet-weten/\",\"task\":\"Lees de definitie.\",\"title\":\"Niet-weten\"},"
                       + "{\"anchor\":\"begin\",\"duration\":\"15–20 min\",\"path\":\"artikelen/een/\",\"task\":\"Lees de paragraaf en bespreek Scène.\",\"title\":\"Een › 1. Begin\"},"
                       + "{\"anchor\":\"de-tweede-alinea-van-het\",\"path\":\"artikelen/een/\",\"task\":\"Schrijf drie zinnen.\",\"title\":\"Een › De tweede alinea van het begin.\"}],"
                       + "\"title\":\"Drie stappen\"}};\n")
    }

    /// A route's alias redirects to its page, and may not take the path of a page.
    func testRouteAliasesRedirect() throws {
        let text = "---\ntitle: Drie stappen\naliases: [/oude-route/]\n---\n1. [[niet-weten]] — Lees.\n"
        let report = try build(site(routes: ["drie-stappen": text]))
        XCTAssertTrue(page(report, "oude-route/index.html").contains("url=../leerroutes/drie-stappen/"))
        let clash = "---\ntitle: Drie stappen\naliases: [/begrippen/niet-weten/]\n---\n1. [[niet-weten]] — Lees.\n"
        XCTAssertThrowsError(try build(site(routes: ["drie-stappen": clash]))) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics.map(\.code), [.invalidField])
        }
    }

    func testNewRouteScaffold() {
        let scaffold = Scaffold(kind: .route, title: "Werkplaats in drie stappen")
        XCTAssertEqual(scaffold.slug, "werkplaats-in-drie-stappen")
        XCTAssertEqual(ContentKind.route.folder, "leerroutes")
        XCTAssertEqual(scaffold.text, "---\ntitle: \"Werkplaats in drie stappen\"\nsummary:\naudience:\ndraft: true\n---\n"
                       + "Waar deze route de deelnemers heen brengt.\n\n1. [[begrip-of-artikel]] — Wat de deelnemers bij deze stap doen. (10 min)\n")
    }
}
