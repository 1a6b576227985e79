import Foundation

/// Slugs: the file-name part of a URL, made of a-z, 0-9 and '-'.
public enum Slug {
    /// Whether a text is a valid slug.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug made from a title: diacritics folded (ë → e), lowercased, other characters turned into '-';
    /// `ifEmpty` when the title has no letter or digit.
    public static func make(from title: String, ifEmpty: String = "item") -> String {
        title.utf8.allSatisfy({ $0 < 0x80 }) ? makeFromASCII(title, ifEmpty: ifEmpty) : makeByFolding(title, ifEmpty: ifEmpty)
    }

    /// The longest slugs ``capped(_:)`` leaves whole, in bytes: a file name well below any file system's limit
    /// (255 bytes) and a URL that still reads.
    package static let maximumFileLength = 80

    /// `slug` cut to at most `maximum` bytes at a hyphen, so that no word is cut in two (a first word longer than
    /// `maximum` is cut at `maximum`); a slug that fits is returned as it is.
    package static func capped(_ slug: String, maximum: Int = maximumFileLength) -> String {
        let bytes = Array(slug.utf8)
        guard bytes.count > maximum else { return slug }
        // The cut falls at a word's end when the byte after the kept part is a hyphen, else at the last hyphen kept.
        let end = bytes[maximum] == UInt8(ascii: "-") ? maximum : (bytes[..<maximum].lastIndex(of: UInt8(ascii: "-")) ?? maximum)
        return String(decoding: bytes[..<(end > 0 ? end : maximum)], as: UTF8.self)
    }

    /// ``make(from:ifEmpty:)`` by Foundation's folding, for any text.
    static func makeByFolding(_ title: String, ifEmpty: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "nl"))
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? ifEmpty : slug
    }

    /// ``make(from:ifEmpty:)`` for ASCII text, where folding is lowercasing: the same slug without Foundation's
    /// folding, which costs more than the rest of the slug (a paragraph anchor slugs every paragraph's opening).
    private static func makeFromASCII(_ title: String, ifEmpty: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        var pendingDash = false
        for byte in title.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lower)
            } else if lower != UInt8(ascii: "'") {
                pendingDash = true
            }
        }
        return bytes.isEmpty ? ifEmpty : String(decoding: bytes, as: UTF8.self)
    }
}
