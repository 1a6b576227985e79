import Ccmark
import Foundation
import KennisbankCore

/// The one place that calls the C library cmark.
///
/// cmark parses markdown into its own tree; ``parse(_:smartPunctuation:)`` copies that tree into
/// ``MarkdownDocument`` values and frees the C memory before returning. ``renderHTML(_:options:)``
/// builds a fresh cmark tree from the values, lets cmark render it (so escaping is cmark's; raw HTML
/// is escaped unless allowed and dangerous URLs are blanked in every mode), and frees it again. No C pointer leaves this file.
///
/// Both directions walk the tree with an explicit stack, never with recursion, so a 10,000-deep
/// block quote cannot overflow a thread's stack. The copy is also never deeper than
/// ``maximumNesting``: containers nested deeper are flattened into the last level kept (their text
/// stays), so every later step, whatever its walk, works on a tree of bounded depth.
public enum Cmark {
    /// How many containers (block quotes, lists, list items, emphasis, links) deep a copied tree may be.
    ///
    /// Far beyond any real text, and below the 512 levels at which browsers' HTML parsers stop nesting
    /// elements anyway, so flattening changes nothing a reader could see.
    public static let maximumNesting = 128

    /// Options for rendering HTML.
    public struct RenderOptions: Sendable {
        /// Pass raw HTML through. Off by default: raw HTML is then escaped and shown as text.
        /// In both modes a link or image whose destination is a `javascript:`, `vbscript:`, `file:` or
        /// `data:` URL (other than `data:image/png`, `gif`, `jpeg` or `webp`) gets an empty `href`/`src`;
        /// see ``isDangerousURL(_:)``.
        public var unsafeHTML: Bool
        /// Turns an engine link's site path into the `href` written in the page.
        public var linkResolver: @Sendable (SiteLink) -> String

        /// Creates render options.
        public init(unsafeHTML: Bool = false, linkResolver: @escaping @Sendable (SiteLink) -> String = { $0.rootRelative }) {
            self.unsafeHTML = unsafeHTML
            self.linkResolver = linkResolver
        }
    }

    /// The version of the linked libcmark, for example `0.30.2`.
    public static var version: String { String(cString: cmark_version_string()) }

    /// Parses markdown with cmark and copies the tree into Swift values.
    /// - Parameters:
    ///   - markdown: the markdown text (valid UTF-8, as every Swift string is).
    ///   - smartPunctuation: curl quotes and turn `--` into dashes (`CMARK_OPT_SMART`).
    ///   - lineOffset: added to every line number, for text that stood below front matter.
    public static func parse(_ markdown: String, smartPunctuation: Bool = true, lineOffset: Int = 0) -> MarkdownDocument {
        var options = CMARK_OPT_DEFAULT
        if smartPunctuation { options |= CMARK_OPT_SMART }
        var text = markdown
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let root else { preconditionFailure("cmark_parse_document returned NULL (out of memory)") }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)
        return TreeCopier(lineOffset: lineOffset).copy(root)
    }

    /// Renders blocks to HTML with cmark's HTML renderer.
    public static func renderHTML(_ blocks: [BlockNode], options: RenderOptions = RenderOptions()) -> String {
        guard let root = cmark_node_new(CMARK_NODE_DOCUMENT) else {
            preconditionFailure("cmark_node_new returned NULL (out of memory)")
        }
        defer { cmark_node_free(root) }
        TreeBuilder(options: options).append(blocks, to: root)
        return render(root, unsafe: options.unsafeHTML)
    }

    /// Renders inline content to HTML, without an enclosing `<p>`.
    public static func renderHTML(inlines: [InlineNode], options: RenderOptions = RenderOptions()) -> String {
        guard let root = cmark_node_new(CMARK_NODE_DOCUMENT) else {
            preconditionFailure("cmark_node_new returned NULL (out of memory)")
        }
        defer { cmark_node_free(root) }
        let block = BlockNode(kind: .section(element: "", id: nil, cssClass: ""), inlines: inlines)
        TreeBuilder(options: options).append([block], to: root)
        var html = render(root, unsafe: options.unsafeHTML)
        while html.last?.isNewline == true { html.removeLast() }
        while html.first?.isNewline == true { html.removeFirst() }
        return html
    }

    /// Parses and renders markdown in one step, entirely inside cmark: the reference output
    /// that the pipeline is compared with, and the floor for the benchmark.
    public static func renderDirectly(_ markdown: String, smartPunctuation: Bool = true, unsafeHTML: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT
        if smartPunctuation { options |= CMARK_OPT_SMART }
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, options) else {
                    preconditionFailure("cmark_markdown_to_html returned NULL (out of memory)")
                }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    /// Whether a link or image destination must never reach an `href` or `src`: its scheme, read
    /// case-insensitively after leading and trailing whitespace and control characters are trimmed
    /// and tabs and line breaks inside are removed (as browsers do), is `javascript:`, `vbscript:`,
    /// `file:`, or `data:` other than `data:image/png`, `data:image/gif`, `data:image/jpeg` or
    /// `data:image/webp`.
    public static func isDangerousURL(_ url: String) -> Bool {
        let ignored: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }
        var scalars = Substring(url).unicodeScalars.drop(while: ignored)
        while let last = scalars.last, ignored(last) { scalars = scalars.dropLast() }
        let folded = String(String.UnicodeScalarView(scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where folded.hasPrefix(scheme) { return true }
        guard folded.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { folded.hasPrefix($0) }
    }

    private static func render(_ root: OpaquePointer, unsafe: Bool) -> String {
        let options = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let html = cmark_render_html(root, options) else {
            preconditionFailure("cmark_render_html returned NULL (out of memory)")
        }
        defer { free(html) }
        return String(cString: html)
    }
}

