import KennisbankCore

/// Writes the HTML of a tree of Swift values byte for byte as cmark's own HTML renderer (`cmark_render_html`,
/// libcmark 0.30) writes it for the same tree, so a page's tree is walked once to render it instead of being
/// built again as a cmark tree. `CmarkTests` and `SpecThroughPipelineTests` hold the two to each other on every
/// example of the CommonMark spec.
///
/// What the engine adds to the tree comes out as cmark writes custom nodes: an engine link as its opening tag,
/// its children and `</a>`; a paragraph or heading with an anchor, and a section, as a custom block (its opening
/// tag and its closing tag each on a line of their own).
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []
    let options: Cmark.RenderOptions
    /// Whether raw HTML was passed through (`unsafeHTML`): then ``html`` empties its dangerous URLs.
    private var wroteRawHTML = false

    init(options: Cmark.RenderOptions, capacity: Int = 0) {
        self.options = options
        bytes.reserveCapacity(capacity)
    }

    /// The HTML written so far. Raw HTML passed through is read once more, whole, as a browser reads it, and every
    /// `javascript:`, `vbscript:`, `file:` or non-image `data:` URL in its attributes emptied (``RawHTMLLinks``): read
    /// whole, so that a tag or comment that one block of raw HTML leaves open is read on into the next as a browser does.
    var html: String {
        String(decoding: wroteRawHTML ? RawHTMLLinks.neutralised(bytes).html : bytes, as: UTF8.self)
    }

    // MARK: Blocks

    /// Writes blocks; `tight` says that they are the children of an item of a tight list, whose paragraphs
    /// are written without `<p>`.
    mutating func write(_ blocks: [BlockNode], tight: Bool = false) {
        for block in blocks { write(block, tight: tight) }
    }

    private mutating func write(_ block: BlockNode, tight: Bool) {
        switch block.kind {
        case .paragraph(nil):
            paragraph(block.inlines, tight: tight)
        case .paragraph(let anchor?):
            custom(enter: "<p id=\"\(HTML.escape(anchor))\">", exit: "</p>", block)
        case .heading(let level, nil):
            cr()
            put("<h\(level)>")
            write(block.inlines)
            put("</h\(level)>\n")
        case .heading(let level, let anchor?):
            custom(enter: "<h\(level) id=\"\(HTML.escape(anchor))\">", exit: "</h\(level)>", block)
        case .blockQuote:
            cr()
            put("<blockquote>\n")
            write(block.children)
            cr()
            put("</blockquote>\n")
        case .list(let attributes):
            cr()
            put(!attributes.ordered ? "<ul>\n" : attributes.start == 1 ? "<ol>\n" : "<ol start=\"\(attributes.start)\">\n")
            for item in block.children { write(item, tight: attributes.tight) }
            put(attributes.ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            cr()
            put("<li>")
            write(block.children, tight: tight)
            put("</li>\n")
        case .codeBlock(let info, let literal):
            codeBlock(info: info, literal: literal)
        case .htmlBlock(let literal):
            guard options.unsafeHTML else {
                // Shown as text: a paragraph holding the literal, escaped.
                var text = literal
                while text.last?.isNewline == true { text.removeLast() }
                paragraph([.text(text)], tight: tight)
                return
            }
            cr()
            raw(literal)
            cr()
        case .figure(let figure):
            write(figure, caption: block.children)
        case .thematicBreak:
            cr()
            put("<hr />\n")
        case .section(let element, let id, let cssClass):
            guard !element.isEmpty else { return custom(enter: "", exit: "", block) }
            var open = "<\(element)"
            if let id { open += " id=\"\(HTML.escape(id))\"" }
            if !cssClass.isEmpty { open += " class=\"\(HTML.escape(cssClass))\"" }
            custom(enter: open + ">", exit: "</\(element)>", block)
        }
    }

    private mutating func paragraph(_ inlines: [InlineNode], tight: Bool) {
        guard !tight else { return write(inlines) }
        cr()
        put("<p>")
        write(inlines)
        put("</p>\n")
    }

    private mutating func codeBlock(info: String, literal: String) {
        cr()
        if info.isEmpty {
            put("<pre><code>")
        } else {
            // The first word of the info string, up to cmark's whitespace.
            let language = info.utf8.prefix { ![0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains($0) }
            put("<pre><code class=\"language-")
            escape(Substring(language))
            put("\">")
        }
        escape(literal)
        put("</code></pre>\n")
    }

    /// A custom block: its opening and closing text each between line ends, its children and inlines between.
    private mutating func custom(enter: String, exit: String, _ block: BlockNode) {
        cr()
        put(enter)
        cr()
        write(block.children)
        write(block.inlines)
        cr()
        put(exit)
        cr()
    }

    // MARK: Inlines

    mutating func write(_ inlines: [InlineNode]) {
        for inline in inlines { write(inline) }
    }

    private mutating func write(_ inline: InlineNode) {
        switch inline {
        case .text(let text): escape(text)
        case .softBreak: bytes.append(0x0A)
        case .lineBreak: put("<br />\n")
        case .code(let text):
            put("<code>")
            escape(text)
            put("</code>")
        case .html(let html):
            // Without unsafeHTML raw HTML is shown as text.
            if options.unsafeHTML { raw(html) } else { escape(html) }
        case .emphasis(let children):
            put("<em>")
            write(children)
            put("</em>")
        case .strong(let children):
            put("<strong>")
            write(children)
            put("</strong>")
        case .markdownLink(let destination, let title, let children):
            put("<a href=\"")
            href(destination)
            attribute("title", title)
            put("\">")
            write(children)
            put("</a>")
        case .image(let source, let title, let children):
            put("<img src=\"")
            href(source)
            put("\" alt=\"")
            for child in children { plain(child) }
            attribute("title", title)
            put("\" />")
        case .siteImage(let image, let children):
            put("<img src=\"")
            escape(options.linkResolver(SiteLink(path: image.path)))
            put("\" alt=\"")
            for child in children { plain(child) }
            attribute("title", image.title)
            put("\" width=\"\(image.width)\" height=\"\(image.height)\"")
            if options.webImages { put(" loading=\"lazy\" decoding=\"async\"") }
            put(" />")
        case .link(let link, let children):
            var open = "<a class=\"\(HTML.escape(link.cssClass))\" href=\"\(HTML.escape(options.linkResolver(link.target)))\""
            if let label = link.ariaLabel { open += " aria-label=\"\(HTML.escape(label))\"" }
            if !link.inTabOrder { open += " tabindex=\"-1\" aria-hidden=\"true\"" }
            for key in link.data.keys.sorted() {
                open += " data-\(key)=\"\(HTML.escape(link.data[key] ?? ""))\""
            }
            put(open + ">")
            write(children)
            put("</a>")
        case .span(let cssClass, let children):
            put("<span class=\"\(HTML.escape(cssClass))\">")
            write(children)
            put("</span>")
        }
    }

    /// An image's description: the text of its inlines, breaks as spaces, without markup.
    private mutating func plain(_ inline: InlineNode) {
        switch inline {
        case .text(let text), .code(let text), .html(let text): escape(text)
        case .softBreak, .lineBreak: bytes.append(0x20)
        case .emphasis(let children), .strong(let children), .markdownLink(_, _, let children),
             .image(_, _, let children), .link(_, let children), .span(_, let children), .siteImage(_, let children):
            for child in children { plain(child) }
        }
    }

    /// A link or image destination, or nothing for one that must never reach a page (``Cmark/isDangerousURL(_:)``,
    /// which also refuses everything cmark's own check refuses).
    mutating func href(_ url: String) {
        guard !Cmark.isDangerousURL(url) else { return }
        for byte in url.utf8 {
            if Self.hrefSafe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                put("&amp;")
            } else if byte == UInt8(ascii: "'") {
                put("&#x27;")
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            }
        }
    }

    /// `" name="value` for a value that is not empty (cmark keeps no empty title).
    mutating func attribute(_ name: String, _ value: String) {
        guard !value.isEmpty else { return }
        put("\" \(name)=\"")
        escape(value)
    }

    // MARK: Bytes

    /// A line end, unless the HTML is empty or already ends in one.
    mutating func cr() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    mutating func put(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Raw HTML, passed through; its URLs are checked when the whole is read (``html``).
    private mutating func raw(_ text: String) {
        wroteRawHTML = true
        put(text)
    }

    /// Text with `&`, `<`, `>` and `"` escaped, as cmark escapes text (`'` and `/` are kept).
    mutating func escape(_ text: String) {
        var text = text
        text.withUTF8 { escape($0) }
    }

    private mutating func escape(_ text: Substring) {
        escape(String(text))
    }

    /// Copies the runs between the bytes to escape in one go each.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in utf8.indices {
            let entity: StaticString
            switch utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// The bytes cmark writes in a URL as they are (`-_.+!*(),%#@?=;:/,+$~` and letters and digits); `&` and
    /// `'` become entities and every other byte `%XX`.
    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        guard byte < 0x80, let scalar = Unicode.Scalar(byte) else { return false }
        return ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
