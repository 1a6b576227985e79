import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The blocks of a page that a route's step shows in place, taken from the linked page.
enum RouteExcerpt {
    /// The level the excerpt's highest heading gets: below the route page's step headings (level 2).
    static let topHeadingLevel = 3

    /// The blocks a step shows: for the whole page, a concept's summary and text, a miniature's text, an
    /// article's summary (or its first paragraph); for a heading, its section up to the next heading of its level
    /// or higher; for a paragraph, that paragraph. Without their `id`s, headings moved below the step's.
    static func blocks(of step: RouteStep, in page: LinkedPage) -> [BlockNode] {
        let blocks: [BlockNode]
        switch (step.place, step.target.kind) {
        case (.page, .concept):
            blocks = summary(page) + page.document.blocks
        case (.page, .article):
            let opening = summary(page)
            let firstParagraph = flattened(page.document.blocks).first { block in
                if case .paragraph = block.kind { return true }
                return false
            }
            blocks = opening.isEmpty ? firstParagraph.map { [$0] } ?? [] : opening
        case (.page, _):
            blocks = page.document.blocks
        case (.heading, _):
            let anchor = step.link.fragment ?? "", flat = flattened(page.document.blocks)
            // A figure's anchor is among the headings a link may name: the step shows the figure.
            blocks = section(anchor, in: flat).nilIfEmpty ?? flat.filter { block in
                if case .figure(let figure) = block.kind { return figure.anchor == anchor }
                return false
            }
        case (.paragraph, _):
            // The paragraph at any depth, as the route's resolver found it for the step's label.
            blocks = step.link.fragment.flatMap(page.document.paragraph(anchored:)).map { [$0] } ?? []
        }
        return rebased(blocks.map(withoutAnchors))
    }

    /// The page's summary as a paragraph, or nothing.
    private static func summary(_ page: LinkedPage) -> [BlockNode] {
        page.item.summary.map { [BlockNode(kind: .paragraph(anchor: nil), inlines: [.emphasis([.text($0)])])] } ?? []
    }

    /// The blocks with the engine's sections (an embedded miniature) opened, so that a heading or paragraph
    /// inside one is found in order.
    private static func flattened(_ blocks: [BlockNode]) -> [BlockNode] {
        blocks.flatMap { block -> [BlockNode] in
            if case .section = block.kind { return flattened(block.children) }
            return [block]
        }
    }

    /// The heading with `anchor` and the blocks after it up to the next heading of its level or higher.
    private static func section(_ anchor: String, in blocks: [BlockNode]) -> [BlockNode] {
        guard let start = blocks.firstIndex(where: { $0.kind == .heading(level: level($0) ?? 0, anchor: anchor) }),
              let top = level(blocks[start]) else { return [] }
        let rest = blocks[(start + 1)...]
        let end = rest.firstIndex { (level($0) ?? .max) <= top } ?? blocks.endIndex
        return Array(blocks[start..<end])
    }

    private static func level(_ block: BlockNode) -> Int? {
        if case .heading(let level, _) = block.kind { return level }
        return nil
    }

    /// The block and its children without paragraph, heading and section `id`s.
    private static func withoutAnchors(_ block: BlockNode) -> BlockNode {
        var copy = block
        switch block.kind {
        case .paragraph: copy.kind = .paragraph(anchor: nil)
        case .heading(let level, _): copy.kind = .heading(level: level, anchor: nil)
        case .section(let element, _, let cssClass): copy.kind = .section(element: element, id: nil, cssClass: cssClass)
        case .figure(var figure):
            figure.anchor = nil
            copy.kind = .figure(figure)
        default: break
        }
        copy.children = block.children.map(withoutAnchors)
        return copy
    }

    /// The blocks with their headings moved so that the highest is at ``topHeadingLevel`` (never past 6).
    private static func rebased(_ blocks: [BlockNode]) -> [BlockNode] {
        let levels = blocks.flatMap(allHeadingLevels)
        guard let highest = levels.min() else { return blocks }
        let shift = topHeadingLevel - highest
        func moved(_ block: BlockNode) -> BlockNode {
            var copy = block
            if case .heading(let level, let anchor) = block.kind { copy.kind = .heading(level: min(6, max(1, level + shift)), anchor: anchor) }
            copy.children = block.children.map(moved)
            return copy
        }
        return blocks.map(moved)
    }

    private static func allHeadingLevels(_ block: BlockNode) -> [Int] {
        (level(block).map { [$0] } ?? []) + block.children.flatMap(allHeadingLevels)
    }
}

private extension Array {
    /// The array, or `nil` when it is empty.
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
