import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The search index, built at build time: one entry per page title, heading and paragraph,
/// with concept names and aliases as their own entries. The browser script folds case and
/// diacritics and treats hyphens as spaces, so "niet weten" finds "niet-weten".
///
/// The index is cut into shards, `search/<n>.js`, each holding the pages whose path hashes to it
/// (about ``pagesPerShard`` pages). A page keeps its shard as the site grows (until the number of
/// shards doubles), so an edit to one page changes one shard, and an incremental build writes only that.
/// Each shard is a script, `(window.KENNISBANK_SEARCH = window.KENNISBANK_SEARCH || []).push({…});`,
/// because a script loads from a folder opened as `file://` too, where `fetch` is refused; the object
/// between `push(` and `);` is JSON: `{"entries":[…],"pages":[…]}` with keys sorted, where each entry's
/// `p` is the position of its page in the shard's `pages`, and each page's `o` its position in the site.
package struct SearchIndex {
    let site: LinkedSite
    /// Each page's part of its shard as earlier builds encoded it (an incremental build), or nothing.
    var memo: Memo = .none
    /// The site on disk (an incremental build): a shard is left out when nothing it holds changed.
    var written: (any WrittenSite)? = nil

    /// Each page's part of its search shard, encoded, by page id, with what it was made from.
    static let entries = ListMemoName<ContentID, Entry>("output.searchEntries")

    /// The inputs of a page's search entries.
    struct EntryInputs: Equatable, Sendable {
        var page: ContentItem
        var document: MarkdownDocument
        /// The page's position in its shard.
        var number: Int
        /// The page's position in the whole index.
        var order: Int
    }

    /// A page's part of its search shard with what it was made from.
    struct Entry: Sendable {
        var inputs: EntryInputs
        var fragment: Fragment
    }


    /// The number of pages a shard holds on average, at most.
    static let pagesPerShard = 16

    /// A page in a shard's `pages`: its order in the site, title, URL path and kind.
    private static func page(o: Int, t: String, u: String, k: String) -> JSONValue {
        .object(["o": .int(o), "t": .string(t), "u": .string(u), "k": .string(k)])
    }

    /// An entry: the page's position in the shard, the anchor and section title (when known), the text and its weight.
    private static func entry(p: Int, a: String?, h: String?, x: String, w: Int) -> JSONValue {
        var members: [String: JSONValue] = ["p": .int(p), "x": .string(x), "w": .int(w)]
        members["a"] = .string(a)
        members["h"] = .string(h)
        return .object(members)
    }

    /// One page's part of its shard, encoded: the page, and its entries (empty when it has none).
    struct Fragment: Sendable {
        var page: Data
        var entries: Data
        var digest: Digest
    }

    /// The pages the index covers, in the order the search page ranks equal hits: articles, concepts, miniatures.
    private var indexed: [LinkedPage] {
        let ids = site.content.articles.map(\.item.id) + site.content.concepts.map(\.item.id) + site.content.miniatures.map(\.item.id)
        return ids.compactMap { site.pages[$0] }
    }

    /// The number of shards for a site: a power of two, so that a page moves only when it doubles.
    package static func shardCount(for site: LinkedSite) -> Int {
        shardCount(pages: site.content.articles.count + site.content.concepts.count + site.content.miniatures.count)
    }

    /// The smallest power of two of shards that hold `pages` pages at ``pagesPerShard`` each.
    static func shardCount(pages: Int) -> Int {
        var count = 1
        while count * pagesPerShard < pages { count *= 2 }
        return count
    }

    /// The shard of the page at `path` (its URL path), among `count`: FNV-1a of the path, which is the same in every process.
    static func shard(of path: String, count: Int) -> Int {
        precondition(count > 0 && count & (count - 1) == 0, "the number of shards is a power of two: \(count)")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count))
    }

    /// The path of shard `number`.
    static func path(ofShard number: Int) -> String { "search/\(number).js" }

    /// Every shard, each with the digest of what it was made from. With a cache, a shard whose inputs are
    /// those of the shard on disk is left out (`file` is `nil`), and its bytes are never assembled.
    func files() -> [SiteRenderer.RenderedFile] {
        let count = Self.shardCount(for: site)
        let pages = indexed
        // Each page's shard, and its position there.
        var shards: [Int] = [], numbers: [Int] = []
        var sizes = Array(repeating: 0, count: count)
        for page in pages {
            let shard = Self.shard(of: page.item.id.link.path, count: count)
            shards.append(shard)
            numbers.append(sizes[shard])
            sizes[shard] += 1
        }
        let positions = numbers
        let make = { @Sendable (order: Int) in Self.fragment(of: pages[order], number: positions[order], order: order) }
        // A page's fragment is encoded again only when the page, its document or its place changed.
        let inputs = { @Sendable (order: Int) in
            EntryInputs(page: pages[order].item, document: pages[order].document, number: positions[order], order: order)
        }
        let fragments = memo.list(Self.entries, keys: pages.map(\.item.id), reuse: { order, old in old.inputs == inputs(order) },
                                  make: { order in Entry(inputs: inputs(order), fragment: make(order)) }).map(\.fragment)
        var members = Array(repeating: [Fragment](), count: count)
        for (order, fragment) in fragments.enumerated() { members[shards[order]].append(fragment) }
        let written = self.written
        return Array(members.enumerated()).parallelMap { number, fragments -> SiteRenderer.RenderedFile in
            .assembled(path: Self.path(ofShard: number), parts: fragments.map(\.digest), written: written) { Self.assemble(fragments) }
        }
    }

    /// A page's fragment: its entry in the shard's `pages` and its entries.
    private static func fragment(of page: LinkedPage, number: Int, order: Int) -> Fragment {
        let id = page.item.id
        let pageJSON = encode([Self.page(o: order, t: page.item.title, u: id.link.path, k: id.kind.dutchName)])
        let entries = encode(Self.entries(of: page, number: number))
        var builder = DigestBuilder()
        pageJSON.withUnsafeBytes { builder.combine(bytes: $0) }
        entries.withUnsafeBytes { builder.combine(bytes: $0) }
        return Fragment(page: pageJSON, entries: entries, digest: builder.finalize())
    }

    /// A shard's script: its pages' fragments joined in one buffer.
    private static func assemble(_ fragments: [Fragment]) -> Data {
        let prefix = "(window.KENNISBANK_SEARCH = window.KENNISBANK_SEARCH || []).push(", suffix = ");\n"
        let entries = fragments.map(\.entries).filter { !$0.isEmpty }
        var script = Data(capacity: 64 + prefix.utf8.count + suffix.utf8.count
                          + fragments.reduce(0) { $0 + $1.entries.count + $1.page.count + 2 })
        script.append(contentsOf: Array(prefix.utf8))
        let join = { (parts: [Data]) in
            for (index, part) in parts.enumerated() {
                if index > 0 { script.append(UInt8(ascii: ",")) }
                script.append(part)
            }
        }
        script.append(contentsOf: Array("{\"entries\":[".utf8))
        join(entries)
        script.append(contentsOf: Array("],\"pages\":[".utf8))
        join(fragments.map(\.page))
        script.append(contentsOf: Array("]}".utf8))
        script.append(contentsOf: Array(suffix.utf8))
        return script
    }

    /// A page's entries: its title (and aliases), summary, headings and paragraphs.
    private static func entries(of page: LinkedPage, number: Int) -> [JSONValue] {
        let id = page.item.id
        var entries = [entry(p: number, a: nil, h: nil, x: ([page.item.title] + (id.kind == .article ? [] : page.item.aliases)).joined(separator: " · "), w: 3)]
        if let summary = page.item.summary { entries.append(entry(p: number, a: nil, h: nil, x: summary, w: 2)) }
        page.document.forEachBlock { block, context in
            switch block.kind {
            case .heading(_, let anchor?):
                entries.append(entry(p: number, a: anchor, h: nil, x: block.inlines.plainText, w: 2))
            case .paragraph(let anchor):
                guard !context.isInside(cssClass: "miniature-label") else { return }
                let text = block.inlines.plainText
                if !text.isEmpty { entries.append(entry(p: number, a: anchor ?? context.sectionAnchor, h: context.sectionTitle, x: text, w: 1)) }
            default:
                break
            }
        }
        return entries
    }

    /// The JSON of an array's elements, without the brackets.
    private static func encode(_ values: [JSONValue]) -> Data {
        var bytes: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            value.write(to: &bytes, pretty: false, level: 0)
        }
        return Data(bytes)
    }
}
