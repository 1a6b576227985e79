import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

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

    func testSafeRenderingEscapesRawHTMLAndBlanksJavascriptLinks() {
        let html = Cmark.renderHTML(Cmark.parse("<script>alert(1)</script>\n\nEen <b onclick=\"x()\">vet</b> woord.\n\n[x](javascript:alert(1))").blocks)
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<b "), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertFalse(html.contains("raw HTML omitted"), html)
        XCTAssertTrue(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"), html)
        XCTAssertTrue(html.contains("Een &lt;b onclick=&quot;x()&quot;&gt;vet&lt;/b&gt; woord."), html)
        XCTAssertTrue(html.contains("<a href=\"\">x</a>"), html)
    }

    func testUnsafeRenderingPassesHTMLButNeverDangerousURLs() {
        let markdown = """
            <div class="kader">tekst</div>

            [a](javascript:alert(1)) [b](<  JavaScript:alert(1)>) [c](VBScript:x) [d](file:///etc/passwd)
            [e](data:text/html;base64,PHNjcmlwdD4=) [f](java&#9;script:alert(1)) [g](&#1;javascript:alert(1))
            ![h](data:image/svg+xml;base64,PHN2Zz4=) ![i](data:image/png;base64,iVBOR) [j](https://example.org/)
            [k](DATA:IMAGE/GIF;base64,R0lG)
            """
        let html = Cmark.renderHTML(Cmark.parse(markdown).blocks, options: .init(unsafeHTML: true))
        XCTAssertTrue(html.contains("<div class=\"kader\">tekst</div>"), html)
        for label in ["a", "b", "c", "d", "e", "f", "g"] {
            XCTAssertTrue(html.contains("<a href=\"\">\(label)</a>"), "\(label): \(html)")
        }
        XCTAssertTrue(html.contains("<img src=\"\" alt=\"h\" />"), html)
        XCTAssertTrue(html.contains("<img src=\"data:image/png;base64,iVBOR\" alt=\"i\" />"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/\">j</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"DATA:IMAGE/GIF;base64,R0lG\">k</a>"), html)
        for scheme in ["javascript", "vbscript", "file:", "text/html", "svg"] {
            XCTAssertFalse(html.lowercased().contains(scheme), "\(scheme): \(html)")
        }
    }

    func testDangerousURLsAreRecognisedAfterTrimming() {
        for url in ["javascript:x", " \t\nJAVASCRIPT:x", "\u{01}javascript:x", "java\tscr\nipt:x", "vbscript:x", "File:///x",
                    "data:text/html,x", "data:image/svg+xml,x", "data:,x", "\u{7F}data:text/html,x"] {
            XCTAssertTrue(Cmark.isDangerousURL(url), url.debugDescription)
        }
        for url in ["https://x.org/", "../a/", "#p-1", "mailto:a@b.nl", "data:image/png;base64,x", " Data:Image/WebP,x",
                    "data:image/jpeg,x", "data:image/gif,x", "javascript-uitleg.html", ""] {
            XCTAssertFalse(Cmark.isDangerousURL(url), url.debugDescription)
        }
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

    /// In the default (safe) mode, every spec example without raw HTML renders exactly as cmark's own safe
    /// rendering, URL filtering included. (Examples with raw HTML differ on purpose: cmark omits it, we escape it.)
    func testSpecExamplesWithoutRawHTMLRenderAsCmarkInSafeMode() throws {
        var compared = 0
        for example in try SpecExample.load("CommonMark/spec-0.30.txt") {
            let theirs = Cmark.renderDirectly(example.markdown, smartPunctuation: false)
            guard !theirs.contains("<!-- raw HTML omitted -->") else { continue }
            let ours = Cmark.renderHTML(Cmark.parse(example.markdown, smartPunctuation: false).blocks)
            XCTAssertEqual(ours, theirs, "example \(example.number) (\(example.section))")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 550)
    }

    /// cmark itself passes the spec: a check that the right library is linked.
    func testLinkedCmarkPassesTheSpec() throws {
        let failures = try SpecExample.load("CommonMark/spec-0.30.txt").filter {
            Cmark.renderDirectly($0.markdown, smartPunctuation: false, unsafeHTML: true) != $0.html
        }
        XCTAssertEqual(failures.map(\.number), [])
    }

    func testDeeplyNestedInputIsFlattenedAtTheNestingLimit() {
        let quotes = String(repeating: ">", count: 10_000) + " diep\n"
        let document = Cmark.parse(quotes)
        var depth = 0
        var level = document.blocks
        while let first = level.first { depth += 1; level = first.children }
        XCTAssertEqual(depth, Cmark.maximumNesting, "the block quotes up to the limit, then the paragraph inside the last one")
        XCTAssertTrue(Cmark.renderHTML(document.blocks).contains("diep"))
        // Items of a list flattened into a tight list's item stay apart: the outer list becomes loose.
        let levels = Cmark.maximumNesting / 2 + 10
        let tight = String(repeating: "- ", count: levels) + "eerste\n" + String(repeating: " ", count: 2 * levels - 2) + "- tweede\n"
        let html = Cmark.renderHTML(Cmark.parse(tight).blocks)
        XCTAssertTrue(html.contains("<p>eerste</p>") && html.contains("<p>tweede</p>"), String(html.suffix(300)))
        // Below the limit nothing is flattened.
        let shallow = Cmark.parse(String(repeating: ">", count: 50) + " ondiep\n")
        XCTAssertEqual(Cmark.renderHTML(shallow.blocks), Cmark.renderDirectly(String(repeating: ">", count: 50) + " ondiep\n"))
    }
}
