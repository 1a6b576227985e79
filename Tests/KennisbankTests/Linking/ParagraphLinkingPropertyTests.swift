import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking

/// Citations and concept mentions found in one pass over a block's inlines (``ConceptLinker`` given the
/// ``CitationLinker``'s texts, as ``SiteLinker`` links a page) against the two walks one after the other, the
/// citations first: the same nodes, citations, problems and mentions, on random documents made of citations of every
/// form (resolved, ambiguous, unknown), concept names, emphasis, code, links, line breaks, headings (a reference
/// list's among them) and lists.
final class ParagraphLinkingPropertyTests: XCTestCase {
    private static let references = """
        ## Literatuur

        - Kegan, R. (1994). *In over our heads*. Harvard University Press.
        - Petriglieri, G. (2011). Identity workspaces for leadership development. SAGE.
        - Petriglieri, G., Wood, J. D., & Petriglieri, J. L. (2011). Up close and personal. *Academy*, 10(3), 430–450.
        - Sommer, K., Howell, J. P., & Hadley, C. N. (2010). Keeping positive. *Journal*, 95(3), 434–445.
        - Güell, M. (2013a). Eerste. SAGE.
        - Pont, J. (2013). *Hechting*. Boom.
        - Kahneman, D. (2011). *Thinking, fast and slow*. Penguin.
        """

    private static let concepts = [
        LinkingFixtures.concept("niet-weten", "Niet-weten", ["niet weten"]), LinkingFixtures.concept("weten", "Weten"),
        LinkingFixtures.concept("identiteit", "Identiteit"), LinkingFixtures.concept("professionele-identiteit", "Professionele identiteit"),
        LinkingFixtures.concept("identity-workspace", "Identity workspace"), LinkingFixtures.concept("kegan", "Kegan"),
        LinkingFixtures.concept("a", "Eigen pagina"),
    ]

    /// Pieces random documents are made of.
    private static let pieces = [
        "Kegan (1994)", "(Pont, 2013)", "(Sommer e.a., 2010; Kegan, 1994)", "van Kahneman (2011)", "Petriglieri (2011)",
        "Onbekend (2000)", "Kegan (1995)", "[@kegan1994]", "[@onbekend]", "Güell (2013a)", "(zie Kegan, 1994, p. 3)", "Kegan",
        "identiteit", "Identiteit", "niet-weten", "niet weten", "weten", "professionele identiteit", "Identity workspace", "eigen pagina",
        "*", "**", "_", "`code Kegan (1994)`", "[link Kegan (1994)](x)", "[[identiteit]]", "<b>", "\\(", "(", ")", "1994", "é", "’",
        " ", " ", " ", "  \n", "\n", "\n\n", "\n\n- ", "\n\n# Kop\n\n", "\n\n## Literatuur\n\n", "\n\n> ", "en", "de", ".", ",",
    ]

    func testOnePassLinksWhatTheCitationWalkThenTheConceptWalkLink() {
        let citations = LinkingFixtures.citationLinker(references: Self.references)
        let page = ContentID(.concept, "a")
        var generator = SeededGenerator(seed: 2026)
        var (linkedCitations, linkedMentions) = (0, 0)
        for _ in 0..<1_500 {
            let (markdown, concepts, file, document) = LinkingFixtures.randomCase(of: Self.pieces, concepts: Self.concepts, using: &generator)

            var twoWalks = document, oneWalk = document
            var (usesTwo, problemsTwo, stateTwo) = ([CitationUse](), [Diagnostic](), ConceptLinker.PageState())
            twoWalks.rewriteBlocks { block, context in
                citations.link(&block, context: context, source: file, uses: &usesTwo, diagnostics: &problemsTwo)
                concepts.link(&block, context: context, on: page, source: file, state: &stateTwo)
            }
            var (usesOne, problemsOne, stateOne) = ([CitationUse](), [Diagnostic](), ConceptLinker.PageState())
            oneWalk.rewriteBlocks { block, context in
                var paragraph = citations.paragraph(block, context: context, source: file)
                concepts.link(&block, context: context, on: page, source: file, state: &stateOne) { text in
                    paragraph == nil ? nil : citations.link(text, in: &paragraph!, uses: &usesOne, diagnostics: &problemsOne)
                }
            }
            XCTAssertEqual(oneWalk, twoWalks, markdown.debugDescription)
            XCTAssertEqual(usesOne, usesTwo, markdown.debugDescription)
            XCTAssertEqual(problemsOne, problemsTwo, markdown.debugDescription)
            XCTAssertEqual(stateOne.mentions, stateTwo.mentions, markdown.debugDescription)
            XCTAssertEqual(stateOne.mentions.map(\.context), stateTwo.mentions.map(\.context), markdown.debugDescription)
            linkedCitations += usesOne.count
            linkedMentions += stateOne.mentions.filter(\.linked).count
        }
        // The documents hold what is compared.
        XCTAssertGreaterThan(linkedCitations, 1_000)
        XCTAssertGreaterThan(linkedMentions, 1_000)
    }
}
