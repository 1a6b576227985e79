import Foundation
import KennisbankMarkdown

/// The byline an article's text opens with, such as *C.J. Goedmakers, Executive Coach bij uātēs*: a paragraph
/// that is only emphasis and starts with the name of one of the article's authors. The article's header shows
/// it in place of the bare list of authors, and the text goes on without it, so the page has one byline and
/// every word the author wrote. The e-book's chapters do the same.
package struct Byline: Equatable {
    /// The byline's text, without its emphasis.
    package var text: String
    /// The article's document without the byline.
    package var rest: MarkdownDocument

    /// The byline `document` opens with, or `nil` when its first block is no byline of one of `authors`.
    package init?(of document: MarkdownDocument, authors: [String]) {
        guard let first = document.blocks.first, case .paragraph = first.kind, first.inlines.count == 1,
              case .emphasis(let children) = first.inlines[0] else { return nil }
        let text = children.plainText.trimmingCharacters(in: .whitespaces)
        guard authors.contains(where: { !$0.isEmpty && text.hasPrefix($0) }) else { return nil }
        self.text = text
        self.rest = MarkdownDocument(blocks: Array(document.blocks.dropFirst()))
    }
}
