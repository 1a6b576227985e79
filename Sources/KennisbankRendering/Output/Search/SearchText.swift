/// Words of a text as the search index and the browser's `search.js` see them: case and diacritics folded
/// ("Cliënt" → `client`), apostrophes dropped (`cliënt's` → `clients`), everything but letters and digits a
/// separator, and words of one character left out. Words joined by a hyphen are also one word, joined
/// (`niet-weten` gives `niet`, `weten` and `nietweten`), so that "niet weten" and "niet-weten" find each other.
///
/// The text is read as UTF-8 bytes and a word's folded form is handed over as bytes (``forEachWord(in:_:)``),
/// since this runs over every word of the site; a word of ASCII letters, digits and apostrophes is folded byte by
/// byte, any other through ``fold(_:)``.
package enum SearchText {
    /// A word of a text: its folded form and where it stands, in UTF-8 offsets of the text.
    package struct Word: Equatable, Sendable {
        /// The folded form: lowercase ASCII letters and digits.
        package var form: String
        /// The UTF-8 offset of its first byte.
        package var start: Int
        /// The UTF-8 offset just past its last byte.
        package var end: Int
    }

    /// The folded form of one word as written; empty when nothing in it is a letter or digit.
    package static func fold<Scalars: Collection<Unicode.Scalar>>(_ word: Scalars) -> String {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(word.count)
        for scalar in word {
            if scalar.isASCII {
                append(UInt8(scalar.value), to: &ascii)
            } else {
                // Canonical decomposition, without its combining marks: é → e, ï → i.
                for part in String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars where part.isASCII {
                    append(UInt8(part.value), to: &ascii)
                }
            }
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// Appends an ASCII byte's folded form: letters lowercased, digits kept, anything else dropped.
    @inline(__always)
    private static func append(_ byte: UInt8, to ascii: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): ascii.append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte + 32)
        default: break
        }
    }

    /// Whether an ASCII byte belongs to a word: a letter, a digit or an apostrophe.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "'")
    }

    /// Whether a scalar belongs to a word: a letter, a digit, a combining mark, or an apostrophe (dropped by ``fold(_:)``).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isWordByte(UInt8(scalar.value)) }
        if scalar == "\u{2019}" || (0x300...0x36f).contains(scalar.value) { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether a scalar joins two words into one (`niet-weten`): a hyphen-minus, hyphen or non-breaking hyphen.
    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    /// The scalar that starts at `index` of valid UTF-8 `bytes`, and its length in bytes.
    @inline(__always)
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = lead & (0x7F >> UInt32(width))
        for next in (index + 1)..<(index + width) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
        return (Unicode.Scalar(value)!, width)
    }

    /// Whether the scalar at `index` belongs to a word, and its length in bytes.
    @inline(__always)
    private static func wordScalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (isWord: Bool, width: Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (isWordByte(byte), 1) }
        let (scalar, width) = scalar(at: index, in: bytes)
        return (isWordScalar(scalar), width)
    }

    /// Calls `body` with each word of `text` in order, each hyphenated compound after its parts: its folded form
    /// (lowercase ASCII letters and digits, valid only during the call) and its UTF-8 range in the text.
    package static func forEachWord(in text: String, _ body: (_ form: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(in: $0, body) }
    }

    /// ``forEachWord(in:_:)-(String,_)`` over valid UTF-8 bytes.
    private static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        // The open compound: how many parts, where it starts and where its last part ends. Its parts are the runs of
        // word scalars between its hyphens, none of them folding to nothing, so its form is the fold of that range.
        var parts = 0, compoundStart = 0, lastEnd = 0
        var folded: [UInt8] = []
        func closeCompound() {
            if parts > 1 { fold(bytes, compoundStart..<lastEnd, into: &folded, body) }
            parts = 0
        }
        var index = 0
        while index < bytes.count {
            let (isWord, width) = wordScalar(at: index, in: bytes)
            guard isWord else {
                // A hyphen between two words keeps the compound open; anything else closes it.
                let next = index + width
                let isHyphen = width == 1 ? bytes[index] == UInt8(ascii: "-") : Self.isHyphen(scalar(at: index, in: bytes).scalar)
                if !(isHyphen && parts > 0 && next < bytes.count && wordScalar(at: next, in: bytes).isWord && lastEnd == index) {
                    closeCompound()
                }
                index = next
                continue
            }
            // The run of word scalars; a run of lowercase ASCII letters and digits is its own form.
            let start = index
            var isForm = true
            while index < bytes.count {
                let byte = bytes[index]
                if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                    index += 1
                    continue
                }
                let (isWord, width) = wordScalar(at: index, in: bytes)
                guard isWord else { break }
                isForm = false
                index += width
            }
            let length: Int
            if isForm {
                length = index - start
                if length > 1 { body(UnsafeBufferPointer(rebasing: bytes[start..<index]), start..<index) }
            } else {
                length = fold(bytes, start..<index, into: &folded) { form, range in if form.count > 1 { body(form, range) } }
            }
            if length == 0 {
                closeCompound()
            } else {
                if parts == 0 { compoundStart = start }
                parts += 1
                lastEnd = index
            }
        }
        closeCompound()
    }

    /// Folds the scalars of `range` into `folded` and calls `body` with the form and the range; returns the form's length.
    @discardableResult
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into folded: inout [UInt8],
                             _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) -> Int {
        folded.removeAll(keepingCapacity: true)
        let run = UnsafeBufferPointer(rebasing: bytes[range])
        if run.allSatisfy({ $0 < 0x80 }) {
            for byte in run { append(byte, to: &folded) }
        } else {
            folded.append(contentsOf: fold(String(decoding: run, as: UTF8.self).unicodeScalars).utf8)
        }
        folded.withUnsafeBufferPointer { body($0, range) }
        return folded.count
    }

    /// The words of `text` in order, each hyphenated compound after its parts.
    package static func words(in text: String) -> [Word] {
        var words: [Word] = []
        forEachWord(in: text) { form, range in
            words.append(Word(form: String(decoding: form, as: UTF8.self), start: range.lowerBound, end: range.upperBound))
        }
        return words
    }

    /// The folded forms of a query or text, in order, without positions (a compound after its parts).
    package static func forms(in text: String) -> [String] { words(in: text).map(\.form) }
}
