/// Text work done on a string's UTF-8 bytes rather than through Foundation or `Character`s, for the
/// scanners that run over every paragraph of every page. Each function states what Foundation or
/// standard-library call it stands in for; the tests hold them to it.
enum TextBytes {
    /// For each offset in `text` counted in units of `width` (UTF-16 code units, or scalars) that starts a
    /// scalar, and for the end, the UTF-8 offset there; `nil` when the text is ASCII and both are the same.
    static func utf8Offsets(of text: String, width: (Unicode.Scalar) -> Int) -> [Int]? {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var offsets = [Int](repeating: 0, count: text.unicodeScalars.reduce(1) { $0 + width($1) })
        var unit = 0, utf8 = 0
        for scalar in text.unicodeScalars {
            offsets[unit] = utf8
            unit += width(scalar)
            utf8 += UTF8.width(scalar)
        }
        offsets[unit] = utf8
        return offsets
    }

    /// A text to be cut at scalar offsets (what the scanners count), through its UTF-8 bytes.
    struct ScalarText {
        /// The text.
        let text: String
        private let offsets: [Int]?

        /// Maps the text's scalar offsets once.
        init(_ text: String) {
            self.text = text
            self.offsets = TextBytes.utf8Offsets(of: text) { _ in 1 }
        }

        /// The number of scalars.
        var count: Int { offsets.map { $0.count - 1 } ?? text.utf8.count }

        /// The UTF-8 offsets of a range of scalar offsets.
        func utf8(_ range: Range<Int>) -> Range<Int> {
            (offsets?[range.lowerBound] ?? range.lowerBound)..<(offsets?[range.upperBound] ?? range.upperBound)
        }

        /// The text between two scalar offsets.
        func slice(_ range: Range<Int>) -> Substring {
            TextBytes.slice(text, utf8(range))
        }
    }

    /// The part of `text` between two UTF-8 offsets, which must lie on scalar boundaries.
    static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        let bytes = text.utf8
        let lower = bytes.index(bytes.startIndex, offsetBy: range.lowerBound)
        return Substring(bytes[lower..<bytes.index(lower, offsetBy: range.count)])
    }

    /// `text` with every occurrence of `target` replaced, left to right and without overlaps: what
    /// Foundation's `replacingOccurrences(of:with:)` does for an ASCII target in composed (NFC) text.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let pattern = Array(target.utf8)
        precondition(!pattern.isEmpty, "an empty target cannot be replaced")
        let bytes = Array(text.utf8)
        guard bytes.count >= pattern.count else { return text }
        var result: [UInt8] = []
        var index = 0, copied = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                if result.isEmpty { result.reserveCapacity(bytes.count) }
                result += bytes[copied..<index]
                result += replacement.utf8
                index += pattern.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return text }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` does (space separators and the tab).
    static func trimmingSpaces(_ text: Substring) -> String {
        let isSpace = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(scalars[first...last]))
    }

    /// ``trimmingSpaces(_:)-(Substring)`` for a whole string.
    static func trimmingSpaces(_ text: String) -> String {
        trimmingSpaces(text[...])
    }
}
