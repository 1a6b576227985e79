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

    /// site.yml is YAML fields without `---` lines: its messages name site.yml, not front matter, and point at its own lines.
    func testMessagesAboutSiteYmlNameSiteYml() {
        func problem(_ text: String) -> Diagnostic? {
            let files = InMemoryFileSystem(["C/site.yml": text])
            do { _ = try ContentLoader(directory: "C", fileSystem: files).load() } catch { return error.diagnostics.first }
            return nil
        }
        XCTAssertEqual(problem("titel: KB\n"), Diagnostic(path: "C/site.yml", position: .start, code: .missingField,
                                                         message: "site.yml has no 'title'; add a line 'title: …'."))
        XCTAssertEqual(problem("title: KB\ndescription: [open\n"), Diagnostic(
            path: "C/site.yml", position: SourcePosition(line: 3, column: 1), code: .frontMatter,
            message: "site.yml is not valid YAML: did not find expected ',' or ']'.",
            hint: "while parsing a flow sequence, which begins at line 2, column 14"))
        XCTAssertEqual(problem("- title\n- KB\n"), Diagnostic(path: "C/site.yml", position: SourcePosition(line: 1, column: 1), code: .frontMatter,
                                                             message: "site.yml must be a list of 'key: value' fields."))
        // A YAML document marker is YAML, not the start of front matter.
        XCTAssertNil(problem("---\ntitle: KB\n"))
    }
}
