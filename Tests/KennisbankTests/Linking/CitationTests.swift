import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

final class CitationTests: XCTestCase {
    private let entries = """
        ## Literatuur

        - DeRue, D. S., & Ashford, S. J. (2010). Who will lead and who will follow? *Academy of Management Review*, 35(4), 627–647.
        - Kegan, R. (1994). *In over our heads: The mental demands of modern life*. Harvard University Press.
        - Petriglieri, G. (2011). Identity workspaces for leadership development. SAGE.
        - Petriglieri, G., & Petriglieri, J. L. (2010). Identity workspaces: The case of business schools. *Academy of Management Learning & Education*, 9(1), 44–60.
        - Petriglieri, G., Wood, J. D., & Petriglieri, J. L. (2011). Up close and personal. *Academy of Management Learning & Education*, 10(3), 430–450.
        - Sommer, K., Howell, J. P., & Hadley, C. N. (2010). Keeping positive. *Journal of Applied Psychology*, 95(3), 434–445.
        - Van Es, R. (2008). Professionele ruimte. Vakmedianet.
        - Güell, M. (2013a). Eerste. SAGE.
        - Pont, J. (2013). *Hechting*. Boom.
        - Ruijters, M. (2015). *Je binnenste buiten*. Vakmedianet.
        - Geen referentie hier
        """

    private func library(_ extra: String = "") -> (ReferenceLibrary, [Diagnostic]) {
        let source = SourceFile(path: "a.md", text: entries + extra)
        return ReferenceLibrary.build(articles: [(slug: "a", source: source, document: Cmark.parse(source.text))], bibliographies: [])
    }

    private func link(_ markdown: String) -> (String, [CitationUse], [Diagnostic]) {
        let source = SourceFile(path: "b.md", text: markdown)
        let (document, uses, diagnostics) = CitationLinker(library: library().0).link(Cmark.parse(markdown), source: source)
        return (Cmark.renderHTML(document.blocks), uses, diagnostics)
    }

    private func link(_ key: String, _ text: String) -> String {
        "<a class=\"citation\" href=\"literatuur/#\(key)\" data-ref=\"\(key)\">\(text)</a>"
    }

    func testParsesAPAEntries() {
        let entry = ReferenceParser.parse("DeRue, D. S., & Ashford, S. J. (2010). Who will lead and who will follow? A social process.")
        XCTAssertEqual(entry, ReferenceParser.Entry(surnames: ["DeRue", "Ashford"], year: "2010", yearSuffix: nil, title: "Who will lead and who will follow?",
                                                      source: "A social process."))
        XCTAssertEqual(ReferenceParser.parse("VPRO. (2015, 15 februari). *Het einde van de manager*.")?.surnames, ["VPRO"])
        XCTAssertEqual(ReferenceParser.parse("Van Es, R. (2013a). Titel.")?.yearSuffix, "a")
        XCTAssertNil(ReferenceParser.parse("Geen referentie hier"))
    }

    func testKeysFoldSurnamesAndTellSameYearWorksApart() {
        let (library, diagnostics) = library()
        XCTAssertEqual(library.references.map(\.key), ["derue2010", "guell2013a", "kegan1994", "petriglieri2011a", "petriglieri2010",
                                                      "petriglieri2011b", "pont2013", "ruijters2015", "sommer2010", "vanes2008"])
        XCTAssertEqual(diagnostics.map(\.code), [.invalidReference])
        XCTAssertEqual(diagnostics.first?.position, SourcePosition(line: 13, column: 1))
        XCTAssertEqual(library.reference(forKey: "petriglieri2011b")?.surnames.count, 3)
    }

    func testTheSameWorkListedTwiceIsOneReference() {
        let (library, _) = library("\n\n## Bronnen\n\n- Kegan, R. (1994). *In over our heads: The mental demands of modern life*. Harvard University Press.\n")
        XCTAssertEqual(library.references.filter { $0.key.hasPrefix("kegan") }.map(\.sources.count), [2])
    }

    func testNarrativeAndParentheticalForms() {
        XCTAssertEqual(link("Zie Kegan (1994) en DeRue en Ashford (2010).").0,
                       "<p>Zie \(link("kegan1994", "Kegan (1994)")) en \(link("derue2010", "DeRue en Ashford (2010)")).</p>\n")
        XCTAssertEqual(link("Zie DeRue &amp; Ashford (2010).").0, "<p>Zie \(link("derue2010", "DeRue &amp; Ashford (2010)")).</p>\n")
        XCTAssertEqual(link("Dit klopt (Pont, 2013; Kegan, 1994).").0,
                       "<p>Dit klopt (\(link("pont2013", "Pont, 2013")); \(link("kegan1994", "Kegan, 1994"))).</p>\n")
        XCTAssertEqual(link("(Sommer e.a., 2010) en (Sommer et al., 2010)").1.map(\.key), ["sommer2010", "sommer2010"])
    }

