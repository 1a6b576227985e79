import KennisbankCorpus
@testable import KennisbankRendering

/// Random search pages for the tests of the index's layout and files: a title, then one to three sections, each a
/// heading and up to `paragraphs - 1` paragraphs of up to `words - 1` words, drawn by `draw`.
enum RandomSearchPages {
    static func page(_ number: Int, title: String, paragraphs: Int, words: Int, random: inout SeededRandom,
                     draw: (Int, inout SeededRandom) -> String) -> SearchPage {
        var blocks = [SearchPage.Block(text: title + draw(2, &random), role: .title, anchor: nil, section: 0)]
        var sections = [SearchPage.Section(heading: nil)]
        for section in 1...(1 + random.below(3)) {
            let heading = draw(1 + random.below(2), &random)
            sections.append(SearchPage.Section(heading: heading))
            blocks.append(SearchPage.Block(text: heading, role: .heading, anchor: "h\(section)", section: section))
            for paragraph in 0..<random.below(paragraphs) {
                blocks.append(SearchPage.Block(text: draw(random.below(words), &random), role: .paragraph,
                                               anchor: "p\(section)-\(paragraph)", section: section))
            }
        }
        return SearchPage(title: "Pagina \(number)", url: "p/\(number)/", kind: "artikel", blocks: blocks, sections: sections, summaryBlock: nil)
    }
}
