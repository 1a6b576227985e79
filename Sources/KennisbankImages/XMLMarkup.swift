/// The markup of an XML file (an SVG) as a stream of the pieces the image layer looks at: start tags with their
/// attributes, the document type declaration, processing instructions, and markup left open at the end of the
/// file. Comments, CDATA sections, end tags and text are passed over, as an XML parser would: a `<script>` inside
/// a comment or CDATA section is text, not an element.
///
/// A hand-written scan rather than `XMLParser`, because it gives every piece's byte offset (so problems are
/// reported at the exact line and column) and reads a file that is not well-formed as far as it can.
struct XMLMarkup {
    /// One attribute of a start tag, as byte ranges of the file.
    struct Attribute {
        /// The name, with its prefix (`xlink:href`).
        var name: Range<Int>
        /// The value between the quotes, character references not yet decoded; `nil` for a bare name.
        var value: Range<Int>?
    }

    /// A piece of markup.
    enum Token {
        /// A start tag (or empty-element tag) at the offset of its `<`.
        case startTag(start: Int, name: Range<Int>, attributes: [Attribute])
        /// A `<!DOCTYPE …>` and the offsets of the `<!ENTITY` declarations of its internal subset.
        case doctype(start: Int, entityDeclarations: [Int])
        /// A `<?target …?>` at the offset of its `<`.
        case processingInstruction(start: Int, target: Range<Int>)
        /// A tag, comment, CDATA section or declaration that the file ends inside, at the offset of its `<`.
        case unterminated(start: Int)
    }

    /// The file.
    let bytes: ByteReader
    /// Where the scan goes on.
    private var offset = 0

    /// Scans `bytes` from the start.
    init(_ bytes: ByteReader) {
        self.bytes = bytes
    }

    /// The next piece of markup, or `nil` at the end of the file.
    mutating func next() -> Token? {
        let count = bytes.count
        while offset < count {
            guard let open = bytes.firstIndex(of: UInt8(ascii: "<"), from: offset) else {
                offset = count
                return nil
            }
            if bytes.matches("<!--", at: open) {
                guard skip(past: "-->", from: open + 4) else { return .unterminated(start: open) }
            } else if bytes.matches("<![CDATA[", at: open) {
                guard skip(past: "]]>", from: open + 9) else { return .unterminated(start: open) }
            } else if bytes.matches("<!", at: open) {
                return declaration(at: open)
            } else if bytes.matches("<?", at: open) {
                let target = open + 2..<nameEnd(from: open + 2)
                guard skip(past: "?>", from: target.upperBound) else { return .unterminated(start: open) }
                return .processingInstruction(start: open, target: target)
            } else if bytes.matches("</", at: open) {
                guard skip(past: ">", from: open + 2) else { return .unterminated(start: open) }
            } else if let tag = startTag(at: open) {
                return tag
            }
        }
        return nil
    }