    func testLocatorsAndParticlesAreKept() {
        XCTAssertEqual(link("Volgens Ruijters (2015, p. 22-23) is het zo.").0,
                       "<p>Volgens \(link("ruijters2015", "Ruijters (2015, p. 22-23)")) is het zo.</p>\n")
        XCTAssertEqual(link("(zie ook Van Es, 2008)").0, "<p>(zie ook \(link("vanes2008", "Van Es, 2008")))</p>\n")
        XCTAssertEqual(link("De psychologie van Kegan (1994).").0, "<p>De psychologie van \(link("kegan1994", "Kegan (1994)")).</p>\n")
    }

    func testSeveralYearsLinkEachWorkAndAuthorCountDecides() {
        let (html, uses, diagnostics) = link("Petriglieri (2010, 2011) spreekt over (Petriglieri e.a., 2011).")
        XCTAssertEqual(uses.map(\.key), ["petriglieri2010", "petriglieri2011a", "petriglieri2011b"])
        XCTAssertTrue(html.hasPrefix("<p>Petriglieri (\(link("petriglieri2010", "2010")), \(link("petriglieri2011a", "2011"))) spreekt"))
        XCTAssertEqual(diagnostics, [])
    }

    func testAmbiguityIsAWarningThatLinksTheFirst() {
        let extra = "\n- Kegan, R. (1994). *Another book*. Elsewhere.\n"
        let source = SourceFile(path: "b.md", text: "Zoals Kegan (1994) zegt.")
        let library = ReferenceLibrary.build(articles: [(slug: "a", source: SourceFile(path: "a.md", text: entries + extra),
                                                         document: Cmark.parse(entries + extra))], bibliographies: []).0
        let (_, uses, diagnostics) = CitationLinker(library: library).link(Cmark.parse(source.text), source: source)
        XCTAssertEqual(uses.map(\.key), ["kegan1994a"])
        XCTAssertEqual(diagnostics.map(\.code), [.ambiguousCitation])
        XCTAssertEqual(diagnostics.first?.position, SourcePosition(line: 1, column: 7))
    }

    func testParticlesBeforeASurnameWithSeveralYearsLinkEachYear() {
        let extra = "\n- Berg, A. van den (n.d.). Zonder jaar.\n- Berg, A. van den (2011). Met jaar.\n"
        for text in ["Zie van den Berg (n. d., 2011).", "Zie (van den Berg, n. d., 2011)."] {
            let source = SourceFile(path: "b.md", text: text)
            let (document, uses, _) = CitationLinker(library: library(extra).0).link(Cmark.parse(text), source: source)
            XCTAssertEqual(uses.map(\.text), ["n. d.", "2011"], text)
            XCTAssertTrue(Cmark.renderHTML(document.blocks).contains(">n. d.</a>, <a"), text)
        }
    }

    func testUnresolvedCitationsAreWarningsWithTheirPlaceAndStayText() {
        let (html, uses, diagnostics) = link("Eerst.\nDan (Kegn, 1994) hier.")
        XCTAssertEqual(html, "<p>Eerst.\nDan (Kegn, 1994) hier.</p>\n")
        XCTAssertEqual(uses, [])
        XCTAssertEqual(diagnostics, [Diagnostic(path: "b.md", position: SourcePosition(line: 2, column: 6), severity: .warning,
                                                code: .unresolvedCitation, message: "The citation 'Kegn, 1994' matches no reference in a Literatuur list or the bibliography.",
                                                hint: "did you mean 'Kegan'?")])
    }

    func testANarrativeCitationOfNoReferenceIsAWarningAtItsPlace() {
        let (html, uses, diagnostics) = link("Eerst.\nZoals Onbekend (1999) en Kegan (2001) schreven.")
        XCTAssertEqual(html, "<p>Eerst.\nZoals Onbekend (1999) en Kegan (2001) schreven.</p>\n")
        XCTAssertEqual(uses, [])
        XCTAssertEqual(diagnostics, [
            Diagnostic(path: "b.md", position: SourcePosition(line: 2, column: 7), severity: .warning, code: .unresolvedCitation,
                       message: "The citation 'Onbekend (1999)' matches no reference in a Literatuur list or the bibliography.",
                       hint: "if it is no citation, write a backslash before the parenthesis: 'Onbekend \\(1999)'"),
            Diagnostic(path: "b.md", position: SourcePosition(line: 2, column: 26), severity: .warning, code: .unresolvedCitation,
                       message: "The citation 'Kegan (2001)' matches no reference in a Literatuur list or the bibliography.",
                       hint: "the references name Kegan with 1994; if it is no citation, write a backslash before the parenthesis: 'Kegan \\(2001)'"),
        ])
        XCTAssertEqual(link("Dit is (Kegan, 2001).").2.map(\.hint), ["the references name Kegan with 1994"])
    }

    func testPandocForms() {
        XCTAssertEqual(link("Zie [@kegan1994, p. 21].").0, "<p>Zie \(link("kegan1994", "[@kegan1994, p. 21]")).</p>\n")
        XCTAssertEqual(link("[@kegan1994; @pont2013]").1.map(\.key), ["kegan1994", "pont2013"])
        XCTAssertEqual(link("[@onbekend]").2.map(\.code), [.unresolvedCitation])
    }

    func testNoCitationsInCodeLinksOrHeadings() {
        XCTAssertEqual(link("`Kegan (1994)` en [Kegan (1994)](x)\n\n# Kegan (1994)\n").1, [])
    }
}
