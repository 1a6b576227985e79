/// The URLs in raw HTML (passed through with `unsafeHTML: true`) that must never reach a page: every attribute that
/// a browser follows or loads (`href`, `src`, `action`, `formaction`, `xlink:href`, `srcset`, `poster`, a
/// `<meta http-equiv="refresh">`'s `content`, …) whose value, read as a browser reads it, is a `javascript:`,
/// `vbscript:`, `file:` or non-image `data:` URL (``Cmark/isDangerousURL(_:)``, the rule of markdown links).
///
/// The value is read as the browser reads it: character references decoded (`&#106;avascript:`,
/// `&#x6A;`, `&#106` without `;`, `&colon;`, `&Tab;`, `&NewLine;`), then leading and trailing spaces and control
/// characters trimmed, tabs and line breaks inside removed and the scheme compared in any case. The HTML is tokenized
/// as a browser's HTML tokenizer does it, from its data state: tags with quoted, unquoted and missing values (a `>`
/// inside quotes does not end the tag), comments (`<!-->` ends at once), bogus comments (`<!…>`, `<?…>`, `</1…>`),
/// and the raw text of `script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript`
/// (up to its end tag) and `plaintext` (to the end). The raw text is also read as markup, in case a browser reads
/// it so (the same element names inside SVG or MathML hold markup), and what that finds is neutralised too.
/// An unterminated tag at the end is read up to the end.
///
/// Limitation: a `<![CDATA[…]]>` section is read as HTML reads it outside SVG and MathML (a bogus comment up to
/// the first `>`), not as the text SVG makes of it.
package enum RawHTMLLinks {
    /// One dangerous URL in an attribute.
    package struct Finding: Hashable, Sendable {
        /// The attribute, lowercased (`href`).
        package var attribute: String
        /// The value as written, between its quotes (character references not decoded).
        package var written: String
        /// The bytes of the input to replace with `""` to empty the value: the value with its quotes.
        package var range: Range<Int>
    }

    /// Every dangerous URL in `html`, in order.
    package static func findings(in html: String) -> [Finding] {
        findings(in: Array(html.utf8))
    }

    /// `html` with every dangerous URL's value emptied (`href=""`), and the findings; the same bytes when there are none.
    package static func neutralised(_ html: [UInt8]) -> (html: [UInt8], findings: [Finding]) {
        let found = findings(in: html)
        guard !found.isEmpty else { return (html, []) }
        var result: [UInt8] = []
        result.reserveCapacity(html.count)
        var copied = 0
        for finding in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where finding.range.lowerBound >= copied {
            result += html[copied..<finding.range.lowerBound]
            result += [UInt8(ascii: "\""), UInt8(ascii: "\"")]
            copied = finding.range.upperBound
        }
        result += html[copied...]
        return (result, found)
    }

    /// Every dangerous URL in the bytes `html`, tokenized from the data state.
    static func findings(in html: [UInt8]) -> [Finding] {
        var tokenizer = Tokenizer(bytes: html, range: 0..<html.count)
        return tokenizer.run()
    }
}

// MARK: - Tokenizer

/// A browser's HTML tokenizer, as far as it decides where tags and attribute values are.
private struct Tokenizer {
    let bytes: [UInt8]
    var index: Int
    let end: Int
    /// Whether this reads the text of a raw text element as markup: then a raw text element inside is markup too,
    /// so the reading goes one level deep and passes over each byte at most twice.
    let readsRawTextAsMarkup: Bool
    var findings: [RawHTMLLinks.Finding] = []

    init(bytes: [UInt8], range: Range<Int>, readsRawTextAsMarkup: Bool = false) {
        self.bytes = bytes
        index = range.lowerBound
        end = range.upperBound
        self.readsRawTextAsMarkup = readsRawTextAsMarkup
    }

