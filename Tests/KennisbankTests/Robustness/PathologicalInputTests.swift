import XCTest
@testable import Kennisbank

/// Input built to break parsers: every case builds without a crash. (How cost grows with size is
/// measured by Benchmarks/, not here: unit tests hold no timings.)
final class PathologicalInputTests: XCTestCase {
    private func build(_ body: String, file: String = "C/articles/p.md") throws -> Build.Report {
        var files = ["C/site.yml": "title: Proef\n", "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\n---\n"]
        files[file] = "---\ntitle: Pathologisch\n---\n" + body
        var fileSystem = InMemoryFileSystem(files)
        let templates = Fixtures.repository.appendingPathComponent("Templates")
        for name in PageTemplate.allCases.map(\.rawValue) + ["layout"] {
            fileSystem.files["T/\(name).mustache"] = try Data(contentsOf: templates.appendingPathComponent("\(name).mustache"))
        }
        return try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: fileSystem).generate()
    }

    private func article(_ report: Build.Report) -> String {
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
        XCTAssertTrue(article(try build(String(repeating: ">", count: 10_000) + " diep niet-weten\n")).contains("diep"))
        // "- - - item" opens a list inside a list item on one line: 10,000 levels in 20 kB.
        let list = String(repeating: "- ", count: 10_000) + "item niet-weten\n"
        let html = article(try build(list))
        XCTAssertEqual(html.components(separatedBy: "<ul>").count - 1, 10_000 + 1, "10,000 nested lists and the site navigation")
        XCTAssertTrue(html.contains("item"))
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
