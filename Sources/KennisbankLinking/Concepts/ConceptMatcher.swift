import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// A concept name found in a text.
public struct ConceptMatch: Hashable, Sendable {
    /// The slug of the concept whose name matched.
    public var concept: String
    /// Where in the text, as Unicode scalar offsets (start inclusive, end exclusive).
    public var range: Range<Int>
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
public struct ConceptMatcher: Sendable {
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
    /// The automaton as a table for ASCII: `ascii[node * 128 + scalar]` is the next node, failure links
    /// already followed. Most of the text is ASCII, and a table lookup is much cheaper than hashing.
    private var ascii: [Int32] = []

    /// Builds the automaton from names and the concept each one stands for; the names of the concepts in
    /// `caseSensitive` match only as written.
    public init(names: [(name: String, concept: String)], caseSensitive: Set<String> = []) {
        var seen = Set<String>()
        for (name, concept) in names {
            let folded = Self.fold(name)
            guard !folded.isEmpty, seen.insert(Self.key(folded)).inserted else { continue }
            insert(folded, concept: concept, exact: caseSensitive.contains(concept) ? Self.fold(name, lowercase: false) : nil)
        }
        buildFailureLinks()
        buildASCIITable()
    }

    /// Names that stand for more than one concept, with those concepts: the pipeline reports them.
    public static func conflicts(_ names: [(name: String, concept: String)]) -> [(name: String, concepts: [String])] {
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
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: folded.append(lowercase ? value + 0x20 : value)
                case 0x09...0x0D, 0x20: folded.append(0x20)
                case 0x27: folded.append(0x2019)
                default: folded.append(value)
                }
            } else if TextBytes.isWhitespace(scalar) {
                folded.append(0x20)
            } else if value == 0x2018 {
                folded.append(0x2019)
            } else if value < 0x100 {
                // Latin-1: À–Þ (but ×) lowercase to the letter 0x20 further; the rest are lowercase or not letters.
                folded.append(lowercase && (0xC0...0xDE).contains(value) && value != 0xD7 ? value + 0x20 : value)
            } else if (0x2010...0x205E).contains(value) {
                // General punctuation (dashes, quotes, ellipsis): no case, and the white space among them was caught above.
                folded.append(value)
            } else {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                folded.append(lowercase && lower.count == 1 ? lower.first!.value : value)
            }
        }
        return folded
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
    public func matches(in text: String) -> [ConceptMatch] {
        let characters = Self.fold(text)
        // The text with its capitals, made when a case-sensitive name first matches.
        var written: [UInt32]?
        var candidates: [ConceptMatch] = []
        var node = 0
        for (index, character) in characters.enumerated() {
            if character < 128 {
                node = Int(ascii[node * 128 + Int(character)])
            } else {
                while node != 0, transitions[node][character] == nil { node = failure[node] }
                node = transitions[node][character] ?? 0
            }
            guard !outputs[node].isEmpty else { continue }
            for pattern in outputs[node] {
                let length = patterns[pattern].length
                let start = index + 1 - length
                if Self.isBoundary(characters, start - 1), Self.isBoundary(characters, index + 1),
                   !Self.isInCompound(characters, start..<(index + 1)) {
                    if let exact = patterns[pattern].exact {
                        if written == nil { written = Self.fold(text, lowercase: false) }
                        guard written![start..<(index + 1)].elementsEqual(exact) else { continue }
                    }
                    candidates.append(ConceptMatch(concept: patterns[pattern].concept, range: start..<(index + 1)))
                }
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

    /// Quotes as folded: ’ (for ' ‘ ’), “, ”, „ and ".
    private static func isQuote(_ value: UInt32) -> Bool {
        value == 0x2019 || value == 0x201C || value == 0x201D || value == 0x201E || value == 0x22
    }

    /// Whether a match in quotes is joined to a word by a hyphen after or before the quotes, as in
    /// "‘inside the box’-denken" or "niet-‘weten’": then it is part of a compound, not a mention.
    private static func isInCompound(_ scalars: [UInt32], _ range: Range<Int>) -> Bool {
        var after = range.upperBound
        while after < scalars.count, isQuote(scalars[after]) { after += 1 }
        if after > range.upperBound, after + 1 < scalars.count, scalars[after] == 0x2D, !isBoundary(scalars, after + 1) { return true }
        var before = range.lowerBound - 1
        while before >= 0, isQuote(scalars[before]) { before -= 1 }
        if before < range.lowerBound - 1, before >= 1, scalars[before] == 0x2D, !isBoundary(scalars, before - 1) { return true }
        return false
    }

    /// Whether the scalar at `index` (or the text's edge) may stand next to a match: not a letter,
    /// a combining mark, a digit, a hyphen or an underscore.
    private static func isBoundary(_ scalars: [UInt32], _ index: Int) -> Bool {
        guard index >= 0, index < scalars.count else { return true }
        let value = scalars[index]
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
