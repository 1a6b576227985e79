import Foundation

/// The folding of ``Slug/make(from:ifEmpty:)`` read from a table for ASCII and Latin text, which is nearly every
/// title and paragraph opening, instead of through Foundation's folding, which costs far more than the rest of a slug.
///
/// Each scalar of the table holds what Foundation's folding gives for that scalar alone, so the table cannot
/// drift from it. Scalars outside the table (combining marks, other scripts, invisible joiners) may fold together
/// with their neighbours: a text holding one is not read from the table, and ``slug(of:)`` gives `nil`.
enum SlugFolding {
    /// What a folded scalar adds to a slug: a letter or digit, nothing (an apostrophe), or a word break.
    private static let skipped: UInt8 = 0, breaks: UInt8 = 0xFF

    /// The scalars read from the table: Latin-1 letters and signs, Latin Extended-A and B, general punctuation
    /// (dashes, quotes, ellipsis), without the controls, spaces and invisible marks among them.
    static let ranges: [ClosedRange<UInt32>] = [0xA0...0x24F, 0x2010...0x2027, 0x2030...0x205E]

    /// For each scalar of ``ranges``, in order, the classes of the scalars it folds to (see ``skipped``, ``breaks``).
    private static let table: [[UInt8]] = ranges.flatMap { range in
        range.map { value in
            Slug.fold(String(Unicode.Scalar(value)!)).unicodeScalars.map { folded in
                Slug.isSlugCharacter(folded) ? UInt8(folded.value) : Slug.isDropped(folded) ? skipped : breaks
            }
        }
    }

    /// The slug bytes of `text` (empty when it has no letter or digit), or `nil` when a scalar of it is outside
    /// the table.
    static func slug(of text: Substring) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func add(_ byte: UInt8) {
            if byte == breaks {
                pendingDash = true
            } else if byte != skipped {
                if pendingDash, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(byte)
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                add((0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) ? lower : lower == UInt8(ascii: "'") ? skipped : breaks)
                continue
            }
            guard let index = tableIndex(value) else { return nil }
            for byte in table[index] { add(byte) }
        }
        return bytes
    }

    /// Where `value` stands in ``table``, or `nil` when it is outside ``ranges``.
    private static func tableIndex(_ value: UInt32) -> Int? {
        var offset = 0
        for range in ranges {
            if range.contains(value) { return offset + Int(value - range.lowerBound) }
            offset += range.count
        }
        return nil
    }
}
