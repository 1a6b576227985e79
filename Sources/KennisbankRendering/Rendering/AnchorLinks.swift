import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
/// Adds a "link to here" (¶, #) to every heading and paragraph that has an anchor, so a programme designer can
/// copy a link to any place. The page script turns a click into a copy. The links are the pointer's only (the
/// stylesheet shows them on hover): out of the tab order, where 64 of them on an article came before its table of
/// contents, and out of the accessibility tree (`aria-hidden`), where a screen reader announced one after every
/// paragraph; the table of contents and the anchors' `id`s remain the keyboard's way there.
enum AnchorLinks {
    /// The blocks with an anchor link appended to each anchored heading and paragraph.
    static func add(to document: MarkdownDocument, pagePath: String) -> MarkdownDocument {
        var document = document
        document.rewriteBlocks { block, _ in
            let anchor: String, label: String
            switch block.kind {
            case .heading(_, let id?): anchor = id; label = "Link naar deze kop"
            case .paragraph(let id?): anchor = id; label = "Link naar deze alinea"
            default: return
            }
            let link = EngineLink(target: SiteLink(path: pagePath, fragment: anchor), cssClass: "anchor", ariaLabel: label, inTabOrder: false)
            block.inlines.append(.link(link, [.text(block.kind.isHeading ? "#" : "¶")]))
        }
        return document
    }
}

extension BlockNode.Kind {
    /// Whether this is a heading.
    var isHeading: Bool { if case .heading = self { return true } else { return false } }
}
