import KennisbankCore

/// Paragraph anchors made from each paragraph's opening words, so an anchor stays when paragraphs are inserted,
/// removed or reordered around it, and when its paragraph is edited after its opening words.
///
/// An anchor is the slug of the first ``openingWords`` words, fewer where they would be longer than
/// ``preferredLength`` characters. Paragraphs that would share an anchor (with each other, a heading or a pin)
/// all take one more word until they differ, so which of them came first does not matter; paragraphs whose whole
/// text gives the same slug are told apart by `-2`, `-3` in document order.
public enum ParagraphAnchors {
    /// How many opening words make an anchor.
    public static let openingWords = 5
    /// The length an anchor keeps under when its opening words allow it.
    public static let preferredLength = 40
    /// The anchor of a paragraph without letters or digits (an image without a description, say).
    public static let wordless = "alinea"

    /// The anchors of paragraphs with these texts, in the same order, none of them in `taken`.
    public static func anchors(of texts: [String], avoiding taken: Set<String>) -> [String] {
        var words = texts.map { Words(text: $0) }
        var counts = words.map(\.openingCount)
        // Most pages: every opening its own, and none a heading's.
        let openings = words.indices.map { words[$0].anchor(count: counts[$0]) }
        if Set(openings).count == openings.count, !openings.contains(where: taken.contains) { return openings }
        // Lengthen every anchor that two paragraphs (or a paragraph and a heading or pin) share, until none is
        // shared or the colliding paragraphs have no words left.
        while true {
            var holders: [String: [Int]] = [:]
            for index in words.indices { holders[words[index].anchor(count: counts[index]), default: []].append(index) }
            var lengthened = false
            for (anchor, indices) in holders where indices.count > 1 || taken.contains(anchor) {
                // Paragraphs of one text cannot be told apart by more of it: they are numbered below.
                if !taken.contains(anchor), indices.dropFirst().allSatisfy({ texts[$0] == texts[indices[0]] }) { continue }
                for index in indices where words[index].hasWord(after: counts[index]) {
                    counts[index] += 1
                    lengthened = true
                }
            }
            guard lengthened else { break }
        }
        var used = taken
        let anchors = words.indices.map { words[$0].anchor(count: counts[$0]) }
        let firstHolders = Set(anchors)
        // The number the next repeat of an anchor tries first, so that many equal paragraphs take linear time.
        var nextNumber: [String: Int] = [:]
        return anchors.map { anchor in
            guard used.contains(anchor) else {
                used.insert(anchor)
                return anchor
            }
            var number = nextNumber[anchor] ?? 2
            while used.contains("\(anchor)-\(number)") || firstHolders.contains("\(anchor)-\(number)") { number += 1 }
            nextNumber[anchor] = number + 1
            used.insert("\(anchor)-\(number)")
            return "\(anchor)-\(number)"
        }
    }

    /// The slug words of a paragraph, made from its opening characters first and from the whole text only when a
    /// collision needs more words than those give.
    struct Words {
        private let text: String
        private var words: [Substring]
        private var isWhole: Bool
        /// How many words the anchor has before any collision.
        let openingCount: Int

        /// Characters slugged at first: enough for the opening words of almost any paragraph.
        private static let openingCharacters = 80

        init(text: String) {
            self.text = text
            isWhole = text.count <= Self.openingCharacters
            words = Self.slugWords(isWhole ? text : String(text.prefix(Self.openingCharacters)))
            // The last word of a cut text may be cut too: it counts only when the whole text is slugged. Where the
            // cut leaves fewer than the opening words, the whole text is slugged (very long words).
            if !isWhole {
                if !words.isEmpty { words.removeLast() }
                if words.count < ParagraphAnchors.openingWords {
                    isWhole = true
                    words = Self.slugWords(text)
                }
            }
            var count = 0, length = 0
            for word in words.prefix(ParagraphAnchors.openingWords) {
                let longer = length + (count > 0 ? 1 : 0) + word.count
                if count > 0, longer > ParagraphAnchors.preferredLength { break }
                count += 1
                length = longer
            }
            openingCount = count
        }

        /// Whether the paragraph has a word after its first `count`, slugging the whole text if needed.
        mutating func hasWord(after count: Int) -> Bool {
            if count < words.count { return true }
            guard !isWhole else { return false }
            isWhole = true
            words = Self.slugWords(text)
            return count < words.count
        }

        /// The anchor made of the first `count` words.
        func anchor(count: Int) -> String {
            count == 0 ? ParagraphAnchors.wordless : words.prefix(count).joined(separator: "-")
        }

        private static func slugWords(_ text: String) -> [Substring] {
            Slug.make(from: text, ifEmpty: "").split(separator: "-")
        }
    }
}
