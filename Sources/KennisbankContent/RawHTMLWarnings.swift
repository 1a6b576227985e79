import KennisbankCore
import KennisbankMarkdown

/// The warnings about the URLs that raw HTML may not carry onto a page (``RawHTMLLinks``): each is emptied where
/// site.yml passes raw HTML through (`unsafeHTML: true`), and the author is told where.
enum RawHTMLWarnings {
    /// A warning for each dangerous URL in the raw HTML of `document`, the body of `source`: at the value as written,
    /// or at the start of its block when it is written otherwise.
    static func warnings(in document: MarkdownDocument, of source: SourceFile) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func check(_ html: String, in block: BlockNode) {
            for finding in RawHTMLLinks.findings(in: html) {
                // A value over several lines is found by its first line.
                let firstLine = String(finding.written.prefix { $0 != "\n" && $0 != "\r" })
                let position = source.position(of: firstLine, from: block.range.start) ?? block.range.start
                // Control characters in the value are shown as `\u{…}`, not sent to the terminal.
                let shown = finding.written.unicodeScalars.map { $0.properties.generalCategory == .control && $0 != "\t" && $0 != "\n"
                    ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
                warnings.append(Diagnostic(
                    path: source.path, position: position, severity: .warning, code: .dangerousURL,
                    message: "The raw HTML attribute \(finding.attribute)=\"\(shown)\" holds a javascript:, vbscript:, file: "
                        + "or non-image data: address, which Kennisbank never writes: the page gets \(finding.attribute)=\"\".",
                    hint: "link to a web address (https://…) or a page of the site instead"))
            }
        }
        func visit(_ inlines: [InlineNode], in block: BlockNode) {
            for inline in inlines {
                switch inline {
                case .html(let html): check(html, in: block)
                case .emphasis(let children), .strong(let children), .markdownLink(_, _, let children), .image(_, _, let children),
                     .link(_, let children), .span(_, let children), .siteImage(_, let children):
                    visit(children, in: block)
                case .text, .softBreak, .lineBreak, .code: break
                }
            }
        }
        func visit(_ blocks: [BlockNode]) {
            for block in blocks {
                if case .htmlBlock(let html) = block.kind { check(html, in: block) }
                visit(block.inlines, in: block)
                visit(block.children)
            }
        }
        visit(document.blocks)
        return warnings
    }
}
