import Foundation
import Mustache
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankDefaultTemplates

/// Compiled templates (``TemplatePlan``) render exactly what swift-mustache renders from the same parsed
/// template: on the real pages, on the Mustache spec's cases and on random templates over the real views.
final class TemplatePlanTests: XCTestCase {
    /// Every page of the real Content (drafts included, for the routes): its template and view.
    private static let pages: [(template: PageTemplate, view: any PageView)] = {
        DeepStack.run {
            var loader = ContentLoader(directory: Fixtures.repository.appendingPathComponent("Content").path)
            loader.includesDrafts = true
            let content = try! loader.load()
            let models = PageModels(site: SiteLinker(content: content).link())
            return RenderJob.all(of: content).map { job in
                let page = job.page(models)
                return (page.template, page.view)
            }
        }
    }()

    /// The built-in templates, loaded as a build loads them.
    private static let library = try! TemplateLibrary(directory: "/nonexistent-templates-folder")

    /// A plan for every template and a renderer over them, from templates swift-mustache parsed.
    private func plans(_ templates: [String: MustacheTemplate]) throws -> TemplatePlanRenderer {
        var plans: [String: TemplatePlan] = [:]
        for (name, template) in templates { plans[name] = try TemplatePlanner.plan(template) }
        return TemplatePlanRenderer(plans: plans)
    }

    func testEveryBuiltInTemplateIsPlanned() {
        XCTAssertTrue(Self.library.isPlanned)
    }

    func testTheRealPagesRenderAsWithSwiftMustache() {
        XCTAssertGreaterThan(Self.pages.count, 20)
        for (template, view) in Self.pages {
            let planned = Self.library.renderPlanned(template.rawValue, view)
            XCTAssertNotNil(planned)
            XCTAssertEqual(planned, Self.library.renderWithoutPlan(template.rawValue, view), "\(template) \(view.frame.pageTitle ?? "")")
        }
    }

    /// A template a plan cannot render as swift-mustache does (a sequence transform) leaves the library to
    /// swift-mustache, with the same pages.
    func testATemplateThatCannotBePlannedIsRenderedBySwiftMustache() throws {
        var files = DefaultTemplates.files
        let home = String(decoding: files["home.mustache"]!, as: UTF8.self)
        files["home.mustache"] = Data((home + "{{#first()}}!{{/first()}}").utf8)
        let library = try TemplateLibrary(directory: "/nonexistent-templates-folder", fileSystem: DiskFileSystem(), memo: Memo.none, builtIn: files)
        XCTAssertFalse(library.isPlanned)
        let (_, view) = try XCTUnwrap(Self.pages.first { $0.template == .home })
        XCTAssertEqual(library.render(.home, view), library.renderWithoutPlan("home", view))
    }

