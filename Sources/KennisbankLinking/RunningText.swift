import KennisbankMarkdown

/// Which blocks have running text that gets citations and concept mentions: paragraphs, but not a miniature's
/// label nor the entries of a reference list (the paragraphs under a heading that names one).
enum RunningText {
    /// The paragraph's anchor (`.some(nil)` for a paragraph without one) when the text of `block` is linked, or
    /// `nil` when it is not.
    static func paragraphAnchor(of block: BlockNode, in context: BlockContext) -> String?? {
        guard case .paragraph(let anchor) = block.kind, !context.isInside(cssClass: "miniature-label") else { return nil }
        if let title = context.sectionTitle, ReferenceLibrary.isReferenceHeading(title) { return nil }
        return .some(anchor)
    }
}
