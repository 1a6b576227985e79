import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// A concept name found in a text.
package struct ConceptMatch: Hashable, Sendable {
    /// The slug of the concept whose name matched.
    package var concept: String
    /// Where in the text, as Unicode scalar offsets (start inclusive, end exclusive).
    package var range: Range<Int>
}

/// Finds every concept name in a text with one Aho–Corasick automaton over all titles and aliases,
/// so the cost grows with the length of the text, not with the number of concepts.
///
/// Matching is case-insensitive (but for the names of concepts whose ``ConceptLinkingRule`` asks for their case)
/// and on whole words: the characters around a match may not be letters (Dutch ë, é, ï… included), digits, or a
/// hyphen, so "weten" does not match inside "niet-weten"; nor may a quoted name be joined to a word by a hyphen,
/// so "box" does not match in "‘inside the box’-denken" (the compound rule). Any white space in a name matches any
/// one white-space character (a soft line break included). Overlapping matches are resolved leftmost-longest:
/// "professionele identiteit als leider" wins over "professionele identiteit".
package struct ConceptMatcher: Sendable {
    private struct Pattern: Sendable {
        var concept: String
        var length: Int
        /// The name with its capitals (folded by ``fold(_:lowercase:)`` without lowercasing), for a name that
        /// matches only as written; `nil` for a name that matches in any case.
        var exact: [UInt32]?
    }

    /// `transitions[node][scalar]` is the next node; scalars are folded by ``fold(_:)``.
    private var transitions: [[UInt32: Int]] = [[:]]
    /// The failure link of each node.
    private var failure: [Int] = [0]
    /// The patterns that end at each node, its failure chain included.
    private var outputs: [[Int]] = [[]]
    private var patterns: [Pattern] = []
    /// The number of scalars of the longest name (at least 1).
    private var longestName = 1
    /// Whether any pattern ends at each node: ``outputs`` is not empty.
    private var hasOutput: [Bool] = []
    /// The automaton as a table for ASCII: `ascii[node * 128 + scalar]` is the next node, failure links
    /// already followed. Most of the text is ASCII, and a table lookup is much cheaper than hashing.
    private var ascii: [Int32] = []

    /// Builds the automaton from names and the concept each one stands for; the names of the concepts in
    /// `caseSensitive` match only as written.
    package init(names: [(name: String, concept: String)], caseSensitive: Set<String> = []) {
        var seen = Set<String>()
        for (name, concept) in names {
            let folded = Self.fold(name)
            guard !folded.isEmpty, seen.insert(Self.key(folded)).inserted else { continue }
            insert(folded, concept: concept, exact: caseSensitive.contains(concept) ? Self.fold(name, lowercase: false) : nil)
        }
        buildFailureLinks()
        buildASCIITable()
        hasOutput = outputs.map { !$0.isEmpty }
    }

    /// Names that stand for more than one concept, with those concepts: the pipeline reports them.
    package static func conflicts(_ names: [(name: String, concept: String)]) -> [(name: String, concepts: [String])] {
        var owners: [String: (String, Set<String>)] = [:]
        for (name, concept) in names {
            let key = key(fold(name))
            owners[key, default: (name, [])].1.insert(concept)
        }
        return owners.values.filter { $0.1.count > 1 }.map { ($0.0, $0.1.sorted()) }.sorted { $0.name < $1.name }
    }

    /// A name or text as the automaton reads it: one lowercased Unicode scalar each, white space made
    /// a space, apostrophes made ’. ASCII, most of any Dutch text, takes a fast path. Without `lowercase`,
    /// capitals stay: the form a case-sensitive name is compared in.
    static func fold(_ text: String, lowercase: Bool = true) -> [UInt32] {
        var folded: [UInt32] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { folded.append(fold(scalar.value, lowercase: lowercase)) }
        return folded
    }

    /// One scalar (given by its value) as ``fold(_:lowercase:)`` reads it.
    @inline(__always)
    static func fold(_ value: UInt32, lowercase: Bool = true) -> UInt32 {
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: return lowercase ? value + 0x20 : value
            case 0x09...0x0D, 0x20: return 0x20
            case 0x27: return 0x2019
            default: return value
            }
        }
        let scalar = Unicode.Scalar(value)!
        if TextBytes.isWhitespace(scalar) { return 0x20 }
        if value == 0x2018 { return 0x2019 }
        if value < 0x100 {
            // Latin-1: À–Þ (but ×) lowercase to the letter 0x20 further; the rest are lowercase or not letters.
            return lowercase && (0xC0...0xDE).contains(value) && value != 0xD7 ? value + 0x20 : value
        }
        // General punctuation (dashes, quotes, ellipsis): no case, and the white space among them was caught above.
        if (0x2010...0x205E).contains(value) { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lowercase && lower.count == 1 ? lower.first!.value : value
    }

    /// A folded name as a dictionary key.
    private static func key(_ folded: [UInt32]) -> String {
        String(String.UnicodeScalarView(folded.compactMap(Unicode.Scalar.init)))
    }

    private mutating func insert(_ name: [UInt32], concept: String, exact: [UInt32]?) {
        var node = 0
        for character in name {
            if let next = transitions[node][character] {
                node = next
            } else {
                transitions.append([:])
                failure.append(0)
                outputs.append([])
                transitions[node][character] = transitions.count - 1
                node = transitions.count - 1
            }
        }
        patterns.append(Pattern(concept: concept, length: name.count, exact: exact))
        longestName = max(longestName, name.count)
        outputs[node].append(patterns.count - 1)
    }

    /// Breadth-first, so each node's failure target is finished before the node itself.
    private mutating func buildFailureLinks() {
        var queue: [Int] = []
        for (_, child) in transitions[0] {
            failure[child] = 0
            queue.append(child)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (character, child) in transitions[node] {
                var fallback = failure[node]
                while fallback != 0, transitions[fallback][character] == nil { fallback = failure[fallback] }
                let target = transitions[fallback][character] ?? 0
                failure[child] = target == child ? 0 : target
                outputs[child] += outputs[failure[child]]
                queue.append(child)
            }
        }
    }

    /// Fills ``ascii`` in breadth-first order, so a node's failure target has its row before the node.
    private mutating func buildASCIITable() {
        precondition(transitions.count < Int(Int32.max), "the automaton has too many nodes for the ASCII table")
        ascii = [Int32](repeating: 0, count: transitions.count * 128)
        var queue = [0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for character in 0..<128 {
                if let next = transitions[node][UInt32(character)] {
                    ascii[node * 128 + character] = Int32(next)
                } else if node != 0 {
                    ascii[node * 128 + character] = ascii[failure[node] * 128 + character]
                }
            }
            queue += transitions[node].values.sorted()
        }
    }

    /// Every whole-word, non-overlapping, leftmost-longest match in `text`.
    package func matches(in text: String) -> [ConceptMatch] {
        found(in: text).map { ConceptMatch(concept: $0.concept, range: $0.scalars) }
    }

    /// A match, placed both in the text's scalars and in its UTF-8 bytes.
    struct Found: Equatable {
        /// The slug of the concept whose name matched.
        var concept: String
        /// Where in the text, as Unicode scalar offsets.
        var scalars: Range<Int>
        /// Where in the text, as UTF-8 offsets.
        var bytes: Range<Int>
    }

    /// ``matches(in:)`` with each match's UTF-8 offsets too, found in one pass over the text's UTF-8 bytes, each
    /// scalar folded as it is read.
    func found(in text: String) -> [Found] {
        var text = text
        return text.withUTF8 { find(in: UTF8Text(bytes: $0)) }
    }

    private func find(in text: UTF8Text) -> [Found] {
        let bytes = text.bytes
        var candidates: [Found] = []
        // Where each of the last `window` scalars starts, by scalar offset modulo `window` (a power of two, so that
        // the modulo is a mask): a match's start, at most the longest name back, is read from it.
        let window = 1 << (Int.bitWidth - (longestName - 1).leadingZeroBitCount), mask = window - 1
        var starts = [Int](repeating: 0, count: window)
        var node = 0, scalar = 0, offset = 0
        while offset < bytes.count {
            starts[scalar & mask] = offset
            let (value, width) = text.scalar(at: offset)
            let character = Self.fold(value)
            if character < 128 {
                node = Int(ascii[node &* 128 &+ Int(character)])
            } else {
                while node != 0, transitions[node][character] == nil { node = failure[node] }
                node = transitions[node][character] ?? 0
            }
            offset += width
            scalar += 1
            guard hasOutput[node] else { continue }
            for pattern in outputs[node] {
                let length = patterns[pattern].length
                let start = starts[(scalar - length) & mask]
                guard text.isBoundary(before: start), text.isBoundary(at: offset), !text.isInCompound(start..<offset) else { continue }
                if let exact = patterns[pattern].exact, !text.folded(start..<offset, lowercase: false).elementsEqual(exact) { continue }
                candidates.append(Found(concept: patterns[pattern].concept, scalars: (scalar - length)..<scalar, bytes: start..<offset))
            }
        }
        candidates.sort { ($0.scalars.lowerBound, -$0.scalars.count) < ($1.scalars.lowerBound, -$1.scalars.count) }
        var chosen: [Found] = []
        var end = 0
        for candidate in candidates where candidate.scalars.lowerBound >= end {
            chosen.append(candidate)
            end = candidate.scalars.upperBound
        }
        return chosen
    }


    /// A text's UTF-8 bytes, read scalar by scalar and folded as the automaton reads them, forwards and backwards
    /// from any scalar's start.
    private struct UTF8Text {
        let bytes: UnsafeBufferPointer<UInt8>

        /// The value and UTF-8 width of the scalar that starts at `offset`.
        @inline(__always)
        func scalar(at offset: Int) -> (UInt32, Int) {
            let lead = UInt32(bytes[offset])
            if lead < 0x80 { return (lead, 1) }
            let second = UInt32(bytes[offset + 1] & 0x3F)
            if lead < 0xE0 { return ((lead & 0x1F) << 6 | second, 2) }
            let third = UInt32(bytes[offset + 2] & 0x3F)
            if lead < 0xF0 { return ((lead & 0x0F) << 12 | second << 6 | third, 3) }
            return ((lead & 0x07) << 18 | second << 12 | third << 6 | UInt32(bytes[offset + 3] & 0x3F), 4)
        }

        /// The start of the scalar before the one that starts at `offset` (which is not 0).
        func start(before offset: Int) -> Int {
            var start = offset - 1
            while bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return start
        }

        /// The folded scalar that starts at `offset`.
        func folded(at offset: Int) -> UInt32 { ConceptMatcher.fold(scalar(at: offset).0) }

        /// The folded scalars of a range of bytes.
        func folded(_ range: Range<Int>, lowercase: Bool) -> [UInt32] {
            var folded: [UInt32] = []
            var offset = range.lowerBound
            while offset < range.upperBound {
                let (value, width) = scalar(at: offset)
                folded.append(ConceptMatcher.fold(value, lowercase: lowercase))
                offset += width
            }
            return folded
        }

        /// Whether a match may end before the scalar at `offset` (or the text's end).
        func isBoundary(at offset: Int) -> Bool {
            offset == bytes.count || ConceptMatcher.isBoundary(folded(at: offset))
        }

        /// Whether a match may start at `offset`: the scalar before it (or the text's start) may stand next to it.
        func isBoundary(before offset: Int) -> Bool {
            offset == 0 || ConceptMatcher.isBoundary(folded(at: start(before: offset)))
        }

        /// Whether a match in quotes is joined to a word by a hyphen after or before the quotes, as in
        /// "‘inside the box’-denken" or "niet-‘weten’": then it is part of a compound, not a mention.
        func isInCompound(_ range: Range<Int>) -> Bool {
            var after = range.upperBound
            while after < bytes.count, ConceptMatcher.isQuote(folded(at: after)) { after += scalar(at: after).1 }
            if after > range.upperBound, after + 1 < bytes.count, bytes[after] == 0x2D, !isBoundary(at: after + 1) { return true }
            var before = range.lowerBound
            while before > 0, ConceptMatcher.isQuote(folded(at: start(before: before))) { before = start(before: before) }
            if before < range.lowerBound, before > 0 {
                let hyphen = start(before: before)
                if hyphen > 0, bytes[hyphen] == 0x2D, !isBoundary(before: hyphen) { return true }
            }
            return false
        }
    }

    /// Quotes as folded: ’ (for ' ‘ ’), “, ”, „ and ".
    private static func isQuote(_ value: UInt32) -> Bool {
        value == 0x2019 || value == 0x201C || value == 0x201D || value == 0x201E || value == 0x22
    }

    /// Whether a folded scalar may stand next to a match: not a letter, a combining mark, a digit, a hyphen or an
    /// underscore.
    private static func isBoundary(_ value: UInt32) -> Bool {
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, 0x2D, 0x5F: return false
            default: return true
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return true }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: return true
        }
    }
}
