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
    /// The sentence around the mention, plain text, at most about 240 characters.
    public var context: String
    /// Whether this mention became a link (the first per page or section, depending on the setting).
    public var linked: Bool
    /// The name as the text writes it ("betekenis" for the concept *Betekenis*).
    public var written: String = ""
    /// Where it stands in the page's own file; `nil` in a miniature the page embeds (the miniature's own page
    /// has that mention with its place).
    public var position: SourcePosition? = nil
}
