import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking

/// A backslash before the parenthesis marks a name and year that are no citation (``CitationEscapes``).
final class CitationEscapeTests: XCTestCase {
    private let literature = "\n\n## Literatuur\n\n- Goedmakers, C. J. (2022). *De kunst van het worden*. Interne publicatie.\n"
        + "- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n"

    private func linked(_ files: [String: String]) throws -> LinkedSite {
        let content = try ContentLoader(directory: "C", fileSystem: InMemoryFileSystem(files.merging(["C/site.yml": "title: Proef\n"]) { old, _ in old })).load()
        return SiteLinker(content: content).link()
    }

    private func html(_ site: LinkedSite, _ id: ContentID) -> String {
        Cmark.renderHTML(site.pages[id]!.document.blocks)
    }

    func testABackslashBeforeTheParenthesisMarksANameAndYearAsNoCitation() throws {
        let site = try linked(["C/articles/a.md": "---\ntitle: A\n---\n"
            + "Charlotte Goedmakers \\(1959) is coach; zie [[b]] en Goedmakers (2022), niet Goedmakers \\(2022).\n\n"
            + "- Bij Kegan \\(1994, 1995) en \\(Nederland, 2015) geen bron.\n\n"
            + "> Maar Kegan (1994) wel \\(zie boven), en Kegan \\\\(1994) toont een backslash.\n" + literature,
                               "C/articles/b.md": "---\ntitle: B\n---\nTekst.\n"])
        XCTAssertEqual(site.diagnostics, [])
        let article = ContentID(.article, "a")
        XCTAssertEqual(site.pages[article]?.citations.map(\.key), ["goedmakers2022", "kegan1994"])
        let page = html(site, article)
        XCTAssertTrue(page.contains("Charlotte Goedmakers (1959) is coach; zie <a class=\"wikilink article\" href=\"artikelen/b/\">B</a> en "
                                    + "<a class=\"citation\" href=\"literatuur/#goedmakers2022\" data-ref=\"goedmakers2022\">Goedmakers (2022)</a>, "
                                    + "niet Goedmakers (2022).\n</p>"), page)
        XCTAssertTrue(page.contains("<li>Bij Kegan (1994, 1995) en (Nederland, 2015) geen bron.</li>"), page)
        XCTAssertTrue(page.contains("Maar <a class=\"citation\" href=\"literatuur/#kegan1994\" data-ref=\"kegan1994\">Kegan (1994)</a> wel (zie boven), en Kegan \\(1994) toont"), page)
    }

    func testAMarkedNameAndYearInAnEmbeddedMiniatureIsNoCitationInTheArticleEither() throws {
        let site = try linked(["C/articles/a.md": "---\ntitle: A\n---\nIntro.\n\n![[m]]\n" + literature,
                               "C/miniatures/m.md": "---\ntitle: M\n---\nEen scène.\n\nCharlotte Goedmakers \\(1959) coacht.\n"])
        XCTAssertEqual(site.diagnostics, [])
        XCTAssertTrue(html(site, ContentID(.article, "a")).contains("Charlotte Goedmakers (1959) coacht.\n</p>"))
        XCTAssertTrue(html(site, ContentID(.miniature, "m")).contains("Charlotte Goedmakers (1959) coacht.\n</p>"))
    }

    func testTheMarkIsInvisibleInThePlainText() {
        let source = SourceFile(path: "a.md", text: "Charlotte Goedmakers \\(1959) is coach.\n")
        let document = CitationEscapes.apply(to: Cmark.parse(source.text), source: source)
        XCTAssertEqual(document.blocks[0].inlines, [.text("Charlotte Goedmakers ("), CitationEscapes.boundary, .text("1959) is coach.")])
        XCTAssertEqual(document.blocks[0].inlines.plainText, "Charlotte Goedmakers (1959) is coach.")
        XCTAssertEqual(Cmark.renderHTML(document.blocks), Cmark.renderDirectly(source.text))
    }
}
