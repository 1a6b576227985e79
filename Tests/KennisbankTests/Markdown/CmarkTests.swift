import XCTest
@testable import Kennisbank

final class CmarkTests: XCTestCase {
    func testParsesBlocksWithLinesAndAttributes() {
        let document = Cmark.parse("# Titel\n\nEen *zin*.\n\n1) een\n2) twee\n", lineOffset: 3)
        XCTAssertEqual(document.blocks.count, 3)
        XCTAssertEqual(document.blocks[0].kind, .heading(level: 1, anchor: nil))
        XCTAssertEqual(document.blocks[0].inlines, [.text("Titel")])
        XCTAssertEqual(document.blocks[0].range.start, SourcePosition(line: 4, column: 1))
        XCTAssertEqual(document.blocks[1].inlines, [.text("Een "), .emphasis([.text("zin")]), .text(".")])
        XCTAssertEqual(document.blocks[1].range.start.line, 6)
        XCTAssertEqual(document.blocks[2].kind, .list(ListAttributes(ordered: true, start: 1, tight: true, parenDelimiter: true)))
        XCTAssertEqual(document.blocks[2].children.count, 2)
    }

    func testSmartPunctuationCurlsQuotes() {
        let document = Cmark.parse("'Leider-zijn' -- en \"meer\"")
        XCTAssertEqual(document.blocks[0].inlines.plainText, "‘Leider-zijn’ – en “meer”")
        XCTAssertEqual(Cmark.parse("'x'", smartPunctuation: false).blocks[0].inlines.plainText, "'x'")
    }

    func testBracketTextIsConsolidatedIntoOneTextNode() {
        XCTAssertEqual(Cmark.parse("zie [[niet-weten]] hier").blocks[0].inlines, [.text("zie [[niet-weten]] hier")])
    }

    func testSafeRenderingDropsRawHTMLAndJavascriptLinks() {
        let html = Cmark.renderHTML(Cmark.parse("<script>alert(1)</script>\n\n[x](javascript:alert(1))").blocks)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("javascript:"))
        XCTAssertTrue(html.contains("raw HTML omitted"))
    }

    func testAnchoredBlocksAndEngineLinksRender() {
        let blocks = [
            BlockNode(kind: .heading(level: 2, anchor: "een-kop"), inlines: [.text("Een <kop>")]),
            BlockNode(kind: .paragraph(anchor: "p-1"), inlines: [
                .link(EngineLink(target: SiteLink(path: "begrippen/x/"), cssClass: "concept", data: ["concept": "x"]), [.text("x & y")]),
            ]),
        ]
        let html = Cmark.renderHTML(blocks, options: .init { $0.relative(from: "artikelen/a/") })
        XCTAssertEqual(html, "<h2 id=\"een-kop\">\nEen &lt;kop&gt;\n</h2>\n<p id=\"p-1\">\n<a class=\"concept\" href=\"../../begrippen/x/\" data-concept=\"x\">x &amp; y</a>\n</p>\n")
    }

    func testInlineRenderingHasNoParagraph() {
        XCTAssertEqual(Cmark.renderHTML(inlines: [.text("a "), .emphasis([.text("b")])]), "a <em>b</em>")
    }

    /// Every spec example survives the trip C tree → Swift values → C tree: the wrapper loses nothing.
    func testEverySpecExampleRoundTripsThroughSwiftValues() throws {
        let examples = try SpecExample.load("CommonMark/spec-0.30.txt")
        XCTAssertEqual(examples.count, 652)
        for example in examples {
            let document = Cmark.parse(example.markdown, smartPunctuation: false)
            let ours = Cmark.renderHTML(document.blocks, options: .init(unsafeHTML: true))
            let theirs = Cmark.renderDirectly(example.markdown, smartPunctuation: false, unsafeHTML: true)
            XCTAssertEqual(ours, theirs, "example \(example.number) (\(example.section))")
        }
    }

    /// cmark itself passes the spec: a check that the right library is linked.
    func testLinkedCmarkPassesTheSpec() throws {
        let failures = try SpecExample.load("CommonMark/spec-0.30.txt").filter {
            Cmark.renderDirectly($0.markdown, smartPunctuation: false, unsafeHTML: true) != $0.html
        }
        XCTAssertEqual(failures.map(\.number), [])
    }

    func testDeeplyNestedInputDoesNotOverflowTheStack() {
        let quotes = String(repeating: ">", count: 10_000) + " diep\n"
        let document = Cmark.parse(quotes)
        var depth = 0
        var level = document.blocks
        while let first = level.first { depth += 1; level = first.children }
        XCTAssertEqual(depth, 10_001, "10,000 block quotes and the paragraph inside")
        XCTAssertTrue(Cmark.renderHTML(document.blocks).contains("diep"))
    }
}
