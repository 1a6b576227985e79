import Foundation
import KennisbankCore

/// What makes every result of a stem in more than ``SearchIndex/allHitsUpTo`` sections reachable, beyond the
/// ``SearchIndex/hitsPerStem`` best its file of stems carries: two kinds of file, loaded by the browser only when the
/// reader asks for more results ("Meer resultaten") of such a word.
///
/// - `search/more/<stem>.js`, for each such stem: every section that holds it (``SectionSet``: a few characters a
///   page) and, the same way, the sections its file of stems carries (which the browser shows already, so that it
///   loads nothing to skip them), one file a stem so that the first "Meer resultaten" of a word loads only its own
///   (at most about 15 kB at 2,000 articles);
/// - `search/sections/<n>.js`: the pages numbered `n` × ``pagesPerFile`` onwards (in the index's order, which the
///   sets number), ``pagesPerFile`` of them, each with its title, URL, kind and every section's heading and anchor,
///   which is what such a result shows and links to (no excerpt). Written only when some stem is in more than
///   ``SearchIndex/allHitsUpTo`` sections.
///
/// ```
/// (window.KENNISBANK_SEARCH_MORE = window.KENNISBANK_SEARCH_MORE || {})["de"] = {"carried":"HB…","per":4,"sections":"BDBHCB…"};
/// (window.KENNISBANK_SEARCH_SECTIONS = window.KENNISBANK_SEARCH_SECTIONS || {})["0"] = {"pages":[[title,url,kind,
///     [heading,anchor,heading,anchor,…]],…]};
/// ```
///
/// `serve` keeps it with the layout: a stem's set is made again only when its sections changed
/// (``update(_:stems:sections:)``), from the pages' own hits, and a file is encoded only when what it shows changed.
struct SearchMore: Sendable {
    /// The pages a file of sections holds: few, since the sections of a rare word's next twenty results may be on
    /// twenty pages far apart, each in a file of its own (at 2,000 articles a file is about 6 kB).
    package static let pagesPerFile = 4

    /// The file of a stem's sections.
    package static func path(ofStem stem: String) -> String { "search/more/\(stem).js" }

    /// The file of sections numbered `number`.
    package static func path(ofSections number: Int) -> String { "search/sections/\(number).js" }

    /// Each stem in more than ``SearchIndex/allHitsUpTo`` sections: its set and the set's digest.
    private var sets: [String: (text: String, digest: Digest)] = [:]
    /// Each such stem's carried sections (``SearchIndex/carried(_:)``), as a ``SectionSet``.
    private var carried: [String: String] = [:]
    /// Each such stem's file: its path and the digest of what it holds; sorted by stem, sorted again only when a
    /// stem came or went, so that an edit does not sort or digest every stem's file again.
    private var stemFiles: [(stem: String, path: String, digest: Digest)] = []
    /// The place of each stem's file in ``stemFiles``.
    private var fileIndex: [String: Int] = [:]

    /// Each set's text, by stem.
    var texts: [String: String] { sets.mapValues(\.text) }
    /// Each stem's carried sections, by stem.
    var carriedTexts: [String: String] { carried }
    /// The digest of each stem's file, by path, and whether the files are listed by stem.
    var fileDigests: (digests: [String: Digest], sorted: Bool) {
        (Dictionary(uniqueKeysWithValues: stemFiles.map { ($0.path, $0.digest) }), stemFiles.map(\.stem) == stemFiles.map(\.stem).sorted())
    }

    /// The sets of every stem of `layout` in more than ``SearchIndex/allHitsUpTo`` sections: `made`, when the
    /// layout wrote them as it was made (``SearchLayout/init(pages:digests:sectionSets:)``), else read from it.
    init(_ layout: SearchLayout, made: [String: String]? = nil) {
        guard let made else {
            update(layout, stems: Set(layout.stems.keys), sections: Set(layout.stems.keys))
            return
        }
        let names = Array(made.keys)
        for (name, digest) in zip(names, names.parallelMap { Self.digest(of: made[$0]!) }) { sets[name] = (made[name]!, digest) }
        for name in names { carried[name] = Self.carried(layout.stems[name]!) }
        listFiles(of: Set(names))
    }

    /// Brings ``stemFiles`` up to the sets of the stems in `touched` (whose sets or carried sections may have
    /// changed): their digests made again, or the list made again, sorted, when one of them came or went.
    private mutating func listFiles(of touched: Set<String>) {
        func entry(_ name: String) -> (stem: String, path: String, digest: Digest) {
            var builder = DigestBuilder()
            builder.combine(sets[name]!.digest)
            builder.combine(carried[name]!)
            return (name, Self.path(ofStem: name), builder.finalize())
        }
        if touched.contains(where: { (sets[$0] != nil) != (fileIndex[$0] != nil) }) {
            stemFiles = sets.keys.sorted().map(entry)
            fileIndex = Dictionary(uniqueKeysWithValues: stemFiles.enumerated().map { ($1.stem, $0) })
        } else {
            for name in touched { if let index = fileIndex[name] { stemFiles[index] = entry(name) } }
        }
    }

