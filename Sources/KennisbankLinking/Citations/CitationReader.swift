import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// The grammar of ``CitationScanner`` over a text's Unicode scalars. Positions are scalar offsets.
///
/// `Text` is the scalars: an array of them, or an ASCII text's bytes read as scalars (``ASCIIScalars``), where a
/// scalar offset is a UTF-8 offset and no copy is made.
///
/// Each rule returns the ways it can end, in the order a backtracking regular-expression engine tries
/// them (greedy first), and the caller takes the first way its continuation accepts: that is how the
/// scanner finds exactly what the regular expressions in ``CitationScanner``'s documentation find.
struct CitationReader<Text: RandomAccessCollection<Unicode.Scalar>> where Text.Index == Int {
    /// A narrative citation or one part of a parenthetical one.
    struct Match {
        /// The whole match.
        var whole: Range<Int>
        /// The first author's name, particles included.
        var name: Range<Int>
        /// One, two, or more authors.
        var form: CitationCandidate.AuthorForm
        /// Each year, with its letter.
        var years: [Range<Int>]
    }

    /// One `@key` of a pandoc citation.
    struct PandocPart {
        /// From the `@` to the key's end.
        var whole: Range<Int>
        /// The key, without the `@`.
        var key: Range<Int>
    }

    private let text: Text

    /// A reader over the scalars of a text.
    init(_ text: Text) {
        self.text = text
    }

    // MARK: The three forms

    /// `[@key]`, `[@a; @b, p. 3]`: each bracket pair and the keys in it, left to right.
    func pandocCitations() -> [(Range<Int>, [PandocPart])] {
        var result: [(Range<Int>, [PandocPart])] = []
        var index = 0
        while index < text.count {
            guard text[index] == "[", index + 1 < text.count, text[index + 1] == "@" else { index += 1; continue }
            var end = index + 2
            while end < text.count, text[end] != "[", text[end] != "]" { end += 1 }
            guard end < text.count, text[end] == "]", end > index + 2 else { index += 1; continue }
            result.append((index..<(end + 1), pandocParts(in: (index + 1)..<end)))
            index = end + 1
        }
        return result
    }

    /// `(…)` with no parenthesis inside and four digits somewhere, and its `;`-separated pieces.
    func parentheses() -> [(Range<Int>, [Range<Int>])] {
        var result: [(Range<Int>, [Range<Int>])] = []
        var index = 0
        while index < text.count {
            guard text[index] == "(" else { index += 1; continue }
            var end = index + 1
            var digits = 0, hasYear = false
            while end < text.count, text[end] != "(", text[end] != ")" {
                digits = isDigit(end) ? digits + 1 : 0
                if digits >= 4 { hasYear = true }
                end += 1
            }
            guard end < text.count, text[end] == ")", hasYear else { index += 1; continue }
            var pieces: [Range<Int>] = []
            var start = index + 1
            for position in (index + 1)...end where position == end || text[position] == ";" {
                pieces.append(start..<position)
                start = position + 1
            }
            result.append((index..<(end + 1), pieces))
            index = end + 1
        }
        return result
    }

    /// `Kegan (1994)`, `Van Es en Pont (2008, p. 3)`: leftmost first, each search after the last match.
    func narrativeCitations() -> [Match] {
        // A match ends in `(` and a year: no match starts after the last such parenthesis.
        guard let lastOpen = text.indices.last(where: { index in
            text[index] == "(" && index + 1 < text.count && (isDigit(index + 1) || text[index + 1] == "n" || text[index + 1] == "z")
        }) else { return [] }
        var result: [Match] = []
        var start = 0
        while start < lastOpen {
            if mayStartName(start), let match = narrative(at: start) {
                result.append(match)
                start = match.whole.upperBound
            } else {
                start += 1
            }
        }
        return result
    }

    /// The first match of `authors ,?\s+ years locator? \s*` that runs to the end of the piece.
    func parentheticalPart(_ piece: Range<Int>) -> Match? {
        for start in piece where mayStartName(start) {
            var match: Match?
            _ = authors(at: start, limit: piece.upperBound) { name, form, end in
                var position = end
                if position < piece.upperBound, text[position] == "," { position += 1 }
                let afterSpace = skipSpace(from: position, limit: piece.upperBound)
                guard afterSpace > position else { return false }
                for (yearsEnd, years) in self.years(at: afterSpace, limit: piece.upperBound) {
                    for end in locatorEnds(at: yearsEnd, limit: piece.upperBound) + [yearsEnd]
                    where skipSpace(from: end, limit: piece.upperBound) == piece.upperBound {
                        match = Match(whole: start..<piece.upperBound, name: name, form: form, years: years)
                        return true
                    }
                }
                return false
            }
            if let match { return match }
        }
        return nil
    }