// MARK: - C tree → Swift values

/// Copies a cmark tree into Swift values with an explicit stack of open containers.
private struct TreeCopier {
    let lineOffset: Int

    /// A container that is open while its children are copied.
    private struct Frame {
        var node: OpaquePointer
        var blocks: [BlockNode] = []
        var inlines: [InlineNode] = []
    }

    func copy(_ root: OpaquePointer) -> MarkdownDocument {
        guard let iterator = cmark_iter_new(root) else { preconditionFailure("cmark_iter_new returned NULL") }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var document = MarkdownDocument(blocks: [])
        // Containers entered but not copied because they nest too deep; their children go to the last frame.
        var flattening = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                if let leaf = leafInline(node, type) {
                    stack[stack.count - 1].inlines.append(leaf)
                } else if let leaf = leafBlock(node, type) {
                    stack[stack.count - 1].blocks.append(leaf)
                } else if flatten(type, depth: stack.count, flattening: flattening) {
                    if flattening == 0, stack.count >= 2, cmark_node_get_type(stack[stack.count - 1].node) == CMARK_NODE_ITEM {
                        // The flattened paragraphs become siblings in a list item: a tight list would write them
                        // without <p>, glued together, so the list becomes loose.
                        cmark_node_set_list_tight(stack[stack.count - 2].node, 0)
                    }
                    flattening += 1
                } else {
                    stack.append(Frame(node: node))
                }
                continue
            }
            // EXIT of a flattened container: nothing to close.
            if stack.last?.node != node {
                precondition(flattening > 0, "every container that was not copied was flattened")
                flattening -= 1
                continue
            }
            // EXIT of a container: close it and hand it to its parent.
            let frame = stack.removeLast()
            if type == CMARK_NODE_DOCUMENT {
                document.blocks = frame.blocks
            } else if let inline = closedInline(frame, type) {
                stack[stack.count - 1].inlines.append(inline)
            } else {
                stack[stack.count - 1].blocks.append(closedBlock(frame, type))
            }
        }
        return document
    }

    /// Whether a container is flattened: once the tree is ``Cmark/maximumNesting`` deep, block quotes and
    /// lists (and then everything inside them that holds blocks) and inline containers are dropped, keeping
    /// their contents. Flattening starts only at a block quote or list, whose parent accepts any block, and
    /// paragraphs and headings are always kept, so the copy stays a valid tree.
    private func flatten(_ type: cmark_node_type, depth: Int, flattening: Int) -> Bool {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST: return flattening > 0 || depth >= Cmark.maximumNesting
        case CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK: return flattening > 0
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE:
            return depth >= Cmark.maximumNesting
        default: return false
        }
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func range(_ node: OpaquePointer) -> SourceRange {
        let startLine = max(1, Int(cmark_node_get_start_line(node))) + lineOffset
        let startColumn = max(1, Int(cmark_node_get_start_column(node)))
        let endLine = max(startLine, Int(cmark_node_get_end_line(node)) + lineOffset)
        let endColumn = max(1, Int(cmark_node_get_end_column(node)))
        return SourceRange(start: SourcePosition(line: startLine, column: startColumn),
                           end: SourcePosition(line: endLine, column: endColumn))
    }

    private func leafInline(_ node: OpaquePointer, _ type: cmark_node_type) -> InlineNode? {
        switch type {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .html(string(cmark_node_get_literal(node)))
        default: return nil
        }
    }

    private func leafBlock(_ node: OpaquePointer, _ type: cmark_node_type) -> BlockNode? {
        switch type {
        case CMARK_NODE_CODE_BLOCK:
            return BlockNode(kind: .codeBlock(info: string(cmark_node_get_fence_info(node)),
                                              literal: string(cmark_node_get_literal(node))),
                             range: range(node))
        case CMARK_NODE_HTML_BLOCK:
            return BlockNode(kind: .htmlBlock(string(cmark_node_get_literal(node))), range: range(node))
        case CMARK_NODE_THEMATIC_BREAK:
            return BlockNode(kind: .thematicBreak, range: range(node))
        default:
            return nil
        }
    }

    private func closedInline(_ frame: Frame, _ type: cmark_node_type) -> InlineNode? {
        let node = frame.node
        switch type {
        case CMARK_NODE_EMPH: return .emphasis(frame.inlines)
        case CMARK_NODE_STRONG: return .strong(frame.inlines)
        case CMARK_NODE_LINK:
            return .markdownLink(destination: string(cmark_node_get_url(node)),
                                 title: string(cmark_node_get_title(node)), children: frame.inlines)
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)),
                          title: string(cmark_node_get_title(node)), children: frame.inlines)
        case CMARK_NODE_CUSTOM_INLINE:
            return .emphasis(frame.inlines) // never produced by the parser
        default: return nil
        }
    }

    private func closedBlock(_ frame: Frame, _ type: cmark_node_type) -> BlockNode {
        let node = frame.node
        let kind: BlockNode.Kind
        switch type {
        case CMARK_NODE_PARAGRAPH: kind = .paragraph(anchor: nil)
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)), anchor: nil)
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_LIST:
            kind = .list(ListAttributes(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                        start: Int(cmark_node_get_list_start(node)),
                                        tight: cmark_node_get_list_tight(node) != 0,
                                        parenDelimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM))
        default: kind = .section(element: "div", id: nil, cssClass: "")
        }
        return BlockNode(kind: kind, children: frame.blocks, inlines: frame.inlines, range: range(node))
    }
}

