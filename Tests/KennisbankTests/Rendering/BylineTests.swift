import XCTest
@testable import KennisbankMarkdown
@testable import KennisbankRendering

/// The byline an article opens with is shown once, in its header: a paragraph of only emphasis that starts
/// with one of the article's authors. Anything else stays in the text.
final class BylineTests: XCTestCase {
    private let authors = ["C.J. Goedmakers"]

    func testAnEmphasisedOpeningLineWithAnAuthorsNameIsTheByline() throws {
        let document = Cmark.parse("*C.J. Goedmakers, Executive Coach bij uātēs - the art of leadership*\n\n## Samenvatting\n\nTekst.\n")
        let byline = try XCTUnwrap(Byline(of: document, authors: authors))
        XCTAssertEqual(byline.text, "C.J. Goedmakers, Executive Coach bij uātēs - the art of leadership")
        XCTAssertEqual(byline.rest.blocks, Array(document.blocks.dropFirst()))
    }

    func testOtherOpeningsStayInTheText() {
        for markdown in [
            "C.J. Goedmakers, Executive Coach\n",             // not emphasised
            "*Een andere auteur, coach*\n",                    // no author of the article
            "*C.J. Goedmakers* schreef dit artikel.\n",        // emphasis and more text
            "## C.J. Goedmakers\n",                            // a heading
            "Tekst.\n\n*C.J. Goedmakers, coach*\n",            // not the first block
        ] {
            XCTAssertNil(Byline(of: Cmark.parse(markdown), authors: authors), markdown)
        }
        XCTAssertNil(Byline(of: Cmark.parse("*C.J. Goedmakers, coach*\n"), authors: []), "an article without authors has no byline")
    }
}
