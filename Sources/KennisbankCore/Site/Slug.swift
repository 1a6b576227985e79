import Foundation

/// Slugs: the file-name part of a URL, made of a-z, 0-9 and '-'.
package enum Slug {
    /// Whether a text is a valid slug.
    package static func isValid(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug made from a title: diacritics folded (ë → e), lowercased, other characters turned into '-';
    /// `ifEmpty` when the title has no letter or digit.
    package static func make(from title: String, ifEmpty: String = "item") -> String {
        let slug = bytes(of: title[...])
        return slug.isEmpty ? ifEmpty : String(decoding: slug, as: UTF8.self)
    }

    /// The bytes of ``make(from:ifEmpty:)``'s slug of `title`, empty when it has no letter or digit: read from a
    /// table for ASCII and Latin text (``SlugFolding``), through Foundation's folding for any other.
    package static func bytes(of title: Substring) -> [UInt8] {
        SlugFolding.slug(of: title) ?? Array(makeByFolding(String(title), ifEmpty: "").utf8)
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
        var slug = ""
        var pendingDash = false
        for scalar in fold(title).unicodeScalars {
            if isSlugCharacter(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if !isDropped(scalar) {
                pendingDash = true
            }
        }
        return slug.isEmpty ? ifEmpty : slug
    }

    /// Foundation's folding of a title for its slug: diacritics, case and width.
    static func fold(_ title: String) -> String {
        title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "nl"))
    }

    /// Whether a folded scalar is kept in a slug: a-z or 0-9.
    static func isSlugCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Whether a folded scalar is left out of a slug without breaking its word: an apostrophe (' or ’).
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’"
    }
}
