import Foundation

/// Text work done on a string's UTF-8 bytes rather than through Foundation or `Character`s, for the
/// scanners that run over every paragraph of every page. Each function states what Foundation or
/// standard-library call it stands in for; the tests hold them to it.
package enum TextBytes {
    /// `text.utf8.contains { isWanted($0) }`, read from the text's contiguous UTF-8 storage instead of
    /// through its iterator (several times faster over long text, which is what the scanners see). Inlinable, so
    /// that `isWanted` is inlined into the loop rather than called for every byte.
    @inlinable @inline(__always)
    package static func contains(in text: some StringProtocol, where isWanted: (UInt8) -> Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isWanted) } ?? text.utf8.contains(where: isWanted)
    }

    /// `text.utf8.contains(byte)`, answered by `memchr` over the text's UTF-8 storage: for a scanner that asks it of
    /// every paragraph's text before it looks closer.
    package static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.count > 0 && memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil }
    }

    /// `text` in storage of its own size (`String(text)` shares the storage): a string made by appending keeps the
    /// spare room of its last growth, which is worth giving back when many such strings are kept for long.
    package static func compact(_ text: String) -> String {
        let count = text.utf8.count
        guard count > 15 else { return text }
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return count
            }
        }
    }

    /// `scalar.properties.isWhitespace`, answered without a table lookup for ASCII (tab to carriage return, space).
    @inline(__always)
    package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// For each offset in `text` counted in units of `width` (UTF-16 code units, or scalars) that starts a
    /// scalar, and for the end, the UTF-8 offset there; `nil` when the text is ASCII and both are the same.
    package static func utf8Offsets(of text: String, width: (Unicode.Scalar) -> Int) -> [Int]? {
        guard contains(in: text, where: { $0 >= 0x80 }) else { return nil }
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
    package struct ScalarText {
        /// The text.
        package let text: String
        private let offsets: [Int]?

        /// Maps the text's scalar offsets once.
        package init(_ text: String) {
            self.text = text
            self.offsets = TextBytes.utf8Offsets(of: text) { _ in 1 }
        }

        /// The number of scalars.
        package var count: Int { offsets.map { $0.count - 1 } ?? text.utf8.count }

        /// The UTF-8 offsets of a range of scalar offsets.
        package func utf8(_ range: Range<Int>) -> Range<Int> {
            (offsets?[range.lowerBound] ?? range.lowerBound)..<(offsets?[range.upperBound] ?? range.upperBound)
        }

        /// The text between two scalar offsets.
        package func slice(_ range: Range<Int>) -> Substring {
            TextBytes.slice(text, utf8(range))
        }
    }

    /// The part of `text` between two UTF-8 offsets, which must lie on scalar boundaries.
    package static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        let bytes = text.utf8
        let lower = bytes.index(bytes.startIndex, offsetBy: range.lowerBound)
        return Substring(bytes[lower..<bytes.index(lower, offsetBy: range.count)])
    }

    /// Where `needle`'s UTF-8 bytes first occur in `text`: a byte search, not Foundation's `range(of:)`,
    /// which goes through NSString and is many times slower.
    package static func firstIndex(of needle: String, in text: Substring) -> String.Index? {
        let pattern = Array(needle.utf8)
        let bytes = text.utf8
        guard let first = pattern.first else { return nil }
        // Read from contiguous storage (every native string): a plain loop over the bytes, many times faster than
        // the collection's indices.
        if let offset = bytes.withContiguousStorageIfAvailable({ buffer -> Int? in
            var start = 0
            while let candidate = buffer[start...].firstIndex(of: first) {
                if buffer[candidate...].starts(with: pattern) { return candidate }
                start = candidate + 1
            }
            return nil
        }) {
            return offset.map { bytes.index(bytes.startIndex, offsetBy: $0) }
        }
        var index = bytes.startIndex
        while let candidate = bytes[index...].firstIndex(of: first) {
            if bytes[candidate...].starts(with: pattern) { return candidate }
            index = bytes.index(after: candidate)
        }
        return nil
    }

    /// `text` with every occurrence of `target` replaced, left to right and without overlaps: what
    /// Foundation's `replacingOccurrences(of:with:)` does for an ASCII target in composed (NFC) text.
    package static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        precondition(!target.isEmpty, "an empty target cannot be replaced")
        guard var found = firstIndex(of: target, in: text[...]) else { return text }
        // Cut on the UTF-8 view, so that no index is rounded to a character boundary.
        let bytes = text.utf8
        var result = ""
        result.reserveCapacity(bytes.count)
        var copied = bytes.startIndex
        while true {
            result += Substring(bytes[copied..<found])
            result += replacement
            copied = bytes.index(found, offsetBy: target.utf8.count)
            guard let next = firstIndex(of: target, in: Substring(bytes[copied...])) else { break }
            found = next
        }
        result += Substring(bytes[copied...])
        return result
    }

    /// `text` without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` does (space separators and the tab).
    package static func trimmingSpaces(_ text: Substring) -> String {
        String(trimming(text) { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator })
    }

    /// `text` without the scalars at either end for which `isTrimmed` holds.
    package static func trimming(_ text: Substring, where isTrimmed: (Unicode.Scalar) -> Bool) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return Substring(scalars[first...last])
    }

    /// ``trimmingSpaces(_:)-(Substring)`` for a whole string.
    package static func trimmingSpaces(_ text: String) -> String {
        trimmingSpaces(text[...])
    }
}
