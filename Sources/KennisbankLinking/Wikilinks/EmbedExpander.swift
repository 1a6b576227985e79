import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// Replaces each paragraph that holds only `![[miniature]]` with the miniature itself.
///
/// The embedded miniature is wrapped in a `<figure class="miniature">` whose first line links to
/// the miniature's own page. Embeds inside the miniature are expanded too; an embed that leads
/// back to a miniature already being expanded (directly or in a cycle) is an error, not a crash.
///
/// Each problem is reported once, at its place: a problem inside an embedded miniature is the miniature's, reported
/// by the expansion of its own page, not by every page that embeds it; a cycle of several miniatures is reported by
/// the page of the first of them by slug, at the embed that leads back to it.
package struct EmbedExpander: Sendable {
    /// The miniatures by slug.
    package var miniatures: [String: Miniature]
    /// Resolves the written target to an item.
    package var index: TargetIndex

    /// Creates an expander.
    package init(miniatures: [Miniature], index: TargetIndex) {
        self.miniatures = Dictionary(miniatures.map { ($0.item.id.slug, $0) }, uniquingKeysWith: { first, _ in first })
        self.index = index
    }

    /// The `id` of an embedded miniature in the page that embeds it: the place its own page links back to.
    package static func anchor(ofEmbedded slug: String) -> String { "miniatuur-\(slug)" }

    /// The embed target of a paragraph, if the paragraph is exactly `![[target]]`.
    package static func embedTarget(of block: BlockNode) -> Wikilink? {
        // cmark starts such a paragraph with a text node "!" or "![[…": a cheap test before consolidating.
        guard case .paragraph = block.kind, case .text(let first)? = block.inlines.first, first.hasPrefix("!") else { return nil }
        let text = InlineRewriter.consolidate(block.inlines).plainText.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("![["), text.hasSuffix("]]"), text.count > 5 else { return nil }
        let raw = text.dropFirst(3).dropLast(2)
        guard !raw.contains("[["), !raw.contains("]]") else { return nil }
        return Wikilink(raw: String(raw))
    }

    /// Expands the embeds of a document that belongs to `owner` (whose file is `source`).
    package func expand(_ document: MarkdownDocument, owner: ContentID, source: SourceFile) -> (MarkdownDocument, [Diagnostic], [String]) {
        var diagnostics: [Diagnostic] = []
        var embedded: [String] = []
        let stack = owner.kind == .miniature ? [owner.slug] : []
        let blocks = expand(document.blocks, source: source, stack: stack, depth: 0, diagnostics: &diagnostics, embedded: &embedded)
        return (MarkdownDocument(blocks: blocks), diagnostics, embedded)
    }

    /// Expands `blocks` of `source`, `depth` embeds below the page (0: the page's own text); `stack` holds the
    /// miniatures being expanded, the page's own first when it is a miniature (then it holds `depth + 1` slugs).
    private func expand(_ blocks: [BlockNode], source: SourceFile, stack: [String], depth: Int,
                        diagnostics: inout [Diagnostic], embedded: inout [String]) -> [BlockNode] {
        var result: [BlockNode] = []
        for var block in blocks {
            guard let embed = Self.embedTarget(of: block) else {
                if !block.children.isEmpty {
                    block.children = expand(block.children, source: source, stack: stack, depth: depth, diagnostics: &diagnostics, embedded: &embedded)
                }
                result.append(block)
                continue
            }
            // Looked for only when an embed is reported: most embeds are not.
            let position = { source.position(of: "![[", from: block.range.start) ?? block.range.start }
            guard let id = index.resolve(embed.target), id.kind == .miniature, let miniature = miniatures[id.slug] else {
                // Inside an embedded miniature, the miniature's own page reports it.
                guard depth == 0 else { continue }
                diagnostics.append(Diagnostic(path: source.path, position: position(), code: .missingEmbed,
                                              message: "The embed '![[\(embed.raw)]]' names no miniature; embeds take the slug, title or alias of a file in Content/miniatures.",
                                              hint: Suggestions.hint(for: embed.target, among: Array(miniatures.keys))))
                continue
            }
            if let start = stack.firstIndex(of: id.slug) {
                let cycle = Array(stack[start...])
                // Reported once: by the page of the cycle's first miniature by slug, which the cycle leads back to
                // (on a miniature's page the stack starts with the page itself, one deeper than the embeds).
                let onItsPage = start == 0 && stack.count > depth
                if onItsPage, id.slug == cycle.min() {
                    diagnostics.append(Diagnostic(path: source.path, position: position(), code: .embedCycle,
                                                  message: "The embed '![[\(embed.raw)]]' embeds miniature '\(id.slug)' inside itself (\((cycle + [id.slug]).joined(separator: " → "))).",
                                                  hint: "replace the embed with a link [[\(embed.target)]]"))
                }
                continue
            }
            embedded.append(id.slug)
            // Marked as on the miniature's own page: the marks are read from its own source.
            let document = CitationEscapes.apply(to: miniature.item.document, source: miniature.item.source)
            let inner = expand(document.blocks, source: miniature.item.source, stack: stack + [id.slug], depth: depth + 1,
                               diagnostics: &diagnostics, embedded: &embedded)
            let label = BlockNode(kind: .section(element: "figcaption", id: nil, cssClass: "miniature-label"),
                                  inlines: [.text("Miniatuur: "),
                                            .link(EngineLink(target: id.link, cssClass: "miniature-link"), [.text(miniature.item.title)])],
                                  range: block.range)
            // A figure, named by its caption: an article embeds several miniatures, and unnamed `<aside>`s would be
            // landmarks a screen reader cannot tell apart.
            result.append(BlockNode(kind: .section(element: "figure", id: Self.anchor(ofEmbedded: id.slug), cssClass: "miniature"),
                                    children: [label] + inner, range: block.range))
        }
        return result
    }
}
