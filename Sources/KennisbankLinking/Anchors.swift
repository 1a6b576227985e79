import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// Gives every heading and every paragraph of running text an `id`, so readers and programme
/// designers can link to any place, and concept mentions can point at their paragraph.
///
/// Heading anchors are slugs of the heading text (deduplicated with `-2`, `-3`); paragraphs are
/// numbered `p-1`, `p-2`, … in document order. Paragraphs in tight lists have no `<p>` and get none.
public enum Anchors {
    /// Assigns anchors in place and returns the table of contents (headings of level 2 and 3).
    @discardableResult
    public static func assign(in document: inout MarkdownDocument) -> [TableOfContentsEntry] {
        var used = Set<String>()
        var paragraphs = 0
        var toc: [TableOfContentsEntry] = []
        document.rewriteBlocks { block, context in
            switch block.kind {
            case .heading(let level, nil):
                let text = block.inlines.plainText
                let anchor = unique(Slug.make(from: text), &used)
                block.kind = .heading(level: level, anchor: anchor)
                if (2...3).contains(level), context.depth == 0 {
                    toc.append(TableOfContentsEntry(level: level, title: text, anchor: anchor))
                }
            case .paragraph(nil) where !context.isInTightList:
                paragraphs += 1
                block.kind = .paragraph(anchor: unique("p-\(paragraphs)", &used))
            default:
                break
            }
        }
        return toc
    }

    /// The heading anchors of a document, keyed by the heading text folded for lookup.
    public static func headings(of document: MarkdownDocument) -> [String: String] {
        var result: [String: String] = [:]
        document.forEachBlock { block, _ in
            if case .heading(_, let anchor?) = block.kind {
                let key = TargetIndex.key(block.inlines.plainText)
                if result[key] == nil { result[key] = anchor }
                if result[anchor] == nil { result[anchor] = anchor }
            }
        }
        return result
    }

    private static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// One line of a page's table of contents.
public struct TableOfContentsEntry: Hashable, Sendable {
    /// The heading level (2 or 3).
    public var level: Int
    /// The heading text.
    public var title: String
    /// The heading's `id`.
    public var anchor: String
}
