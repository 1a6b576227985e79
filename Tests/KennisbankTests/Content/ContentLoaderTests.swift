import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

final class ContentLoaderTests: XCTestCase {
    func testLoadsEveryKindInOrder() throws {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\nlanguage: nl\n",
            "C/articles/b.md": "---\ntitle: Tweede\nseries: 2\n---\nTekst.\n",
            "C/articles/a.md": "---\ntitle: Eerste\nseries: 1\n---\nTekst.\n",
            "C/articles/klad.md": "---\ntitle: Klad\ndraft: true\n---\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\naliases: [not-knowing]\ngroup: lens\n---\nUitleg.\n",
            "C/miniatures/m.md": "---\ntitle: Scène\narticle: a\nlenses: [niet-weten]\n---\nScène.\n",
        ])
        let content = try ContentLoader(directory: "C", fileSystem: files).load()
        XCTAssertEqual(content.articles.map(\.item.id.slug), ["a", "b"])
        XCTAssertEqual(content.concepts.first?.item.aliases, ["not-knowing"])
        XCTAssertEqual(content.concepts.first?.group, "lens")
        XCTAssertEqual(content.miniatures.first?.lenses, ["niet-weten"])
        XCTAssertEqual(content.articles[0].item.document.blocks.first?.range.start.line, 5)
    }

    func testReportsEveryProblemAtOnce() {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\n",
            "C/articles/a.md": "---\nsummary: geen titel\n---\n",
            "C/concepts/a.md": "---\ntitle: Zelfde slug\n---\n",
            "C/concepts/B c.md": "---\ntitle: B\n---\n",
            "C/miniatures/m.md": "---\ntitle: [\n---\n",
        ])
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: files).load()) { error in
            let codes = (error as! BuildFailure).diagnostics.map(\.code)
            XCTAssertEqual(Set(codes), [.missingField, .invalidSlug, .frontMatter])
        }
        let duplicate = InMemoryFileSystem([
            "C/site.yml": "title: KB\n",
            "C/articles/a.md": "---\ntitle: A\n---\n",
            "C/concepts/a.md": "---\ntitle: Zelfde slug\n---\n",
        ])
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: duplicate).load()) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics, [
                Diagnostic(path: "C/concepts/a.md", position: .start, code: .duplicateSlug,
                           message: "The slug 'a' is already used by C/articles/a.md; rename one of the files."),
            ])
        }
    }

    func testSiteConfigDefaultsAndErrors() throws {
        let config = try SiteConfig.parse(SourceFile(path: "site.yml", text: "title: KB\nbaseURL: https://example.org/kb\n"))
        XCTAssertEqual(config.language, "nl")
        XCTAssertEqual(config.baseURL, "https://example.org/kb/")
        XCTAssertEqual(config.conceptLinking, .firstPerPage)
        XCTAssertThrowsError(try SiteConfig.parse(SourceFile(path: "site.yml", text: "title: KB\nconceptLinking: soms\n"))) { error in
            XCTAssertEqual((error as! Diagnostic).position, SourcePosition(line: 2, column: 1))
        }
    }
}
