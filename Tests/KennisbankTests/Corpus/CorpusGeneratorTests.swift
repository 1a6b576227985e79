import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankCorpus
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The benchmark corpus generator: its output builds cleanly, every citation resolves, and a seed fixes the bytes.
final class CorpusGeneratorTests: XCTestCase {
    private static let small = CorpusOptions(articles: 5, concepts: 10, references: 20, miniatures: 5, seed: 7, wordsPerArticle: 1500)

    /// The generated files under `C/`, plus the real templates under `T/`.
    private func fileSystem(_ generator: CorpusGenerator) -> InMemoryFileSystem {
        var files: [String: String] = [:]
        for (path, text) in generator.files() { files["C/" + path] = text }
        var fileSystem = InMemoryFileSystem(files)
        let root = Fixtures.repository.appendingPathComponent("Templates")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            fileSystem.files["T/" + String(url.path.dropFirst(root.path.count + 1))] = try? Data(contentsOf: url)
        }
        return fileSystem
    }

    private func build(_ generator: CorpusGenerator) throws(BuildFailure) -> BuildReport {
        try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: fileSystem(generator)).generate()
    }

    func testSmallCorpusBuildsWithoutProblems() throws {
        let generator = CorpusGenerator(options: Self.small)
        let paths = generator.files().map(\.path)
        XCTAssertEqual(paths.filter { $0.hasPrefix("articles/") }.count, 5)
        XCTAssertEqual(paths.filter { $0.hasPrefix("concepts/") }.count, 10)
        XCTAssertEqual(paths.filter { $0.hasPrefix("miniatures/") }.count, 5)
        XCTAssertTrue(paths.contains("site.yml"))
        let report: BuildReport
        do throws(BuildFailure) { report = try build(generator) } catch {
            return XCTFail("the corpus does not build: \(error.diagnostics.prefix(5).map(\.description))")
        }
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        XCTAssertEqual(report.site.references.references.count, 20)
        XCTAssertEqual(report.site.content.articles.count, 5)
    }

    func testEveryCitationResolvesInEveryForm() throws {
        let generator = CorpusGenerator(options: Self.small)
        let report = try build(generator)
        var written: [String] = []
        for article in report.site.content.articles {
            let page = try XCTUnwrap(report.site.pages[article.item.id])
            XCTAssertFalse(page.citations.isEmpty, article.item.id.slug)
            // Every reference in the article's Literatuur list is cited there, and every citation resolved to one of them.
            XCTAssertEqual(Set(page.citations.map(\.key)), Set(report.site.references.listed(inArticle: article.item.id.slug)), article.item.id.slug)
            XCTAssertFalse(page.mentions.isEmpty, "concept mentions in \(article.item.id.slug)")
            XCTAssertFalse(page.wikilinkTargets.isEmpty && page.embeddedMiniatures.isEmpty, "links in \(article.item.id.slug)")
            written += page.citations.map(\.text)
        }
        for marker in [" en ", " & ", " e.a.", " et al.", ", p. ", "@"] {
            XCTAssertTrue(written.contains { $0.contains(marker) }, "a citation with '\(marker)'")
        }
        let sources = generator.files().filter { $0.path.hasPrefix("articles/") }.map(\.text).joined()
        for form in [#"\[@[a-z]+\d{4}\]"#, #"\[@[a-z]+\d{4}, p\. \d+\]"#, #"\[@[a-z]+\d{4}; @[a-z]+\d{4}\]"#,
                     #"\(\p{Lu}[^()]*, \d{4}\)"#, #"\(\d{4}, \d{4}\)"#, #"\(\d{4}, p\. \d+-\d+\)"#, #"\(\p{Lu}[^()]* e\.a\., \d{4}\)"#,
                     #"\(\p{Lu}[^()]* et al\., \d{4}\)"#, #"\p{Lu}\S* & \p{Lu}\S* \(\d{4}\)"#, #"\p{Lu}\S* en \p{Lu}\S* \(\d{4}\)"#,
                     #"\[\[[a-z0-9-]+#Inleiding\]\]"#, #"!\[\[[a-z0-9-]+\]\]"#] {
            XCTAssertNotNil(sources.range(of: form, options: .regularExpression), form)
        }
        let html = report.files.filter { $0.path.hasPrefix("artikelen/") }.map { String(decoding: $0.contents, as: UTF8.self) }.joined()
        XCTAssertNil(html.range(of: #"[^>]\[@"#, options: .regularExpression), "a pandoc citation outside a link")
        XCTAssertFalse(html.contains("[["), "an unresolved wikilink")
    }

    func testTheSameSeedGivesTheSameBytes() {
        let first = CorpusGenerator(options: Self.small).files()
        let second = CorpusGenerator(options: Self.small).files()
        XCTAssertEqual(first.map(\.path), second.map(\.path))
        XCTAssertEqual(first.map(\.text), second.map(\.text))
        var other = Self.small
        other.seed = 8
        XCTAssertNotEqual(CorpusGenerator(options: other).files().map(\.text), first.map(\.text))
    }

    func testArticlesHaveTheRequestedLengthAndShape() throws {
        let generator = CorpusGenerator(options: CorpusOptions(articles: 2, concepts: 5, references: 10, miniatures: 2, seed: 3))
        let article = try XCTUnwrap(generator.files().first { $0.path.hasPrefix("articles/") }?.text)
        let words = article.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        XCTAssertGreaterThan(words, 3800)
        XCTAssertLessThan(words, 5000)
        for part in ["\ntitle: ", "\nseries: ", "\ndate: ", "\nsummary: ", "\n## ", "\n### ", "\n- ", "\n1. ", "## Literatuur\n"] {
            XCTAssertTrue(article.contains(part), part)
        }
    }
}
