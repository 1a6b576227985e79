import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// Reads one APA 7 reference list entry: authors, year (with letter), title and source.
///
/// `Kegan, R. (1994). *In over our heads*. Harvard University Press.` gives the surname Kegan and
/// the year 1994; `DeRue, D. S., & Ashford, S. J. (2010). Who will lead…` gives DeRue and Ashford;
/// a corporate author (`VPRO. (2015).`) is one surname.
package enum ReferenceParser {
    /// What an entry says, before keys are assigned.
    package struct Entry: Hashable, Sendable {
        /// Surnames in order.
        package var surnames: [String]
        /// The year as written, without letter.
        package var year: String
        /// The letter after the year, if any.
        package var yearSuffix: String?
        /// The title, if found.
        package var title: String?
        /// What follows the title (publisher, journal, web address), if anything.
        package var source: String? = nil
        /// Whether the author list ends in an ellipsis (`McAuley, … (2000).`): the work has authors the entry does
        /// not name, so it is cited as `McAuley e.a.` whatever the number of surnames.
        package var authorsAbbreviated: Bool = false

        /// Whether the entry has what APA 7 asks of every reference after the year: a title and a source.
        package var isComplete: Bool { title != nil && source != nil }

        /// Whether the entry gives nothing after its year (`Bion. (1967).`): only its authors and year are known.
        package var isAuthorAndYearOnly: Bool { title == nil && source == nil }
    }

    private static let yearPattern = try! NSRegularExpression(
        pattern: #"\((\d{4})([a-z])?(?:[,;][^)]*)?\)|\(([nz]\.\s?d\.)\)"#)

    /// Parses the plain text of an entry, or returns `nil` when it has no `(year)` after the authors.
    package static func parse(_ text: String) -> Entry? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = yearPattern.firstMatch(in: text, range: range),
              let whole = Range(match.range, in: text) else { return nil }
        let authorText = TextBytes.trimmingSpaces(text[..<whole.lowerBound])
        guard !authorText.isEmpty else { return nil }
        let surnames = surnames(in: authorText)
        guard !surnames.isEmpty else { return nil }
        let year: String, suffix: String?
        if let yearRange = Range(match.range(at: 1), in: text) {
            year = String(text[yearRange])
            suffix = Range(match.range(at: 2), in: text).map { String(text[$0]) }
        } else {
            year = "n.d."
            suffix = nil
        }
        var rest = text[whole.upperBound...].drop { $0 == "." || $0.isWhitespace }
        var title: String?
        if !rest.isEmpty {
            var end = rest.startIndex
            while end < rest.endIndex {
                let next = rest.index(after: end)
                if ".?!".contains(rest[end]), next == rest.endIndex || rest[next].isWhitespace { break }
                end = next
            }
            let keep = end < rest.endIndex && rest[end] != "." ? rest.index(after: end) : end
            title = String(rest[..<keep]).trimmingCharacters(in: .whitespaces)
            if title?.isEmpty == true { title = nil }
            rest = rest[end...]
        }
        let source = TextBytes.trimmingSpaces(rest.drop { ".?!".contains($0) || $0.isWhitespace })
        return Entry(surnames: surnames, year: year, yearSuffix: suffix, title: title, source: source.isEmpty ? nil : source,
                     authorsAbbreviated: endsInEllipsis(authorText))
    }

    /// The surnames of an APA author list: the parts before each person's initials.
    static func surnames(in authors: String) -> [String] {
        var text = authors
        if text.hasSuffix(".") && !isInitials(String(text.split(separator: ",").last ?? "")) { text.removeLast() }
        for (target, replacement) in [(" & ", ", "), (", &", ","), (" en ", ", "), (" and ", ", ")] {
            text = TextBytes.replacing(target, with: replacement, in: text)
        }
        let parts = text.split(separator: ",").map(TextBytes.trimmingSpaces).filter { !$0.isEmpty }
        var surnames: [String] = []
        for part in parts {
            let cleaned = part.hasPrefix("& ") ? String(part.dropFirst(2)) : part
            if isInitials(cleaned) || cleaned == "..." || cleaned == "…" { continue }
            surnames.append(cleaned)
        }
        return surnames
    }

    /// Whether an APA author list ends in an ellipsis (`McAuley, …` or `McAuley, ...`), after which no last author is named.
    static func endsInEllipsis(_ authors: String) -> Bool {
        var text = TextBytes.trimmingSpaces(authors)
        if text.hasSuffix(".") && !text.hasSuffix("...") { text = TextBytes.trimmingSpaces(text.dropLast()) }
        return text.hasSuffix("…") || text.hasSuffix("...")
    }

    /// Whether a part is a person's initials, such as `R.`, `D. S.`, `J.-P.` or `C.J.`.
    static func isInitials(_ part: String) -> Bool {
        let trimmed = TextBytes.trimmingSpaces(part)
        guard !trimmed.isEmpty, trimmed.utf8.contains(UInt8(ascii: ".")) else { return false }
        var letters = 0
        for word in trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }) {
            guard word.count <= 2, word.first?.isUppercase == true else { return false }
            letters += 1
        }
        return letters > 0
    }
}
