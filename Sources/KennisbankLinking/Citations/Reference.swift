import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// One work in a reference list, parsed from an APA 7 entry.
package struct Reference: Hashable, Sendable {
    /// The key: first author's surname folded to lowercase ASCII, the year, and a letter where needed (`petriglieri2011a`).
    package var key: String
    /// The authors' surnames as written, in order.
    package var surnames: [String]
    /// The year as written (`1994`, `n.d.`), without its letter.
    package var year: String
    /// The year's letter (`a` in 2011a), given or assigned.
    package var yearSuffix: String?
    /// The title, plain text, when it could be found.
    package var title: String?
    /// The entry's formatted content, for rendering.
    package var inlines: [InlineNode]
    /// Every place the work is listed.
    package var sources: [ReferenceSource]
    /// Whether the entry's author list ends in an ellipsis: the work has authors it does not name (``ReferenceParser/Entry/authorsAbbreviated``).
    package var authorsAbbreviated: Bool = false
    /// Whether the entry gives nothing after its year: only its authors and year are known
    /// (``ReferenceParser/Entry/isAuthorAndYearOnly``), and it is shown as such (``shownInlines``).
    package var isAuthorAndYearOnly: Bool = false

    /// The entry as plain text.
    package var plainText: String { inlines.plainText }

    /// Where the work stands in an APA 7 reference list (see ``ReferenceOrder``), but for works whose order is the
    /// same: those follow their ``orderText``.
    package var order: ReferenceOrder {
        ReferenceOrder(surnames: surnames.map(ReferenceKey.fold), year: year == "n.d." ? "" : year, letter: yearSuffix ?? "")
    }

    /// The entry's text, lowercased: what orders works of the same ``order``, the last resort.
    package var orderText: String { plainText.lowercased() }
}

/// The order of an APA 7 reference list: by the first author's surname; a work by one author before the works
/// of that author with others, which follow in the order of their further authors' surnames; the works of the
/// same authors by year, a work without a date (`n.d.`) first; works of the same authors and year in the order of
/// their letters (2011a before 2011b), which are the keys the author cites. Works equal in all of these follow the
/// entry's text (``Reference/orderText``, made only for them).
///
/// Surnames are compared folded to lowercase ASCII letters, particles kept ("Van Es" sorts as `vanes`).
package struct ReferenceOrder: Comparable, Sendable {
    /// The authors' surnames, folded.
    var surnames: [String]
    /// The year, empty for a work without a date.
    var year: String
    /// The year's letter, given or assigned, or empty.
    var letter: String

    package static func < (lhs: ReferenceOrder, rhs: ReferenceOrder) -> Bool {
        // A list of surnames that is the start of another is shorter, and so comes first: Collins before Collins & Porras.
        if lhs.surnames != rhs.surnames { return lhs.surnames.lexicographicallyPrecedes(rhs.surnames) }
        return (lhs.year, lhs.letter) < (rhs.year, rhs.letter)
    }
}

/// A place where a reference is listed.
package struct ReferenceSource: Hashable, Sendable {
    /// The file.
    package var path: String
    /// The line and column of the list item.
    package var position: SourcePosition
    /// The article whose Literatuur list holds it, or `nil` for a bibliography file.
    package var articleSlug: String?
}

/// Keys of references.
package enum ReferenceKey {
    /// A surname folded to lowercase ASCII letters: diacritics removed, particles kept, everything else dropped.
    /// "Van Es" → `vanes`, "’t Hart" → `thart`, "Güell" → `guell`.
    package static func fold(_ surname: String) -> String {
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
