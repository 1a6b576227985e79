import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// Reads a route's steps and resolves what they name through the site's ``WikilinkResolver``, as any
/// `[[link]]` of the site is resolved: a step is the item of the route's first top-level ordered list, its first
/// wikilink the target, a trailing "(N min)" or "(N-M min)" its duration, the rest the instruction.
///
/// A step whose wikilink names nothing, a step without a wikilink, a route without steps and a duration that is not
/// a number are warnings at their place in the route's file.
package struct RouteResolver: Sendable {
    /// The resolver of the site's wikilinks (names, headings and paragraph anchors of every page).
    package var wikilinks: WikilinkResolver
    /// The linked pages, by id: a step about a paragraph is named by the paragraph's opening words.
    package var pages: [ContentID: LinkedPage]

    /// Creates a resolver over the site's wikilinks and linked pages.
    package init(wikilinks: WikilinkResolver, pages: [ContentID: LinkedPage] = [:]) {
        self.wikilinks = wikilinks
        self.pages = pages
    }

    /// How many of a paragraph's words name a step about it.
    static let openingWords = 8

    /// The route resolved, with the problems found in it.
    package func resolve(_ route: Route) -> (ResolvedRoute, [Diagnostic]) {
        let source = route.item.source
        var diagnostics: [Diagnostic] = []
        let (introduction, _, introductionProblems) = wikilinks.resolve(MarkdownDocument(blocks: route.introduction), source: source)
        diagnostics += introductionProblems
        var steps: [RouteStep] = []
        let items = route.stepItems
        for item in items {
            if let step = self.step(item, number: steps.count + 1, source: source, diagnostics: &diagnostics) { steps.append(step) }
        }
        if items.isEmpty {
            let position = route.item.document.blocks.first?.range.start ?? .start
            diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .routeWithoutSteps,
                                          message: "The route '\(route.item.title)' has no steps: its body has no numbered list.",
                                          hint: "write each step as an item of a numbered list: 1. [[begrip]] — wat de deelnemer doet. (10 min)"))
        }
        return (ResolvedRoute(route: route, introduction: introduction, steps: steps), diagnostics)
    }

    /// One step, or `nil` (with a warning) when its item has no wikilink or the wikilink names nothing.
    private func step(_ item: BlockNode, number: Int, source: SourceFile, diagnostics: inout [Diagnostic]) -> RouteStep? {
        var blocks = item.children
        let start = item.range.start
        guard let first = blocks.firstIndex(where: { !$0.inlines.isEmpty && !WikilinkScanner.find(in: $0.inlines).isEmpty }) else {
            diagnostics.append(Diagnostic(path: source.path, position: start, severity: .warning, code: .stepWithoutLink,
                                          message: "This step names nothing to read: it has no [[link]].",
                                          hint: "start the step with the concept, miniature or article it is about: [[niet-weten]]"))
            return nil
        }
        // The first wikilink is the target; it is taken out of the instruction, with the dash or colon after it.
        var found: Wikilink?
        blocks[first].inlines = WikilinkScanner.rewrite(blocks[first].inlines) { wikilink in
            guard found == nil else { return [.text("[[" + wikilink.raw + "]]")] }
            found = wikilink
            return [.text("\u{0}")]
        }
        guard let wikilink = found else { preconditionFailure("the block was chosen for its wikilink") }
        blocks[first].inlines = Self.joiningAfterTarget(blocks[first].inlines)
        let blockStart = blocks[first].range.start
        let position = source.position(of: "[[" + wikilink.raw.prefix(while: { $0 != "\n" }), from: blockStart) ?? blockStart
        var lookups: [WikilinkResolver.ParagraphLookup] = []
        guard let (target, link) = wikilinks.target(of: wikilink, at: position, source: source, lookups: &lookups, diagnostics: &diagnostics) else {
            return nil
        }
        let duration = takeDuration(from: &blocks, source: source, diagnostics: &diagnostics)
        blocks.removeAll { $0.kind == .paragraph(anchor: nil) && $0.inlines.isEmpty }
        let (instruction, _, problems) = wikilinks.resolve(MarkdownDocument(blocks: blocks), source: source)
        diagnostics += problems
        let place: RouteStep.Place = link.fragment.map { anchor in
            (wikilinks.headings[target] ?? [:]).values.contains(anchor) ? .heading : .paragraph
        } ?? .page
        let title = wikilinks.index.title(of: target) ?? wikilink.target
        // A heading as the author wrote it; a paragraph by its opening words (its anchor is no reading).
        let part = (place == .paragraph ? opening(of: link, on: target) : nil) ?? wikilink.heading ?? ""
        let label = wikilink.label ?? (place == .page ? title : "\(title) › \(part)")
        return RouteStep(number: number, target: target, link: link, place: place, label: label, instruction: instruction,
                         duration: duration, position: start)
    }

    /// The opening words of the paragraph `link` names on `page` ("Het professioneel perspectief geeft taal aan de
    /// onderstroom…"), or `nil` when the page is not at hand.
    private func opening(of link: SiteLink, on page: ContentID) -> String? {
        guard let anchor = link.fragment, let paragraph = pages[page]?.document.paragraph(anchored: anchor) else { return nil }
        let words = paragraph.inlines.plainText.split(whereSeparator: \.isWhitespace)
        return words.prefix(Self.openingWords).joined(separator: " ") + (words.count > Self.openingWords ? "…" : "")
    }

    /// The inlines with the placeholder of the target taken out, and the separator that followed it ("—", "–",
    /// "-", ":") with the spaces around it.
    private static func joiningAfterTarget(_ inlines: [InlineNode]) -> [InlineNode] {
        var result: [InlineNode] = []
        var afterTarget = false
        for inline in inlines {
            guard case .text(var text) = inline else {
                afterTarget = false
                result.append(inline)
                continue
            }
            if let marker = text.firstIndex(of: "\u{0}") {
                let before = String(text[..<marker]).trimmingCharacters(in: .whitespaces)
                let after = Self.droppingSeparator(text[text.index(after: marker)...])
                text = before.isEmpty ? String(after) : before + " " + after
                afterTarget = after.isEmpty
            } else if afterTarget {
                text = String(Self.droppingSeparator(Substring(text)))
                afterTarget = false
            }
            if !text.isEmpty { result.append(.text(text)) }
        }
        if case .softBreak? = result.first { result.removeFirst() }
        return result
    }

    /// `text` without its opening spaces and, after them, one separator ("—", "–", "-", ":") with the spaces after it.
    private static func droppingSeparator(_ text: Substring) -> Substring {
        let rest = text.drop(while: { $0 == " " })
        guard let separator = rest.first, "—–-:".contains(separator) else { return rest }
        return rest.dropFirst().drop(while: { $0 == " " })
    }

    /// The trailing "(N min)" or "(N-M min)" of the step's last paragraph, taken out of it; a parenthesis that
    /// ends in "min" or "minuten" but holds no number is a warning, and stays in the text.
    private func takeDuration(from blocks: inout [BlockNode], source: SourceFile, diagnostics: inout [Diagnostic]) -> StepDuration? {
        guard let last = blocks.lastIndex(where: { !$0.inlines.isEmpty }), case .paragraph = blocks[last].kind,
              case .text(let text)? = blocks[last].inlines.last else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let inside = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let words = inside.trimmingCharacters(in: .whitespaces)
        guard StepDuration.units.contains(where: words.hasSuffix) else { return nil }
        guard let duration = StepDuration.parse(inside) else {
            let position = source.position(of: "(" + inside + ")", from: blocks[last].range.start) ?? blocks[last].range.start
            diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .invalidDuration,
                                          message: "The duration '(\(inside))' is not a number of minutes; the step has no duration.",
                                          hint: "write it as (15 min) or (15-20 min)"))
            return nil
        }
        let kept = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
        blocks[last].inlines.removeLast()
        if !kept.isEmpty { blocks[last].inlines.append(.text(kept)) }
        while let end = blocks[last].inlines.last, end == .softBreak || end == .lineBreak { blocks[last].inlines.removeLast() }
        return duration
    }
}
