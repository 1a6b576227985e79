import Foundation
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The citation scanner as it was written first, with NSRegularExpression: the oracle that
/// `CitationScannerTests` holds the scalar-level ``CitationScanner`` to. The patterns are the grammar.
enum RegexCitationScanner {
    /// A surname: optional particles, then a capitalised word (letters, apostrophes, hyphens).
    static let name = #"(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]en|[Tt]er|[Vv]on|’t|'t|[Ll]a|[Ll]e|[Dd]u)\s+)*\p{Lu}[\p{L}’'\-]+"#
    static let year = #"(?:\d{4}[a-z]?|[nz]\.\s?d\.)"#
    static let locator = #"(?:,\s*(?:p|pp|blz|s|hfst|ch)\.\s*[\d\-–, ]*\d)"#
    static let authors = "(\(name))(?:\\s+(en|&|and)\\s+(\(name))|\\s+(e\\.a\\.|et\\s+al\\.))?"

    static let narrative = try! NSRegularExpression(pattern: "\(authors)\\s*\\((\(year)(?:\\s*,\\s*\(year))*)\(locator)?\\)")
    static let parenthetical = try! NSRegularExpression(pattern: #"\(([^()]*?\d{4}[a-z]?[^()]*)\)"#)
    static let parentheticalPart = try! NSRegularExpression(pattern: "\(authors),?\\s+(\(year)(?:\\s*,\\s*\(year))*)\(locator)?\\s*$")
    static let pandoc = try! NSRegularExpression(pattern: #"\[(@[^\[\]]+)\]"#)
    static let pandocPart = try! NSRegularExpression(pattern: #"@([\p{L}\d_:\-.]*[\p{L}\d])"#)
    static let yearToken = try! NSRegularExpression(pattern: year)

    /// Every citation in the text, in order, without overlaps.
    static func scan(_ text: String) -> [CitationCandidate] {
        // Every form has a parenthesis or a bracket: most text has neither and needs no regular expression.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }) else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [(NSRange, CitationCandidate.AuthorForm, String, String, Bool)] = []
        var covered: [NSRange] = []

        for match in pandoc.matches(in: text, range: whole) {
            covered.append(match.range)
            let inner = match.range(at: 1)
            let parts = pandocPart.matches(in: text, range: inner)
            if parts.count == 1 {
                found.append((match.range, .key, ns.substring(with: parts[0].range(at: 1)), "", true))
            } else {
                for part in parts { found.append((part.range, .key, ns.substring(with: part.range(at: 1)), "", true)) }
            }
        }
        for match in parenthetical.matches(in: text, range: whole) where !overlaps(match.range, covered) {
            let inner = match.range(at: 1)
            var start = inner.location
            var parts: [(NSRange, CitationCandidate.AuthorForm, String, String, Bool)] = []
            for piece in ns.substring(with: inner).components(separatedBy: ";") {
                let length = (piece as NSString).length
                let pieceRange = NSRange(location: start, length: length)
                start += length + 1
                guard let part = parentheticalPart.firstMatch(in: text, range: pieceRange) else { continue }
                let years = yearToken.matches(in: text, range: part.range(at: 5))
                let form = form(of: part, in: ns)
                let linkStart = part.range(at: 1).location
                if years.count == 1 {
                    let end = part.range.location + part.range.length
                    parts.append((NSRange(location: linkStart, length: end - linkStart), form, ns.substring(with: part.range(at: 1)), ns.substring(with: years[0].range), true))
                } else {
                    for year in years { parts.append((year.range, form, ns.substring(with: part.range(at: 1)), ns.substring(with: year.range), true)) }
                }
            }
            if !parts.isEmpty {
                covered.append(match.range)
                found += parts
            }
        }
        for match in narrative.matches(in: text, range: whole) where !overlaps(match.range, covered) {
            let years = yearToken.matches(in: text, range: match.range(at: 5))
            let form = form(of: match, in: ns)
            let name = ns.substring(with: match.range(at: 1))
            if years.count == 1 {
                found.append((match.range, form, name, ns.substring(with: years[0].range), false))
            } else {
                for year in years { found.append((year.range, form, name, ns.substring(with: year.range), false)) }
            }
        }
        found.sort { $0.0.location < $1.0.location }
        let offsets = TextBytes.utf8Offsets(of: text, width: UTF16.width)
        return found.map { range, form, name, year, parenthetical in
            let lower = offsets?[range.location] ?? range.location
            let upper = offsets?[range.location + range.length] ?? range.location + range.length
            return CitationCandidate(name: name, year: year.replacingOccurrences(of: " ", with: ""), form: form, range: lower..<upper, isParenthetical: parenthetical)
        }
    }

    private static func form(of match: NSTextCheckingResult, in text: NSString) -> CitationCandidate.AuthorForm {
        if match.range(at: 3).location != NSNotFound { return .two }
        if match.range(at: 4).location != NSNotFound { return .many }
        return .one
    }

    private static func overlaps(_ range: NSRange, _ covered: [NSRange]) -> Bool {
        covered.contains { NSIntersectionRange($0, range).length > 0 }
    }
}
