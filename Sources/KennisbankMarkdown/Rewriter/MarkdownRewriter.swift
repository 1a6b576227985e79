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

    /// What stepping into a block's children changed, for ``leave(_:)`` to undo.
    fileprivate typealias Entered = (parent: BlockNode.Kind?, grandparent: BlockNode.Kind?, wrappers: Int)

    /// The context of the blocks after `block`, which was just visited: a heading at the top level starts a section.
    fileprivate mutating func pass(_ block: BlockNode) {
        if case .heading(_, let anchor) = block.kind, depth == 0 {
            sectionAnchor = anchor
            sectionTitle = block.inlines.plainText
        }
    }

    /// The context of `block`'s children.
    fileprivate mutating func enter(_ block: BlockNode) -> Entered {
        let entered = (parent, grandparent, wrapperClasses.count)
        depth += 1
        grandparent = parent
        parent = block.kind
        if case .section(_, _, let cssClass) = block.kind { wrapperClasses.append(cssClass) }
        return entered
    }

    /// The context after the children of a block, back where ``enter(_:)`` found it.
    fileprivate mutating func leave(_ entered: Entered) {
        depth -= 1
        (parent, grandparent) = (entered.parent, entered.grandparent)
        wrapperClasses.removeLast(wrapperClasses.count - entered.wrappers)
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

    /// Visits every block in document order without changing it, in the contexts ``rewriteBlocks(_:)`` gives.
    ///
    /// It reads the tree in place: a rewrite of a copy of the document would copy every array of blocks it passes
    /// through (the document is shared), and the search index walks every page so.
    package func forEachBlock(_ visit: (BlockNode, BlockContext) throws -> Void) rethrows {
        var context = BlockContext(depth: 0, parent: nil, grandparent: nil, wrapperClasses: [], sectionAnchor: nil, sectionTitle: nil)
        try Self.walk(blocks, context: &context, visit)
    }

    private static func rewrite(_ blocks: inout [BlockNode], context: inout BlockContext,
                                _ visit: (inout BlockNode, BlockContext) throws -> Void) rethrows {
        for index in blocks.indices {
            try visit(&blocks[index], context)
            context.pass(blocks[index])
            guard !blocks[index].children.isEmpty else { continue }
            let entered = context.enter(blocks[index])
            try rewrite(&blocks[index].children, context: &context, visit)
            context.leave(entered)
        }
    }

    private static func walk(_ blocks: [BlockNode], context: inout BlockContext,
                             _ visit: (BlockNode, BlockContext) throws -> Void) rethrows {
        for block in blocks {
            try visit(block, context)
            context.pass(block)
            guard !block.children.isEmpty else { continue }
            let entered = context.enter(block)
            try walk(block.children, context: &context, visit)
            context.leave(entered)
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
