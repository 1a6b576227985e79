import KennisbankCore

/// An inline element of a markdown document, copied out of cmark's tree into a Swift value.
///
/// The first cases mirror cmark's inline node types one to one; ``link(_:_:)`` is Kennisbank's own:
/// a link the engine made (a concept mention, a citation, a resolved wikilink), rendered as `<a>`
/// with a class and optional data attributes.
package indirect enum InlineNode: Hashable, Sendable {
    /// Plain text (cmark `TEXT`), already unescaped and, with smart punctuation, curled.
    case text(String)
    /// A soft line break inside a paragraph.
    case softBreak
    /// A hard line break.
    case lineBreak
    /// An inline code span.
    case code(String)
    /// Raw inline HTML: passed through where the site allows raw HTML (`unsafeHTML`), escaped and shown as text otherwise.
    case html(String)
    /// `*emphasis*`.
    case emphasis([InlineNode])
    /// `**strong emphasis**`.
    case strong([InlineNode])
    /// A markdown link `[text](url "title")`.
    case markdownLink(destination: String, title: String, children: [InlineNode])
    /// A markdown image `![alt](url "title")`.
    case image(source: String, title: String, children: [InlineNode])
    /// A markdown image inside running text whose file the build found in the content's `images/` folder: its
    /// description stays the children.
    case siteImage(SiteImage, [InlineNode])
    /// A link made by the engine, with a class and attributes.
    case link(EngineLink, [InlineNode])
    /// Text the engine sets apart with a class, rendered as `<span class="…">`: the note that a reference gives
    /// only its authors and year. Never made from markdown.
    case span(cssClass: String, [InlineNode])

    /// The node's text as a reader sees it, without markup.
    package var plainText: String {
        switch self {
        case .text(let text), .code(let text): return text
        default:
            var text = ""
            appendPlainText(to: &text)
            return text
        }
    }

    /// Appends ``plainText`` to `text`, without making the text of each child on its own.
    func appendPlainText(to text: inout String) {
        switch self {
        case .text(let string), .code(let string): text += string
        case .softBreak, .lineBreak: text += " "
        case .html: break
        case .emphasis(let children), .strong(let children),
             .markdownLink(_, _, let children), .image(_, _, let children), .link(_, let children), .span(_, let children),
             .siteImage(_, let children):
            for child in children { child.appendPlainText(to: &text) }
        }
    }
}

/// A link the engine adds to a document: where it points, its class, and data for previews.
package struct EngineLink: Hashable, Sendable {
    /// The `href`, relative to the site root (for example `begrippen/niet-weten/`);
    /// the renderer makes it relative to the page that contains it.
    package var target: SiteLink
    /// The CSS class, for example `concept` or `citation`.
    package var cssClass: String
    /// Extra `data-` attributes, by name without the `data-` prefix, in a stable order.
    package var data: [String: String]
    /// An `aria-label`, for links whose text is a symbol.
    package var ariaLabel: String?
    /// Whether the link is for every reader; `false` makes it the pointer's only, `tabindex="-1"` and
    /// `aria-hidden="true"` (a link that every paragraph has, such as its ¶, would otherwise put dozens of stops
    /// before the page's navigation, and a screen reader would announce it after every paragraph).
    package var inTabOrder: Bool

    /// Creates an engine link.
    package init(target: SiteLink, cssClass: String, data: [String: String] = [:], ariaLabel: String? = nil, inTabOrder: Bool = true) {
        self.target = target
        self.cssClass = cssClass
        self.data = data
        self.ariaLabel = ariaLabel
        self.inTabOrder = inTabOrder
    }
}

extension Array where Element == InlineNode {
    /// The concatenated plain text of these nodes.
    package var plainText: String {
        // One node of text, the most common paragraph of all, is its own text.
        if count == 1, case .text(let text) = self[0] { return text }
        var text = ""
        for node in self { node.appendPlainText(to: &text) }
        return text
    }
}