    /// The bytes of a range as text (invalid UTF-8 repaired).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes.bytes[range]), as: UTF8.self)
    }

    /// The local part of a name (`script` of `svg:script`).
    func localName(_ range: Range<Int>) -> String {
        let name = text(range)
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The local part of a name (after its last colon), as a byte range.
    func localRange(_ range: Range<Int>) -> Range<Int> {
        var start = range.upperBound
        while start > range.lowerBound, bytes.bytes[start - 1] != UInt8(ascii: ":") { start -= 1 }
        return start..<range.upperBound
    }

    /// Whether the bytes of `range` start with the ASCII `lowercase` in any case (all of them when `whole`).
    func hasPrefix(_ range: Range<Int>, ignoringCase lowercase: StaticString, whole: Bool = false) -> Bool {
        let count = lowercase.utf8CodeUnitCount
        guard whole ? range.count == count : range.count >= count else { return false }
        for index in 0..<count {
            var byte = bytes.bytes[range.lowerBound + index]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != lowercase.utf8Start[index] { return false }
        }
        return true
    }

    /// Whether a byte of `range` is `byte`.
    func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
        bytes.firstIndex(of: byte, from: range.lowerBound, before: range.upperBound) != nil
    }

    // MARK: Pieces

    /// A start tag and its attributes (quoted values may hold `>`), or `nil` for a `<` that starts no name: that
    /// is not markup (nor well-formed XML), and the scan passes it over.
    private mutating func startTag(at open: Int) -> Token? {
        let name = open + 1..<nameEnd(from: open + 1)
        guard !name.isEmpty else {
            offset = open + 1
            return nil
        }
        var attributes: [Attribute] = []
        var index = name.upperBound
        while true {
            while let byte = bytes.byte(index), Self.isSpace(byte) { index += 1 }
            guard let byte = bytes.byte(index) else { offset = bytes.count; return .unterminated(start: open) }
            if byte == UInt8(ascii: ">") { index += 1; break }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index += 1
                continue
            }
            let attributeName = index..<nameEnd(from: index)
            index = attributeName.upperBound
            while let byte = bytes.byte(index), Self.isSpace(byte) { index += 1 }
            var value: Range<Int>?
            if bytes.byte(index) == UInt8(ascii: "=") {
                index += 1
                while let byte = bytes.byte(index), Self.isSpace(byte) { index += 1 }
                if let quote = bytes.byte(index), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = bytes.firstIndex(of: quote, from: index + 1) else { offset = bytes.count; return .unterminated(start: open) }
                    value = index + 1..<close
                    index = close + 1
                } else {
                    let start = index
                    while let byte = bytes.byte(index), !Self.isSpace(byte), byte != UInt8(ascii: ">") { index += 1 }
                    value = start..<index
                }
            }
            attributes.append(Attribute(name: attributeName, value: value))
        }
        offset = index
        return .startTag(start: open, name: name, attributes: attributes)
    }

    /// A `<!…>` declaration: the document type (with the internal subset in brackets, whose quoted literals and
    /// comments may hold `>`), or another declaration, which is passed over the same way.
    private mutating func declaration(at open: Int) -> Token {
        var index = open + 2
        var depth = 0
        var entities: [Int] = []
        while let byte = bytes.byte(index) {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let close = bytes.firstIndex(of: byte, from: index + 1) else { offset = bytes.count; return .unterminated(start: open) }
                index = close
            case UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "]"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "<"):
                if bytes.matches("<!--", at: index) {
                    guard let close = bytes.firstIndex(of: "-->", from: index + 4) else { offset = bytes.count; return .unterminated(start: open) }
                    index = close + 2
                } else if bytes.matches("<!ENTITY", at: index) {
                    entities.append(index)
                }
            case UInt8(ascii: ">") where depth == 0:
                offset = index + 1
                return .doctype(start: open, entityDeclarations: entities)
            default:
                break
            }
            index += 1
        }
        offset = bytes.count
        return .unterminated(start: open)
    }

    // MARK: Bytes

    /// XML's white space: space, tab, line feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// XML's white space, for a scalar.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 && isSpace(UInt8(scalar.value))
    }

    /// Where a name starting at `start` ends: at white space, `/`, `>`, `=`, `?` or the end of the file.
    private func nameEnd(from start: Int) -> Int {
        var index = start
        while let byte = bytes.byte(index), !Self.isSpace(byte), byte != UInt8(ascii: "/"), byte != UInt8(ascii: ">"),
              byte != UInt8(ascii: "="), byte != UInt8(ascii: "?") {
            index += 1
        }
        return index
    }

    /// Moves the scan past the next `needle` at or after `start`; `false` (and the scan at the end) when there is none.
    private mutating func skip(past needle: StaticString, from start: Int) -> Bool {
        guard let found = bytes.firstIndex(of: needle, from: start) else {
            offset = bytes.count
            return false
        }
        offset = found + needle.utf8CodeUnitCount
        return true
    }

    // MARK: Values

    /// The entities XML predefines, and HTML's names for the characters that hide a URL scheme (`javascript&colon;`):
    /// those are not XML, but a check errs on the side of seeing a scheme.
    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n",
    ]

    /// An attribute value with its character and entity references decoded (`&#106;` is `j`); an unknown named
    /// entity is left as written.
    static func decodedValue(_ raw: String) -> String {
        guard raw.contains("&") else { return raw }
        var result = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                scalar = Self.namedEntities[String(name)]
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
