import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking

/// The reference lists themselves: the APA 7 order of the library and the entries that are incomplete.
final class ReferenceListTests: XCTestCase {
    private func library(_ markdown: String) -> (ReferenceLibrary, [Diagnostic]) {
        let source = SourceFile(path: "a.md", text: markdown)
        return ReferenceLibrary.build(articles: [(slug: "a", source: source, document: Cmark.parse(source.text))], bibliographies: [])
    }

    func testReferencesAreInAPAOrder() {
        let (library, _) = library("""
            ## Literatuur

            - Collinson, K. (1990). *Later in het alfabet*. Boom.
            - Collins, J., & Porras, J. I. (1994). *Built to last*. HarperBusiness.
            - Petriglieri, G., Wood, J. D., & Petriglieri, J. L. (2011). Up close and personal. *Journal*, 10(3), 430–450.
            - Collins, J. (2001). *Good to great*. HarperBusiness.
            - Petriglieri, G., & Petriglieri, J. L. (2010). Identity workspaces. *Journal*, 9(1), 44–60.
            - Collins, J., & Hansen, M. T. (2011). *Great by choice*. HarperBusiness.
            - Güell, M. (2013b). *Tweede*. SAGE.
            - Petriglieri, G. (2011). Identity workspaces for leadership development. SAGE.
            - Güell, M. (2013a). *Eerste*. SAGE.
            - Berg, A. (2011). *Met jaar*. Boom.
            - Berg, A. (n.d.). *Zonder jaar*. Boom.
            - Van Es, R. (2008). *Professionele ruimte*. Vakmedianet.
            """)
        // One author before the same author with others, those by their further authors, then by year; same authors
        // and year by their letters; a work without a date before the dated works of the same author.
        XCTAssertEqual(library.references.map(\.key), ["bergnd", "berg2011", "collins2001", "collins2011", "collins1994", "collinson1990",
                                                      "guell2013a", "guell2013b", "petriglieri2011b", "petriglieri2010",
                                                      "petriglieri2011a", "vanes2008"])
        XCTAssertEqual(library.listed(inArticle: "a"), library.references.map(\.key))
        XCTAssertEqual(library.keys(forArticle: "a", cited: []), library.references.map(\.key))
    }

    func testAReferenceWithoutTitleOrSourceIsAWarningAtItsLine() {
        let (library, diagnostics) = library("""
            ## Literatuur

            - Bion. (1967).
            - Collins. (2001). *Good to great*.
            - Kegan, R. (1994). *In over our heads*. Harvard University Press.
            - DeRue, D. S., & Ashford, S. J. (2010). Who will lead and who will follow? *Academy of Management Review*, 35(4), 627–647.
            - VPRO. (2015, 15 februari). *Het einde van de manager* [Televisie-uitzending]. https://www.vpro.nl/tegenlicht
            - Semler, R. (2013)
            """)
        XCTAssertEqual(diagnostics, [
            Diagnostic(path: "a.md", position: SourcePosition(line: 3, column: 1), severity: .warning, code: .incompleteReference,
                       message: "The reference 'Bion. (1967).' is incomplete: APA 7 needs a title and a source (publisher, journal or web address) after the year."),
            Diagnostic(path: "a.md", position: SourcePosition(line: 4, column: 1), severity: .warning, code: .incompleteReference,
                       message: "The reference 'Collins. (2001). Good to great.' is incomplete: APA 7 needs a source (publisher, journal or web address) after the title."),
            Diagnostic(path: "a.md", position: SourcePosition(line: 8, column: 1), severity: .warning, code: .incompleteReference,
                       message: "The reference 'Semler, R. (2013)' is incomplete: APA 7 needs a title and a source (publisher, journal or web address) after the year."),
        ])
        // An incomplete reference is still a reference: it is listed and can be cited.
        XCTAssertEqual(library.references.map(\.key), ["bion1967", "collins2001", "derue2010", "kegan1994", "semler2013", "vpro2015"])
    }

    func testTheSourceIsWhatFollowsTheTitle() {
        XCTAssertEqual(ReferenceParser.parse("Kegan, R. (1994). *In over our heads*. Harvard University Press.")?.source, "Harvard University Press.")
        XCTAssertEqual(ReferenceParser.parse("Bion. (1967).")?.isComplete, false)
        XCTAssertEqual(ReferenceParser.parse("Collins. (2001). Good to great.")?.title, "Good to great")
        XCTAssertNil(ReferenceParser.parse("Collins. (2001). Good to great.")?.source)
    }
}
