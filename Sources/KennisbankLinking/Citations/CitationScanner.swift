import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// A citation found in running text, before it is resolved.
package struct CitationCandidate: Hashable, Sendable {
    /// How the authors were written, which tells how many there should be.
    package enum AuthorForm: Hashable, Sendable {
        /// One name: a single author.
        case one
        /// Two names joined by en, &, and: two authors.
        case two
        /// A name followed by e.a. or et al.: three or more.
        case many
        /// A pandoc key (`[@kegan1994]`): no author form.
        case key
    }

    /// The first author's surname as written, or the pandoc key.
    package var name: String
    /// The year with its letter, as written (`2011`, `2011a`), empty for pandoc keys.
    package var year: String
    /// How the authors were written.
    package var form: AuthorForm
    /// The range of the text's UTF-8 bytes that becomes the link.
    package var range: Range<Int>
    /// Whether it stood in parentheses with its year, `(Pont, 2013)`: then it is surely meant as a citation.
    package var isParenthetical: Bool
}

/// Finds citations in a text: pandoc keys (`[@key, p. 21]`, `[@a; @b]`), narrative author-year
/// citations (`Kegan (1994)`, `DeRue en Ashford (2010)`, `Petriglieri (2010, 2011)`,
/// `Ruijters (2015, p. 22-23)`) and parenthetical ones (`(Pont, 2013)`, `(Sommer e.a., 2010; Kegan, 1994)`).
///
/// The grammar, as regular expressions (ICU's `\s` is White_Space, `\d` is `\p{Nd}`):
///
///     name          ((van|de|der|den|ten|ter|von|’t|'t|la|le|du, with a capital or not)\s+)* \p{Lu}[\p{L}’'\-]+
///     year          \d{4}[a-z]? | [nz]\.\s?d\.
///     locator       ,\s*(p|pp|blz|s|hfst|ch)\.\s*[\d\-–, ]*\d
///     authors       (name) ( \s+(en|&|and)\s+(name) | \s+(e\.a\.|et\s+al\.) )?
///     narrative     authors \s* \( year(\s*,\s*year)* locator? \)
///     parenthetical \( [^()]*? \d{4} [^()]* \)   split on ;   each: authors ,?\s+ year(\s*,\s*year)* locator? \s* (to its end)
///     pandoc        \[ @[^\[\]]+ \]          each part: @[\p{L}\d_:\-.]*[\p{L}\d]
///
/// It reads the text's Unicode scalars once per form, trying the alternatives in the order a
/// backtracking regular-expression engine would, so it finds what those expressions find (a test holds
/// it to NSRegularExpression), at a fraction of the cost.
package enum CitationScanner {
    /// Every citation in the text, in order, without overlaps.
    package static func scan(_ text: String) -> [CitationCandidate] {
        var storage = text
        let ascii: [CitationCandidate]? = storage.withUTF8 { bytes in
            var hasOpening = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { hasOpening = true }
            }
            // Every form has a parenthesis or a bracket: most text has neither.
            guard hasOpening else { return [] }
            // Each scalar is one byte: the reader reads the bytes, and its offsets are UTF-8 offsets.
            return scan(CitationReader(ASCIIScalars(bytes: bytes)), string: { range in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }, utf8: { $0 })
        }
        if let ascii { return ascii }
        guard TextBytes.contains(in: text, where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }) else { return [] }
        let scalars = TextBytes.ScalarText(text)
        return scan(CitationReader(Array(text.unicodeScalars)), string: { String(scalars.slice($0)) }, utf8: { scalars.utf8($0) })
    }

    /// The citations `reader` finds, with `string` giving the text of a range of its scalar offsets and `utf8` the
    /// range's UTF-8 offsets.
    private static func scan<Text>(_ reader: CitationReader<Text>, string: (Range<Int>) -> String,
                                   utf8: (Range<Int>) -> Range<Int>) -> [CitationCandidate] {
        var found: [(range: Range<Int>, form: CitationCandidate.AuthorForm, name: Range<Int>, year: Range<Int>?, parenthetical: Bool)] = []
        var covered: [Range<Int>] = []
        let overlapsCovered = { (range: Range<Int>) in covered.contains { $0.overlaps(range) } }

        for (match, parts) in reader.pandocCitations() {
            covered.append(match)
            if parts.count == 1 {
                found.append((match, .key, parts[0].key, nil, true))
            } else {
                found += parts.map { ($0.whole, .key, $0.key, nil, true) }
            }
        }
        for (match, pieces) in reader.parentheses() where !overlapsCovered(match) {
            var parts: [(Range<Int>, CitationCandidate.AuthorForm, Range<Int>, Range<Int>?, Bool)] = []
            for piece in pieces {
                guard let part = reader.parentheticalPart(piece) else { continue }
                if part.years.count == 1 {
                    parts.append((part.name.lowerBound..<piece.upperBound, part.form, part.name, part.years[0], true))
                } else {
                    parts += part.years.map { ($0, part.form, part.name, $0, true) }
                }
            }
            if !parts.isEmpty {
                covered.append(match)
                found += parts
            }
        }
        for match in reader.narrativeCitations() where !overlapsCovered(match.whole) {
            if match.years.count == 1 {
                found.append((match.whole, match.form, match.name, match.years[0], false))
            } else {
                found += match.years.map { ($0, match.form, match.name, $0, false) }
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        return found.map { range, form, name, year, parenthetical in
            CitationCandidate(name: string(name), year: year.map { TextBytes.replacing(" ", with: "", in: string($0)) } ?? "",
                              form: form, range: utf8(range), isParenthetical: parenthetical)
        }
    }
}
