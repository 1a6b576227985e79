import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking

/// Wikilinks, citations and concept mentions found in one pass over a block's inlines (``ConceptLinker`` reading each
/// level through ``WikilinkScanner/walk(_:_:emit:)``, as ``SiteLinker`` links a page) against the old separate path:
/// a walk for the wikilinks (``WikilinkResolver``), then one for the citations, then one for the mentions. The same
/// nodes, link targets, anchor look-ups, problems (in order, with their places), citations and mentions, on random
/// documents of wikilinks of every form (resolved, unknown, with a label, a heading or a paragraph anchor, split by
/// emphasis or a line break, matching a link reference definition, embeds, stray brackets) mixed with citations,
/// concept names, emphasis, code, links and headings.
final class WikilinkOnePassPropertyTests: XCTestCase {
    private static let references = """
        ## Literatuur

        - Kegan, R. (1994). *In over our heads*. Harvard University Press.
        - Petriglieri, G. (2011). Identity workspaces for leadership development. SAGE.
        - Petriglieri, G., Wood, J. D., & Petriglieri, J. L. (2011). Up close and personal. *Academy*, 10(3), 430–450.
        - Pont, J. (2013). *Hechting*. Boom.
        """

    private static let concepts = [
        LinkingFixtures.concept("niet-weten", "Niet-weten", ["niet weten"]), LinkingFixtures.concept("weten", "Weten"),
        LinkingFixtures.concept("identiteit", "Identiteit"), LinkingFixtures.concept("kegan", "Kegan"),
        LinkingFixtures.concept("a", "Eigen pagina"),
    ]

    /// Pieces random documents are made of.
    private static let pieces = [
        "[[identiteit]]", "[[Identiteit]]", "[[weten|het weten]]", "[[kegan#Kop]]", "[[kegan#Andere kop]]", "[[identiteit#eigen]]",
        "[[identiteit#vreemd]]", "[[onbekend]]", "[[onbekend|Kegan (1994)]]", "[[weten|identiteit]]", "[[niet weten]]", "[[a]]",
        "![[identiteit]]", "[[*weten*]]", "[[`x`]]", "[[weten\n]]", "[[ weten ]]", "[[]]", "[[|]]", "[[#]]", "[[weten", "weten]]",
        "[[", "]]", "[", "]", "|", "#", "!", "[weten]", "\n\n[weten]: /x\n\n", "&#10;", "&#91;",
        "Kegan (1994)", "(Pont, 2013)", "Petriglieri (2011)", "Onbekend (2000)", "[@kegan1994]", "(zie Kegan, 1994, p. 3)",
        "identiteit", "Identiteit", "niet-weten", "niet weten", "weten", "eigen pagina", "Kegan",
        "*", "**", "_", "`code [[weten]]`", "[link [[weten]]](x)", "<b>", "\\(", "(", ")", "é", "’",
        " ", " ", "  \n", "\n", "\n\n", "\n\n- ", "\n\n# Kop [[weten]]\n\n", "\n\n## Literatuur\n\n", "\n\n> ", "en", ".", ",",
    ]

    func testOnePassLinksWhatTheWikilinkWalkThenTheOtherWalksLink() {
        let citations = LinkingFixtures.citationLinker(references: Self.references)
        let wikilinks = WikilinkResolver(index: TargetIndex(items: Self.concepts.map(\.item)),
                                         headings: [ContentID(.concept, "kegan"): ["kop": "kop"]],
                                         paragraphs: [ContentID(.concept, "identiteit"): ["eigen"]])
        let page = ContentID(.concept, "a")
        var generator = SeededGenerator(seed: 2627)
        var (linkedWikilinks, wikilinkProblems, linkedCitations, linkedMentions) = (0, 0, 0, 0)
        for _ in 0..<1_500 {
            let (markdown, concepts, file, document) = LinkingFixtures.randomCase(of: Self.pieces, concepts: Self.concepts, using: &generator)

            // The old path: three walks, one after the other.
            var separate = document
            var (targetsOld, lookupsOld, wikiProblemsOld) = ([ContentID](), [WikilinkResolver.ParagraphLookup](), [Diagnostic]())
            separate.rewriteBlocks { block, _ in
                wikilinks.resolve(&block, source: file, targets: &targetsOld, lookups: &lookupsOld, diagnostics: &wikiProblemsOld)
            }
            var (usesOld, problemsOld, stateOld) = ([CitationUse](), [Diagnostic](), ConceptLinker.PageState())
            separate.rewriteBlocks { block, context in
                citations.link(&block, context: context, source: file, uses: &usesOld, diagnostics: &problemsOld)
            }
            separate.rewriteBlocks { block, context in
                concepts.link(&block, context: context, on: page, source: file, state: &stateOld)
            }

            // The one pass, as the site linker makes it.
            var onePass = document
            var (targets, lookups, wikiProblems) = ([ContentID](), [WikilinkResolver.ParagraphLookup](), [Diagnostic]())
            var (uses, problems, state) = ([CitationUse](), [Diagnostic](), ConceptLinker.PageState())
            onePass.rewriteBlocks { block, context in
                let start = block.range.start
                var paragraph = citations.paragraph(block, context: context, source: file)
                concepts.link(&block, context: context, on: page, source: file, state: &state, texts: { text in
                    paragraph == nil ? nil : citations.link(text, in: &paragraph!, uses: &uses, diagnostics: &problems)
                }, wikilinks: { wikilink in
                    wikilinks.resolved(wikilink, inBlockAt: start, source: file, targets: &targets, lookups: &lookups,
                                       diagnostics: &wikiProblems)
                })
            }

            XCTAssertEqual(onePass, separate, markdown.debugDescription)
            XCTAssertEqual(targets, targetsOld, markdown.debugDescription)
            XCTAssertEqual(lookups, lookupsOld, markdown.debugDescription)
            XCTAssertEqual(wikiProblems, wikiProblemsOld, markdown.debugDescription)
            XCTAssertEqual(uses, usesOld, markdown.debugDescription)
            XCTAssertEqual(problems, problemsOld, markdown.debugDescription)
            XCTAssertEqual(state.mentions, stateOld.mentions, markdown.debugDescription)
            XCTAssertEqual(state.mentions.map(\.context), stateOld.mentions.map(\.context), markdown.debugDescription)
            linkedWikilinks += targets.count
            wikilinkProblems += wikiProblems.count
            linkedCitations += uses.count
            linkedMentions += state.mentions.filter(\.linked).count
        }
        // The documents hold what is compared.
        XCTAssertGreaterThan(linkedWikilinks, 1_000)
        XCTAssertGreaterThan(wikilinkProblems, 500)
        XCTAssertGreaterThan(linkedCitations, 500)
        XCTAssertGreaterThan(linkedMentions, 1_000)
    }
}
