import Foundation
import Mustache
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankDefaultTemplates

/// The Mustache templates (*.mustache, subfolders included) and static assets (assets/) of a site, loaded once per
/// build: the built-in ones, each replaced by the file of the same name in the author's templates folder, if any
/// (see ``TemplateFiles``).
///
/// Templates receive page views (``PageView``: one typed value per kind of page, whose names
/// Templates/README.md lists), never engine types. `{{value}}` escapes HTML; only HTML the engine made
/// (cmark's, and JSON safe inside `<script>`) is passed as `{{{html}}}`.
package struct TemplateLibrary: Sendable {
    /// The parsed templates, as swift-mustache renders them.
    private let library: MustacheLibrary
    /// The templates compiled into plans over the typed views, which render every page; `nil` when a template
    /// uses what a plan does not do as swift-mustache does (``TemplateNotPlannable``), and the library renders.
    private let planned: TemplatePlanRenderer?
    /// The names of the templates, for checks and messages.
    package let names: Set<String>
    /// Files copied as they are into the site, by site path (`assets/style.css`).
    package let assets: [String: Data]
    /// The digest of every template's name and text: any template may include any other as a partial,
    /// so a change to one can change every page.
    let digest: Digest
    /// The `id`s the templates write as they are (`id="inhoud"`): no heading or paragraph of the content may take
    /// one as its anchor, or the page would have it twice.
    package let fixedIDs: Set<String>

    /// Loads the built-in templates and assets with those of a folder over them; a template with a syntax error
    /// is reported with its line and column. A folder that does not exist leaves the built-ins as they are.
    package init(directory: String, fileSystem: any FileSystem = DiskFileSystem()) throws(BuildFailure) {
        try self.init(directory: directory, fileSystem: fileSystem, memo: Memo.none)
    }

    /// Loads the built-in templates and assets (`builtIn`, by path) with those of a folder over them, parsing
    /// a template through `memo`: an incremental build parses again only a template whose text changed.
    package init(directory: String, fileSystem: any FileSystem, memo: Memo,
                 builtIn: [String: Data] = DefaultTemplates.files) throws(BuildFailure) {
        let files = TemplateFiles(directory: directory, fileSystem: fileSystem, builtIn: builtIn)
        var library = MustacheLibrary()
        var names = Set<String>()
        var assets: [String: Data] = [:]
        var diagnostics = files.diagnostics
        var sources: [String: String] = [:]
        // `nil` for a template that cannot be planned: then no template renders from its plan.
        var plans: [String: TemplatePlan?] = [:]
        for (relative, file) in files.files.sorted(by: { $0.key < $1.key }) {
            if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                do {
                    let text = try SourceFile.decode(path: file.source, bytes: [UInt8](file.bytes)).text
                    let parsed = memo.value(Self.parsed, key: name, inputs: text) {
                        Result { try MustacheTemplate(string: PageEscaping.pragma + "\n" + text) }
                    }
                    let template = try parsed.get()
                    library.register(template, named: name)
                    plans[name] = memo.value(Self.planned, key: name, inputs: text) { try? TemplatePlanner.plan(template) }
                    names.insert(name)
                    sources[name] = text
                } catch let error as Diagnostic {
                    diagnostics.append(error)
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma's line above the author's first line is not the author's: lines count without it.
                    diagnostics.append(Diagnostic(path: file.source, position: SourcePosition(line: max(1, error.context.lineNumber - 1),
                                                                                              column: max(1, error.context.columnNumber)),
                                                  code: .template, message: "The template cannot be parsed: \(error.error)."))
                } catch {
                    diagnostics.append(Diagnostic(path: file.source, position: nil, code: .template, message: "The template cannot be read: \(error)."))
                }
            } else if relative.hasPrefix("assets/") {
                assets[relative] = file.bytes
            }
        }
        // Missing only when no file has the name (the built-ins have every one): a template that did not parse is reported once.
        for required in PageTemplate.allCases where files.files["\(required.rawValue).mustache"] == nil {
            diagnostics.append(Diagnostic(path: "\(directory)/\(required.rawValue).mustache", position: nil, code: .template,
                                          message: "The template '\(required.rawValue).mustache' is missing; every page kind needs its template."))
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        self.library = library
        self.planned = plans.values.contains { $0 == nil } ? nil : TemplatePlanRenderer(plans: plans.compactMapValues { $0 })
        self.names = names
        self.assets = assets
        var builder = DigestBuilder()
        for name in sources.keys.sorted() {
            builder.combine(name)
            builder.combine(sources[name]!)
        }
        self.digest = builder.finalize()
        self.fixedIDs = Set(sources.values.flatMap { LinkChecker.attributeValues("id", in: $0) }.filter { !$0.contains("{{") && !$0.isEmpty })
    }

    /// Whether every template renders from its plan rather than through swift-mustache.
    var isPlanned: Bool { planned != nil }

    /// Renders a page's view with its template.
    func render(_ template: PageTemplate, _ view: any PageView) -> String {
        guard let html = planned?.render(template.rawValue, view) ?? library.render(view, withTemplate: template.rawValue) else {
            preconditionFailure("template \(template.rawValue) was checked at load time")
        }
        return html
    }

    /// Renders a view with a template through swift-mustache, without its plan: what a plan must equal.
    func renderWithoutPlan(_ template: String, _ view: any TemplateView) -> String? {
        library.render(view, withTemplate: template)
    }

    /// Renders a view with a template from its plan, or `nil` when the library has no plans.
    func renderPlanned(_ template: String, _ view: any TemplateView) -> String? {
        planned?.render(template, view)
    }
}

/// `{{value}}` escaping: the five characters swift-mustache's HTML escaping replaces, replaced the same
/// way by ``HTML/escape(_:)``, which works on bytes. swift-mustache looks up each character in a
/// dictionary, which made escaping a third of the time spent in templates.
///
/// swift-mustache resets the content type for every partial, so each template is registered with the
/// `CONTENT_TYPE` pragma on a line of its own above the author's first line (a standalone tag: the line
/// leaves nothing in the output).
struct PageEscaping: MustacheContentType {
    /// The pragma that selects this escaping, registering it the first time it is asked for.
    static let pragma: String = {
        MustacheContentTypes.register(PageEscaping(), named: "KENNISBANK_HTML")
        return "{{% CONTENT_TYPE: KENNISBANK_HTML }}"
    }()

    func escapeText(_ text: String) -> String {
        HTML.escape(text)
    }
}

/// The templates a site needs, one per kind of page.
package enum PageTemplate: String, CaseIterable, Sendable {
    case home = "home"
    case article = "article"
    case concept = "concept"
    case conceptIndex = "concepts"
    case miniature = "miniature"
    case miniatureIndex = "miniatures"
    case literature = "literature"
    case redirect = "redirect"
    case notFound = "404"
    case search = "search"
    case route = "route"
    case routeIndex = "routes"
    case cardDeck = "concept-cards"
    case conceptCard = "concept-card"
}
