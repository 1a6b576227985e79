import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// One work in a reference list, parsed from an APA 7 entry.
public struct Reference: Hashable, Sendable {
    /// The key: first author's surname folded to lowercase ASCII, the year, and a letter where needed (`petriglieri2011a`).
    public var key: String
    /// The authors' surnames as written, in order.
    public var surnames: [String]
    /// The year as written (`1994`, `n.d.`), without its letter.
    public var year: String
    /// The year's letter (`a` in 2011a), given or assigned.
    public var yearSuffix: String?
    /// The title, plain text, when it could be found.
    public var title: String?
    /// The entry's formatted content, for rendering.
    public var inlines: [InlineNode]
    /// Every place the work is listed.
    public var sources: [ReferenceSource]

    /// The entry as plain text.
    public var plainText: String { inlines.plainText }

    /// The order of an APA list: surname, year, letter, then the text.
    public var sortKey: String { "\(ReferenceKey.fold(surnames.first ?? "")) \(year)\(yearSuffix ?? "") \(plainText.lowercased())" }
}

/// A place where a reference is listed.
public struct ReferenceSource: Hashable, Sendable {
    /// The file.
    public var path: String
    /// The line and column of the list item.
    public var position: SourcePosition
    /// The article whose Literatuur list holds it, or `nil` for a bibliography file.
    public var articleSlug: String?
}

/// Keys of references.
public enum ReferenceKey {
    /// A surname folded to lowercase ASCII letters: diacritics removed, particles kept, everything else dropped.
    /// "Van Es" → `vanes`, "’t Hart" → `thart`, "Güell" → `guell`.
    public static func fold(_ surname: String) -> String {
        // ASCII (most surnames): folding only lowercases, so the letters are kept lowercased without Foundation.
        if !TextBytes.contains(in: surname, where: { $0 >= 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(surname.utf8.count)
            for byte in surname.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let folded = surname.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }
}