    func testTheMustacheSpecRendersAsWithSwiftMustache() throws {
        let folder = Fixtures.directory.appendingPathComponent("MustacheSpec")
        var compared = 0
        var agreesWithSpec = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".json") }).sorted() {
            let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
            for test in spec.tests {
                let name = "\(file): \(test.name)"
                guard let data = SpecView.make(test.data) as? SpecView, let template = try? MustacheTemplate(string: test.template) else { continue }
                var templates = ["__test__": template]
                for (partial, text) in test.partials ?? [:] {
                    templates[partial] = try MustacheTemplate(string: text)
                }
                guard let renderer = try? plans(templates) else { continue }
                let expected = MustacheLibrary(templates: templates).render(data, withTemplate: "__test__")
                XCTAssertEqual(renderer.render("__test__", data), expected, name)
                compared += 1
                if expected == test.expected { agreesWithSpec += 1 }
            }
        }
        // The cases whose data a view can hold: objects, text, whole numbers, yes or no, lists of objects.
        XCTAssertGreaterThanOrEqual(compared, 120)
        XCTAssertGreaterThan(agreesWithSpec, compared * 3 / 4)
    }

    func testRandomTemplatesRenderAsWithSwiftMustache() throws {
        var generator = SeededGenerator(seed: 26)
        var compared = 0
        for round in 0..<400 {
            var templates: [String: MustacheTemplate] = [:]
            for index in 0..<4 {
                var source = RandomTemplate(generator: generator, partials: (index + 1..<4).map { "t\($0)" })
                let text = source.template()
                generator = source.generator
                if let template = try? MustacheTemplate(string: text) { templates["t\(index)"] = template }
            }
            guard templates["t0"] != nil else { continue }
            let renderer = try plans(templates)
            let library = MustacheLibrary(templates: templates)
            for (_, view) in Self.pages where Int.random(in: 0..<8, using: &generator) == 0 {
                let expected = library.render(view, withTemplate: "t0")
                XCTAssertEqual(renderer.render("t0", view), expected, "round \(round): \(templates["t0"]!)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 500)
    }
}

/// A random template over the names of the real views, with every kind of tag swift-mustache parses.
private struct RandomTemplate {
    var generator: SeededGenerator
    /// The templates it may include (later ones only, so that no template includes itself).
    let partials: [String]
    /// Inside a block's replacement: no blocks or partials there, which could expand the replacement inside itself.
    private var replacing = 0

    init(generator: SeededGenerator, partials: [String]) {
        self.generator = generator
        self.partials = partials
    }

    private static let names = ["title", "url", "summary", "subtitle", "authors", "date", "body", "html", "concepts", "toc",
                                "level", "anchor", "references", "previous", "next", "routes", "frame", "lang", "nav",
                                "current", "portable", "feed", "breadcrumbs", "root", "siteTitle", "missing", ".", ".title",
                                "frame.lang", "previous.url", "body.html", "link", "link.url", "lenses", "articles",
                                "empty(concepts)", "empty(title)", "empty(level)", "empty(missing)", "empty(empty(toc))",
                                "mentions", "map", "mapLegend", "swatch", "line", "kind", "steps", "number", "instruction"]
    private static let texts = ["a", " ", "  ", "\t", "\n", "\r\n", "x y", "<&\"'>", "é", "{", "}", " {x} ", "\n  ", "ó\u{301}<\u{301}"]

    mutating func template() -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...14, using: &generator) { text += piece(depth: 0) }
        return text
    }

    private mutating func pick<T>(_ values: [T]) -> T {
        values[Int.random(in: 0..<values.count, using: &generator)]
    }

    private mutating func body(_ depth: Int) -> String {
        var text = pick(["", "\n", "  ", " \n"])
        for _ in 0..<Int.random(in: 0...4, using: &generator) { text += piece(depth: depth + 1) }
        return text + pick(["", "\n", "  ", "\n  "])
    }

    private mutating func piece(depth: Int) -> String {
        let name = pick(Self.names)
        var kind = Int.random(in: 0..<(depth < 3 ? 17 : 8), using: &generator)
        if replacing > 0, [6, 7, 14, 15].contains(kind) { kind = 3 }
        switch kind {
        case 0, 1, 2: return pick(Self.texts)
        case 3: return "{{\(name)}}"
        case 4: return pick(["{{{\(name)}}}", "{{& \(name) }}"])
        case 5: return "{{! \(pick(Self.texts)) }}"
        case 6: return partials.isEmpty ? "\n" : pick(["", "  ", "\n", "\n  "]) + "{{>\(pick(partials))}}" + pick(["", "\n"])
        case 7: return pick(["{{% CONTENT_TYPE: TEXT }}", "{{% CONTENT_TYPE: HTML }}\n", "{{>*title}}", "{{=<% %>=}}<%title%><%={{ }}=%>"])
        case 8, 9, 10: return "{{#\(name)}}\(body(depth)){{/\(name)}}"
        case 11, 12: return "{{^\(name)}}\(body(depth)){{/\(name)}}"
        case 13: return "\n{{#\(name)}}\n\(body(depth))\n{{/\(name)}}\n"
        case 14:
            let block = pick(["main", "head", "x"])
            return "{{$\(block)}}\(body(depth)){{/\(block)}}"
        case 15:
            guard let partial = partials.first else { return "" }
            let block = pick(["main", "head", "x"])
            replacing += 1
            defer { replacing -= 1 }
            return "{{<\(partial)}}\(pick(["", "\n"])){{$\(block)}}\(body(depth)){{/\(block)}}\(pick(["", "\n"])){{/\(partial)}}"
        default: return pick(["  {{#\(name)}}\n", "  {{/\(name)}}\n", "{{^\(name)}}", "{{/\(name)}}"])
        }
    }
}

/// A view over a Mustache spec case's JSON data: objects become views, lists of objects lists of views; text,
/// whole numbers and yes-or-no stay as they are. Other data (fractions, `null`, lists of values) has no view.
private struct SpecView: TemplateView {
    /// The object's values, each as swift-mustache receives it.
    let values: [String: any Sendable]

    static let fields = TemplateFields<SpecView>([])

    /// The value swift-mustache receives for a JSON value, or `nil` when a view cannot hold it.
    static func make(_ json: SpecJSON) -> (any Sendable)? {
        switch json {
        case .object(let object):
            var values: [String: any Sendable] = [:]
            for (key, value) in object {
                guard let made = make(value) else { return nil }
                values[key] = made
            }
            return SpecView(values: values)
        case .list(let list):
            let views = list.compactMap { make($0) as? SpecView }
            return views.count == list.count ? views : nil
        case .flag(let flag): return flag
        case .number(let number): return number
        case .text(let text): return text
        case .other: return nil
        }
    }

    func child(named name: String) -> Any? {
        values[name]
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch values[name] {
        case let text as String: .text(text)
        case let flag as Bool: .flag(flag)
        case let number as Int: .number(number)
        case let view as SpecView: .view(view)
        case let list as [SpecView]: .list(list)
        default: nil
        }
    }
}

/// A file of the Mustache spec.
private struct SpecFile: Decodable {
    /// One case: a template, its partials and data, and what the spec expects.
    struct Test: Decodable {
        let name: String
        let data: SpecJSON
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    let tests: [Test]
}

/// A JSON value of a spec case.
private enum SpecJSON: Decodable {
    case object([String: SpecJSON])
    case list([SpecJSON])
    case flag(Bool)
    case number(Int)
    case text(String)
    /// `null`, a fraction, or a lambda's code.
    case other

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
        else if let number = try? container.decode(Int.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .text(text) }
        else if let list = try? container.decode([SpecJSON].self) { self = .list(list) }
        else if let object = try? container.decode([String: SpecJSON].self) { self = .object(object) }
        else { self = .other }
    }
}
