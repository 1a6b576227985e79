import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// Gives every heading and every paragraph of running text an `id`, so readers and programme
/// designers can link to any place, and concept mentions can point at their paragraph.
///
/// An anchor is made from the text it marks, never from its position, so links to it hold while the page around
/// it is edited (see ``ParagraphAnchors`` and ``HeadingAnchors``):
/// - a heading's anchor is the slug of its text without a section number: "1. Leiderschap als wordingspraktijk"
///   gets `leiderschap-als-wordingspraktijk`;
/// - a paragraph's anchor is the slug of its opening words: "Leiderschap wordt hier beschouwd als een …" gets
///   `leiderschap-wordt-hier-beschouwd-als`;
/// - the author pins an anchor by ending a paragraph or heading with `{#naam}`; a pinned anchor survives any
///   rewrite of its text.
///
/// - a figure's anchor is `figuur-` and its number (``FigureAnchors``).
///
/// Paragraphs in tight lists have no `<p>` and get none.
package enum Anchors {
    /// What ``assign(in:source:reserved:)`` gives: the table of contents, the anchors a `[[page#…]]` link may name,
    /// and the problems with pinned anchors.
    package struct Assigned: Equatable, Sendable {
        /// The headings of level 2 and 3 at the top level, in order.
        package var tableOfContents: [TableOfContentsEntry]
        /// The heading anchors, keyed by what a link may say: a heading's text folded for lookup, with and without
        /// its section number, and the anchor itself; and each figure's anchor.
        package var headings: [String: String]
        /// The paragraph anchors.
        package var paragraphs: Set<String>
        /// Pinned anchors that are not valid names, or that two places pin.
        package var diagnostics: [Diagnostic]
    }

    /// Assigns anchors in place and returns the table of contents (headings of level 2 and 3).
    ///
    /// Pinned anchors (`{#naam}`) are taken out of the text. Problems are reported against `source`, only for blocks
    /// outside engine wrappers (an embedded miniature's pins are reported on the miniature's own page).
    @discardableResult
    /// Anchors in `reserved` (the `id`s the page's template writes) are taken by no heading or paragraph.
    package static func assign(in document: inout MarkdownDocument, source: SourceFile? = nil, reserved: Set<String> = []) -> Assigned {
        var places: [Place] = []
        var diagnostics: [Diagnostic] = []
        document.rewriteBlocks { block, context in
            let isHeading: Bool
            switch block.kind {
            case .heading(_, nil): isHeading = true
            case .paragraph(nil) where !context.isInTightList: isHeading = false
            case .figure(let figure) where figure.anchor == nil:
                places.append(Place(isHeading: false, text: "", pinned: nil, depth: context.depth, position: nil,
                                    figure: FigureAnchors.name(of: figure)))
                return
            default: return
            }
            let report = context.wrapperClasses.isEmpty ? source : nil
            let pinned = PinnedAnchor.take(from: &block, source: report, diagnostics: &diagnostics)
            places.append(Place(isHeading: isHeading, text: block.inlines.plainText, pinned: pinned, depth: context.depth,
                                position: report.map { _ in block.range.start }))
        }
        let names = names(of: places, reserved: reserved, source: source, diagnostics: &diagnostics)
        var next = 0
        var toc: [TableOfContentsEntry] = []
        document.rewriteBlocks { block, context in
            switch block.kind {
            case .heading(let level, nil):
                block.kind = .heading(level: level, anchor: names[next])
                if (2...3).contains(level), context.depth == 0 {
                    toc.append(TableOfContentsEntry(level: level, title: places[next].text, anchor: names[next]))
                }
            case .paragraph(nil) where !context.isInTightList:
                block.kind = .paragraph(anchor: names[next])
            case .figure(var figure) where figure.anchor == nil:
                figure.anchor = names[next]
                block.kind = .figure(figure)
            default:
                return
            }
            next += 1
        }
        precondition(next == places.count, "The second walk over a page must meet the places the first walk found.")
        var headings: [String: String] = [:], paragraphs = Set<String>()
        for (place, anchor) in zip(places, names) {
            if place.figure != nil {
                if headings[anchor] == nil { headings[anchor] = anchor }
                continue
            }
            guard place.isHeading else {
                paragraphs.insert(anchor)
                continue
            }
            for key in [TargetIndex.key(place.text), TargetIndex.key(HeadingAnchors.withoutNumber(place.text)), anchor] where headings[key] == nil {
                headings[key] = anchor
            }
        }
        return Assigned(tableOfContents: toc, headings: headings, paragraphs: paragraphs, diagnostics: diagnostics)
    }

    /// A heading or paragraph that gets an anchor, as the first walk found it.
    struct Place {
        var isHeading: Bool
        var text: String
        var pinned: String?
        var depth: Int
        /// Where to report a problem with its pin, or `nil` when it is not reported here.
        var position: SourcePosition?
        /// The anchor a figure asks for (``FigureAnchors``), or `nil` for a heading or paragraph.
        var figure: String? = nil
    }

    /// The anchor of every place, in order. Pinned anchors come first, then headings (in order, `-2` for a repeated
    /// text), then paragraphs, which never take a name a pin or heading holds.
    static func names(of places: [Place], reserved: Set<String>, source: SourceFile?, diagnostics: inout [Diagnostic]) -> [String] {
        var names = [String?](repeating: nil, count: places.count)
        var taken = reserved
        for (index, place) in places.enumerated() {
            guard let pinned = place.pinned else { continue }
            if taken.insert(pinned).inserted {
                names[index] = pinned
            } else if let source, let position = place.position {
                diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .duplicateAnchor,
                                              message: "The anchor '#\(pinned)' is pinned twice on this page, or is an id the page's template writes; this paragraph keeps an anchor made from its text.",
                                              hint: "pin another name here"))
            }
        }
        for (index, place) in places.enumerated() {
            guard let figure = place.figure else { continue }
            names[index] = HeadingAnchors.unique(figure, taken: &taken)
        }
        for (index, place) in places.enumerated() where place.isHeading && names[index] == nil {
            names[index] = HeadingAnchors.unique(HeadingAnchors.anchor(of: place.text), taken: &taken)
        }
        let paragraphs = places.indices.filter { names[$0] == nil }
        let anchors = ParagraphAnchors.anchors(of: paragraphs.map { places[$0].text }, avoiding: taken)
        for (index, anchor) in zip(paragraphs, anchors) { names[index] = anchor }
        return names.map { $0! }
    }
}

/// One line of a page's table of contents.
package struct TableOfContentsEntry: Hashable, Sendable {
    /// The heading level (2 or 3).
    package var level: Int
    /// The heading text.
    package var title: String
    /// The heading's `id`.
    package var anchor: String
}
