/// Where a block stands while a ``MarkdownDocument`` is rewritten.
public struct BlockContext: Sendable {
    /// The kinds of the blocks that contain this one, outermost first.
    public var ancestors: [BlockNode.Kind]
    /// The anchor of the nearest heading above this block, or `nil` before the first heading.
    public var sectionAnchor: String?
    /// The text of the nearest heading above this block, or `nil`.
    public var sectionTitle: String?

    /// Whether the block sits inside an engine wrapper with this class (for example an embedded miniature).
    public func isInside(cssClass: String) -> Bool {
        ancestors.contains { if case .section(_, _, let c) = $0 { return c.split(separator: " ").contains(Substring(cssClass)) } else { return false } }
    }

    /// Whether the block is a paragraph directly inside an item of a tight list (rendered without `<p>`).
    public var isInTightList: Bool {
        guard ancestors.count >= 2, case .item = ancestors[ancestors.count - 1],
              case .list(let attributes) = ancestors[ancestors.count - 2] else { return false }
        return attributes.tight
    }
}

extension MarkdownDocument {
    /// Visits every block in document order (a parent before its children) and lets `visit` change it.
    ///
    /// Headings update ``BlockContext/sectionAnchor`` for the blocks after them. Children are visited
    /// after `visit` has run on their parent, so a rewrite that replaces children is then walked.
    public mutating func rewriteBlocks(_ visit: (inout BlockNode, BlockContext) throws -> Void) rethrows {
        var context = BlockContext(ancestors: [], sectionAnchor: nil, sectionTitle: nil)
        try Self.rewrite(&blocks, context: &context, visit)
    }

    /// Visits every block in document order without changing it.
    public func forEachBlock(_ visit: (BlockNode, BlockContext) throws -> Void) rethrows {
        var copy = self
        try copy.rewriteBlocks { block, context in try visit(block, context) }
    }

    private static func rewrite(_ blocks: inout [BlockNode], context: inout BlockContext,
                                _ visit: (inout BlockNode, BlockContext) throws -> Void) rethrows {
        for index in blocks.indices {
            try visit(&blocks[index], context)
            if case .heading(_, let anchor) = blocks[index].kind, context.ancestors.isEmpty {
                context.sectionAnchor = anchor
                context.sectionTitle = blocks[index].inlines.plainText
            }
            guard !blocks[index].children.isEmpty else { continue }
            context.ancestors.append(blocks[index].kind)
            try rewrite(&blocks[index].children, context: &context, visit)
            context.ancestors.removeLast()
        }
    }
}

/// Rewrites the running text of inline content, leaving code, raw HTML, links and images alone.
public enum InlineRewriter {
    /// Replaces text nodes: `transform` gets the text of each text node outside links and code and
    /// returns the nodes to put in its place, or `nil` to keep it. Emphasis is entered.
    public static func rewriteText(_ inlines: [InlineNode], _ transform: (String) throws -> [InlineNode]?) rethrows -> [InlineNode] {
        var result: [InlineNode] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .text(let text):
                if let replacement = try transform(text) { result.append(contentsOf: replacement) } else { result.append(inline) }
            case .emphasis(let children):
                result.append(.emphasis(try rewriteText(children, transform)))
            case .strong(let children):
                result.append(.strong(try rewriteText(children, transform)))
            default:
                result.append(inline)
            }
        }
        return result
    }

    /// Joins neighbouring text nodes, as cmark's `cmark_consolidate_text_nodes` does.
    public static func consolidate(_ inlines: [InlineNode]) -> [InlineNode] {
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
