import Foundation
import KennisbankCore
import Testing
@testable import KennisbankImages

/// ``SVGSafety`` finds what runs script in an SVG, at its line and column, and leaves text alone.
@Suite struct SVGSafetyTests {
    /// The problems of an SVG as (kind, line, column).
    static func problems(_ text: String) -> [(SVGProblem.Kind, Int, Int)] {
        SVGSafety.problems(in: Data(text.utf8)).map { ($0.kind, $0.position.line, $0.position.column) }
    }

    static func check(_ text: String, _ expected: [(SVGProblem.Kind, Int, Int)], sourceLocation: SourceLocation = #_sourceLocation) {
        let found = problems(text)
        #expect(found.map(\.0) == expected.map(\.0), sourceLocation: sourceLocation)
        #expect(found.map { [$0.1, $0.2] } == expected.map { [$0.1, $0.2] }, sourceLocation: sourceLocation)
    }

    @Test func aCleanDrawingHasNoProblems() {
        let svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">
          <title>Professionele ruimte</title>
          <style>text { font: 12px sans-serif; }</style>
          <a href="https://example.org/onderzoek"><text x="10" y="20" opacity=".5" offset="1">on &amp; off</text></a>
          <use xlink:href="#as"/>
          <animate attributeName="opacity" values="0;1" dur="1s"/>
        </svg>
        """
        Self.check(svg, [])
    }

    @Test func scriptElementsInAnyCaseAndPrefix() {
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg">
          <script>alert(1)</script>
            <SCRIPT type="text/javascript"><![CDATA[ alert(2) ]]></SCRIPT><s:script/>
          <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
          <svg:foreignobject xmlns:svg="http://www.w3.org/2000/svg"/><handler/>
        </svg>
        """
        Self.check(svg, [(.script, 2, 3), (.script, 3, 5), (.script, 3, 67), (.foreignObject, 4, 3), (.foreignObject, 5, 3), (.handler, 5, 62)])
    }

    @Test func eventAttributes() {
        let svg = "<svg onload=\"alert(1)\">\n\t<rect ONCLICK='x()' svg:onmouseover = \"y()\"\n      width='1'/><circle r='2' on='x'/></svg>"
        Self.check(svg, [(.eventAttribute("onload"), 1, 6), (.eventAttribute("ONCLICK"), 2, 8), (.eventAttribute("svg:onmouseover"), 2, 22)])
    }

    @Test func scriptURLsEvenWhenEncoded() {
        let svg = """
        <svg>
        <a href="javascript:alert(1)">a</a><a xlink:href=" JavaScript:alert(2)">b</a>
        <a href="&#106;ava&#x73;cript&#58;alert(3)">c</a><a href="java&#x09;script:alert(4)">d</a>
        <a href='vbscript:msgbox'>e</a><set attributeName="href" to="javascript:alert(5)"/>
        <animate attributeName="href" values="#a;javascript:alert(6)"/><a href="https://x.nl/javascript:">f</a>
        <a href="javascript&colon;alert(7)">g</a><a href="&amp;javascript:">h</a>
        </svg>
        """
        Self.check(svg, [
            (.scriptURL("href"), 2, 4), (.scriptURL("xlink:href"), 2, 39), (.scriptURL("href"), 3, 4), (.scriptURL("href"), 3, 53),
            (.scriptURL("href"), 4, 4), (.scriptURL("to"), 4, 58), (.scriptURL("values"), 5, 31), (.scriptURL("href"), 6, 4),
        ])
    }

    /// A comment or CDATA section is text: markup in it is not reported, even across lines.
    @Test func commentsAndCDATAAreText() {
        let svg = """
        <svg><!-- <script>alert(1)</script>
        <rect onclick="x()"/> --><text><![CDATA[<script>not an element</script> <a href="javascript:x">]]></text>
        <desc>a &lt;script&gt; in text</desc><rect title="<script> in a value > here" /></svg>
        """
        Self.check(svg, [])
    }

    @Test func entityDeclarationsAndStyleSheets() {
        let svg = """
        <?xml-stylesheet type="text/xsl" href="evil.xsl"?>
        <!DOCTYPE svg [
          <!-- a comment with > in it -->
          <!ENTITY x "<script>alert(1)</script>">
        ]>
        <svg>&x;</svg>
        """
        Self.check(svg, [(.styleSheetInstruction, 1, 1), (.entityDeclaration, 4, 3)])
    }

    @Test func columnsCountCharactersAndFileEndsAreReported() {
        Self.check("<svg><text>één 😀</text><script/></svg>", [(.script, 1, 24)])
        Self.check("<svg><rect width='1'", [(.unterminatedMarkup, 1, 6)])
        Self.check("<svg><!-- open", [(.unterminatedMarkup, 1, 6)])
        Self.check("<svg>\r\n<a href='x' onclick=\"y\"", [(.unterminatedMarkup, 2, 1)])
    }

    @Test func messagesNameTheProblem() {
        let problems = SVGSafety.problems(in: Data("<svg onload='x'><script/></svg>".utf8))
        #expect(problems.map(\.description) == [
            "The SVG has an event attribute 'onload', which runs script.",
            "The SVG contains a <script> element.",
        ])
    }
}
