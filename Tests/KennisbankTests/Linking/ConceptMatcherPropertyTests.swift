import XCTest
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankLinking

/// The concept matcher, which reads a text's UTF-8 bytes once, against a plain search over the text's folded scalars
/// that tries every name at every place: on random texts of names, their parts and the characters the rules are about
/// (quotes, hyphens, white space, accents, combining marks, capitals, case-sensitive names).
final class ConceptMatcherPropertyTests: XCTestCase {
    private static let names: [(name: String, concept: String)] = [
        ("niet-weten", "niet-weten"), ("niet weten", "niet-weten"), ("weten", "weten"), ("Box", "box"),
        ("professionele identiteit", "pi"), ("professionele identiteit als leider", "pil"), ("identiteit", "identiteit"),
        ("'Leider-zijn'", "leider-zijn"), ("café", "cafe"), ("Ideeën", "ideeen"), ("’t Hooft", "hooft"), ("é", "e"),
        ("a b", "ab"), ("b", "b"), ("ÉCOLE", "ecole"), ("Σοφία", "sofia"), ("İz", "iz"),
    ]
    private static let caseSensitive: Set<String> = ["box", "hooft"]

    /// Pieces random texts are made of.
    private static let pieces = [
        "niet", "weten", "niet-weten", "NIET", "Weten", "box", "Box", "BOX", "professionele", "identiteit", "als", "leider",
        "Leider-zijn", "café", "cafe\u{301}", "CAFÉ", "ideeën", "IDEEËN", "’t", "'t", "Hooft", "hooft", "é", "É", "a", "b",
        "école", "σοφία", "ΣΟΦΊΑ", "iz", "İz", " ", " ", " ", "\n", "\t", "\u{A0}", "-", "-", "'", "‘", "’", "“", "”", "„", "\"",
        "_", "1", ".", ",", "(", ")", "\u{301}", "ß", "😀", "x", "ë",
    ]

    func testTheByteMatcherFindsWhatASearchOfEveryNameAtEveryPlaceFinds() {
        let matcher = ConceptMatcher(names: Self.names, caseSensitive: Self.caseSensitive)
        var generator = SeededGenerator(seed: 26)
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.search(text)
            let found = matcher.found(in: text)
            XCTAssertEqual(found.map { "\($0.concept)@\($0.scalars)" }, expected.map { "\($0.concept)@\($0.range)" }, text.debugDescription)
            // The byte ranges are the scalar ranges' bytes.
            let scalars = Array(text.unicodeScalars)
            for match in found {
                let written = String(String.UnicodeScalarView(scalars[match.scalars]))
                XCTAssertEqual(String(TextBytes.slice(text, match.bytes)), written, text.debugDescription)
            }
        }
    }

    func testMatchesAtTheEdgesOfTheText() {
        let matcher = ConceptMatcher(names: Self.names, caseSensitive: Self.caseSensitive)
        for text in ["weten", "’weten’-x", "x-‘weten’", "-‘weten’", "‘weten’-", "é", "\u{301}é", "é\u{301}", "Box", "box", "’t Hooft", "'t Hooft"] {
            XCTAssertEqual(matcher.found(in: text).map { "\($0.concept)@\($0.scalars)" }, Self.search(text).map { "\($0.concept)@\($0.range)" }, text)
        }
    }

    /// Every whole-word, leftmost-longest match, found by comparing every name's folded scalars at every place.
    private static func search(_ text: String) -> [ConceptMatch] {
        var seen = Set<[UInt32]>()
        var patterns: [(folded: [UInt32], concept: String, exact: [UInt32]?)] = []
        for (name, concept) in names {
            let folded = ConceptMatcher.fold(name)
            guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
            patterns.append((folded, concept, caseSensitive.contains(concept) ? ConceptMatcher.fold(name, lowercase: false) : nil))
        }
        let characters = ConceptMatcher.fold(text), written = ConceptMatcher.fold(text, lowercase: false)
        var candidates: [ConceptMatch] = []
        for start in characters.indices {
            for pattern in patterns where characters[start...].starts(with: pattern.folded) {
                let range = start..<(start + pattern.folded.count)
                guard isBoundary(characters, start - 1), isBoundary(characters, range.upperBound), !isInCompound(characters, range) else { continue }
                if let exact = pattern.exact, !written[range].elementsEqual(exact) { continue }
                candidates.append(ConceptMatch(concept: pattern.concept, range: range))
            }
        }
        candidates.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var chosen: [ConceptMatch] = []
        var end = 0
        for candidate in candidates where candidate.range.lowerBound >= end {
            chosen.append(candidate)
            end = candidate.range.upperBound
        }
        return chosen
    }

    /// The rule of ``ConceptMatcher``: a quoted match joined to a word by a hyphen is part of a compound.
    private static func isInCompound(_ scalars: [UInt32], _ range: Range<Int>) -> Bool {
        let isQuote = { (value: UInt32) in [0x2019, 0x201C, 0x201D, 0x201E, 0x22].contains(value) }
        var after = range.upperBound
        while after < scalars.count, isQuote(scalars[after]) { after += 1 }
        if after > range.upperBound, after + 1 < scalars.count, scalars[after] == 0x2D, !isBoundary(scalars, after + 1) { return true }
        var before = range.lowerBound - 1
        while before >= 0, isQuote(scalars[before]) { before -= 1 }
        if before < range.lowerBound - 1, before >= 1, scalars[before] == 0x2D, !isBoundary(scalars, before - 1) { return true }
        return false
    }

    /// The rule of ``ConceptMatcher``: letters, combining marks, digits, hyphens and underscores join a match to a word.
    private static func isBoundary(_ scalars: [UInt32], _ index: Int) -> Bool {
        guard index >= 0, index < scalars.count, let scalar = Unicode.Scalar(scalars[index]) else { return true }
        if scalar == "-" || scalar == "_" { return false }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return false }
        return ![.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
    }
}
