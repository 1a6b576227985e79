import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankRendering

/// Who an article is credited to: its `authors`, site.yml's explicit `seriesAuthor`, or nobody, and then
/// "Citeer dit artikel" puts the title in the author's place, as APA 7 does for a work without an author.
final class ArticleAuthorTests: XCTestCase {
    private func load(site: String, article: String) throws -> Content {
        try ContentLoader(directory: "C", fileSystem: InMemoryFileSystem(["C/site.yml": site, "C/articles/a.md": article])).load()
    }

    private func reference(_ content: Content) -> String {
        ArticleMetadata(article: content.articles[0], site: content.site).apaReference
    }

    private let site = "title: Kennisbank\nauthor: C.J. Goedmakers\nbaseURL: https://example.org/kb\n"

    func testTheCitationOfAnArticleWithAuthorsNamesThem() throws {
        let one = try load(site: site, article: "---\ntitle: Over leiden\nsubtitle: Wat het vraagt\nauthors: [C.J. Goedmakers]\ndate: 2024-03-01\n---\n")
        XCTAssertEqual(reference(one), "Goedmakers, C. J. (2024). Over leiden: Wat het vraagt. Kennisbank. https://example.org/kb/artikelen/a/")
        let two = try load(site: "title: Kennisbank\n", article: "---\ntitle: Waarom leiden?\nauthors: [A. Bakker, B. Jansen]\n---\n")
        XCTAssertEqual(two.diagnostics.map(\.code), [.missingDate], "no date: 'z.d.', and the feed leaves the article out")
        XCTAssertEqual(reference(two), "Bakker, A., & Jansen, B. (z.d.). Waarom leiden? Kennisbank.")
        XCTAssertEqual(try load(site: site, article: "---\ntitle: A\nauthors: [C.J. Goedmakers]\ndate: 2024-03-01\n---\n").diagnostics, [])
    }

    func testAnArticleWithoutAuthorsIsAWarningAndItsCitationPutsTheTitleFirst() throws {
        let content = try load(site: site, article: "---\ntitle: Nieuw leiderschap\nsubtitle: Waar management en professie elkaar ontmoeten\n---\nTekst.\n")
        XCTAssertEqual(content.diagnostics.map(\.code), [.missingAuthor, .missingDate])
        XCTAssertEqual(content.articles[0].authors, [])
        XCTAssertEqual(reference(content), "Nieuw leiderschap: Waar management en professie elkaar ontmoeten. (z.d.). Kennisbank. https://example.org/kb/artikelen/a/")
        XCTAssertFalse(reference(content).contains("Goedmakers"), "the site's author is not the article's author")
        XCTAssertEqual(content.diagnostics.filter { $0.code == .missingAuthor }, [
            Diagnostic(path: "C/articles/a.md", position: .start, severity: .warning, code: .missingAuthor,
                       message: "The article names no authors, so 'Citeer dit artikel' puts its title where the author goes.",
                       hint: "add 'authors:' to its front matter, or name the series' author as 'seriesAuthor:' in site.yml"),
        ])
        let empty = try load(site: site, article: "---\ntitle: A\nauthors: []\ndate: 2024-03-01\n---\n")
        XCTAssertEqual(empty.diagnostics.map(\.position), [SourcePosition(line: 3, column: 1)])
    }

    func testSiteYmlMayNameTheSeriesAuthorExplicitly() throws {
        let content = try load(site: site + "seriesAuthor: A. Reeks\n", article: "---\ntitle: Over leiden\ndate: 2015-02-15\n---\n")
        XCTAssertEqual(content.site.author, "C.J. Goedmakers")
        XCTAssertEqual(content.articles[0].authors, ["A. Reeks"])
        XCTAssertEqual(content.diagnostics, [])
        XCTAssertEqual(reference(content), "Reeks, A. (2015). Over leiden. Kennisbank. https://example.org/kb/artikelen/a/")
        let own = try load(site: site + "seriesAuthor: A. Reeks\n", article: "---\ntitle: Over leiden\nauthors: [B. Eigen]\n---\n")
        XCTAssertEqual(own.articles[0].authors, ["B. Eigen"])
    }
}
