@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking

/// What the linking tests build their sites from: concepts without a file, a citation linker over a reference list,
/// random documents made of pieces.
enum LinkingFixtures {
    /// A concept with a title, aliases and a linking rule, and an empty page.
    static func concept(_ slug: String, _ title: String, _ aliases: [String] = [], linking: ConceptLinkingRule = .automatic) -> Concept {
        Concept(item: ContentItem(id: ContentID(.concept, slug), title: title, aliases: aliases,
                                  source: SourceFile(path: "\(slug).md", text: ""), document: MarkdownDocument(blocks: [])),
                linking: linking)
    }

    /// The citation linker of the references listed in `markdown` (an article's "Literatuur" list).
    static func citationLinker(references markdown: String) -> CitationLinker {
        let source = SourceFile(path: "a.md", text: markdown)
        let (library, _) = ReferenceLibrary.build(articles: [(slug: "a", source: source, document: Cmark.parse(source.text))], bibliographies: [])
        return CitationLinker(library: library)
    }

    /// Markdown of up to 30 pieces drawn at random.
    static func markdown(of pieces: [String], using generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// One random case of a one-pass linking property: markdown of `pieces`, the concept linker of `concepts` with a
    /// scope drawn at random, the file and its parsed document with its anchors.
    static func randomCase(of pieces: [String], concepts: [Concept], using generator: inout SeededGenerator)
        -> (markdown: String, concepts: ConceptLinker, file: SourceFile, document: MarkdownDocument) {
        let markdown = markdown(of: pieces, using: &generator)
        let scope = [ConceptLinkingScope.firstPerPage, .firstPerSection, .every].randomElement(using: &generator)!
        var document = Cmark.parse(markdown)
        Anchors.assign(in: &document)
        return (markdown, ConceptLinker(concepts: concepts, scope: scope), SourceFile(path: "p.md", text: markdown), document)
    }
}
