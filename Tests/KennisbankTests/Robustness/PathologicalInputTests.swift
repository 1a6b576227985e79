import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// Input built to break parsers: every case builds without a crash. (How cost grows with size is
/// measured by Benchmarks/, not here: unit tests hold no timings.)
final class PathologicalInputTests: XCTestCase {
    private func build(_ body: String, file: String = "C/articles/p.md") throws -> BuildReport {
        var files = ["C/site.yml": "title: Proef\n", "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\n---\n"]
        files[file] = "---\ntitle: Pathologisch\n---\n" + body
        var fileSystem = InMemoryFileSystem(files)
        let templates = Fixtures.repository.appendingPathComponent("Templates")
        for name in PageTemplate.allCases.map(\.rawValue) + ["layout"] {
            fileSystem.files["T/\(name).mustache"] = try Data(contentsOf: templates.appendingPathComponent("\(name).mustache"))
        }
        return try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: fileSystem).generate()
    }

    private func article(_ report: BuildReport) -> String {
        String(decoding: report.files.first { $0.path == "artikelen/p/index.html" }!.contents, as: UTF8.self)
    }

    func testSixtyFiveThousandNestedEmphasisMarkers() throws {
        let body = String(repeating: "*", count: 65_000) + "niet-weten" + String(repeating: "*", count: 65_000) + "\n"
        XCTAssertTrue(article(try build(body)).contains("niet-weten"))
        let open = String(repeating: "_", count: 65_000) + "tekst\n"
        XCTAssertTrue(article(try build(open)).contains("tekst"))
    }

    func testSixtyFiveThousandUnclosedBrackets() throws {
        XCTAssertTrue(article(try build(String(repeating: "[", count: 65_000) + "a\n")).contains("[[[["))
        XCTAssertTrue(article(try build(String(repeating: "[[", count: 65_000) + "niet-weten\n")).contains("niet-weten"))
        XCTAssertTrue(article(try build(String(repeating: "![[", count: 20_000) + "\n")).contains("![["))
    }

    func testTenThousandDeepBlockQuotesAndLists() throws {
        let quotes = article(try build(String(repeating: ">", count: 10_000) + " diep niet-weten\n"))
        XCTAssertTrue(quotes.contains("diep"))
        XCTAssertEqual(quotes.components(separatedBy: "<blockquote>").count - 1, Cmark.maximumNesting - 1,
                       "block quotes below the nesting limit are kept, deeper ones flattened")
        // "- - - item" opens a list inside a list item on one line: 10,000 levels in 20 kB.
        let list = String(repeating: "- ", count: 10_000) + "item niet-weten\n"
        let html = article(try build(list))
        XCTAssertEqual(html.components(separatedBy: "<ul>").count - 1, Cmark.maximumNesting / 2 + 1,
                       "a list and its item are two levels; plus the site navigation")
        XCTAssertTrue(html.contains("item"))
    }

    /// The depth of a tree, counted without recursion.
    private func depth(_ document: MarkdownDocument) -> Int {
        var deepest = 0
        var blocks = document.blocks.map { ($0, 1) }
        var inlines: [(InlineNode, Int)] = []
        while let (block, level) = blocks.popLast() {
            deepest = max(deepest, level)
            blocks += block.children.map { ($0, level + 1) }
            inlines += block.inlines.map { ($0, level + 1) }
        }
        while let (inline, level) = inlines.popLast() {
            deepest = max(deepest, level)
            switch inline {
            case .emphasis(let children), .strong(let children), .markdownLink(_, _, let children), .image(_, _, let children):
                inlines += children.map { ($0, level + 1) }
            default: break
            }
        }
        return deepest
    }

    func testNoTreeIsDeeperThanTheNestingLimitAndNoTextIsLost() {
        let inputs = [
            String(repeating: ">", count: 100_000) + " diep\n",
            String(repeating: "- ", count: 50_000) + "diep\n",
            String(repeating: "> - ", count: 20_000) + "diep\n",
            String(repeating: "*", count: 65_000) + "diep" + String(repeating: "*", count: 65_000) + "\n",
            String(repeating: "[", count: 30_000) + "diep" + String(repeating: "](u)", count: 30_000) + "\n",
            String(repeating: "**_", count: 20_000) + "diep" + String(repeating: "_**", count: 20_000) + "\n",
        ]
        for markdown in inputs {
            let document = Cmark.parse(markdown)
            XCTAssertLessThanOrEqual(depth(document), Cmark.maximumNesting + 2, String(markdown.prefix(12)))
            XCTAssertTrue(Cmark.renderHTML(document.blocks).contains("diep"), String(markdown.prefix(12)))
        }
    }

    func testDeepInputNeedsNoLargeStack() {
        // An ordinary secondary thread's stack: parsing, walking, comparing, rendering and releasing a
        // 100,000-deep quote must fit in it, because no tree is deeper than the nesting limit.
        let done = expectation(description: "finished on a 512 KiB stack")
        let thread = Thread {
            var document = Cmark.parse(String(repeating: ">", count: 100_000) + " diep niet-weten\n")
            let copy = document
            Anchors.assign(in: &document)
            XCTAssertNotEqual(copy, document)
            let (linked, mentions) = ConceptLinker(concepts: [], scope: .firstPerPage).link(document, on: ContentID(.article, "p"))
            XCTAssertTrue(mentions.isEmpty)
            XCTAssertTrue(Cmark.renderHTML(linked.blocks).contains("diep"))
            done.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 120)
    }

    /// 20,000 mentions of one concept in one paragraph on one line: each is found, with its place in the file,
    /// and the first is linked. (Linking costs time linear in the paragraph's length: Benchmarks/pathological.sh.)
    func testTwentyThousandMentionsInOneParagraph() throws {
        let body = Array(repeating: "niet-weten", count: 20_000).joined(separator: " ") + "\n"
        let report = try build(body)
        let mentions = try XCTUnwrap(report.site.pages[ContentID(.article, "p")]?.mentions)
        XCTAssertEqual(mentions.count, 20_000)
        XCTAssertEqual(mentions.filter { $0.linked }.count, 1, "the site links the first mention of a page")
        // The front matter takes three lines; the n-th mention starts 11 × n characters into line 4.
        XCTAssertEqual(mentions.first?.position, SourcePosition(line: 4, column: 1))
        XCTAssertEqual(mentions.last?.position, SourcePosition(line: 4, column: 11 * 19_999 + 1))
        XCTAssertEqual(mentions.last?.context.hasPrefix("…"), true, "a long sentence is trimmed around the mention")
        XCTAssertTrue(article(report).contains("class=\"concept\""))
    }

    /// A 10 MB paragraph, one sentence on one line, with a concept and a citation in every phrase.
    func testATenMegabyteParagraphWithConceptsAndCitations() throws {
        let phrase = "de coach oefent niet-weten met Kegan (1994) en luistert "
        let count = 10_000_000 / phrase.utf8.count + 1
        let body = String(repeating: phrase, count: count) + "\n\n## Literatuur\n\n- Kegan, R. (1994). *In over our heads*. Harvard University Press.\n"
        let report = try build(body)
        let mentions = try XCTUnwrap(report.site.pages[ContentID(.article, "p")]?.mentions)
        XCTAssertEqual(mentions.count, count)
        XCTAssertEqual(mentions.last?.position, SourcePosition(line: 4, column: phrase.count * (count - 1) + 17))
        XCTAssertGreaterThan(article(report).utf8.count, 10_000_000)
    }

    func testAFileOfOnlyFrontMatterBuilds() throws {
        XCTAssertTrue(article(try build("")).contains("Pathologisch"))
    }

    func testAnEmptyFileIsAClearError() {
        let files = ["C/site.yml": "title: Proef\n", "C/articles/leeg.md": ""]
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: InMemoryFileSystem(files)).load()) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.map(\.code), [.frontMatter])
        }
    }

    func testAFiftyMegabyteFile() throws {
        // Prose as the articles have it: a concept, a citation and a wikilink in every tenth paragraph.
        let prose = "De coach luistert naar wat de leider zegt en naar wat hij niet zegt; in het gesprek ontstaat ruimte "
            + "voor twijfel, voor nieuwsgierigheid en voor een ander verhaal over wie hij als professional wil zijn.\n\n"
        let linked = "Een alinea over niet-weten en Kegan (1994) met [[niet-weten]] en *nadruk*.\n\n"
        let block = String(repeating: prose, count: 9) + linked
        let body = String(repeating: block, count: 50_000_000 / block.utf8.count + 1)
        XCTAssertGreaterThan(body.utf8.count, 50_000_000)
        let report = try build(body)
        let page = report.files.first { $0.path == "artikelen/p/index.html" }!.contents
        XCTAssertGreaterThan(page.count, 50_000_000)
        XCTAssertEqual(report.site.mentions["niet-weten"]?.count, 50_000_000 / block.utf8.count + 1)
    }
}
