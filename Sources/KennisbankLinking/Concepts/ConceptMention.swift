import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// One mention of a concept in running text.
public struct ConceptMention: Hashable, Sendable {
    /// The concept's slug.
    public var concept: String
    /// The page it stands on.
    public var page: ContentID
    /// The anchor of the paragraph it stands in, if the paragraph has one.
    public var blockAnchor: String?
    /// The anchor of the section heading above it.
    public var sectionAnchor: String?
    /// The text of that heading.
    public var sectionTitle: String?
    /// The sentence around the mention, plain text, at most about 240 characters: made when it is read, since the
    /// site shows one per paragraph and only `check --mentions` reads them all.
    public var context: String { around.sentence }
    /// Where the sentence is, in its paragraph.
    var around: MentionContext
    /// Whether this mention became a link (the first per page or section, depending on the setting).
    public var linked: Bool
    /// The name as the text writes it ("betekenis" for the concept *Betekenis*).
    public var written: String = ""
    /// Where it stands in the page's own file; `nil` in a miniature the page embeds (the miniature's own page
    /// has that mention with its place).
    public var position: SourcePosition? = nil
}

/// A mention's place in its paragraph's text, which the sentence around it is made from when it is read. Equal when
/// the sentences are; the paragraph's text is shared by all its mentions.
struct MentionContext: Hashable, Sendable {
    /// The text of a paragraph, as scalars (soft breaks as line feeds).
    final class Paragraph: Sendable {
        let scalars: [Unicode.Scalar]
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }
    }

    let paragraph: Paragraph
    /// The mention's scalars in the paragraph.
    let range: Range<Int>

    /// The sentence around the mention (``ConceptLinker/sentence(around:in:)``).
    var sentence: String { ConceptLinker.sentence(around: range, in: paragraph.scalars) }

    static func == (lhs: MentionContext, rhs: MentionContext) -> Bool {
        (lhs.paragraph === rhs.paragraph && lhs.range == rhs.range) || lhs.sentence == rhs.sentence
    }

    /// Nothing: equal contexts may stand in different paragraphs, and the mention's other fields tell mentions apart.
    func hash(into hasher: inout Hasher) {}
}
