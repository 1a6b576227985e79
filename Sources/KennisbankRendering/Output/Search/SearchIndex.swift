import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The search index, by word, built at build time and loaded by the browser only in the parts a query needs.
///
/// Every word is folded (``SearchText``) and stemmed with Snowball's Dutch stemmer (``DutchStemmer``); a stem
/// carries the sections that hold it (``SearchPage``), ranked by score (all of them up to ``allHitsUpTo``, else its
/// ``hitsPerStem`` best), with the
/// true number of sections and the forms of the word that stem to it. Two kinds of file, each a script (a script
/// loads from a folder opened as `file://` too, where `fetch` is refused):
///
/// - `search/words/<ab>.js`, one per first two letters of a word form: each form with its stem, and each of those
///   stems with the key of its file and its number of sections (so that a prefix being typed picks its most
///   frequent words without loading their hits), and the Dutch stop words (``DutchStopWords``) that start with those
///   letters (a query drops them unless it holds nothing else). Its forms are also the vocabulary a misspelt word
///   is matched against in the browser ("Bedoelde je …"), so that needs no file of its own;
/// - `search/terms/<key>.js`: the stems that start with `<key>`, with their hits. A key is the first two letters,
///   or more where the stems under two letters would make a file over ``bucketBytes``.
///
/// ```
/// (window.KENNISBANK_SEARCH_WORDS = window.KENNISBANK_SEARCH_WORDS || {})["ve"] = {"forms":{"vertrouwen":"vertrouw",…},
///     "stems":{"vertrouw":["vertr",63],…},"stop":["veel","voor"]};
/// (window.KENNISBANK_SEARCH = window.KENNISBANK_SEARCH || {})["vertr"] = {"pages":[[title,url,kind,number],…],
///     "stems":{"vertrouw":{"f":["vertrouwen","vertrouwelijk"],"h":[[page,anchor,heading,excerpt,score,section],…],"n":63},…}};
/// ```
///
/// A hit's `page` is its place in the file's `pages`; that page's `number` (its place in the index's order) and the
/// hit's `section` name the section as ``SectionSet`` and the files of sections do, so that the browser meets a
/// word's carried hits with every section of a word in more than ``allHitsUpTo`` (a query of a rare and a common word).
///
/// A stem in more than ``allHitsUpTo`` sections also has every one of them in a file of its own (``SearchMore``).
/// The JSON is everything after `= ` up to the closing `;`. Each page's ``SearchPage`` is made again only
/// when the page changed; a file is written only when its bytes changed.
package struct SearchIndex {
    let site: LinkedSite
    /// Each page's ``SearchPage`` as earlier builds made it (an incremental build), or nothing.
    var memo: Memo = .none
    /// The site on disk (an incremental build): a file is left out when its bytes are those on disk.
    var written: (any WrittenSite)? = nil
    /// The pages' trees and the search pages made as their pages were rendered (a clean build that lets each
    /// tree go after its page, ``PageTrees``), or `nil`: the site holds the trees.
    var trees: PageTrees? = nil

    /// Each page's search page, by page id, with what it was made from.
    static let pages = ListMemoName<ContentID, Entry>("output.searchPages")
    /// The stem of every word form that earlier builds stemmed (an incremental build): a form is stemmed once while
    /// `serve` runs, so an edited page's forms are looked up, not stemmed again. A form's stem depends on nothing else.
    static let stemsSlot = SlotName<StemCache>("output.searchStems")
    /// The search page of the literature, made from the references.
    static let literature = MemoName<[Reference], SearchPage>("output.searchLiterature")
    /// The stems of the last build's pages (``SearchLayout``) and the files cut from them (``SearchFiles``),
    /// brought up to date by the next.
    static let layoutSlot = SlotName<Cut>("output.searchLayout")

    /// The stems of the pages, the files cut from them and the sets of the stems in more than ``allHitsUpTo`` sections.
    struct Cut: Sendable {
        var layout: SearchLayout
        var files: SearchFiles
        var more: SearchMore
    }

    /// The inputs of a page's ``SearchPage``.
    struct EntryInputs: Equatable, Sendable {
        var page: ContentItem
        var document: MarkdownDocument
    }

    /// A page's ``SearchPage`` with what it was made from, the digest of everything its hits can show
    /// (``SearchPage/digest``), which tells whether the page changed, and what each of its hits shows; or, in a
    /// build that keeps nothing for the next and compares with no site on disk (``digesting``), neither.
    struct Entry: Sendable {
        var inputs: EntryInputs
        var page: SearchPage
        var digest: Digest
        var shown: SearchShown?

        init(inputs: EntryInputs, page: SearchPage, digesting: Bool) {
            self.inputs = inputs
            self.page = page
            self.shown = digesting ? SearchShown(page) : nil
            self.digest = shown?.whole ?? Self.undigested
        }

        /// The digest of every page of a build that digests nothing.
        static let undigested = Digest(first: 0, second: 0)
    }

    /// Whether the files' digests are read: by a later build (`serve`'s memo) or against the site on disk. A clean
    /// build reads none, so it leaves out what they are made from (``SearchShown``).
    private var digesting: Bool { memo.remembers || written != nil }

    /// The best-ranked sections a stem carries when it has more than ``allHitsUpTo``; the others are counted, and
    /// reached through its file of sections (``SearchMore``).
    package static let hitsPerStem = 20

    /// A stem in at most this many sections carries all of them, so that a reader reaches every result of such a
    /// word (paged by the script) and a query of several such words intersects complete lists, with a true count.
    /// A stem in more carries only its ``hitsPerStem`` best: its file stays small however large the site.
    package static let allHitsUpTo = 100

    /// The hits a stem's file carries, best first: all of them up to ``allHitsUpTo``, else its ``hitsPerStem`` best.
    static func carried(_ stem: Stem) -> ArraySlice<(page: Int, hit: SearchPage.Hit)> {
        stem.total <= allHitsUpTo ? stem.hits[...] : stem.hits.prefix(hitsPerStem)
    }

    /// The size a file of stems may reach (as estimated) before its key is split into longer ones.
    package static let bucketBytes = 24_000

    /// The file of the stems under `key`.
    package static func path(ofKey key: String) -> String { "search/terms/\(key).js" }

    /// The file of the word forms that start with `letters` (their first two).
    package static func path(ofWords letters: String) -> String { "search/words/\(letters).js" }

    /// The letters of a form's file of words: its first two.
    package static func letters(of form: String) -> String { String(form.prefix(2)) }

    /// The pages the index covers, in the order equal hits rank: articles, concepts, miniatures (the literature after them).
    private var indexed: [LinkedPage] {
        let ids = site.content.articles.map(\.item.id) + site.content.concepts.map(\.item.id) + site.content.miniatures.map(\.item.id)
        return ids.compactMap { site.pages[$0] }
    }

    /// A stem with its best hits, ready to be written.
    struct Stem {
        var stem: String
        /// Every form of the site that stems to it, sorted.
        var forms: [String]
        /// The number of sections that hold it.
        var total: Int
        /// The best hits: the page (its position in `pages`) and the hit.
        var hits: [(page: Int, hit: SearchPage.Hit)]
        /// The estimated size of its JSON, for splitting keys.
        var bytes: Int
    }

    /// Every file of the index: the keys and the files of stems, each handed to `writer` (when there is one) as soon as
    /// it is made, on all cores, so that the bytes of the files are not all held at once.
    func files(writer: SiteWriter? = nil) -> [SiteRenderer.RenderedFile] {
        let linked = indexed
        let inputs = { @Sendable (order: Int) in EntryInputs(page: linked[order].item, document: linked[order].document) }
        // Each word form is stemmed once, whichever page has it first (in this build, or an earlier one of `serve`).
        let trees = self.trees, digesting = self.digesting
        let stemCache = trees?.stems ?? memo.take(Self.stemsSlot) ?? StemCache()
        defer { memo.keep(stemCache, in: Self.stemsSlot) }
        let entries = memo.list(Self.pages, keys: linked.map(\.item.id), reuse: { order, old in old.inputs == inputs(order) },
                                make: { order in
            Entry(inputs: inputs(order), page: trees?.searchPage(of: linked[order]) ?? SearchPage(page: linked[order], stems: stemCache),
                  digesting: digesting)
        })
        let references = site.references.references
        let literature = memo.value(Self.literature, key: "literatuur", inputs: references) { SearchPage(references: references, stems: stemCache) }
        let literatureShown = digesting ? SearchShown(literature) : nil
        let pages = entries.map(\.page) + [literature], digests = entries.map(\.digest) + [literatureShown?.whole ?? Entry.undigested]
        let shown = literatureShown.map { literature in entries.map { $0.shown! } + [literature] }
        let whole = self.cut(pages, digests: digests, shown: shown), cut = whole.files
        let written = self.written
        // A file is encoded only when what it shows changed: its digest is made from its stems and what their hits
        // show, so that a one-paragraph edit encodes only the files that show it.
        let keys = Array(cut.buckets.keys).sorted()
        let terms = keys.parallelMap { key -> SiteRenderer.RenderedFile in
            let bucket = cut.buckets[key]!
            return SiteRenderer.RenderedFile.assembled(path: Self.path(ofKey: key), parts: [cut.bucketDigests[key]!], written: written) {
                Self.script(key: key, bucket: bucket, pages: pages)
            }.streamed(to: writer)
        }
        let words = cut.words.keys.sorted().parallelMap { letters -> SiteRenderer.RenderedFile in
            SiteRenderer.RenderedFile.assembled(path: Self.path(ofWords: letters), parts: [cut.wordDigests[letters]!], written: written) {
                Self.wordsScript(letters: letters, words: cut.words[letters]!)
            }.streamed(to: writer)
        }
        let more = whole.more.files(pages: pages, shown: shown, written: written).map { $0.streamed(to: writer) }
        return terms + words + more
    }

    /// The digest of what a file of stems shows: each stem, its number of sections, its forms and its hits, with
    /// what each hit shows of its page (nothing, when nothing is digested: `shown` is `nil`).
    static func digest(of bucket: Bucket, shown: [SearchShown]?) -> Digest {
        guard let shown else { return Entry.undigested }
        var builder = DigestBuilder()
        builder.combine(Self.hitsPerStem)
        builder.combine(Self.allHitsUpTo)
        for stem in bucket.stems {
            builder.combine(stem.stem)
            builder.combine(stem.total)
            builder.combine(stem.forms.count)
            for form in stem.forms { builder.combine(form) }
            let hits = carried(stem)
            builder.combine(hits.count)
            for (page, hit) in hits {
                builder.combine(page)
                shown[page].combine(hit, into: &builder)
                for value in [hit.section, hit.block, hit.offset, hit.score] { builder.combine(Int(value)) }
            }
        }
        return builder.finalize()
    }

    /// The digest of what a file of words shows.
    static func digest(of words: Words, letters: String) -> Digest {
        var builder = DigestBuilder()
        for stop in DutchStopWords.starting(with: letters) { builder.combine(stop) }
        for form in words.forms.keys.sorted() { builder.combine(form); builder.combine(words.forms[form]!) }
        for stem in words.stems.keys.sorted() {
            let (key, total) = words.stems[stem]!
            builder.combine(stem); builder.combine(key); builder.combine(total)
        }
        return builder.finalize()
    }

    /// What one file of stems holds: its stems, sorted (the digest and the script read them in this order).
    struct Bucket {
        let stems: [Stem]

        init(stems: [Stem]) {
            self.stems = stems.sorted { $0.stem < $1.stem }
        }
    }

    /// What one file of words holds: each form's stem, and each of those stems' key and number of sections.
    struct Words {
        var forms: [String: String] = [:]
        var stems: [String: (key: String, total: Int)] = [:]
    }

    /// The stems of `pages` and the files cut from them: those the last build kept, brought up to date (only the
    /// files of the stems that changed are cut again), or made from all pages; kept for the next build.
    private func cut(_ pages: [SearchPage], digests: [Digest], shown: [SearchShown]?) -> Cut {
        var cut: Cut
        if var kept = memo.take(Self.layoutSlot) {
            if let changed = kept.layout.update(to: pages, digests: digests) {
                kept.files.update(kept.layout, stems: changed.stems, pages: changed.pages, shown: shown)
                kept.more.update(kept.layout, stems: changed.stems, sections: changed.sections)
            } else {
                kept.files = SearchFiles(kept.layout, shown: shown)
                kept.more = SearchMore(kept.layout)
            }
            cut = kept
        } else {
            var sets: [String: String]? = [:]
            let layout = SearchLayout(pages: pages, digests: digests, sectionSets: &sets)
            cut = Cut(layout: layout, files: SearchFiles(layout, shown: shown), more: SearchMore(layout, made: sets))
        }
        memo.keep(cut, in: Self.layoutSlot)
        return cut
    }

    /// The ``allHitsUpTo`` best of a stem's hits, by score, an earlier hit (in the site's order) before a later one
    /// of the same score.
    static func best(_ all: [(page: Int, hit: SearchPage.Hit)]) -> [(page: Int, hit: SearchPage.Hit)] {
        var ranking = Ranking()
        for entry in all { ranking.add(entry.hit, page: entry.page) }
        return ranking.best
    }

    /// A stem's ``allHitsUpTo`` best hits (of which its file carries ``carried(_:)``), chosen in one pass as its hits come in, in the site's order (a common stem
    /// has tens of thousands of hits), and how many came in.
    struct Ranking {
        /// The best hits so far, best first: the page (its position in the site's order) and the hit.
        private(set) var best: [(page: Int, hit: SearchPage.Hit)] = []
        /// The number of hits so far.
        private(set) var total = 0

        /// Takes in the next hit.
        mutating func add(_ hit: SearchPage.Hit, page: Int) {
            total += 1
            // Later hits lose ties, so one must score higher than the last kept to get in.
            if best.count == allHitsUpTo, hit.score <= best[best.count - 1].hit.score { return }
            if best.isEmpty { best.reserveCapacity(4) }
            var place = best.count
            while place > 0 && best[place - 1].hit.score < hit.score { place -= 1 }
            best.insert((page, hit), at: place)
            if best.count > allHitsUpTo { best.removeLast() }
        }
    }

    /// Puts the stems in buckets by their first `length` characters, splitting a bucket over ``bucketBytes``
    /// into longer keys (its stems of exactly `length` characters stay in it).
    static func split(_ stems: [Stem], length: Int, into buckets: inout [String: Bucket]) {
        let groups = Dictionary(grouping: stems) { String($0.stem.prefix(length)) }
        for (key, group) in groups {
            let longer = group.filter { $0.stem.count > length }
            if group.reduce(0, { $0 + $1.bytes }) > bucketBytes && !longer.isEmpty {
                let exact = group.filter { $0.stem.count <= length }
                if !exact.isEmpty { buckets[key] = Bucket(stems: exact) }
                split(longer, length: length + 1, into: &buckets)
            } else {
                buckets[key] = Bucket(stems: group)
            }
        }
    }

    /// The key of the bucket a word or stem belongs to: the longest key that starts it.
    package static func key(of word: String, among keys: Set<String>) -> String? {
        var length = word.count
        while length > 0 {
            let prefix = String(word.prefix(length))
            if keys.contains(prefix) { return prefix }
            length -= 1
        }
        return nil
    }

    /// A bucket's script.
    private static func script(key: String, bucket: Bucket, pages: [SearchPage]) -> Data {
        var pageNumbers: [Int: Int] = [:], pageList: [JSONValue] = []
        func number(of page: Int) -> Int {
            if let known = pageNumbers[page] { return known }
            pageNumbers[page] = pageList.count
            pageList.append(.array([.string(pages[page].title), .string(pages[page].url), .string(pages[page].kind), .int(page)]))
            return pageList.count - 1
        }
        var stems: [String: JSONValue] = [:]
        for stem in bucket.stems {
            let hits = carried(stem).map { entry -> JSONValue in
                let page = pages[entry.page]
                let block = page.blocks[Int(entry.hit.block)]
                return .array([.int(number(of: entry.page)), .string(block.anchor ?? ""),
                               .string(page.sections[Int(entry.hit.section)].heading ?? ""),
                               .string(page.excerpt(of: entry.hit)), .int(Int(entry.hit.score)),
                               .int(Int(entry.hit.section))])
            }
            stems[stem.stem] = .object(["f": .array(stem.forms.map(JSONValue.string)), "h": .array(hits), "n": .int(stem.total)])
        }
        return script(global: "KENNISBANK_SEARCH", key: key, object: .object(["pages": .array(pageList), "stems": .object(stems)]))
    }

    /// A file of words' script.
    private static func wordsScript(letters: String, words: Words) -> Data {
        let stems = words.stems.mapValues { JSONValue.array([.string($0.key), .int($0.total)]) }
        let stop = DutchStopWords.starting(with: letters).map(JSONValue.string)
        return script(global: "KENNISBANK_SEARCH_WORDS", key: letters,
                      object: .object(["forms": .object(words.forms.mapValues(JSONValue.string)), "stems": .object(stems),
                                       "stop": .array(stop)]))
    }

    /// A script that files `object` under `key` in the global object `global`.
    static func script(global: String, key: String, object: JSONValue) -> Data {
        var bytes = Array("(window.\(global) = window.\(global) || {})[\"\(key)\"] = ".utf8)
        object.write(to: &bytes, pretty: false, level: 0)
        bytes.append(contentsOf: Array(";\n".utf8))
        return Data(bytes)
    }
}
