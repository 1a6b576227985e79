import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The pipeline on small in-memory sites: errors, determinism, safety of the last good site.
final class BuildTests: XCTestCase {
    static let templates = Fixtures.repository.appendingPathComponent("Templates").path

    /// A small valid site, plus the real templates from disk.
    private func site(_ extra: [String: String] = [:]) -> (InMemoryFileSystem, String) {
        var files: [String: String] = [
            "C/site.yml": "title: Proef\nseriesAuthor: A. Auteur\n",
            "C/articles/een.md": "---\ntitle: Een\nseries: 1\ndate: 2024-01-01\n---\n## Begin\n\nOver [[twee]] en niet-weten (Kegan, 1994).\n\n![[scene]]\n\n## Literatuur\n\n- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n",
            "C/articles/twee.md": "---\ntitle: Twee\nseries: 2\ndate: 2024-01-01\n---\nTekst.\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\nsummary: Open blijven.\n---\nUitleg.\n",
            "C/miniatures/scene.md": "---\ntitle: Scène\narticle: een\n---\nEen scène.\n",
        ]
        files.merge(extra) { _, new in new }
        var fileSystem = InMemoryFileSystem(files)
        for (name, data) in Self.templateFiles() { fileSystem.files["T/" + name] = data }
        return (fileSystem, "T")
    }

