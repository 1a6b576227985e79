import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// Turns `[[target]]`, `[[target|label]]` and `[[target#Heading]]` into links to the target's page
/// (and the heading's anchor), and reports those that resolve to nothing.
package struct WikilinkResolver: Sendable {
    /// Names of all items.
    package var index: TargetIndex
    /// The heading anchors of every item, keyed by folded heading text (with and without its number) and by anchor.
    package var headings: [ContentID: [String: String]]
    /// The paragraph anchors of every item.
    package var paragraphs: [ContentID: Set<String>]

    /// Creates a resolver.
    package init(index: TargetIndex, headings: [ContentID: [String: String]], paragraphs: [ContentID: Set<String>] = [:]) {
        self.index = index
        self.headings = headings
        self.paragraphs = paragraphs
    }

    /// A link's look-up of a paragraph anchor: what it asked and whether the page had it. A page's links hold as
    /// long as its look-ups find what they found, so an edit that moves no anchor a link names links no other page
    /// again (paragraph anchors change with a paragraph's opening words; heading anchors are rarer and compared whole).
    package struct ParagraphLookup: Hashable, Sendable {
        /// The page asked.
        package var page: ContentID
        /// The anchor asked for.
        package var anchor: String
        /// Whether the page had it.
        package var found: Bool
    }

    /// Whether `lookup` finds what it found, in this resolver's site.
    package func holds(_ lookup: ParagraphLookup) -> Bool {
        (paragraphs[lookup.page]?.contains(lookup.anchor) ?? false) == lookup.found
    }

    /// Rewrites the wikilinks of a document; returns it with the targets it links to and the problems found.
    package func resolve(_ document: MarkdownDocument, source: SourceFile) -> (MarkdownDocument, [ContentID], [Diagnostic]) {
        var document = document
        var targets: [ContentID] = []
        var diagnostics: [Diagnostic] = []
        var lookups: [ParagraphLookup] = []
        document.rewriteBlocks { block, _ in resolve(&block, source: source, targets: &targets, lookups: &lookups, diagnostics: &diagnostics) }
        return (document, targets, diagnostics)
    }

    /// Rewrites the wikilinks of one block, adding the targets it links to and the problems found: a block without
    /// running text in the one walk over a page that links it (``SiteLinker``; running text has its wikilinks found
    /// in the concept linker's pass, with ``replacement(for:inBlockAt:source:targets:lookups:diagnostics:)``).
    func resolve(_ block: inout BlockNode, source: SourceFile, targets: inout [ContentID], lookups: inout [ParagraphLookup],
                 diagnostics: inout [Diagnostic]) {
        guard !block.inlines.isEmpty else { return }
        let start = block.range.start
        block.inlines = WikilinkScanner.rewrite(block.inlines) { wikilink in
            replacement(for: wikilink, inBlockAt: start, source: source, targets: &targets, lookups: &lookups, diagnostics: &diagnostics)
        }
    }

    /// The nodes that stand for `wikilink`, written in the block that starts at `start`: a link to what it names, or
    /// its label as text when it names nothing. Adds the target it links to and the problems found.
    func replacement(for wikilink: Wikilink, inBlockAt start: SourcePosition, source: SourceFile, targets: inout [ContentID],
                     lookups: inout [ParagraphLookup], diagnostics: inout [Diagnostic]) -> [InlineNode] {
        let position = source.position(of: "[[" + wikilink.raw.prefix(while: { $0 != "\n" }), from: start)
            ?? source.position(of: "[[", from: start) ?? start
        let label = wikilink.label ?? wikilink.heading.map { "\(wikilink.target) › \($0)" } ?? wikilink.target
        guard let (id, target) = self.target(of: wikilink, at: position, source: source, lookups: &lookups, diagnostics: &diagnostics) else {
            return [.text(label)]
        }
        targets.append(id)
        // A bare slug reads better as the item's title: [[identity-work]] shows "Identity work".
        let shown = wikilink.target.lowercased() == id.slug ? (index.title(of: id) ?? wikilink.target) : wikilink.target
        let text = wikilink.label ?? (wikilink.heading.map { "\(shown) › \($0)" } ?? shown)
        return [.link(EngineLink(target: target, cssClass: "wikilink \(id.kind.rawValue)"), [.text(text)])]
    }

    /// ``replacement(for:inBlockAt:source:targets:lookups:diagnostics:)`` with the page the link leads to, `nil` when
    /// it names nothing: what the concept linker's pass takes, to note each link's sentence (``ConceptLinker``).
    func resolved(_ wikilink: Wikilink, inBlockAt start: SourcePosition, source: SourceFile, targets: inout [ContentID],
                  lookups: inout [ParagraphLookup], diagnostics: inout [Diagnostic]) -> (nodes: [InlineNode], target: ContentID?) {
        let known = targets.count
        let nodes = replacement(for: wikilink, inBlockAt: start, source: source, targets: &targets, lookups: &lookups, diagnostics: &diagnostics)
        return (nodes, targets.count > known ? targets.last : nil)
    }

    /// What one wikilink names: the item, and its page with the anchor of the heading or paragraph it names, or
    /// `nil` when it names no item (a warning at `position` is added). A heading or anchor the item lacks is a
    /// warning too; the link then leads to the page.
    package func target(of wikilink: Wikilink, at position: SourcePosition, source: SourceFile, lookups: inout [ParagraphLookup],
                        diagnostics: inout [Diagnostic]) -> (ContentID, SiteLink)? {
        guard let id = index.resolve(wikilink.target) else {
            diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .unresolvedWikilink,
                                          message: "The link '[[\(wikilink.raw)]]' names no article, concept or miniature.",
                                          hint: Suggestions.hint(for: wikilink.target, among: index.names)))
            return nil
        }
        var target = id.link
        if let heading = wikilink.heading {
            let anchors = headings[id] ?? [:]
            if let anchor = anchors[TargetIndex.key(heading)] ?? anchors[HeadingAnchors.anchor(of: heading)] {
                target = target.with(fragment: anchor)
            } else if let anchor = paragraphAnchor(heading, on: id, lookups: &lookups) {
                target = target.with(fragment: anchor)
            } else {
                diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .unresolvedHeading,
                                              message: "The link '[[\(wikilink.raw)]]' names a heading or anchor '\(heading)' that \(id) does not have.",
                                              hint: Suggestions.hint(for: heading, among: Array(anchors.keys))))
            }
        }
        return (id, target)
    }

    /// The paragraph anchor `written` names on `page` (written as the anchor, or as text that slugs to it), noting the
    /// look-up.
    private func paragraphAnchor(_ written: String, on page: ContentID, lookups: inout [ParagraphLookup]) -> String? {
        let anchor = Slug.make(from: written, ifEmpty: "")
        guard !anchor.isEmpty else { return nil }
        let found = paragraphs[page]?.contains(anchor) ?? false
        lookups.append(ParagraphLookup(page: page, anchor: anchor, found: found))
        return found ? anchor : nil
    }
}