// MARK: - Swift values → C tree

/// Builds a cmark tree from Swift values with an explicit work stack.
private struct TreeBuilder {
    let options: Cmark.RenderOptions

    private enum Work {
        case block(BlockNode, parent: OpaquePointer)
        case inline(InlineNode, parent: OpaquePointer)
    }

    func append(_ blocks: [BlockNode], to root: OpaquePointer) {
        var work: [Work] = blocks.reversed().map { .block($0, parent: root) }
        // Children are pushed last first, so they are popped in order (no array is made for them).
        while let item = work.popLast() {
            switch item {
            case .block(let block, let parent):
                let node = make(block)
                append(node, to: parent)
                for inline in block.inlines.reversed() { work.append(.inline(inline, parent: node)) }
                for child in block.children.reversed() { work.append(.block(child, parent: node)) }
            case .inline(let inline, let parent):
                let (node, children) = make(inline)
                append(node, to: parent)
                for child in children.reversed() { work.append(.inline(child, parent: node)) }
            }
        }
    }

    private func append(_ node: OpaquePointer, to parent: OpaquePointer) {
        let appended = cmark_node_append_child(parent, node)
        precondition(appended != 0, "cmark refused a child of type \(cmark_node_get_type(node)) under \(cmark_node_get_type(parent))")
    }

    private func new(_ type: cmark_node_type) -> OpaquePointer {
        guard let node = cmark_node_new(type) else { preconditionFailure("cmark_node_new returned NULL") }
        return node
    }