    private static func templateFiles() -> [String: Data] {
        var result: [String: Data] = [:]
        let root = URL(fileURLWithPath: templates)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            result[relative] = try? Data(contentsOf: url)
        }
        return result
    }

    private func generate(_ fileSystem: InMemoryFileSystem) throws -> BuildReport {
        try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: fileSystem).generate()
    }

    private func page(_ report: BuildReport, _ path: String) -> String {
        String(decoding: report.files.first { $0.path == path }?.contents ?? Data(), as: UTF8.self)
    }

    func testTheFeedShowsTheDatedArticlesNewestFirstAndWarnsOfTheOthers() throws {
        let (fileSystem, _) = site([
            "C/articles/een.md": "---\ntitle: Een\nseries: 1\ndate: 2024-03-01\n---\nTekst.\n",
            "C/articles/twee.md": "---\ntitle: Twee\nseries: 2\n---\nTekst.\n",
            "C/articles/drie.md": "---\ntitle: Drie\nseries: 3\ndate: 2025-01-15\n---\nTekst.\n",
        ])
        let report = try generate(fileSystem)
        let feed = page(report, "feed.xml")
        XCTAssertTrue(feed.contains("  <updated>2025-01-15T00:00:00Z</updated>\n"), feed)
        let entries = feed.components(separatedBy: "<entry>").dropFirst().map { entry in
            entry.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0]
        }
        XCTAssertEqual(entries, ["Drie", "Een"], "newest first; the undated article is left out")
        XCTAssertTrue(feed.contains("    <updated>2024-03-01T00:00:00Z</updated>\n"))
        XCTAssertEqual(report.diagnostics.filter { $0.code == .missingDate }, [
            Diagnostic(path: "C/articles/twee.md", position: .start, severity: .warning, code: .missingDate,
                       message: "The article has no date, so the feed (feed.xml) leaves it out.",
                       hint: "add 'date: YYYY-MM-DD' to its front matter, the date its source gives"),
        ])
        XCTAssertTrue(page(report, "index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
    }

    func testWithoutADatedArticleThereIsNoFeedAndNoPageAnnouncesOne() throws {
        let (fileSystem, _) = site([
            "C/articles/een.md": "---\ntitle: Een\nseries: 1\n---\nTekst.\n",
            "C/articles/twee.md": "---\ntitle: Twee\nseries: 2\n---\nTekst.\n",
        ])
        let report = try generate(fileSystem)
        XCTAssertFalse(report.files.contains { $0.path == "feed.xml" })
        XCTAssertFalse(report.files.contains { String(decoding: $0.contents, as: UTF8.self).contains("feed.xml") })
        XCTAssertEqual(report.diagnostics.filter { $0.code == .missingDate }.map(\.path), ["C/articles/een.md", "C/articles/twee.md"])
    }

    func testParagraphAndHeadingAnchorLinksAreOutOfTheTabOrder() throws {
        let (fileSystem, _) = site()
        let article = page(try generate(fileSystem), "artikelen/een/index.html")
        XCTAssertTrue(article.contains("<h2 id=\"begin\">\nBegin<a class=\"anchor\" href=\"#begin\" aria-label=\"Link naar deze kop\" tabindex=\"-1\" aria-hidden=\"true\">#</a>\n</h2>"), article)
        let anchors = article.components(separatedBy: "class=\"anchor\"").count - 1
        let untabbable = article.components(separatedBy: "aria-label=\"Link naar deze alinea\" tabindex=\"-1\" aria-hidden=\"true\"").count - 1
            + article.components(separatedBy: "aria-label=\"Link naar deze kop\" tabindex=\"-1\" aria-hidden=\"true\"").count - 1
        XCTAssertGreaterThan(anchors, 2)
        XCTAssertEqual(untabbable, anchors)
    }

    /// Breadcrumbs in Dutch, one link per level, the page itself `aria-current`; the navigation marks a section's
    /// own page only, never on the 404 page (written with the home page's path); a miniature's lens is listed once;
    /// a draft route is labelled.
    func testBreadcrumbsCurrentPagesLensesAndDraftLabel() throws {
        let (fileSystem, _) = site([
            "C/concepts/lens.md": "---\ntitle: Lens\naliases:\n  - lenzen\n  - bril\n---\nUitleg.\n",
            "C/miniatures/scene.md": "---\ntitle: Scène\narticle: een\nlenses:\n  - lens\n---\nEen scène door de lens, met niet-weten.\n",
            "C/leerroutes/route.md": "---\ntitle: Route\ndraft: true\n---\n1. [[een]] — Lees. (110-115 min)\n",
        ])
        var build = Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: fileSystem)
        build.includesDrafts = true
        let report = try build.generate()
        let article = page(report, "artikelen/een/index.html")
        XCTAssertTrue(article.contains("<li><a href=\"../../\">Start</a></li>") && article.contains("<li><a href=\"./\" aria-current=\"page\">Een</a></li>"), article)
        XCTAssertFalse(article.contains(">Home<"))
        XCTAssertFalse(article.contains("aria-current=\"page\">Artikelen"))
        let concepts = page(report, "begrippen/index.html")
        XCTAssertTrue(concepts.contains("<a href=\"./\" aria-current=\"page\">Begrippen</a>"), concepts)
        let notFound = page(report, "404.html")
        XCTAssertFalse(notFound.contains("aria-current"), notFound)
        XCTAssertTrue(page(report, "index.html").contains("aria-current=\"page\">Artikelen</a>"))
        let miniature = page(report, "miniaturen/scene/index.html")
        let concepts2 = miniature.components(separatedBy: "id=\"begrippen-in-deze-miniatuur\"").dropFirst().first ?? ""
        XCTAssertTrue(miniature.contains("id=\"lenzen\""), miniature)
        XCTAssertFalse(concepts2.contains("begrippen/lens/"), "the lens is listed under Lenzen only")
        XCTAssertTrue(concepts2.contains("begrippen/niet-weten/"), miniature)
        XCTAssertTrue(page(report, "begrippen/lens/index.html").contains("<p class=\"aliases\">Ook: bril</p>"))
        let route = page(report, "leerroutes/route/index.html")
        XCTAssertTrue(route.contains("<p class=\"kicker\">Leerroute <span class=\"draft-label\">Conceptversie</span></p>"), route)
        XCTAssertTrue(route.contains("<span class=\"duration\">110–115 min</span>"), route)
        XCTAssertTrue(page(report, "leerroutes/index.html").contains("<span class=\"draft-label\">Conceptversie</span>"))
    }

    func testBuildsEveryPageWithRelativeLinks() throws {
        let (fileSystem, _) = site()
        let report = try generate(fileSystem)
        let paths = Set(report.files.map(\.path))
        for expected in ["index.html", "artikelen/een/index.html", "artikelen/twee/index.html", "begrippen/index.html",
                         "begrippen/niet-weten/index.html", "miniaturen/scene/index.html", "miniaturen/index.html",
                         "literatuur/index.html", "404.html", "assets/style.css"] {
            XCTAssertTrue(paths.contains(expected), expected)
        }
        let article = page(report, "artikelen/een/index.html")
        XCTAssertTrue(article.contains("<html lang=\"nl\">"))
        XCTAssertTrue(article.contains("href=\"../../assets/style.css\""))
        XCTAssertTrue(article.contains("<a class=\"wikilink article\" href=\"../twee/\">Twee</a>"))
        XCTAssertTrue(article.contains("href=\"../../begrippen/niet-weten/\""))
        XCTAssertTrue(article.contains("href=\"../../literatuur/#kegan1994\""))
        XCTAssertTrue(article.contains("Een scène."))
        XCTAssertTrue(page(report, "literatuur/index.html").contains("id=\"kegan1994\""))
        XCTAssertEqual(report.diagnostics.filter { $0.code == .brokenLink }, [])
    }

    func testValuesFromContentAreEscaped() throws {
        let (fileSystem, _) = site(["C/concepts/x.md": "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"a & b\"\n---\n"])
        let html = page(try generate(fileSystem), "begrippen/x/index.html")
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("a &amp; b"))
    }

    func testRawHTMLIsEscapedUnlessAllowedAndDangerousURLsNeverReachThePage() throws {
        let body = "---\ntitle: Drie\n---\n<script>alert(1)</script>\n\nTekst <span onclick=\"x()\">hier</span>.\n\n"
            + "[a](javascript:alert(1)) [b]( VBScript:x) ![c](data:text/html,x) [d](https://example.org/)\n"
        let (safe, _) = site(["C/articles/drie.md": body])
        let escaped = page(try generate(safe), "artikelen/drie/index.html")
        XCTAssertTrue(escaped.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(escaped.contains("&lt;span onclick=&quot;x()&quot;&gt;hier&lt;/span&gt;"))
        XCTAssertFalse(escaped.contains("<script>alert"))
        XCTAssertFalse(escaped.contains("raw HTML omitted"))

        let (unsafe, _) = site(["C/site.yml": "title: Proef\nunsafeHTML: true\n", "C/articles/drie.md": body])
        let passed = page(try generate(unsafe), "artikelen/drie/index.html")
        XCTAssertTrue(passed.contains("<script>alert(1)</script>"), "the site allows raw HTML")
        XCTAssertTrue(passed.contains("<span onclick=\"x()\">hier</span>"))
        XCTAssertTrue(passed.contains("<a href=\"https://example.org/\">d</a>"))
        for dangerous in ["javascript:", "vbscript:", "data:text/html"] {
            XCTAssertFalse(passed.lowercased().contains(dangerous), dangerous)
        }
        XCTAssertTrue(passed.contains("<a href=\"\">a</a>"))
        XCTAssertTrue(passed.contains("<img src=\"\" alt=\"c\" />"))
    }

    func testTwoBuildsAreByteIdentical() throws {
        let (fileSystem, _) = site()
        XCTAssertEqual(try generate(fileSystem).files, try generate(fileSystem).files)
    }

    func testErrorsCarryPathLineAndColumn() {
        let (fileSystem, _) = site(["C/articles/kapot.md": "---\ntitle: Kapot\nseries: [\n---\n"])
        XCTAssertThrowsError(try generate(fileSystem)) { error in
            let diagnostics = (error as! BuildFailure).diagnostics
            XCTAssertEqual(diagnostics.count, 1)
            XCTAssertTrue(diagnostics[0].description.hasPrefix("C/articles/kapot.md:4:1: error: The front matter is not valid YAML"), diagnostics[0].description)
        }
        let (missing, _) = site(["C/articles/drie.md": "---\ntitle: Drie\ndate: 2024-01-01\n---\nTekst.\n\n![[bestaat-niet]]\n"])
        XCTAssertThrowsError(try generate(missing)) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.map(\.description),
                           ["C/articles/drie.md:7:1: error: The embed '![[bestaat-niet]]' names no miniature; embeds take the slug, title or alias of a file in Content/miniatures."])
        }
    }

    func testTemplateErrorsCarryTheAuthorsLineAndColumn() {
        // Where swift-mustache notices the error: the end of the text for an unclosed section, just after a
        // wrong closing tag. The pragma Kennisbank puts in front of the first line must not move these.
        for (text, line, column) in [("{{#a}}\n", 2, 1), ("<p>{{/b}}</p>\n", 1, 7), ("<p>ok</p>\n  {{#c}}\n", 3, 1)] {
            var (fileSystem, _) = site()
            fileSystem.files["T/404.mustache"] = Data(text.utf8)
            XCTAssertThrowsError(try generate(fileSystem), text) { error in
                let diagnostic = (error as! BuildFailure).diagnostics.first
                XCTAssertEqual(diagnostic?.path, "T/404.mustache")
                XCTAssertEqual(diagnostic?.position, SourcePosition(line: line, column: column), text)
            }
        }
    }

    func testATemplatesFirstLineIsRenderedAsWritten() throws {
        var (fileSystem, _) = site()
        fileSystem.files["T/404.mustache"] = Data("{{! a note }}\n{{#siteTitle}}\n<p>{{siteTitle}}</p>\n{{/siteTitle}}\n".utf8)
        XCTAssertEqual(page(try generate(fileSystem), "404.html"), "<p>Proef</p>\n")
    }

    func testValuesAreEscapedInPartialsAndBlocksToo() throws {
        var (fileSystem, _) = site(["C/concepts/x.md": "---\ntitle: \"<b>'x' & \\\"y\\\"</b>\"\n---\n"])
        fileSystem.files["T/parts/title.mustache"] = Data("<i>{{title}}</i>".utf8)
        fileSystem.files["T/concept.mustache"] = Data("{{<layout}}{{$main}}{{title}}|{{> parts/title}}|{{{title}}}{{/main}}{{/layout}}".utf8)
        let html = page(try generate(fileSystem), "begrippen/x/index.html")
        let escaped = "&lt;b&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/b&gt;"
        XCTAssertTrue(html.contains("\(escaped)|<i>\(escaped)</i>|<b>'x' & \"y\"</b>"), html)
        XCTAssertTrue(html.contains("<title>\(escaped) · Proef</title>"), html)
    }

    func testAFieldKennisbankIgnoresIsAWarningOfTheBuild() throws {
        let (fileSystem, _) = site(["C/articles/twee.md": "---\ntitle: Twee\nserie: 2\ndate: 2024-01-01\n---\nTekst.\n"])
        XCTAssertEqual(try generate(fileSystem).diagnostics.map(\.description),
                       ["C/articles/twee.md:3:1: warning: The field 'serie' is not a field of articles; Kennisbank ignores it. (did you mean 'series'?)"])
    }

    func testStrictTurnsWarningsIntoErrors() throws {
        let (fileSystem, _) = site(["C/articles/twee.md": "---\ntitle: Twee\ndate: 2024-01-01\n---\nZie [[nergens]].\n"])
        XCTAssertEqual(try generate(fileSystem).diagnostics.map(\.code), [.unresolvedWikilink])
        XCTAssertThrowsError(try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", strict: true, fileSystem: fileSystem).generate())
    }

    func testAFailedBuildLeavesTheLastGoodSiteUntouched() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("Content"), output = folder.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try "title: Proef\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Goed\n---\nGoede tekst.\n".write(to: content.appendingPathComponent("articles/a.md"), atomically: true, encoding: .utf8)
        let build = Build(contentDirectory: content.path, templatesDirectory: Self.templates, outputDirectory: output.path)
        _ = try build.run()
        let before = try Data(contentsOf: output.appendingPathComponent("artikelen/a/index.html"))
        try "---\ntitle: [kapot\n---\n".write(to: content.appendingPathComponent("articles/a.md"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try build.run())
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("artikelen/a/index.html")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testProgrammeDesignerFilesAndRedirects() throws {
        let (fileSystem, _) = site([
            "C/site.yml": "title: Proef\nbaseURL: https://example.org/kb\n",
            "C/articles/een.md": "---\ntitle: Een\nseries: 1\ndate: 2024-03-01\n---\n## Begin\n\nOver [[twee]] en niet-weten (Kegan, 1994).\n\n## Literatuur\n\n- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n",
            "C/articles/twee.md": "---\ntitle: Twee\nseries: 2\naliases:\n  - /oud/twee/\n  - artikelen/2.html\n---\nTekst.\n",
        ])
        let report = try generate(fileSystem)
        let redirect = page(report, "oud/twee/index.html")
        XCTAssertTrue(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../artikelen/twee/\">"), redirect)
        XCTAssertTrue(page(report, "artikelen/2/index.html").contains("url=../twee/"))
        let sitemap = page(report, "sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/kb/begrippen/niet-weten/</loc>"))
        XCTAssertFalse(sitemap.contains("oud/twee"))
        XCTAssertTrue(page(report, "robots.txt").contains("Sitemap: https://example.org/kb/sitemap.xml"))
        XCTAssertTrue(page(report, "feed.xml").contains("<link rel=\"alternate\" href=\"https://example.org/kb/artikelen/een/\"/>"))
        let concepts = try JSONSerialization.jsonObject(with: report.files.first { $0.path == "concepts.json" }!.contents) as! [String: Any]
        let first = (concepts["concepts"] as! [[String: Any]])[0]
        XCTAssertEqual(first["slug"] as? String, "niet-weten")
        XCTAssertEqual(first["url"] as? String, "https://example.org/kb/begrippen/niet-weten/")
        XCTAssertEqual((first["mentions"] as? [[String: Any]])?.first?["url"] as? String, "https://example.org/kb/artikelen/een/#over-twee-en-niet-weten")
        let article = page(report, "artikelen/een/index.html")
        XCTAssertTrue(article.contains("\"@type\":\"ScholarlyArticle\""))
        XCTAssertTrue(article.contains("<link rel=\"canonical\" href=\"https://example.org/kb/artikelen/een/\">"))
        XCTAssertTrue(page(report, "404.html").contains("href=\"/kb/begrippen/\""))
    }

    /// concepts.json is assembled from entries encoded one by one; it must be the bytes JSONEncoder gives
    /// for the whole document, with several concepts, with none, and with text that needs escaping.
    func testConceptsJSONIsTheEncoderOutputForTheWholeDocument() throws {
        struct Document: Codable { let site: String, language: String, generator: String, concepts: [MachineReadable.ConceptEntry] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let sites = [
            site(["C/concepts/vraag.md": "---\ntitle: \"Vraag \\\"open\\\" / dicht\"\naliases: [vragen]\n---\nDe vraag.\n",
                  "C/site.yml": "title: \"Proef \\\\ \\\"x\\\"\"\n"]).0,
            { var files = site().0; files.files = files.files.filter { !$0.key.hasPrefix("C/concepts/") }; return files }(),
        ]
        for fileSystem in sites {
            let written = try XCTUnwrap(try generate(fileSystem).files.first { $0.path == "concepts.json" }).contents
            let document = try JSONDecoder().decode(Document.self, from: written)
            XCTAssertEqual(String(decoding: try encoder.encode(document) + Data("\n".utf8), as: UTF8.self), String(decoding: written, as: UTF8.self))
        }
    }

    /// A heading named like a part of the page's template ("Inhoud", the table of contents) takes another anchor, so
    /// no page has an `id` twice.
    func testNoAnchorTakesAnIdOfTheTemplate() throws {
        let (fileSystem, _) = site(["C/articles/drie.md": "---\ntitle: Drie\nauthors: [A. Auteur]\nseries: 3\ndate: 2024-01-01\n---\n## Inhoud\n\nCiteer dit artikel.\n"])
        let html = page(try generate(fileSystem), "artikelen/drie/index.html")
        let ids = LinkChecker.attributeValues("id", in: html)
        XCTAssertEqual(ids.count, Set(ids).count, "\(ids)")
        XCTAssertTrue(ids.contains("inhoud-2"), "\(ids)")
    }

    /// A problem in a miniature is reported once, at the miniature's own file, not again in the article that embeds it.
    func testAProblemInAnEmbeddedMiniatureIsReportedOnceAtItsFile() throws {
        let (fileSystem, _) = site(["C/miniatures/scene.md": "---\ntitle: Scène\narticle: een\n---\nEen scène met [[nergens]] en Onbekend (1999).\n"])
        let problems = try generate(fileSystem).diagnostics.filter { [.unresolvedWikilink, .unresolvedCitation].contains($0.code) }
        XCTAssertEqual(problems.map(\.path), ["C/miniatures/scene.md", "C/miniatures/scene.md"], "\(problems)")
        XCTAssertEqual(problems.map(\.position), [SourcePosition(line: 5, column: 15), SourcePosition(line: 5, column: 30)])
    }

    func testASitemapOnlyWithABaseURL() throws {
        let (withoutBase, _) = site()
        let plain = try generate(withoutBase)
        XCTAssertFalse(plain.files.contains { $0.path == "sitemap.xml" })
        let robots = page(plain, "robots.txt")
        XCTAssertTrue(robots.hasPrefix("User-agent: *\n"), robots)
        XCTAssertFalse(robots.contains("Sitemap:"), robots)

        let (withBase, _) = site(["C/site.yml": "title: Proef\nbaseURL: https://example.org/kb/\n"])
        let based = try generate(withBase)
        let sitemap = page(based, "sitemap.xml")
        XCTAssertTrue(sitemap.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), sitemap)
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/kb/artikelen/een/</loc>"), sitemap)
        XCTAssertTrue(page(based, "robots.txt").contains("Sitemap: https://example.org/kb/sitemap.xml\n"))
    }

    func testAliasesThatLeaveTheSiteAreErrors() {
        let (fileSystem, _) = site(["C/articles/twee.md": "---\ntitle: Twee\naliases: [\"../../etc/x\"]\ndate: 2024-01-01\n---\n"])
        XCTAssertThrowsError(try generate(fileSystem)) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.map(\.code), [.invalidField])
        }
    }

    func testAliasesThatTakeAPageOrAnotherAliasAreErrors() {
        let (fileSystem, _) = site([
            "C/articles/twee.md": "---\ntitle: Twee\nseries: 2\naliases:\n  - /oud/\n  - /artikelen/een/\n  - begrippen/index.html\ndate: 2024-01-01\n---\nTekst.\n",
            "C/articles/drie.md": "---\ntitle: Drie\nseries: 3\naliases: [\"/x\", \"oud.html\", \"/begrippen/niet-weten\"]\ndate: 2024-01-01\n---\nTekst.\n",
        ])
        XCTAssertThrowsError(try generate(fileSystem)) { error in
            let diagnostics = (error as! BuildFailure).diagnostics
            XCTAssertEqual(diagnostics.map(\.code), [.invalidField, .invalidField, .invalidField, .invalidField], "\(diagnostics)")
            let lines = diagnostics.map { "\($0.path):\($0.position?.description ?? "-")" }
            XCTAssertEqual(Set(lines), ["C/articles/twee.md:6:5", "C/articles/twee.md:7:5", "C/articles/drie.md:4:18", "C/articles/drie.md:4:30"])
            let messages = diagnostics.map(\.message).joined(separator: "\n")
            XCTAssertTrue(messages.contains("The alias '/artikelen/een/' is the path of the page of 'C/articles/een.md'"), messages)
            XCTAssertTrue(messages.contains("The alias 'begrippen/index.html' is the path of a page of the site"), messages)
            XCTAssertTrue(messages.contains("The alias '/begrippen/niet-weten' is the path of the page of 'C/concepts/niet-weten.md'"), messages)
            XCTAssertTrue(messages.contains("gives the redirect path /oud/, which the alias '/oud/' of 'C/articles/twee.md' already has"), messages)
        }
        let (distinct, _) = site(["C/articles/twee.md": "---\ntitle: Twee\naliases: [/oud/, /ouder/]\ndate: 2024-01-01\n---\nTekst.\n"])
        XCTAssertNoThrow(try generate(distinct))
    }

    func testAliasesThatLeadThroughAFileOfTheSiteAreErrors() {
        let (fileSystem, _) = site(["C/articles/twee.md": "---\ntitle: Twee\nseries: 2\naliases: [/feed.xml, /search/words/ee.js/, /oud/]\ndate: 2024-01-01\n---\nTekst.\n"])
        XCTAssertThrowsError(try generate(fileSystem)) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.map(\.description), [
                "C/articles/twee.md:4:11: error: The alias '/feed.xml' would put its redirect at /feed.xml/index.html, but /feed.xml is a file the site writes. Remove the alias or choose another old path.",
                "C/articles/twee.md:4:22: error: The alias '/search/words/ee.js/' would put its redirect at /search/words/ee.js/index.html, but /search/words/ee.js is a file the site writes. Remove the alias or choose another old path.",
            ])
        }
    }

    /// The guard itself, called directly: a build into a folder it fails to refuse would delete that folder.
    func testOutputFolderMayNotBeOrContainTheContentTemplatesOrWorkingDirectory() throws {
        func refused(_ output: String, content: String = "Content", templates: String = "Templates",
                     file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try OutputSafety.checkOutputFolder(output, content: content, templates: templates),
                                 "'\(output)' must be refused", file: file, line: line) { error in
                XCTAssertEqual((error as? BuildFailure)?.diagnostics.map(\.code), [.configuration], file: file, line: line)
            }
        }
        for output in [".", "./", "Content", "Content/", "./Content/../Content", "Templates", "..", "../..", "/",
                       FileManager.default.currentDirectoryPath] {
            refused(output)
        }
        // A parent of a content folder elsewhere, and a symbolic link to it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("werk/Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content)
        refused(folder.appendingPathComponent("werk").path, content: content.path)
        refused(folder.path, content: content.path)
        refused(link.path, content: content.path)
        refused(content.path, content: content.path)

        for allowed in ["Site", "Site/", "./Site", folder.appendingPathComponent("Site").path] {
            XCTAssertNoThrow(try OutputSafety.checkOutputFolder(allowed, content: "Content", templates: "Templates"), allowed)
        }
    }
}

final class LinkCheckerTests: XCTestCase {
    func testAttributeValuesAreReadPastMultiByteText() {
        let html = #"<p id="één">Één <a href="../begrippen/niet-weten/">niet-weten</a> — <img src="a.svg" alt=""></p>"#
        XCTAssertEqual(LinkChecker.attributeValues("href", in: html), ["../begrippen/niet-weten/"])
        XCTAssertEqual(LinkChecker.attributeValues("src", in: html), ["a.svg"])
        XCTAssertEqual(LinkChecker.attributeValues("id", in: html), ["één"])
        XCTAssertEqual(LinkChecker.attributeValues("id", in: #"<p id="open"#), [])
    }

    func testABrokenLinkAndAMissingAnchorAreReportedOncePerPage() {
        let page = OutputFile(path: "artikelen/a/index.html", text: ##"<a href="../b/">b</a> <a href="../b/">b</a> <a href="#nergens">x</a> <p id="hier"></p>"##)
        let warnings = LinkChecker(files: [page]).check().map(\.message)
        XCTAssertEqual(warnings, ["The link '../b/' points to 'artikelen/b/index.html', which the build did not produce.",
                                  "The link '#nergens' points to the anchor '#nergens', which 'artikelen/a/index.html' does not have."])
    }
}
