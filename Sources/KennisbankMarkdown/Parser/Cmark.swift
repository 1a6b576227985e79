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
package enum Cmark {
    /// How many containers (block quotes, lists, list items, emphasis, links) deep a copied tree may be.
    ///
    /// Far beyond any real text, and below the 512 levels at which browsers' HTML parsers stop nesting
    /// elements anyway, so flattening changes nothing a reader could see.
    package static let maximumNesting = 128

    /// Options for rendering HTML.
    package struct RenderOptions: Sendable {
        /// Pass raw HTML through. Off by default: raw HTML is then escaped and shown as text.
        /// In both modes a link or image whose destination is a `javascript:`, `vbscript:`, `file:` or
        /// `data:` URL (other than `data:image/png`, `gif`, `jpeg` or `webp`) gets an empty `href`/`src`;
        /// see ``isDangerousURL(_:)``.
        package var unsafeHTML: Bool
        /// Turns an engine link's site path into the `href` written in the page.
        package var linkResolver: @Sendable (SiteLink) -> String
        /// Whether a figure's image carries what a browser uses to load it well: its smaller copies (`srcset`,
        /// `sizes`), `loading` and `decoding`. An e-book holds only the image itself and leaves them out.
        package var webImages = true

        /// Creates render options.
        package init(unsafeHTML: Bool = false, linkResolver: @escaping @Sendable (SiteLink) -> String = { $0.rootRelative }) {
            self.unsafeHTML = unsafeHTML
            self.linkResolver = linkResolver
        }
    }

    /// The version of the linked libcmark, for example `0.30.2`.
    package static var version: String { String(cString: cmark_version_string()) }

    /// Parses markdown with cmark and copies the tree into Swift values.
    /// - Parameters:
    ///   - markdown: the markdown text (valid UTF-8, as every Swift string is).
    ///   - smartPunctuation: curl quotes and turn `--` into dashes (`CMARK_OPT_SMART`).
    ///   - lineOffset: added to every line number, for text that stood below front matter.
    package static func parse(_ markdown: String, smartPunctuation: Bool = true, lineOffset: Int = 0) -> MarkdownDocument {
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

    /// Renders blocks to HTML, byte for byte as cmark's HTML renderer renders the same tree (``HTMLWriter``),
    /// in one walk over the Swift values.
    package static func renderHTML(_ blocks: [BlockNode], options: RenderOptions = RenderOptions()) -> String {
        var writer = HTMLWriter(options: options)
        writer.write(blocks)
        return writer.html
    }

    /// Renders inline content to HTML, without an enclosing `<p>`.
    package static func renderHTML(inlines: [InlineNode], options: RenderOptions = RenderOptions()) -> String {
        var writer = HTMLWriter(options: options)
        writer.write(inlines)
        var html = writer.html
        while html.last?.isNewline == true { html.removeLast() }
        while html.first?.isNewline == true { html.removeFirst() }
        return html
    }

    /// Parses and renders markdown in one step, entirely inside cmark: the reference output
    /// that the pipeline is compared with, and the floor for the benchmark.
    package static func renderDirectly(_ markdown: String, smartPunctuation: Bool = true, unsafeHTML: Bool = false) -> String {
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
    package static func isDangerousURL(_ url: String) -> Bool {
        let ignored: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }
        var scalars = Substring(url).unicodeScalars.drop(while: ignored)
        while let last = scalars.last, ignored(last) { scalars = scalars.dropLast() }
        let folded = String(String.UnicodeScalarView(scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where folded.hasPrefix(scheme) { return true }
        guard folded.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { folded.hasPrefix($0) }
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
