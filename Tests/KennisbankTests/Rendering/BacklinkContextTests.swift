import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankRendering

/// Every page kind lists the places that link to it as a concept's page lists its mentions: the page (and section)
/// linked to the paragraph, and the sentence around the link.
final class BacklinkContextTests: XCTestCase {
    private let files = [
        "articles/a.md": "---\ntitle: Het eerste artikel\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nOver de zaak.\n",
        "articles/b.md": "---\ntitle: Het tweede artikel\nauthors: [A. Auteur]\ndate: 2024-01-02\n---\n## Kader\n\n"
            + "Een eerste zin zonder link. Zoals [[a|het eerste artikel]] laat zien, is dit de zin eromheen. Nog een zin.\n\n"
            + "Wie [[het-moment]] leest, ziet een leider zwijgen.\n\n## Over [[a]]\n\nTekst zonder link.\n",
        "articles/c.md": "---\ntitle: Het derde artikel\nauthors: [A. Auteur]\ndate: 2024-01-03\n---\nTekst.\n\n![[het-moment]]\n",
        "miniatures/het-moment.md": "---\ntitle: Het moment\n---\nEen leider zwijgt.\n",
    ]

    /// The built site's page at `path`.
    private func page(_ path: String) throws -> String {
        let report = try inMemoryBuild(of: try temporaryContentFolder(files)).generate()
        XCTAssertEqual(report.diagnostics.map(\.code), [])
        return String(decoding: try XCTUnwrap(report.files.first { $0.path == path }).contents, as: UTF8.self)
    }

    /// The backlinks section of a page.
    private func backlinks(_ html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: "<section aria-labelledby=\"verwijzingen\">"), "the page has backlinks")
        return String(html[start.lowerBound...]).components(separatedBy: "</section>")[0]
    }

    /// The anchor of the paragraph of `html` that starts with `opening`: its ¶ link's.
    private func anchor(of opening: String, in html: String) throws -> String {
        let paragraph = try XCTUnwrap(html.range(of: "\n" + opening)).upperBound
        let link = try XCTUnwrap(html[paragraph...].range(of: "<a class=\"anchor\" href=\"#")).upperBound
        return String(html[link...].prefix { $0 != "\"" })
    }

    func testAnArticleShowsTheSentenceAroundEachLinkToIt() throws {
        let section = try backlinks(try page("artikelen/a/index.html"))
        let linking = try page("artikelen/b/index.html")
        let paragraph = try anchor(of: "Een eerste zin zonder link.", in: linking)
        XCTAssertTrue(section.contains("<li>\n        <p class=\"mention-place\"><a href=\"../b/#\(paragraph)\">Het tweede artikel › Kader</a></p>\n"
                                       + "        <blockquote class=\"mention-context\"><p>Zoals het eerste artikel laat zien, is dit de zin eromheen.</p></blockquote>\n"
                                       + "      </li>"), section)
        // The link in a heading is the same page's: the paragraph already names it, so it is listed once.
        XCTAssertEqual(section.components(separatedBy: "<li>").count, 2, section)
    }

    func testAMiniatureShowsTheSentenceAroundALinkAndThePlaceOfAnEmbed() throws {
        let section = try backlinks(try page("miniaturen/het-moment/index.html"))
        let linking = try page("artikelen/b/index.html")
        let paragraph = try anchor(of: "Wie <a", in: linking)
        XCTAssertTrue(section.contains("<p class=\"mention-place\"><a href=\"../../artikelen/b/#\(paragraph)\">Het tweede artikel › Kader</a></p>\n"
                                       + "        <blockquote class=\"mention-context\"><p>Wie Het moment leest, ziet een leider zwijgen.</p></blockquote>"),
                      section)
        // The article that embeds it has no sentence to quote: it is linked to the place of the embed, and says so.
        XCTAssertTrue(section.contains("<p class=\"mention-place\"><a href=\"../../artikelen/c/#miniatuur-het-moment\">Het derde artikel</a></p>\n"
                                       + "        <p class=\"mention-note\">Neemt deze miniatuur op.</p>\n      </li>"), section)
        XCTAssertEqual(section.components(separatedBy: "mention-note").count, 2, "only the embed says so")
    }

    func testAPageLinkedOnlyFromAHeadingIsListedWithoutASentence() throws {
        let report = try inMemoryBuild(of: try temporaryContentFolder([
            "articles/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nTekst.\n",
            "articles/b.md": "---\ntitle: B\ndate: 2024-01-02\n---\n## Over [[a]]\n\nTekst.\n",
        ])).generate()
        let html = String(decoding: try XCTUnwrap(report.files.first { $0.path == "artikelen/a/index.html" }).contents, as: UTF8.self)
        let section = try backlinks(html)
        XCTAssertTrue(section.contains("<a href=\"../b/\">B</a></p>\n      </li>"), section)
        XCTAssertFalse(section.contains("mention-context"), section)
    }
}
