import XCTest
@testable import Kennisbank
@testable import KennisbankMarkdown
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The CommonMark spec examples, sent through the linking steps of the pipeline: where an example
/// holds no concept, wikilink or citation, the result is exactly what cmark renders by itself.
final class SpecThroughPipelineTests: XCTestCase {
    func testSpecExamplesWithoutKnowledgeBaseSyntaxRenderExactlyAsCmark() throws {
        let concept = Concept(item: ContentItem(id: ContentID(.concept, "niet-weten"), title: "Niet-weten", aliases: ["not-knowing"],
                                                source: SourceFile(path: "c.md", text: ""), document: MarkdownDocument(blocks: [])))
        let referenceSource = SourceFile(path: "r.md", text: "## Literatuur\n\n- Kegan, R. (1994). *In over our heads*.\n")
        let (library, _) = ReferenceLibrary.build(articles: [(slug: "r", source: referenceSource, document: Cmark.parse(referenceSource.text))],
                                                  bibliographies: [])
        let index = TargetIndex(items: [concept.item])
        let wikilinks = WikilinkResolver(index: index, headings: [:])
        let citations = CitationLinker(library: library)
        let concepts = ConceptLinker(concepts: [concept], scope: .every)
        let expander = EmbedExpander(miniatures: [], index: index)

        var compared = 0, changed = 0
        for example in try SpecExample.load("CommonMark/spec-0.30.txt") {
            let source = SourceFile(path: "spec.md", text: example.markdown)
            let parsed = Cmark.parse(example.markdown)
            let (expanded, _, _) = expander.expand(parsed, owner: ContentID(.article, "spec"), source: source)
            let (withLinks, targets, linkProblems) = wikilinks.resolve(expanded, source: source)
            let (withCitations, uses, citationProblems) = citations.link(withLinks, source: source)
            let (linked, mentions) = concepts.link(withCitations, on: ContentID(.article, "spec"))
            let touched = !targets.isEmpty || !linkProblems.isEmpty || !uses.isEmpty || !citationProblems.isEmpty || !mentions.isEmpty
            let ours = Cmark.renderHTML(linked.blocks, options: .init(unsafeHTML: true))
            let theirs = Cmark.renderDirectly(example.markdown, unsafeHTML: true)
            if touched {
                changed += 1
                continue
            }
            XCTAssertEqual(ours, theirs, "example \(example.number) (\(example.section))")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 600)
        XCTAssertLessThan(changed, 30)
    }
}
