import KennisbankCore
import KennisbankContent

/// One resolved wikilink in running text: the page it leads to and where it stands, for that page's backlinks.
package struct WikilinkUse: Hashable, Sendable {
    /// The page the link leads to.
    package var target: ContentID
    /// The anchor of the paragraph it stands in, if the paragraph has one.
    package var blockAnchor: String?
    /// The anchor of the section heading above it.
    package var sectionAnchor: String?
    /// The text of that heading.
    package var sectionTitle: String?
    /// The sentence around the link's text, as a concept mention's (``ConceptMention/context``): made when it is read.
    package var context: String { around.sentence }
    /// Where the sentence is, in its paragraph.
    var around: MentionContext
}
