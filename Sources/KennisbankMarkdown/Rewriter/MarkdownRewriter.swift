import KennisbankCore

/// Where a block stands while a ``MarkdownDocument`` is rewritten.
package struct BlockContext: Sendable {
    /// How many blocks contain this one (0 at the top level).
    package var depth: Int
    /// The kind of the block that contains this one, and of the block that contains that one.
    package var parent: BlockNode.Kind?, grandparent: BlockNode.Kind?
    /// The classes of the engine wrappers (``BlockNode/Kind/section(element:id:cssClass:)``) around this block.
    package var wrapperClasses: [String]
    /// The anchor of the nearest heading above this block, or `nil` before the first heading.
    package var sectionAnchor: String?
    /// The text of the nearest heading above this block, or `nil`.
    package var sectionTitle: String?

    /// Whether the block sits inside an engine wrapper with this class (for example an embedded miniature).
    package func isInside(cssClass: String) -> Bool {
        wrapperClasses.contains { $0.split(separator: " ").contains(Substring(cssClass)) }
    }

    /// Whether the block is a paragraph directly inside an item of a tight list (rendered without `<p>`).
    package var isInTightList: Bool {
        guard case .item? = parent, case .list(let attributes)? = grandparent else { return false }
        return attributes.tight
    }
}

extension MarkdownDocument {
    /// Visits every block in document order (a parent before its children) and lets `visit` change it.
    ///
    /// Headings update ``BlockContext/sectionAnchor`` for the blocks after them. Children are visited
    /// after `visit` has run on their parent, so a rewrite that replaces children is then walked.
    package mutating func rewriteBlocks(_ visit: (inout BlockNode, BlockContext) throws -> Void) rethrows {
        var context = BlockContext(depth: 0, parent: nil, grandparent: nil, wrapperClasses: [], sectionAnchor: nil, sectionTitle: nil)
        try Self.rewrite(&blocks, context: &context, visit)
    }

    /// Visits every block in document order without changing it.
    package func forEachBlock(_ visit: (BlockNode, BlockContext) throws -> Void) rethrows {
        var copy = self
        try copy.rewriteBlocks { block, context in try visit(block, context) }
    }

    private static func rewrite(_ blocks: inout [BlockNode], context: inout BlockContext,
                                _ visit: (inout BlockNode, BlockContext) throws -> Void) rethrows {
        for index in blocks.indices {
            try visit(&blocks[index], context)
            if case .heading(_, let anchor) = blocks[index].kind, context.depth == 0 {
                context.sectionAnchor = anchor
                context.sectionTitle = blocks[index].inlines.plainText
            }
            guard !blocks[index].children.isEmpty else { continue }
            let saved = (context.parent, context.grandparent, context.wrapperClasses.count)
            context.depth += 1
            context.grandparent = context.parent
            context.parent = blocks[index].kind
            if case .section(_, _, let cssClass) = blocks[index].kind { context.wrapperClasses.append(cssClass) }
            try rewrite(&blocks[index].children, context: &context, visit)
            context.depth -= 1
            (context.parent, context.grandparent) = (saved.0, saved.1)
            context.wrapperClasses.removeLast(context.wrapperClasses.count - saved.2)
        }
    }
}

/// Rewrites the running text of inline content, leaving code, raw HTML, links and images alone.
package enum InlineRewriter {
    /// Replaces text nodes: `transform` gets the text of each text node outside links and code and
    /// returns the nodes to put in its place, or `nil` to keep it. Emphasis is entered.
    package static func rewriteText(_ inlines: [InlineNode], _ transform: (String) throws -> [InlineNode]?) rethrows -> [InlineNode] {
        try rewritten(inlines, transform) ?? inlines
    }

    /// ``rewriteText(_:_:)``, or `nil` when `transform` kept every text: most paragraphs are then not copied.
    private static func rewritten(_ inlines: [InlineNode], _ transform: (String) throws -> [InlineNode]?) rethrows -> [InlineNode]? {
        var result: [InlineNode]?
        for (index, inline) in inlines.enumerated() {
            let replacement: [InlineNode]?
            switch inline {
            case .text(let text): replacement = try transform(text)
            case .emphasis(let children): replacement = try rewritten(children, transform).map { [.emphasis($0)] }
            case .strong(let children): replacement = try rewritten(children, transform).map { [.strong($0)] }
            default: replacement = nil
            }
            if let replacement {
                if result == nil {
                    result = Array(inlines[..<index])
                    result!.reserveCapacity(inlines.count + replacement.count)
                }
                result!.append(contentsOf: replacement)
            } else {
                result?.append(inline)
            }
        }
        return result
    }

    /// Joins neighbouring text nodes, as cmark's `cmark_consolidate_text_nodes` does.
    package static func consolidate(_ inlines: [InlineNode]) -> [InlineNode] {
        var result: [InlineNode] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }
}
