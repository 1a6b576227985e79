import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking

/// How a reference is shown: a complete entry as the author wrote it, one that gives only its authors and year as
/// the site cites it, with a quiet note that says so and without the stray full stop after a bare surname.
final class ReferenceDisplayTests: XCTestCase {
    /// The references of one Literatuur list, by key.
    private func references(_ items: [String]) -> [String: Reference] {
        let markdown = "## Literatuur\n\n" + items.map { "- \($0)\n" }.joined()
        let source = SourceFile(path: "a.md", text: markdown)
        let (library, _) = ReferenceLibrary.build(articles: [(slug: "a", source: source, document: Cmark.parse(source.text))], bibliographies: [])
        return Dictionary(uniqueKeysWithValues: library.references.map { ($0.key, $0) })
    }

    /// The HTML of a reference as a reader sees it.
    private func shown(_ reference: Reference?) -> String? {
        reference.map { Cmark.renderHTML(inlines: $0.shownInlines) }
    }

    private let note = " <span class=\"reference-note\">— alleen auteur en jaar bekend</span>"

    func testAnEntryWithOnlyOneAuthorAndAYearIsShownAsCitedWithANote() {
        let refs = references(["Bion. (1967).", "Semler, R. (2013)", "VPRO. (2015)."])
        XCTAssertEqual(shown(refs["bion1967"]), "Bion (1967)" + note)
        // The initials are the author's own, but the site cites by surname: "Semler (2013)", as in the text.
        XCTAssertEqual(shown(refs["semler2013"]), "Semler (2013)" + note)
        XCTAssertEqual(shown(refs["vpro2015"]), "VPRO (2015)" + note)
        XCTAssertEqual(refs["bion1967"]?.shownInlines.plainText, "Bion (1967) — alleen auteur en jaar bekend")
    }

    func testTwoAuthorsAreJoinedWithAnAmpersand() {
        let refs = references(["Collins, & Porras. (1991).", "March, J. G., & Olsen, J. P. (2006)."])
        XCTAssertEqual(shown(refs["collins1991"]), "Collins &amp; Porras (1991)" + note)
        XCTAssertEqual(shown(refs["march2006"]), "March &amp; Olsen (2006)" + note)
    }

    func testSeveralAuthorsOrAnEllipsisAreTheFirstAuthorWithEA() {
        let refs = references(["McAuley, … (2000).", "Sommer, ... (2010).", "Day, D. V., Harrison, M. M., & Halpin, S. M. (2009)."])
        XCTAssertEqual(shown(refs["mcauley2000"]), "McAuley e.a. (2000)" + note)
        XCTAssertEqual(shown(refs["sommer2010"]), "Sommer e.a. (2010)" + note)
        XCTAssertEqual(shown(refs["day2009"]), "Day e.a. (2009)" + note)
        XCTAssertEqual(refs["mcauley2000"]?.surnames, ["McAuley"], "the ellipsis names no author")
    }

    func testTheYearKeepsItsLetterAndAWorkWithoutADateHasOnlyItsAuthor() {
        let refs = references(["Weick. (1995a).", "Weick. (1995b). *Sensemaking in organizations*. SAGE.", "Bergman. (n.d.)."])
        XCTAssertEqual(shown(refs["weick1995a"]), "Weick (1995a)" + note)
        XCTAssertEqual(shown(refs["bergmannd"]), "Bergman (n.d.) <span class=\"reference-note\">— alleen auteur bekend</span>")
    }

    func testAnEntryWithATitleKeepsTheAuthorsOwnForm() {
        let refs = references([
            "Kegan, R. (1994). *In over our heads*. Harvard University Press.",
            "Collins. (2001). *Good to great*.",
            "DeRue, D. S., & Ashford, S. J. (2010). Who will lead and who will follow? *Academy of Management Review*, 35(4), 627–647.",
        ])
        XCTAssertEqual(shown(refs["kegan1994"]), "Kegan, R. (1994). <em>In over our heads</em>. Harvard University Press.")
        // A title without a source is the author's text as written: `check` asks for the source, nothing is hidden.
        XCTAssertEqual(shown(refs["collins2001"]), "Collins. (2001). <em>Good to great</em>.")
        XCTAssertEqual(refs["derue2010"]?.shownInlines, refs["derue2010"]?.inlines)
        XCTAssertEqual(refs["derue2010"]?.citation, "DeRue & Ashford (2010)")
        for reference in refs.values { XCTAssertFalse(reference.isAuthorAndYearOnly, reference.key) }
    }

    func testTheSummaryCountsTheEntriesThatGiveOnlyAuthorsAndYear() {
        let complete = "Kegan, R. (1994). *In over our heads*. Harvard University Press."
        let sorted = { (items: [String]) in self.references(items).values.sorted { $0.key < $1.key } }
        XCTAssertNil(sorted([complete]).incompletenessSummary)
        XCTAssertEqual(sorted([complete, "Bion. (1967)."]).incompletenessSummary,
                       "1 van de 2 bronnen is onvolledig: alleen auteur en jaar bekend.")
        XCTAssertEqual(sorted([complete, "Bion. (1967).", "Weick. (1995).", "Collins. (2001). *Good to great*."]).incompletenessSummary,
                       "2 van de 4 bronnen zijn onvolledig: alleen auteur en jaar bekend.")
        XCTAssertEqual(sorted(["Bion. (1967).", "Bergman. (n.d.)."]).incompletenessSummary,
                       "2 van de 2 bronnen zijn onvolledig: alleen auteur en jaar, of alleen auteur, bekend.")
    }

    func testTheParserTellsAnEllipsisAfterTheAuthors() {
        XCTAssertEqual(ReferenceParser.parse("McAuley, … (2000).")?.authorsAbbreviated, true)
        XCTAssertEqual(ReferenceParser.parse("McAuley, J. (2000).")?.authorsAbbreviated, false)
        XCTAssertEqual(ReferenceParser.parse("Bion. (1967).")?.isAuthorAndYearOnly, true)
        XCTAssertEqual(ReferenceParser.parse("Collins. (2001). *Good to great*.")?.isAuthorAndYearOnly, false)
    }
}
