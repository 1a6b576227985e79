import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// Turns `[[target]]`, `[[target|label]]` and `[[target#Heading]]` into links to the target's page
/// (and the heading's anchor), and reports those that resolve to nothing.
public struct WikilinkResolver: Sendable {
    /// Names of all items.
    public var index: TargetIndex
    /// Heading anchors of every item, keyed by folded heading text and by anchor.
    public var headings: [ContentID: [String: String]]

    /// Creates a resolver.
    public init(index: TargetIndex, headings: [ContentID: [String: String]]) {
        self.index = index
        self.headings = headings
    }

    /// Rewrites the wikilinks of a document; returns it with the targets it links to and the problems found.
    public func resolve(_ document: MarkdownDocument, source: SourceFile) -> (MarkdownDocument, [ContentID], [Diagnostic]) {
        var document = document
        var targets: [ContentID] = []
        var diagnostics: [Diagnostic] = []
        document.rewriteBlocks { block, _ in resolve(&block, source: source, targets: &targets, diagnostics: &diagnostics) }
        return (document, targets, diagnostics)
    }

    /// Rewrites the wikilinks of one block, adding the targets it links to and the problems found: a step of
    /// the one walk over a page that links it (``SiteLinker``).
    func resolve(_ block: inout BlockNode, source: SourceFile, targets: inout [ContentID], diagnostics: inout [Diagnostic]) {
        guard !block.inlines.isEmpty else { return }
        let start = block.range.start
        block.inlines = WikilinkScanner.rewrite(block.inlines) { wikilink in
            let position = source.position(of: "[[" + wikilink.raw.prefix(while: { $0 != "\n" }), from: start)
                ?? source.position(of: "[[", from: start) ?? start
            let label = wikilink.label ?? wikilink.heading.map { "\(wikilink.target) › \($0)" } ?? wikilink.target
            guard let id = index.resolve(wikilink.target) else {
                diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .unresolvedWikilink,
                                              message: "The link '[[\(wikilink.raw)]]' names no article, concept or miniature.",
                                              hint: Suggestions.hint(for: wikilink.target, among: index.names)))
                return [.text(label)]
            }
            var target = id.link
            if let heading = wikilink.heading {
                let anchors = headings[id] ?? [:]
                if let anchor = anchors[TargetIndex.key(heading)] ?? anchors[Slug.make(from: heading)] {
                    target = target.with(fragment: anchor)
                } else {
                    diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .unresolvedHeading,
                                                  message: "The link '[[\(wikilink.raw)]]' names a heading '\(heading)' that \(id) does not have.",
                                                  hint: Suggestions.hint(for: heading, among: Array(anchors.keys))))
                }
            }
            targets.append(id)
            // A bare slug reads better as the item's title: [[identity-work]] shows "Identity work".
            let shown = wikilink.target.lowercased() == id.slug ? (index.title(of: id) ?? wikilink.target) : wikilink.target
            let text = wikilink.label ?? (wikilink.heading.map { "\(shown) › \($0)" } ?? shown)
            return [.link(EngineLink(target: target, cssClass: "wikilink \(id.kind.rawValue)"), [.text(text)])]
        }
    }
}