    /// The sections a stem's file of stems carries, as a ``SectionSet``.
    private static func carried(_ stem: SearchIndex.Stem) -> String {
        let hits = SearchIndex.carried(stem).map { (page: $0.page, section: Int($0.hit.section)) }.sorted { ($0.page, $0.section) < ($1.page, $1.section) }
        var builder = SectionSet.Builder(), index = 0
        while index < hits.count {
            let page = hits[index].page
            var sections: [Int] = []
            while index < hits.count && hits[index].page == page { sections.append(hits[index].section); index += 1 }
            builder.add(page: page, sections: sections)
        }
        return builder.text
    }

    /// The digest of a set's file.
    private static func digest(of text: String) -> Digest {
        var builder = DigestBuilder()
        builder.combine(pagesPerFile)
        builder.combine(text)
        return builder.finalize()
    }

    /// Makes again the sets of the stems in `sections` (those whose sections may differ from the last build, or that
    /// came or went: ``SearchLayout/update(to:digests:)``): a stem's set when it is in more than
    /// ``SearchIndex/allHitsUpTo`` sections, none otherwise; and the carried sections of those in `changed` (whose
    /// best hits may differ). A stem whose sections did not change keeps its set though its scores or excerpts
    /// changed, and so is not looked up in every page that holds it.
    mutating func update(_ layout: SearchLayout, stems changed: Set<String>, sections: Set<String>) {
        for name in changed.union(sections) {
            if let stem = layout.stems[name], stem.total > SearchIndex.allHitsUpTo { carried[name] = Self.carried(stem) } else { carried[name] = nil }
        }
        var capped: [String] = []
        for name in sections {
            if let stem = layout.stems[name], stem.total > SearchIndex.allHitsUpTo { capped.append(name) } else { sets[name] = nil }
        }
        let made = capped.parallelMap { name -> (text: String, digest: Digest) in
            let text = layout.sectionSet(of: name)
            return (text, Self.digest(of: text))
        }
        for (name, set) in zip(capped, made) { sets[name] = set }
        listFiles(of: changed.union(sections))
    }

    /// The file of each stem with a set, and (when there is any) the files of sections of `pages`, whose entries
    /// show `shown` (`nil` when nothing is digested).
    func files(pages: [SearchPage], shown: [SearchShown]?, written: (any WrittenSite)?) -> [SiteRenderer.RenderedFile] {
        guard !sets.isEmpty else { return [] }
        var files: [SiteRenderer.RenderedFile] = []
        files.reserveCapacity(stemFiles.count + pages.count / Self.pagesPerFile + 1)
        for (name, path, digest) in stemFiles {
            files.append(.assembled(path: path, parts: [digest], written: written) {
                Self.script(stem: name, set: sets[name]!.text, carried: carried[name]!)
            })
        }
        for start in stride(from: 0, to: pages.count, by: Self.pagesPerFile) {
            let numbers = start..<min(start + Self.pagesPerFile, pages.count)
            var builder = DigestBuilder()
            for number in numbers { builder.combine(shown?[number].sections ?? SearchIndex.Entry.undigested) }
            let file = start / Self.pagesPerFile
            files.append(.assembled(path: Self.path(ofSections: file), parts: [builder.finalize()], written: written) {
                Self.sectionsScript(file: file, pages: pages[numbers])
            })
        }
        return files
    }

    /// A stem's file: its sections, those of them its file of stems carries, and the number of pages of a file of sections.
    static func script(stem: String, set: String, carried: String) -> Data {
        SearchIndex.script(global: "KENNISBANK_SEARCH_MORE", key: stem,
                           object: .object(["carried": .string(carried), "per": .int(pagesPerFile), "sections": .string(set)]))
    }

    /// A file of sections: each page's title, URL and kind, and its sections' headings and anchors, one after the other.
    private static func sectionsScript(file: Int, pages: ArraySlice<SearchPage>) -> Data {
        let entries = pages.map { page -> JSONValue in
            var sections: [JSONValue] = []
            for (section, anchor) in zip(page.sections, page.sectionAnchors) {
                sections.append(.string(section.heading ?? ""))
                sections.append(.string(anchor ?? ""))
            }
            return .array([.string(page.title), .string(page.url), .string(page.kind), .array(sections)])
        }
        return SearchIndex.script(global: "KENNISBANK_SEARCH_SECTIONS", key: String(file), object: .object(["pages": .array(entries)]))
    }
}
