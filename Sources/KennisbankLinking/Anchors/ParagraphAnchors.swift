import KennisbankCore

/// Paragraph anchors made from each paragraph's opening words, so an anchor stays when paragraphs are inserted,
/// removed or reordered around it, and when its paragraph is edited after its opening words.
///
/// An anchor is the slug of the first ``openingWords`` words, fewer where they would be longer than
/// ``preferredLength`` characters. Paragraphs that would share an anchor (with each other, a heading or a pin)
/// all take one more word until they differ, so which of them came first does not matter; paragraphs whose whole
/// text gives the same slug are told apart by `-2`, `-3` in document order.
package enum ParagraphAnchors {
    /// How many opening words make an anchor.
    package static let openingWords = 5
    /// The length an anchor keeps under when its opening words allow it.
    package static let preferredLength = 40
    /// The anchor of a paragraph without letters or digits (an image without a description, say).
    package static let wordless = "alinea"

    /// The anchors of paragraphs with these texts, in the same order, none of them in `taken`.
    package static func anchors(of texts: [String], avoiding taken: Set<String>) -> [String] {
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
        /// The slug of the text or of its opening: its words joined by hyphens.
        private var slug: [UInt8]
        /// Where each word of ``slug`` ends, in bytes: the first `n` words are the slug's bytes up to `ends[n - 1]`.
        private var ends: [Int]
        private var isWhole: Bool
        /// How many words the anchor has before any collision.
        let openingCount: Int

        /// Characters slugged at first: enough for the opening words of almost any paragraph.
        private static let openingCharacters = 80

        init(text: String) {
            self.text = text
            // The opening characters, found without counting the characters of the whole text.
            let cut = text.index(text.startIndex, offsetBy: Self.openingCharacters, limitedBy: text.endIndex)
            isWhole = cut == nil || cut == text.endIndex
            (slug, ends) = Self.slugWords(isWhole ? text[...] : text[..<cut!])
            // The last word of a cut text may be cut too: it counts only when the whole text is slugged. Where the
            // cut leaves fewer than the opening words, the whole text is slugged (very long words).
            if !isWhole {
                if !ends.isEmpty { ends.removeLast() }
                if ends.count < ParagraphAnchors.openingWords {
                    isWhole = true
                    (slug, ends) = Self.slugWords(text[...])
                }
            }
            // The words are joined by one hyphen each, so the first `count + 1` words are `ends[count]` long.
            var count = 0
            for end in ends.prefix(ParagraphAnchors.openingWords) {
                if count > 0, end > ParagraphAnchors.preferredLength { break }
                count += 1
            }
            openingCount = count
        }

        /// Whether the paragraph has a word after its first `count`, slugging the whole text if needed.
        mutating func hasWord(after count: Int) -> Bool {
            if count < ends.count { return true }
            guard !isWhole else { return false }
            isWhole = true
            (slug, ends) = Self.slugWords(text[...])
            return count < ends.count
        }

        /// The anchor made of the first `count` words.
        func anchor(count: Int) -> String {
            count == 0 ? ParagraphAnchors.wordless : String(decoding: slug[..<ends[min(count, ends.count) - 1]], as: UTF8.self)
        }

        /// The slug of `text` and where each of its words ends.
        private static func slugWords(_ text: Substring) -> ([UInt8], [Int]) {
            let slug = Slug.bytes(of: text)
            var ends: [Int] = []
            for (offset, byte) in slug.enumerated() where byte == UInt8(ascii: "-") { ends.append(offset) }
            if !slug.isEmpty { ends.append(slug.count) }
            return (slug, ends)
        }
    }
}
