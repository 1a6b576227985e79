import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// One mention of a concept in running text.
package struct ConceptMention: Hashable, Sendable {
    /// The concept's slug.
    package var concept: String
    /// The page it stands on.
    package var page: ContentID
    /// The anchor of the paragraph it stands in, if the paragraph has one.
    package var blockAnchor: String?
    /// The anchor of the section heading above it.
    package var sectionAnchor: String?
    /// The text of that heading.
    package var sectionTitle: String?
    /// The sentence around the mention, plain text, at most about 240 characters: made when it is read, since the
    /// site shows one per paragraph and only `check --mentions` reads them all.
    package var context: String { around.sentence }
    /// Where the sentence is, in its paragraph.
    var around: MentionContext
    /// Whether this mention became a link (the first per page or section, depending on the setting).
    package var linked: Bool
    /// The name as the text writes it ("betekenis" for the concept *Betekenis*).
    package var written: String = ""
    /// Where it stands in the page's own file; `nil` in a miniature the page embeds (the miniature's own page
    /// has that mention with its place).
    package var position: SourcePosition? = nil
}

/// The sentence around a mention: made at once, or kept as the mention's place in its paragraph's text and made when
/// it is read. A paragraph with many mentions keeps its text (shared by all of them) instead of a sentence for each:
/// the cost of linking it stays linear in its length however many mentions it holds. Equal when the sentences are.
struct MentionContext: Hashable, Sendable {
    /// The text of a paragraph, as scalars (soft breaks as line feeds).
    final class Paragraph: Sendable {
        let scalars: [Unicode.Scalar]
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }
    }

    private enum Storage: Sendable {
        case made(String)
        case inParagraph(Paragraph, Range<Int>)
    }

    private let storage: Storage

    /// The context of the mention at `range` (scalars) of `paragraph`, made when it is read.
    init(paragraph: Paragraph, range: Range<Int>) { storage = .inParagraph(paragraph, range) }

    private init(sentence: String) { storage = .made(sentence) }

    /// The sentence around the mention (``ConceptLinker/sentence(around:in:)``).
    var sentence: String {
        switch storage {
        case .made(let sentence): return sentence
        case .inParagraph(let paragraph, let range): return ConceptLinker.sentence(around: range, in: paragraph.scalars)
        }
    }

    /// The context with its sentence made now, holding no longer on to the paragraph.
    func made() -> MentionContext { MentionContext(sentence: sentence) }

    static func == (lhs: MentionContext, rhs: MentionContext) -> Bool {
        if case .inParagraph(let left, let leftRange) = lhs.storage, case .inParagraph(let right, let rightRange) = rhs.storage,
           left === right, leftRange == rightRange {
            return true
        }
        return lhs.sentence == rhs.sentence
    }

    /// Nothing: equal contexts may be stored either way, and the mention's other fields tell mentions apart.
    func hash(into hasher: inout Hasher) {}
}