    /// The elements whose content is text up to their end tag (`plaintext`: to the end).
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]

    mutating func run() -> [RawHTMLLinks.Finding] {
        while let open = next(UInt8(ascii: "<")) {
            index = open + 1
            guard index < end else { break }
            let byte = bytes[index]
            if isLetter(byte) {
                let name = tag(isEnd: false)
                if !readsRawTextAsMarkup, Self.rawText.contains(name) { skipRawText(of: name) }
            } else if byte == UInt8(ascii: "/") {
                index += 1
                if index < end, isLetter(bytes[index]) { _ = tag(isEnd: true) } else { skipBogusComment() }
            } else if byte == UInt8(ascii: "!") {
                if starts(with: "!--") { comment() } else { skipBogusComment() }
            } else if byte == UInt8(ascii: "?") {
                skipBogusComment()
            }
        }
        return findings
    }

    /// A comment from `<!--`: `<!-->` and `<!--->` end at once, others at `-->` or `--!>`, or at the end.
    private mutating func comment() {
        index += 3
        if starts(with: ">") { index += 1; return }
        if starts(with: "->") { index += 2; return }
        while index < end {
            if starts(with: "-->") { index += 3; return }
            if starts(with: "--!>") { index += 4; return }
            index += 1
        }
    }

    /// Up to and past the next `>`.
    private mutating func skipBogusComment() {
        index = next(UInt8(ascii: ">")).map { $0 + 1 } ?? end
    }

    /// The text of a raw text element up to its end tag (`</name` and a space, `/` or `>`), read as markup as well.
    private mutating func skipRawText(of name: String) {
        let start = index
        var stop = end
        if name != "plaintext" {
            var search = index
            while let open = next(UInt8(ascii: "<"), from: search) {
                search = open + 1
                guard open + 2 + name.utf8.count <= end, bytes[open + 1] == UInt8(ascii: "/") else { continue }
                let candidate = bytes[(open + 2)..<(open + 2 + name.utf8.count)].map(lowercased)
                guard candidate.elementsEqual(name.utf8) else { continue }
                let after = open + 2 + name.utf8.count
                if after == end || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: "/") || bytes[after] == UInt8(ascii: ">") {
                    stop = open
                    break
                }
            }
        }
        var inner = Tokenizer(bytes: bytes, range: start..<stop, readsRawTextAsMarkup: true)
        findings += inner.run()
        index = stop
    }

    /// A start or end tag from its name (just after `<` or `</`) to past its `>`: its name, lowercased. The URL
    /// attributes of a start tag are checked.
    private mutating func tag(isEnd: Bool) -> String {
        let nameStart = index
        while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") { index += 1 }
        let name = String(decoding: bytes[nameStart..<index].map(lowercased), as: UTF8.self)
        while index < end {
            let byte = bytes[index]
            if isSpace(byte) || byte == UInt8(ascii: "/") { index += 1; continue }
            if byte == UInt8(ascii: ">") { index += 1; return name }
            attribute(of: name, check: !isEnd)
        }
        return name
    }

    /// One attribute: its name (a first `=` belongs to it), and its value when an `=` follows.
    private mutating func attribute(of element: String, check: Bool) {
        let nameStart = index
        index += 1
        while index < end, !isSpace(bytes[index]), ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index].map(lowercased), as: UTF8.self)
        skipSpaces()
        guard index < end, bytes[index] == UInt8(ascii: "=") else { return }
        index += 1
        skipSpaces()
        guard index < end, bytes[index] != UInt8(ascii: ">") else { return }
        let valueStart = index
        let written: Range<Int>
        if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            let quote = bytes[index]
            let close = next(quote, from: index + 1) ?? end
            written = (index + 1)..<close
            index = min(close + 1, end)
        } else {
            while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            written = valueStart..<index
        }
        guard check else { return }
        let text = String(decoding: bytes[written], as: UTF8.self)
        if URLAttributes.isDangerous(attribute: name, of: element, value: CharacterReferences.decoded(text)) {
            findings.append(RawHTMLLinks.Finding(attribute: name, written: text, range: valueStart..<index))
        }
    }

    // MARK: Bytes

    private func next(_ byte: UInt8, from start: Int? = nil) -> Int? {
        var position = start ?? index
        while position < end {
            if bytes[position] == byte { return position }
            position += 1
        }
        return nil
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= end else { return false }
        return text.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
    }

    private mutating func skipSpaces() {
        while index < end, isSpace(bytes[index]) { index += 1 }
    }

    /// The HTML tokenizer's whitespace: tab, line feed, form feed, carriage return (folded into line feeds) and space.
    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
