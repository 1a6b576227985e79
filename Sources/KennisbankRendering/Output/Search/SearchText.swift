/// Words of a text as the search index and the browser's `search.js` see them: case and diacritics folded
/// ("Cliënt" → `client`), apostrophes dropped (`cliënt's` → `clients`), everything but letters and digits a
/// separator, and words of one character left out. Words joined by a hyphen are also one word, joined
/// (`niet-weten` gives `niet`, `weten` and `nietweten`), so that "niet weten" and "niet-weten" find each other.
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
    private static func append(_ byte: UInt8, to ascii: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): ascii.append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): ascii.append(byte + 32)
        default: break
        }
    }

    /// Whether a scalar belongs to a word: a letter, a digit, a combining mark, or an apostrophe (dropped by ``fold(_:)``).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
        }
        if scalar == "\u{2019}" || (0x300...0x36f).contains(scalar.value) { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether a scalar joins two words into one (`niet-weten`): a hyphen-minus, hyphen or non-breaking hyphen.
    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    /// The words of `text` in order, each hyphenated compound after its parts.
    package static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var compound: [Word] = []
        // An array of scalars: indexing a String's scalar view steps through its UTF-8 at every index, and this
        // loop runs over every word of the site.
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var offset = 0
        func closeCompound() {
            if compound.count > 1 {
                let form = compound.map(\.form).joined()
                words.append(Word(form: form, start: compound[0].start, end: compound[compound.count - 1].end))
            }
            compound.removeAll()
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isWordScalar(scalar) else {
                // A hyphen between two words keeps the compound open; anything else closes it.
                let next = index + 1
                if !(isHyphen(scalar) && !compound.isEmpty && next < scalars.endIndex && isWordScalar(scalars[next])
                     && compound[compound.count - 1].end == offset) {
                    closeCompound()
                }
                offset += UTF8.width(scalar)
                index = next
                continue
            }
            let start = index, startOffset = offset
            while index < scalars.endIndex && isWordScalar(scalars[index]) {
                offset += UTF8.width(scalars[index])
                index += 1
            }
            let form = fold(scalars[start..<index])
            let word = Word(form: form, start: startOffset, end: offset)
            if form.utf8.count > 1 { words.append(word) }
            if form.isEmpty { closeCompound() } else { compound.append(word) }
        }
        closeCompound()
        return words
    }

    /// The folded forms of a query or text, in order, without positions (a compound after its parts).
    package static func forms(in text: String) -> [String] { words(in: text).map(\.form) }
}
