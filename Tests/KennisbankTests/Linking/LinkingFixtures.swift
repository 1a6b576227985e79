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
}