    private func make(_ block: BlockNode) -> OpaquePointer {
        switch block.kind {
        case .paragraph(nil):
            return new(CMARK_NODE_PARAGRAPH)
        case .paragraph(let anchor?):
            return custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<p id=\"\(HTML.escape(anchor))\">", exit: "</p>")
        case .heading(let level, nil):
            let node = new(CMARK_NODE_HEADING)
            cmark_node_set_heading_level(node, Int32(level))
            return node
        case .heading(let level, let anchor?):
            return custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<h\(level) id=\"\(HTML.escape(anchor))\">", exit: "</h\(level)>")
        case .blockQuote:
            return new(CMARK_NODE_BLOCK_QUOTE)
        case .item:
            return new(CMARK_NODE_ITEM)
        case .list(let attributes):
            let node = new(CMARK_NODE_LIST)
            cmark_node_set_list_type(node, attributes.ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST)
            cmark_node_set_list_start(node, Int32(attributes.start))
            cmark_node_set_list_tight(node, attributes.tight ? 1 : 0)
            cmark_node_set_list_delim(node, attributes.parenDelimiter ? CMARK_PAREN_DELIM : CMARK_PERIOD_DELIM)
            return node
        case .codeBlock(let info, let literal):
            let node = new(CMARK_NODE_CODE_BLOCK)
            cmark_node_set_fence_info(node, info)
            cmark_node_set_literal(node, literal)
            return node
        case .htmlBlock(let literal):
            guard options.unsafeHTML else {
                // Shown as text: a paragraph holding the literal, which cmark escapes.
                let paragraph = new(CMARK_NODE_PARAGRAPH)
                var text = literal
                while text.last?.isNewline == true { text.removeLast() }
                append(self.literal(CMARK_NODE_TEXT, text), to: paragraph)
                return paragraph
            }
            let node = new(CMARK_NODE_HTML_BLOCK)
            cmark_node_set_literal(node, literal)
            return node
        case .thematicBreak:
            return new(CMARK_NODE_THEMATIC_BREAK)
        case .section(let element, let id, let cssClass):
            guard !element.isEmpty else { return custom(CMARK_NODE_CUSTOM_BLOCK, enter: "", exit: "") }
            var open = "<\(element)"
            if let id { open += " id=\"\(HTML.escape(id))\"" }
            if !cssClass.isEmpty { open += " class=\"\(HTML.escape(cssClass))\"" }
            return custom(CMARK_NODE_CUSTOM_BLOCK, enter: open + ">", exit: "</\(element)>")
        }
    }

    private func make(_ inline: InlineNode) -> (OpaquePointer, [InlineNode]) {
        switch inline {
        case .text(let text): return (literal(CMARK_NODE_TEXT, text), [])
        case .softBreak: return (new(CMARK_NODE_SOFTBREAK), [])
        case .lineBreak: return (new(CMARK_NODE_LINEBREAK), [])
        case .code(let text): return (literal(CMARK_NODE_CODE, text), [])
        case .html(let html):
            // Without unsafeHTML raw HTML is shown as text, which cmark escapes.
            return (literal(options.unsafeHTML ? CMARK_NODE_HTML_INLINE : CMARK_NODE_TEXT, html), [])
        case .emphasis(let children): return (new(CMARK_NODE_EMPH), children)
        case .strong(let children): return (new(CMARK_NODE_STRONG), children)
        case .markdownLink(let destination, let title, let children):
            let node = new(CMARK_NODE_LINK)
            cmark_node_set_url(node, Cmark.isDangerousURL(destination) ? "" : destination)
            cmark_node_set_title(node, title)
            return (node, children)
        case .image(let source, let title, let children):
            let node = new(CMARK_NODE_IMAGE)
            cmark_node_set_url(node, Cmark.isDangerousURL(source) ? "" : source)
            cmark_node_set_title(node, title)
            return (node, children)
        case .link(let link, let children):
            var open = "<a class=\"\(HTML.escape(link.cssClass))\" href=\"\(HTML.escape(options.linkResolver(link.target)))\""
            if let label = link.ariaLabel { open += " aria-label=\"\(HTML.escape(label))\"" }
            for key in link.data.keys.sorted() {
                open += " data-\(key)=\"\(HTML.escape(link.data[key] ?? ""))\""
            }
            return (custom(CMARK_NODE_CUSTOM_INLINE, enter: open + ">", exit: "</a>"), children)
        }
    }

    private func literal(_ type: cmark_node_type, _ text: String) -> OpaquePointer {
        let node = new(type)
        cmark_node_set_literal(node, text)
        return node
    }

    private func custom(_ type: cmark_node_type, enter: String, exit: String) -> OpaquePointer {
        let node = new(type)
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }
}
