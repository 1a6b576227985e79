import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankRendering

/// An article's Literatuur list is shown once: formatted, in APA order, where the author put it.
final class ArticleReferenceListTests: XCTestCase {
    private let site = "title: Proef\nseriesAuthor: A. Auteur\n"
    private let bibliography = "- Weick, K. E. (1995). *Sensemaking in organizations*. SAGE.\n"

    /// The page at `path` of a site with these files; the build's warnings have the codes `warnings`.
    private func page(_ files: [String: String], _ path: String, warnings: [Diagnostic.Code] = []) throws -> String {
        let report = try inMemoryBuild(of: try temporaryContentFolder(files.merging(["site.yml": site]) { own, _ in own })).generate()
        XCTAssertEqual(report.diagnostics.map(\.code), warnings)
        return String(decoding: report.files.first { $0.path == path }?.contents ?? Data(), as: UTF8.self)
    }

    private func entry(_ key: String, _ html: String) -> String {
        "<li id=\"bron-\(key)\">\n\(html) <a class=\"reference-link\" href=\"../../literatuur/#\(key)\" "
            + "aria-label=\"Volledige vermelding in de literatuurlijst\">→</a>\n</li>\n"
    }

    func testTheOwnListIsFormattedWhereTheAuthorPutItWithTheWorksTheArticleCites() throws {
        let html = try page([
            "articles/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nZoals Weick (1995) en Kegan (1994) zeggen.\n\n## Literatuur\n\n"
                + "- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n- Collins, J. (2001). *Good to great*. HarperBusiness.\n"
                + "- Zie ook de website van de reeks.\n\n## Verantwoording\n\nDank.\n",
            "bibliography/boeken.md": bibliography,
        ], "artikelen/a/index.html", warnings: [.invalidReference])
        let list = "<ul class=\"references\">\n" + entry("collins2001", "Collins, J. (2001). <em>Good to great</em>. HarperBusiness.")
            + entry("kegan1994", "Kegan, R. (1994). <em>In over our heads</em>. Harvard University Press.")
            + entry("weick1995", "Weick, K. E. (1995). <em>Sensemaking in organizations</em>. SAGE.")
            + "</ul>\n<ul>\n<li>Zie ook de website van de reeks.</li>\n</ul>\n<h2 id=\"verantwoording\">"
        XCTAssertTrue(html.contains("Literatuur<a class=\"anchor\" href=\"#literatuur\" aria-label=\"Link naar deze kop\" tabindex=\"-1\" aria-hidden=\"true\">#</a>\n</h2>\n" + list), html)
        XCTAssertFalse(html.contains("Bronnen van dit artikel"))
        for key in ["collins2001", "kegan1994", "weick1995"] {
            XCTAssertEqual(html.components(separatedBy: "id=\"bron-\(key)\"").count, 2, "\(key) is listed once")
        }
    }

    func testEachOfSeveralListsShowsItsOwnWorksAndTheFirstTheOthersCited() throws {
        let html = try page([
            "articles/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nZoals Weick (1995) zegt.\n\n## Literatuur\n\n### Boeken\n\n"
                + "- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n\n### Artikelen\n\n"
                + "- DeRue, D. S. (2010). Who will lead? *Academy of Management Review*, 35(4), 627–647.\n",
            "bibliography/boeken.md": bibliography,
        ], "artikelen/a/index.html")
        XCTAssertTrue(html.contains("<ul class=\"references\">\n" + entry("kegan1994", "Kegan, R. (1994). <em>In over our heads</em>. Harvard University Press.")
                                    + entry("weick1995", "Weick, K. E. (1995). <em>Sensemaking in organizations</em>. SAGE.") + "</ul>\n"), html)
        XCTAssertTrue(html.contains("<ul class=\"references\">\n" + entry("derue2010", "DeRue, D. S. (2010). Who will lead? <em>Academy of Management Review</em>, 35(4), 627–647.")
                                    + "</ul>\n"), html)
    }

    func testAnArticleWithoutAListOfItsOwnShowsItsSourcesAfterTheText() throws {
        let html = try page(["articles/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nZoals Weick (1995) zegt.\n", "bibliography/boeken.md": bibliography],
                            "artikelen/a/index.html")
        XCTAssertTrue(html.contains("<h2 id=\"bronnen-van-dit-artikel\">Bronnen van dit artikel</h2>"), html)
        XCTAssertEqual(html.components(separatedBy: "id=\"bron-weick1995\"").count, 2)
        // The real Content has no such article, so TemplateViewTests cannot hold this view's names to the README.
        let readme = try String(contentsOf: Fixtures.repository.appendingPathComponent("Templates/README.md"), encoding: .utf8)
        for name in ReferenceEntry.fields.ordered.map(\.name) { XCTAssertTrue(readme.contains("`\(name)`"), name) }
    }

    func testAnEntryWithOnlyAuthorsAndYearIsShownAsSuchInTheListThePreviewAndTheLiteraturePage() throws {
        let files = [
            "articles/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nZoals Bion (1967) en Kegan (1994) zeggen.\n\n## Literatuur\n\n"
                + "- Bion. (1967).\n- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n",
        ]
        let note = "Bion (1967) <span class=\"reference-note\">— alleen auteur en jaar bekend</span>"
        let kegan = "Kegan, R. (1994). <em>In over our heads</em>. Harvard University Press."
        let article = try page(files, "artikelen/a/index.html", warnings: [.incompleteReference])
        XCTAssertTrue(article.contains("<ul class=\"references\">\n" + entry("bion1967", note) + entry("kegan1994", kegan) + "</ul>\n"), article)
        // The preview data of the citations: the same HTML, escaped for the script element.
        XCTAssertTrue(article.contains(#""bion1967":"Bion (1967) <span class=\"reference-note\">— alleen auteur en jaar bekend<\/span>""#), article)
        XCTAssertFalse(article.contains("Bion. (1967)."), "the stray full stop is gone")
        let literature = try page(files, "literatuur/index.html", warnings: [.incompleteReference])
        XCTAssertTrue(literature.contains("<p class=\"references-incomplete\">1 van de 2 bronnen is onvolledig: alleen auteur en jaar bekend.</p>"), literature)
        XCTAssertTrue(literature.contains("<p class=\"reference\">\(note)</p>"), literature)
        XCTAssertTrue(literature.contains("<p class=\"reference\">\(kegan)</p>"), literature)
    }
}
