import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent

/// With `unsafeHTML: true` raw HTML is passed through, but no attribute a browser follows or loads may carry a
/// `javascript:`, `vbscript:`, `file:` or non-image `data:` URL, however it is written.
final class RawHTMLLinksTests: XCTestCase {
    private func neutralised(_ html: String) -> String {
        String(decoding: RawHTMLLinks.neutralised(Array(html.utf8)).html, as: UTF8.self)
    }

    func testEveryObfuscationABrowserAcceptsIsEmptied() {
        let attributes = [
            #"href="javascript:alert(1)""#, #"href="JaVaScRiPt:alert(1)""#, #"HREF="javascript:alert(1)""#,
            #"href="&#106;avascript:alert(1)""#, #"href="&#x6A;avascript:alert(1)""#, #"href="&#X6a;avascript:alert(1)""#,
            #"href="&#106avascript:alert(1)""#, #"href="&#0000106;avascript:alert(1)""#, #"href="javascript&colon;alert(1)""#,
            #"href="jav&Tab;ascript:alert(1)""#, #"href="jav&#x09;ascript:alert(1)""#, #"href="java&NewLine;script:alert(1)""#,
            "href=\"jav\tascript:alert(1)\"", "href=\"java\nscript:alert(1)\"", "href=\"java\r\nscript:alert(1)\"",
            "href=\" \u{01}\u{1F}javascript:alert(1)\"", #"href="&#32;&#1;javascript:alert(1)""#,
            "href='javascript:alert(1)'", "href=javascript:alert(1)", "href = \"javascript:alert(1)\"",
            #"href="vbscript:msgbox(1)""#, #"href="data:text/html;base64,PHNjcmlwdD4=""#, #"href="file:///etc/passwd""#,
            #"src="javascript:alert(1)""#, #"action="javascript:alert(1)""#, #"formaction="javascript:alert(1)""#,
            #"xlink:href="javascript:alert(1)""#, #"poster="javascript:alert(1)""#, #"data="javascript:alert(1)""#,
            #"srcset="a.png 1x, javascript:alert(1) 2x""#, #"src="data:image/svg+xml;base64,PHN2Zz4=""#,
        ]
        for attribute in attributes {
            let html = "<a \(attribute) class=\"x\">tekst</a>"
            let result = neutralised(html)
            XCTAssertEqual(RawHTMLLinks.findings(in: html).count, 1, attribute.debugDescription)
            XCTAssertTrue(result.hasSuffix(" class=\"x\">tekst</a>") && result.contains("\"\" class"), "\(attribute.debugDescription): \(result)")
            for scheme in ["javascript", "vbscript", "text/html", "passwd", "svg+xml"] {
                XCTAssertFalse(result.lowercased().contains(scheme), "\(attribute.debugDescription): \(result)")
            }
        }
        XCTAssertEqual(neutralised(#"<meta http-equiv="refresh" content="0; URL='javascript:alert(1)'">"#),
                       #"<meta http-equiv="refresh" content="">"#)
        XCTAssertEqual(neutralised(#"<svg><set attributeName="href" to="javascript:alert(1)"/></svg>"#),
                       #"<svg><set attributeName="href" to=""/></svg>"#)
    }

    func testSafeURLsOtherAttributesAndTextStayAsWritten() {
        let html = #"<a href="https://example.org/?a=1&amp;b=2" title="javascript: de taal">javascript:alert(1)</a>"#
            + #"<img src="data:image/png;base64,iVBOR" alt="x"><a href="../begrippen/x/#p">x</a><a href="mailto:a@b.nl">m</a>"#
            + #"<!-- <a href="javascript:alert(1)"> --><p data-x="javascript:alert(1)">tekst</p>"#
        XCTAssertEqual(RawHTMLLinks.findings(in: html), [])
        XCTAssertEqual(neutralised(html), html)
    }

    /// Tags are read where a browser reads them: a `>` in quotes does not end a tag, `<!-->` ends a comment at once,
    /// a bogus comment ends at the first `>`, and the text of a raw text element is read up to its end tag (and as
    /// markup as well).
    func testTagsAreFoundWhereABrowserFindsThem() {
        let cases = [
            #"<a title='>' href="javascript:alert(1)">x</a>"#,
            #"<!--> <a href="javascript:alert(1)">x</a> -->"#,
            #"<!---> <a href="javascript:alert(1)">x</a> -->"#,
            #"<? x > <a href="javascript:alert(1)">x</a> ?>"#,
            #"<![CDATA[ > <a href="javascript:alert(1)">x</a> ]]>"#,
            #"<script>var s = "<b title='";</script><a href="javascript:alert(1)">x</a>"#,
            #"<textarea><b title="</textarea><a href='javascript:alert(1)'>x</a>"></b>"#,
            #"<style><a href="javascript:alert(1)">x</a></style>"#,
            #"</x title=">"><a href="javascript:alert(1)">x</a>"#,
            #"<a href="javascript:alert(1)"#,
        ]
        for html in cases {
            XCTAssertFalse(neutralised(html).contains("javascript"), "\(html): \(neutralised(html))")
        }
    }

    /// The whole body is read at once, so a tag that one block of raw HTML leaves open is read on into the next.
    func testATagLeftOpenByOneBlockIsReadOnIntoTheNext() {
        let markdown = "<div><a title=\"\n\n<div>\" href=\"javascript:alert(1)\">x</div>\n"
        let blocks = Cmark.parse(markdown).blocks
        XCTAssertEqual(blocks.count, 2, "two blocks of raw HTML")
        let html = Cmark.renderHTML(blocks, options: .init(unsafeHTML: true))
        XCTAssertFalse(html.contains("javascript"), html)
        XCTAssertTrue(html.contains("href=\"\">x</div>"), html)
    }

    /// Markdown through the pipeline's writer: raw HTML passes, its dangerous URLs do not; escaped (the default),
    /// nothing is touched.
    func testTheWriterEmptiesDangerousURLsOfRawHTMLOnly() {
        let markdown = "Een <a href=\"&#106;avascript:alert(1)\">link</a> en <a href=\"https://example.org/\">een goede</a>.\n\n"
            + "<form action=\"JAVASCRIPT:x\"><button formaction=\"vbscript:y\">b</button></form>\n"
        let unsafe = Cmark.renderHTML(Cmark.parse(markdown).blocks, options: .init(unsafeHTML: true))
        XCTAssertEqual(unsafe, "<p>Een <a href=\"\">link</a> en <a href=\"https://example.org/\">een goede</a>.</p>\n"
                       + "<form action=\"\"><button formaction=\"\">b</button></form>\n")
        let safe = Cmark.renderHTML(Cmark.parse(markdown).blocks)
        XCTAssertTrue(safe.contains("&lt;a href=&quot;&amp;#106;avascript:alert(1)&quot;&gt;"), safe)
    }

    /// Each emptied URL is a warning at its value, only where raw HTML is passed through.
    func testEachEmptiedURLIsAWarningAtItsValue() throws {
        let article = "---\ntitle: Een\nauthors: [A]\ndate: 2024-01-01\n---\nTekst.\n\n<div>\n<a href=\"&#106;avascript:alert(1)\">x</a>\n</div>\n\n"
            + "En <img src='data:text/html,x'> hier.\n"
        var files = ["C/site.yml": "title: KB\nunsafeHTML: true\n", "C/articles/een.md": article]
        let content = try ContentLoader(directory: "C", fileSystem: InMemoryFileSystem(files)).load()
        let warnings = content.diagnostics.filter { $0.code == .dangerousURL }
        XCTAssertEqual(warnings.map(\.description), [
            "C/articles/een.md:9:10: warning: The raw HTML attribute href=\"&#106;avascript:alert(1)\" holds a javascript:, vbscript:, file: "
                + "or non-image data: address, which Kennisbank never writes: the page gets href=\"\". (link to a web address (https://…) or a page of the site instead)",
            "C/articles/een.md:12:14: warning: The raw HTML attribute src=\"data:text/html,x\" holds a javascript:, vbscript:, file: "
                + "or non-image data: address, which Kennisbank never writes: the page gets src=\"\". (link to a web address (https://…) or a page of the site instead)",
        ])
        files["C/site.yml"] = "title: KB\n"
        let escaped = try ContentLoader(directory: "C", fileSystem: InMemoryFileSystem(files)).load()
        XCTAssertEqual(escaped.diagnostics.filter { $0.code == .dangerousURL }, [], "shown as text, nothing is emptied")
    }
}

extension RawHTMLLinksTests {
    /// Raw text inside raw text is read as markup one level deep only: 50,000 nested `<script>` tags take one pass,
    /// not one reading per level, each as deep on the stack as its level and all of them quadratic in time.
    func testNestedRawTextElementsAreReadInOnePass() {
        let html = String(repeating: "<script>", count: 50_000) + "<a href=\"javascript:alert(1)\">x</a>"
        XCTAssertEqual(RawHTMLLinks.findings(in: html).map(\.attribute), ["href"])
    }
}