    // MARK: Rules

    private func narrative(at start: Int) -> Match? {
        var match: Match?
        _ = authors(at: start, limit: text.count) { name, form, end in
            let open = skipSpace(from: end, limit: text.count)
            guard open < text.count, text[open] == "(" else { return false }
            for (yearsEnd, years) in self.years(at: open + 1, limit: text.count) {
                for end in locatorEnds(at: yearsEnd, limit: text.count) + [yearsEnd] where end < text.count && text[end] == ")" {
                    match = Match(whole: start..<(end + 1), name: name, form: form, years: years)
                    return true
                }
            }
            return false
        }
        return match
    }

    /// `name ( \s+(en|&|and)\s+name | \s+(e.a.|et\s+al.) )?`; calls `continuation` with the first name,
    /// the form and where the authors end, until it returns `true`.
    private func authors(at start: Int, limit: Int, _ continuation: (Range<Int>, CitationCandidate.AuthorForm, Int) -> Bool) -> Bool {
        forEachNameEnd(at: start, limit: limit) { nameEnd in
            let name = start..<nameEnd
            let afterSpace = skipSpace(from: nameEnd, limit: limit)
            if afterSpace > nameEnd {
                for conjunction in ["en", "&", "and"] {
                    guard let afterWord = literal(conjunction, at: afterSpace, limit: limit) else { continue }
                    let second = skipSpace(from: afterWord, limit: limit)
                    guard second > afterWord else { continue }
                    if forEachNameEnd(at: second, limit: limit, { continuation(name, .two, $0) }) { return true }
                }
                if let end = literal("e.a.", at: afterSpace, limit: limit), continuation(name, .many, end) { return true }
                if let afterEt = literal("et", at: afterSpace, limit: limit) {
                    let al = skipSpace(from: afterEt, limit: limit)
                    if al > afterEt, let end = literal("al.", at: al, limit: limit), continuation(name, .many, end) { return true }
                }
            }
            return continuation(name, .one, nameEnd)
        }
    }

    /// Calls `body` with each end of `((particle)\s+)* \p{Lu}[\p{L}’'\-]+` from `start`, most particles first,
    /// until it returns `true`; returns whether it did. Most starts have no particle and no capital: nothing is
    /// allocated for them.
    private func forEachNameEnd(at start: Int, limit: Int, _ body: (Int) -> Bool) -> Bool {
        // The name after more particles is tried first: the word after this particle before this word.
        if let next = particle(at: start, limit: limit), forEachNameEnd(at: next, limit: limit, body) { return true }
        guard start < limit, isUppercase(start) else { return false }
        var end = start + 1
        while end < limit, isNameCharacter(end) { end += 1 }
        return end > start + 1 && body(end)
    }


    /// After a particle and the white space behind it, or `nil`.
    private func particle(at start: Int, limit: Int) -> Int? {
        guard start < limit, Self.isParticleInitial(text[start]) else { return nil }
        for particle in citationParticles where particle[0] == text[start] && start + particle.count < limit {
            guard text[start..<(start + particle.count)].elementsEqual(particle) else { continue }
            let end = skipSpace(from: start + particle.count, limit: limit)
            if end > start + particle.count { return end }
        }
        return nil
    }

    /// `year(\s*,\s*year)*`: the end and the years of each number of years, most first.
    private func years(at start: Int, limit: Int) -> [(Int, [Range<Int>])] {
        guard let first = year(at: start, limit: limit) else { return [] }
        var options = [(first, [start..<first])]
        while true {
            let (end, years) = options[options.count - 1]
            let comma = skipSpace(from: end, limit: limit)
            guard comma < limit, text[comma] == "," else { break }
            let next = skipSpace(from: comma + 1, limit: limit)
            guard let nextEnd = year(at: next, limit: limit) else { break }
            options.append((nextEnd, years + [next..<nextEnd]))
        }
        return options.reversed()
    }

    /// `\d{4}[a-z]?` or `[nz]\.\s?d\.`: its end, or `nil`.
    private func year(at start: Int, limit: Int) -> Int? {
        if start + 4 <= limit, (start..<(start + 4)).allSatisfy(isDigit) {
            let end = start + 4
            return end < limit && ("a"..."z").contains(text[end]) ? end + 1 : end
        }
        guard start + 4 <= limit, text[start] == "n" || text[start] == "z", text[start + 1] == "." else { return nil }
        var position = start + 2
        if isSpace(position) { position += 1 }
        return literal("d.", at: position, limit: limit)
    }

