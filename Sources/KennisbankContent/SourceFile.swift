import Foundation
import KennisbankCore
import KennisbankMarkdown

/// A content file's text with what is needed to point at places in it.
package struct SourceFile: Hashable, Sendable {
    /// The path as shown in diagnostics.
    package var path: String
    /// The whole text, front matter included.
    package var text: String
    /// The UTF-8 offset in ``text`` where each line starts, then one past the text's end (where a line after a last
    /// line feed would start): a line is read from these in constant time (``line(_:)``), at 4 bytes a line rather
    /// than the 32 of a `Substring` kept for each.
    private let lineStarts: [UInt32]
    /// Whether a line ended in a carriage return (CR LF) that ``lines`` leave out: without one, the lines
    /// joined with line feeds are the text itself.
    package let hasCarriageReturns: Bool

    /// The number of lines of the text.
    package var lineCount: Int { lineStarts.count - 1 }

    /// The lines of the text, without line endings (made on each call: ``line(_:)`` reads one).
    package var lines: [Substring] { (0..<lineCount).map { line($0 + 1) } }

    /// Creates a source file.
    package init(path: String, text: String) {
        self.path = path
        self.text = text
        (lineStarts, hasCarriageReturns) = Self.lineStarts(of: text)
    }

    /// Where each line of `text` starts (then one past its end), and whether a line ends in CR LF. Split on the
    /// bytes: a line feed is never part of another character (a CR LF pair is, so the CR is left out of the line
    /// when it is read). Each file is split once as it is read, so the scan jumps from one line feed to the next
    /// with `memchr` over the text's UTF-8 storage rather than stepping through the UTF-8 view byte by byte.
    private static func lineStarts(of text: String) -> ([UInt32], Bool) {
        var text = text
        return text.withUTF8 { bytes in
            var starts: [UInt32] = [0], carriageReturns = false, next = 0
            if let base = bytes.baseAddress {
                while next < bytes.count, let found = memchr(base + next, Int32(UInt8(ascii: "\n")), bytes.count - next) {
                    let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if offset > 0 && bytes[offset - 1] == UInt8(ascii: "\r") { carriageReturns = true }
                    starts.append(UInt32(offset + 1))
                    next = offset + 1
                }
            }
            if bytes.last == UInt8(ascii: "\r") { carriageReturns = true }
            starts.append(UInt32(bytes.count + 1))
            return (starts, carriageReturns)
        }
    }

    /// Decodes bytes as UTF-8, or reports the first invalid byte with its line and column.
    package static func decode(path: String, bytes: [UInt8]) throws(Diagnostic) -> SourceFile {
        if var string = String(validating: bytes, as: UTF8.self) {
            if string.hasPrefix("\u{FEFF}") { string.removeFirst() }
            return SourceFile(path: path, text: normalized(string))
        }
        // Invalid: decode again, scalar by scalar, to say where.
        var line = 1, column = 1, index = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                index += String(scalar).utf8.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                throw Diagnostic(path: path, position: SourcePosition(line: line, column: column), code: .invalidUTF8,
                                 message: "The file is not valid UTF-8 (byte \(index + 1)); save it as UTF-8.")
            }
        }
        var string = String(text)
        if string.hasPrefix("\u{FEFF}") { string.removeFirst() }
        return SourceFile(path: path, text: normalized(string))
    }

    /// The text in Unicode's composed form (NFC), the form the web prefers.
    ///
    /// Swift compares strings by canonical equivalence: "é" written as one code point equals "e" plus a
    /// combining accent. The incremental build compares content with `==`, so two spellings of the same
    /// text must also be the same bytes, or an edit that only changes the spelling would go unseen.
    static func normalized(_ text: String) -> String {
        isComposed(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether the text is surely in NFC already, checked without Foundation: every scalar below U+0300
    /// (ASCII, Latin-1, Latin Extended A and B: composed, and no combining mark follows them) or one of the
    /// punctuation marks of U+2010–U+205E and the euro sign, which neither compose nor decompose. Dutch text
    /// (é, ë, ï, curly quotes, dashes) passes; anything else is normalized by Foundation.
    static func isComposed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300 || (0x2010...0x205E).contains(scalar.value) || scalar.value == 0x20AC
        }
    }

    /// The position of the first occurrence of `needle` at or after `start`, searching line by line (a needle that
    /// spans lines is found by its first line).
    package func position(of needle: String, from start: SourcePosition = .start) -> SourcePosition? {
        var cursor = SearchCursor(start)
        return find(needle, from: &cursor)
    }

    /// A place to search on from that remembers where in its line it stands, so that a run of searches, each
    /// after the last one found, costs the text passed over once: a paragraph of 20,000 mentions on one line
    /// is one pass over that line, not one pass from its start per mention.
    package struct SearchCursor: Sendable {
        /// The position the next search starts at.
        package private(set) var position: SourcePosition
        /// The index of ``position`` in its line, once a search has found it.
        fileprivate var index: Substring.Index?

        /// A cursor at `position`.
        package init(_ position: SourcePosition) { self.position = position }
    }

    /// The position of the first occurrence of `needle` at or after the cursor, which moves past it; `nil`, with
    /// the cursor left where it was, when there is none up to line `lastLine`. A needle that spans lines is found
    /// by its first line.
    package func find(_ needle: String, from cursor: inout SearchCursor, through lastLine: Int = .max) -> SourcePosition? {
        let lineBreak = TextBytes.firstIndex(of: "\n", in: needle[...])
        let firstLine = lineBreak.map { String(needle[..<$0]) } ?? needle
        guard !firstLine.isEmpty else { return nil }
        var lineNumber = cursor.position.line
        while lineNumber <= min(lineCount, lastLine) {
            let line = self.line(lineNumber)
            var from = line.startIndex, column = 1
            if lineNumber == cursor.position.line {
                column = max(1, cursor.position.column)
                if let index = cursor.index {
                    from = index
                } else if let index = line.index(line.startIndex, offsetBy: column - 1, limitedBy: line.endIndex) {
                    from = index
                } else {
                    lineNumber += 1
                    continue
                }
            }
            if let found = TextBytes.firstIndex(of: firstLine, in: line[from...]) {
                let position = SourcePosition(line: lineNumber, column: column + Self.characters(in: line[from..<found]))
                if let lineBreak {
                    // The cursor goes to the end of the needle's last line.
                    let rest = needle[needle.index(after: lineBreak)...]
                    let lastLine = rest.split(separator: "\n", omittingEmptySubsequences: false)
                    cursor = SearchCursor(SourcePosition(line: lineNumber + lastLine.count, column: (lastLine.last?.count ?? 0) + 1))
                } else {
                    let end = line.index(found, offsetBy: firstLine.count, limitedBy: line.endIndex) ?? line.endIndex
                    cursor = SearchCursor(SourcePosition(line: lineNumber, column: position.column + firstLine.count))
                    cursor.index = end
                }
                return position
            }
            lineNumber += 1
        }
        return nil
    }

    /// How many characters `text` holds: its bytes when they are all ASCII (one character each, as no line holds a
    /// line break), which is most of any Dutch text and much cheaper than finding each character's end.
    private static func characters(in text: Substring) -> Int {
        TextBytes.contains(in: text, where: { $0 >= 0x80 }) ? text.count : text.utf8.count
    }

    /// The text of a 1-based line, or an empty string past the end.
    package func line(_ number: Int) -> Substring {
        guard number >= 1 && number <= lineCount else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[number - 1]))
        var end = utf8.index(utf8.startIndex, offsetBy: Int(lineStarts[number]) - 1)
        if hasCarriageReturns && end > start && utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }
}
