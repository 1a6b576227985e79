import KennisbankCore

/// A block element of a markdown document, copied out of cmark's tree into a Swift value.
package struct BlockNode: Hashable, Sendable {
    /// What kind of block this is, with the attributes of that kind.
    package var kind: Kind
    /// Child blocks (for block quotes, lists, list items, embeds).
    package var children: [BlockNode]
    /// Inline content (for paragraphs and headings).
    package var inlines: [InlineNode]
    /// Where the block stands in its source file.
    package var range: SourceRange

    /// Creates a block node.
    package init(kind: Kind, children: [BlockNode] = [], inlines: [InlineNode] = [], range: SourceRange = .unknown) {
        self.kind = kind
        self.children = children
        self.inlines = inlines
        self.range = range
    }

    /// The kinds of block: cmark's, plus ``Kind/section(id:cssClass:)`` for content the engine wraps.
    package enum Kind: Hashable, Sendable {
        /// A paragraph; `anchor` is its `id` once the engine has numbered it.
        case paragraph(anchor: String?)
        /// A heading of level 1 to 6; `anchor` is its `id` once the engine has given it one.
        case heading(level: Int, anchor: String?)
        /// A block quote.
        case blockQuote
        /// A bullet or ordered list.
        case list(ListAttributes)
        /// One item of a list.
        case item
        /// A fenced or indented code block with its info string.
        case codeBlock(info: String, literal: String)
        /// A block of raw HTML: passed through where the site allows raw HTML (`unsafeHTML`), escaped and shown as a paragraph of text otherwise.
        case htmlBlock(String)
        /// A thematic break (`---`).
        case thematicBreak
        /// An image alone in its paragraph, with its caption as the block's children (see ``Figures``). Boxed, so
        /// that a kind stays as small as it was without figures: walks copy kinds into each level's frame, and a tree
        /// as deep as the nesting limit must still be walked on an ordinary thread's stack.
        indirect case figure(Figure)
        /// A wrapper the engine adds, rendered as `<section>` or `<aside>`-like element with an id and a class.
        case section(element: String, id: String?, cssClass: String)
    }
}

/// The attributes of a list, as cmark parsed them.
package struct ListAttributes: Hashable, Sendable {
    /// Whether the list is ordered (`1.`) rather than a bullet list.
    package var ordered: Bool
    /// The first number of an ordered list.
    package var start: Int
    /// Whether the list is tight (items without `<p>`).
    package var tight: Bool
    /// Whether an ordered list used `)` rather than `.` as delimiter.
    package var parenDelimiter: Bool

    /// Creates list attributes.
    package init(ordered: Bool, start: Int = 1, tight: Bool, parenDelimiter: Bool = false) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.parenDelimiter = parenDelimiter
    }
}

/// A parsed markdown document: its top-level blocks.
package struct MarkdownDocument: Hashable, Sendable {
    /// The top-level blocks, in order.
    package var blocks: [BlockNode]

    /// Creates a document from its blocks.
    package init(blocks: [BlockNode]) {
        self.blocks = blocks
    }

    /// The first paragraph whose anchor is `anchor`, at any depth (in a block quote, a list item or an embedded
    /// miniature as well as at the top), in document order; `nil` when there is none.
    package func paragraph(anchored anchor: String) -> BlockNode? {
        func search(_ blocks: [BlockNode]) -> BlockNode? {
            for block in blocks {
                if block.kind == .paragraph(anchor: anchor) { return block }
                if let found = search(block.children) { return found }
            }
            return nil
        }
        return search(blocks)
    }
}
