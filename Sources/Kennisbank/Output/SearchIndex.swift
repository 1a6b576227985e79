import Foundation

/// The search index, built at build time: one entry per page title, heading and paragraph,
/// with concept names and aliases as their own entries. The browser script folds case and
/// diacritics and treats hyphens as spaces, so "niet weten" finds "niet-weten".
struct SearchIndex {
    let site: LinkedSite
    /// Each page's encoded entries from earlier builds; `nil` encodes every page.
    var cache: RenderCache? = nil

    private struct Page: Encodable { let t: String, u: String, k: String }
    private struct Entry: Encodable { let p: Int, a: String?, h: String?, x: String, w: Int }

    /// `search-index.json`, for tools, and `search-index.js`, the same data as a script that the search
    /// page loads: a script loads from a folder opened as `file://` too, where `fetch` is refused.
    ///
    /// The script is assembled once, and the JSON file is a slice of it (a `Data` slice shares its bytes):
    /// at a few thousand articles the index is tens of megabytes.
    func files() -> [OutputFile] {
        let prefix = "window.KENNISBANK_SEARCH = ", suffix = ";\n"
        let script = assemble(prefix: prefix, suffix: suffix)
        let json = script[(script.startIndex + prefix.utf8.count)..<(script.endIndex - suffix.utf8.count)]
        return [OutputFile(path: "search-index.json", contents: json), OutputFile(path: "search-index.js", contents: script)]
    }

    /// The JSON, `{"entries":[…],"pages":[…]}` with keys sorted, between `prefix` and `suffix`, in one buffer.
    ///
    /// Each page's entries are encoded on their own and joined, so an incremental build re-encodes only the
    /// pages that changed (`cache`); the bytes are the same either way.
    private func assemble(prefix: String, suffix: String) -> Data {
        let ids = site.content.articles.map(\.item.id) + site.content.concepts.map(\.item.id) + site.content.miniatures.map(\.item.id)
        let indexed = ids.compactMap { site.pages[$0] }
        let cache = self.cache
        // Encoded on all cores, page by page; joined in order below.
        let encoded = Array(indexed.enumerated()).parallelMap { number, page -> (page: Data, entries: Data) in
            let id = page.item.id
            let encode = { Self.encode(Self.entries(of: page, number: number)) }
            let fragment = cache?.searchEntries.value(for: id.description, inputs: .init(page: page.item, document: page.document, number: number),
                                                      make: encode) ?? encode()
            return (Self.encode([Page(t: page.item.title, u: id.link.path, k: id.kind.dutchName)]), fragment)
        }
        let pages = encoded.map(\.page)
        let entries = encoded.map(\.entries).filter { !$0.isEmpty }
        var json = Data(capacity: entries.reduce(64 + prefix.utf8.count + suffix.utf8.count) { $0 + $1.count + 1 } + pages.reduce(0) { $0 + $1.count + 1 })
        json.append(contentsOf: Array(prefix.utf8))
        let join = { (parts: [Data]) in
            for (index, part) in parts.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json.append(part)
            }
        }
        json.append(contentsOf: Array("{\"entries\":[".utf8))
        join(entries)
        json.append(contentsOf: Array("],\"pages\":[".utf8))
        join(pages)
        json.append(contentsOf: Array("]}".utf8))
        json.append(contentsOf: Array(suffix.utf8))
        return json
    }

    /// A page's entries: its title (and aliases), summary, headings and paragraphs.
    private static func entries(of page: LinkedPage, number: Int) -> [Entry] {
        let id = page.item.id
        var entries = [Entry(p: number, a: nil, h: nil, x: ([page.item.title] + (id.kind == .article ? [] : page.item.aliases)).joined(separator: " · "), w: 3)]
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
        return entries
    }

    /// The JSON of an array's elements, without the brackets.
    private static func encode(_ values: [some Encodable]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try! encoder.encode(values)
        return Data(json.dropFirst().dropLast())
    }
}
