import Foundation

/// The search index, built at build time: one entry per page title, heading and paragraph,
/// with concept names and aliases as their own entries. The browser script folds case and
/// diacritics and treats hyphens as spaces, so "niet weten" finds "niet-weten".
struct SearchIndex {
    let site: LinkedSite

    private struct Page: Encodable { let t: String, u: String, k: String }
    private struct Entry: Encodable { let p: Int, a: String?, h: String?, x: String, w: Int }
    private struct Index: Encodable { let pages: [Page], entries: [Entry] }

    /// `search-index.json`, for tools, and `search-index.js`, the same data as a script that the search
    /// page loads: a script loads from a folder opened as `file://` too, where `fetch` is refused.
    func files() -> [OutputFile] {
        let json = file()
        let script = Data("window.KENNISBANK_SEARCH = ".utf8) + json.contents + Data(";\n".utf8)
        return [json, OutputFile(path: "search-index.js", contents: script)]
    }

    /// `search-index.json`.
    func file() -> OutputFile {
        var pages: [Page] = []
        var entries: [Entry] = []
        let ids = site.content.articles.map(\.item.id) + site.content.concepts.map(\.item.id) + site.content.miniatures.map(\.item.id)
        for id in ids {
            guard let page = site.pages[id] else { continue }
            let number = pages.count
            pages.append(Page(t: page.item.title, u: id.link.path, k: id.kind.dutchName))
            entries.append(Entry(p: number, a: nil, h: nil, x: ([page.item.title] + (id.kind == .article ? [] : page.item.aliases)).joined(separator: " · "), w: 3))
            if let summary = page.item.summary { entries.append(Entry(p: number, a: nil, h: nil, x: summary, w: 2)) }
            page.document.forEachBlock { block, context in
                switch block.kind {
                case .heading(_, let anchor?):
                    entries.append(Entry(p: number, a: anchor, h: nil, x: block.inlines.plainText, w: 2))
                case .paragraph(let anchor):
                    guard !context.isInside(cssClass: "miniature-label") else { return }
                    let text = block.inlines.plainText
                    if !text.isEmpty { entries.append(Entry(p: number, a: anchor ?? context.sectionAnchor, h: context.sectionTitle, x: text, w: 1)) }
                default:
                    break
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return OutputFile(path: "search-index.json", contents: try! encoder.encode(Index(pages: pages, entries: entries)))
    }
}
