import KennisbankCore

/// Turns the images that stand alone in their paragraph into figures, with the caption the author wrote below them.
///
/// The rule, for blocks at the top level of a document:
/// - a paragraph that holds one image and nothing else (`![Beschrijving](../images/figuur-1.png)`) becomes a
///   ``Figure``;
/// - the paragraph right after it is its caption when all of its text is in italics and begins with "Figuur" and a
///   number (`*Figuur 1. Hele professionele ruimte door interactie en integratie.*`), the way the series prints its
///   captions; the caption keeps its words (without the italics, which the page's style gives it) and the figure
///   takes its number, which names its anchor (`figuur-1`).
/// An image with an empty destination (`![]()`) is a figure whose file is not there yet: the page says so, and
/// `check` lists it for the author.
package enum Figures {
    /// The document with its figures grouped. Figures among the first ``eagerBlocks`` blocks load with the page,
    /// the others when they come near the screen.
    package static func group(_ document: MarkdownDocument) -> MarkdownDocument {
        guard document.blocks.contains(where: { image(in: $0) != nil }) else { return document }
        var blocks: [BlockNode] = []
        blocks.reserveCapacity(document.blocks.count)
        var index = 0
        while index < document.blocks.count {
            let block = document.blocks[index]
            index += 1
            guard let (source, title, description) = image(in: block) else {
                blocks.append(block)
                continue
            }
            var figure = Figure(source: source, alt: description.plainText, title: title, isLazy: blocks.count >= eagerBlocks)
            var caption: [BlockNode] = []
            if index < document.blocks.count, let (number, inlines) = captionOf(document.blocks[index]) {
                figure.number = number
                var paragraph = document.blocks[index]
                paragraph.inlines = inlines
                caption = [paragraph]
                index += 1
            }
            blocks.append(BlockNode(kind: .figure(figure), children: caption, range: block.range))
        }
        return MarkdownDocument(blocks: blocks)
    }

    /// How many blocks at the top of a page have their figures loaded at once.
    package static let eagerBlocks = 3

    /// The image of a paragraph that holds one image and nothing else (spaces and line breaks around it aside).
    static func image(in block: BlockNode) -> (String, String, [InlineNode])? {
        guard case .paragraph(nil) = block.kind else { return nil }
        var found: (String, String, [InlineNode])?
        for inline in block.inlines {
            switch inline {
            case .image(let source, let title, let children) where found == nil: found = (source, title, children)
            case .softBreak, .lineBreak: continue
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            default: return nil
            }
        }
        return found
    }

    /// The number and words of a caption paragraph: all of it in italics, beginning with "Figuur" and a number.
    static func captionOf(_ block: BlockNode) -> (Int, [InlineNode])? {
        guard case .paragraph(nil) = block.kind, block.inlines.count == 1,
              case .emphasis(let children) = block.inlines[0] else { return nil }
        guard let number = number(in: children.plainText) else { return nil }
        return (number, children)
    }

    /// The number of a caption's text that begins "Figuur 3" (any case), or `nil`.
    static func number(in caption: String) -> Int? {
        let words = caption.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" }).prefix(2)
        guard words.count == 2, words[0].lowercased() == "figuur" else { return nil }
        let digits = words[1].prefix(while: \.isASCII).prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 4, digits.count == words[1].count || ".:".contains(words[1][digits.endIndex]) else { return nil }
        return Int(digits)
    }
}