    /// The ends of `,\s*(p|pp|blz|s|hfst|ch)\.\s*[\d\-–, ]*\d`: after each digit of the number part, last first.
    private func locatorEnds(at start: Int, limit: Int) -> [Int] {
        guard start < limit, text[start] == "," else { return [] }
        let word = skipSpace(from: start + 1, limit: limit)
        guard let afterWord = ["p.", "pp.", "blz.", "s.", "hfst.", "ch."].lazy.compactMap({ literal($0, at: word, limit: limit) }).first else { return [] }
        var position = skipSpace(from: afterWord, limit: limit)
        var ends: [Int] = []
        while position < limit, isDigit(position) || ["-", "–", ",", " "].contains(text[position]) {
            if isDigit(position) { ends.append(position + 1) }
            position += 1
        }
        return ends.reversed()
    }

    /// The keys of `@key` parts inside a pandoc bracket.
    private func pandocParts(in range: Range<Int>) -> [PandocPart] {
        var parts: [PandocPart] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard text[index] == "@" else { index += 1; continue }
            var end = index + 1, lastKeyEnd: Int?
            while end < range.upperBound, isKeyCharacter(end) {
                if isLetter(end) || isDigit(end) { lastKeyEnd = end + 1 }
                end += 1
            }
            guard let keyEnd = lastKeyEnd else { index += 1; continue }
            parts.append(PandocPart(whole: index..<keyEnd, key: (index + 1)..<keyEnd))
            index = keyEnd
        }
        return parts
    }

    // MARK: Characters

    /// After `word` at `start`, or `nil`.
    private func literal(_ word: String, at start: Int, limit: Int) -> Int? {
        var position = start
        for scalar in word.unicodeScalars {
            guard position < limit, text[position] == scalar else { return nil }
            position += 1
        }
        return position
    }

    /// After the white space (`\s*`) from `start`.
    private func skipSpace(from start: Int, limit: Int) -> Int {
        var position = start
        while position < limit, isSpace(position) { position += 1 }
        return position
    }

    /// Whether a name can begin here: a capital, or the first letter of a particle.
    private func mayStartName(_ index: Int) -> Bool {
        Self.isParticleInitial(text[index]) || isUppercase(index)
    }

    /// Whether a particle begins with this scalar.
    private static func isParticleInitial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "V", "v", "D", "d", "T", "t", "L", "l", "’", "'": return true
        default: return false
        }
    }

    /// ICU's `\s`: Unicode's White_Space (the vertical tab and U+0085 included).
    private func isSpace(_ index: Int) -> Bool {
        guard index < text.count else { return false }
        return TextBytes.isWhitespace(text[index])
    }

    /// `\d`: a decimal digit of any script (`\p{Nd}`).
    private func isDigit(_ index: Int) -> Bool {
        let value = text[index].value
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return text[index].properties.generalCategory == .decimalNumber
    }

    /// `\p{Lu}`.
    private func isUppercase(_ index: Int) -> Bool {
        let value = text[index].value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return text[index].properties.generalCategory == .uppercaseLetter
    }

    /// `\p{L}`.
    private func isLetter(_ index: Int) -> Bool {
        let value = text[index].value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        switch text[index].properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `[\p{L}’'\-]`: a letter of a surname.
    private func isNameCharacter(_ index: Int) -> Bool {
        isLetter(index) || text[index] == "’" || text[index] == "'" || text[index] == "-"
    }

    /// `[\p{L}\d_:\-.]`: a character of a pandoc key.
    private func isKeyCharacter(_ index: Int) -> Bool {
        isLetter(index) || isDigit(index) || ["_", ":", "-", "."].contains(text[index])
    }
}

/// The particles a surname may begin with (``CitationReader``), as scalars.
private let citationParticles: [[Unicode.Scalar]] = ["Van", "van", "De", "de", "Der", "der", "Den", "den", "Ten", "ten", "Ter", "ter",
                                                     "Von", "von", "’t", "'t", "La", "la", "Le", "le", "Du", "du"].map { Array($0.unicodeScalars) }

/// An ASCII text's UTF-8 bytes read as Unicode scalars: each byte is one scalar, so a scalar offset is a byte
/// offset. Valid while the buffer is.
struct ASCIIScalars: RandomAccessCollection {
    /// The bytes, all below 0x80.
    let bytes: UnsafeBufferPointer<UInt8>
    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }
    @inline(__always)
    subscript(position: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[position]) }
}
