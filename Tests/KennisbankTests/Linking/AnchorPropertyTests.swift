import PropertyBased
import Testing
@testable import KennisbankMarkdown
@testable import KennisbankLinking
@testable import KennisbankCorpus

/// Paragraph anchors hold while the page around them changes: random insertions, deletions, moves and edits after
/// the opening words keep the anchor of every other paragraph.
@Suite struct AnchorPropertyTests {
    /// Short words, so that every opening of five words fits the preferred length and anchors are compared by
    /// their words only. Few of them, so that openings collide now and then.
    static let words = ["de", "een", "leider", "coach", "ruimte", "wie", "ben", "ik", "werk", "niet", "weten", "rol", "ziet"]

    /// A paragraph: an identity that survives edits, and its text.
    struct Paragraph {
        var id: Int
        var words: [String]
        var text: String { words.joined(separator: " ") + "." }
    }

    /// The anchors of the paragraphs of a page, by paragraph identity.
    static func anchors(_ paragraphs: [Paragraph]) -> [Int: String] {
        var document = Cmark.parse(paragraphs.map(\.text).joined(separator: "\n\n") + "\n")
        Anchors.assign(in: &document)
        var anchors: [String] = []
        document.forEachBlock { block, _ in if case .paragraph(let anchor?) = block.kind { anchors.append(anchor) } }
        #expect(anchors.count == paragraphs.count)
        #expect(Set(anchors).count == anchors.count, "anchors are unique on a page")
        return Dictionary(uniqueKeysWithValues: zip(paragraphs.map(\.id), anchors))
    }

    /// The opening of a paragraph: the words an anchor is made of before any collision.
    static func opening(_ paragraph: Paragraph) -> [String] { Array(paragraph.words.prefix(ParagraphAnchors.openingWords)) }

    @Test func editsAroundAParagraphKeepItsAnchor() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            var random = SeededRandom(seed: UInt64(seed))
            var nextID = 0
            func paragraph() -> Paragraph {
                defer { nextID += 1 }
                return Paragraph(id: nextID, words: (0..<random.int(1...12)).map { _ in random.pick(Self.words) })
            }
            var page = (0..<random.int(1...12)).map { _ in paragraph() }
            for _ in 0..<6 {
                let before = Self.anchors(page)
                var edited = page
                var changed: Int?
                switch random.below(4) {
                case 0: edited.insert(paragraph(), at: random.below(edited.count + 1))
                case 1 where edited.count > 1: edited.remove(at: random.below(edited.count))
                case 2 where edited.count > 1: edited.swapAt(random.below(edited.count), random.below(edited.count))
                default:
                    // An edit after the opening words: a word changed, added or removed there.
                    let index = random.below(edited.count)
                    changed = edited[index].id
                    var words = edited[index].words
                    let first = ParagraphAnchors.openingWords
                    if words.count > first, random.chance(0.5) {
                        words[random.int(first...(words.count - 1))] = random.pick(Self.words)
                    } else if words.count > first, random.chance(0.5) {
                        words.remove(at: random.int(first...(words.count - 1)))
                    } else {
                        words.append(random.pick(Self.words))
                    }
                    edited[index].words = words
                }
                let after = Self.anchors(edited)
                // A paragraph whose opening no other paragraph shares, before and after, keeps its anchor; so does the
                // edited paragraph when its opening stayed.
                for paragraph in edited where before[paragraph.id] != nil {
                    let old = page.first { $0.id == paragraph.id }!
                    guard Self.opening(old) == Self.opening(paragraph) else { continue }
                    let unique = { (pageNow: [Paragraph]) in
                        pageNow.filter { Self.opening($0) == Self.opening(paragraph) }.count == 1
                    }
                    guard unique(page), unique(edited) else { continue }
                    #expect(after[paragraph.id] == before[paragraph.id],
                            "paragraph \(paragraph.id) (\(changed == paragraph.id ? "edited" : "not edited")): \(page.map(\.text)) → \(edited.map(\.text))")
                }
                page = edited
            }
        }
    }
}
