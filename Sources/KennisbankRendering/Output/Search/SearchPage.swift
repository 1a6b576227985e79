import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// One page as the search index sees it: its blocks of text (title, summary, headings, paragraphs, references),
/// grouped in sections, and for every stem of its words the sections that hold it, with a score.
///
/// A result of the search is a section of a page (the part before its first heading is a section too), so a
/// page shows once per section however many of its paragraphs hold the word. A section's score for a stem is
/// the sum, over its blocks, of the block's weight times the stem's occurrences there; a hit links to the block
/// that scores most (its paragraph's anchor).
package struct SearchPage: Sendable {
    /// What a block of text is, which sets its weight.
    package enum Role: Int, Sendable {
        case title, summary, heading, reference, paragraph

        /// The weight of one occurrence of a word in a block of this role.
        package var weight: Int {
            switch self {
            case .title: return 30
            case .summary: return 10
            case .heading: return 8
            case .reference: return 5
            case .paragraph: return 1
            }
        }
    }

    /// A block of text.
    package struct Block: Sendable {
        /// The block's plain text.
        package var text: String
        /// What the block is.
        package var role: Role
        /// The anchor a hit in it links to (`nil`: the top of the page).
        package var anchor: String?
        /// The section it belongs to, an index into ``sections``.
        package var section: Int
    }

    /// A section: the part of a page under one heading, or one reference of the literature.
    package struct Section: Sendable {
        /// Its heading as the reader sees it in a result (`nil` for the part before the first heading).
        package var heading: String?
    }

    /// A section's hit for one stem.
    package struct Hit: Sendable {
        /// The section, an index into ``sections``.
        package var section: Int32
        /// The block the hit links to and its excerpt comes from, an index into ``blocks``.
        package var block: Int32
        /// The UTF-8 offset of the word's first occurrence in that block.
        package var offset: Int32
        /// The section's score for the stem.
        package var score: Int32
    }

    /// The page's title, as results show it.
    package var title: String
    /// The page's URL path (`begrippen/niet-weten/`).
    package var url: String
    /// The kind of page in Dutch (`artikel`, `begrip`, `miniatuur`, `literatuur`).
    package var kind: String
    /// Its blocks of text, in reading order.
    package var blocks: [Block]
    /// Its sections; the first is the part before the first heading (for the literature, the first reference).
    package var sections: [Section]
    /// The block of the page's summary, shown as the excerpt of a hit in its title (a concept's definition).
    package var summaryBlock: Int?
    /// A folded word form on the page, with its stem.
    package struct Form: Sendable {
        /// The form.
        package var form: String
        /// Its stem, an index into ``stems``.
        package var stem: Int32
    }

    /// Every stem on the page, sorted, so that ``hits(of:)`` finds one by bisection.
    ///
    /// The stems, their hits and the forms are kept in flat arrays rather than dictionaries of arrays: `serve` keeps
    /// the search page of every page of the site, and a dictionary entry with an array of its own for each stem of
    /// each page costs several times the hits it holds.
    package private(set) var stems: [String]
    /// Where the hits of each stem start in ``allHits``, one more than ``stems``: the last is the end of the last stem's.
    private var hitStarts: [Int32]
    /// The hits of all stems, stem after stem, each stem's in the page's order of sections.
    private var allHits: [Hit]
    /// Every folded word form on the page, with its stem.
    package private(set) var formList: [Form]

    /// A page of the site: its title (with its aliases, for concepts and miniatures: a concept's aliases are
    /// other names of it), summary, headings and paragraphs; its words stemmed through `stems`, the build's cache.
    package init(page: LinkedPage, stems: StemCache = StemCache()) {
        let id = page.item.id
        var blocks: [Block] = [], sections = [Section(heading: nil)]
        let names = [page.item.title] + (id.kind == .article ? [] : page.item.aliases)
        blocks.append(Block(text: names.joined(separator: " · "), role: .title, anchor: nil, section: 0))
        var summaryBlock: Int?
        if let summary = page.item.summary, !summary.isEmpty {
            summaryBlock = blocks.count
            blocks.append(Block(text: summary, role: .summary, anchor: nil, section: 0))
        }
        var sectionOfAnchor: [String: Int] = [:]
        page.document.forEachBlock { block, context in
            switch block.kind {
            case .heading(_, let anchor?):
                let text = Self.text(of: block.inlines)
                sectionOfAnchor[anchor] = sections.count
                sections.append(Section(heading: text))
                blocks.append(Block(text: text, role: .heading, anchor: anchor, section: sections.count - 1))
            case .paragraph(let anchor):
                guard !context.isInside(cssClass: "miniature-label") else { return }
                let text = Self.text(of: block.inlines)
                guard !text.isEmpty else { return }
                let section = context.sectionAnchor.flatMap { sectionOfAnchor[$0] } ?? 0
                blocks.append(Block(text: text, role: .paragraph, anchor: anchor ?? context.sectionAnchor, section: section))
            default:
                break
            }
        }
        self.init(title: page.item.title, url: id.link.path, kind: id.kind.dutchName, blocks: blocks, sections: sections,
                  summaryBlock: summaryBlock, stems: stems)
    }

    /// The plain text of a block's inlines, in storage of its own size when it was made by appending: a search page
    /// lives until the index is made (in `serve`, between builds), its tree not.
    private static func text(of inlines: [InlineNode]) -> String {
        if inlines.count == 1, case .text(let text) = inlines[0] { return text }
        return TextBytes.compact(inlines.plainText)
    }

    /// The literature page: one section per reference, headed by its authors and year, linked to its anchor; its
    /// words stemmed through `stems`.
    package init(references: [Reference], stems: StemCache = StemCache()) {
        var blocks: [Block] = [], sections: [Section] = []
        for reference in references {
            sections.append(Section(heading: reference.citation))
            blocks.append(Block(text: reference.plainText, role: .reference, anchor: reference.key, section: sections.count - 1))
        }
        self.init(title: "Literatuur", url: PageKind.literature.link().path, kind: "literatuur", blocks: blocks, sections: sections, summaryBlock: nil,
                  stems: stems)
    }

    /// A page of these blocks, with the hits of every stem of their words, stemmed through `cache`.
    package init(title: String, url: String, kind: String, blocks: [Block], sections: [Section], summaryBlock: Int?,
                 stems cache: StemCache = StemCache()) {
        self.title = title
        self.url = url
        self.kind = kind
        self.blocks = blocks
        self.sections = sections
        self.summaryBlock = summaryBlock
        // Every word's form, by its number on this page, and its offset in its block; the words of block `n` end at `blockEnds[n]`.
        var table = FormTable()
        var formOfWord: [Int] = [], startOfWord: [Int] = [], blockEnds: [Int] = []
        blockEnds.reserveCapacity(blocks.count)
        for block in blocks {
            SearchText.forEachWord(in: block.text) { form, range in
                formOfWord.append(table.insert(form).number)
                startOfWord.append(range.lowerBound)
            }
            blockEnds.append(formOfWord.count)
        }
        // From here on a stem is its number on this page, so the tallies are arrays, not dictionaries keyed by strings.
        let entries = cache.entries(of: table)
        var stems: [String] = [], stemOfForm = [Int](repeating: 0, count: entries.count)
        var stemOfNumber: [Int: Int] = [:]
        for (number, entry) in entries.enumerated() {
            if let known = stemOfNumber[entry.stemNumber] { stemOfForm[number] = known; continue }
            stemOfNumber[entry.stemNumber] = stems.count
            stemOfForm[number] = stems.count
            stems.append(entry.stem)
        }
        // Per stem and section: the score, and the block of the excerpt with the word's first occurrence there: the
        // best-scoring block, but a paragraph that holds the word before a heading, whose text is in the result's title.
        var tallies = Tallies(stems: stems.count)
        var count = [Int](repeating: 0, count: stems.count), first = [Int](repeating: 0, count: stems.count)
        var touched: [Int] = []
        var word = 0
        for number in blocks.indices {
            let (role, section) = (blocks[number].role, blocks[number].section)
            while word < blockEnds[number] {
                let stem = stemOfForm[formOfWord[word]]
                if count[stem] == 0 { touched.append(stem); first[stem] = startOfWord[word] }
                count[stem] += 1
                word += 1
            }
            for stem in touched {
                let score = count[stem] * role.weight
                tallies.add(stem: stem, section: section, score: score, rank: role == .heading ? 0 : score, block: number,
                            offset: first[stem])
                count[stem] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        // The stems sorted, each with its hits; the forms point at the sorted stems.
        let order = stems.indices.sorted { stems[$0] < stems[$1] }
        var place = [Int32](repeating: 0, count: stems.count)
        var hitStarts: [Int32] = [0], allHits: [Hit] = []
        hitStarts.reserveCapacity(stems.count + 1)
        // Exactly: every page's hits stay for the whole build (and between builds in `serve`).
        allHits.reserveCapacity(tallies.hitCount)
        for (sorted, number) in order.enumerated() {
            place[number] = Int32(sorted)
            tallies.appendHits(of: number, to: &allHits)
            hitStarts.append(Int32(allHits.count))
        }
        self.stems = order.map { stems[$0] }
        self.hitStarts = hitStarts
        self.allHits = allHits
        self.formList = entries.indices.map { Form(form: entries[$0].form, stem: place[stemOfForm[$0]]) }
    }

    /// The hits of the stem at `index` in ``stems``, in the page's order of sections.
    package func hits(at index: Int) -> ArraySlice<Hit> {
        allHits[Int(hitStarts[index])..<Int(hitStarts[index + 1])]
    }

    /// The hits of `stem`, in the page's order of sections, or `nil` when the page does not have it.
    package func hits(of stem: String) -> ArraySlice<Hit>? {
        var (low, high) = (0, stems.count)
        while low < high {
            let middle = (low + high) / 2
            if stems[middle] < stem { low = middle + 1 } else { high = middle }
        }
        return low < stems.count && stems[low] == stem ? hits(at: low) : nil
    }

    /// For every stem on the page, its sections, in the page's order (made on each call: ``hits(of:)`` reads one).
    package var hits: [String: [Hit]] {
        Dictionary(uniqueKeysWithValues: stems.indices.map { (stems[$0], Array(hits(at: $0))) })
    }

    /// Every folded word form on the page, with its stem (made on each call: ``formList`` holds them).
    package var forms: [String: String] {
        Dictionary(uniqueKeysWithValues: formList.map { ($0.form, stems[Int($0.stem)]) })
    }

    /// The anchor of each section, by section: that of its first block (`nil`: the top of the page), where a result
    /// that names only the section links (``SearchMore``).
    package var sectionAnchors: [String?] {
        var anchors = [String?](repeating: nil, count: sections.count), seen = [Bool](repeating: false, count: sections.count)
        for block in blocks where !seen[block.section] {
            seen[block.section] = true
            anchors[block.section] = block.anchor
        }
        return anchors
    }

    /// The digest of everything a hit in this page can show: its title, URL and kind, its sections' headings, and its
    /// blocks with their anchors (the excerpts come from their text).
    package var digest: Digest { SearchShown(self).whole }

    /// The excerpt a hit shows: the page's summary for a hit in its title (a concept's definition), the opening of
    /// the section for a hit in its heading alone, else about twenty words of the block around the word's first
    /// occurrence; whole words, with … where it was cut.
    package func excerpt(of hit: Hit) -> String {
        let number = shownBlock(of: Int(hit.block))
        return Self.excerpt(of: blocks[number].text, around: number == Int(hit.block) ? Int(hit.offset) : 0)
    }

    /// The block whose text the excerpt of a hit in block `number` comes from (from its start when it is another):
    /// the summary for a hit in the title, the next block of the section for a hit in its heading, else the block.
    func shownBlock(of number: Int) -> Int {
        var number = number
        if blocks[number].role == .title, let summaryBlock { number = summaryBlock }
        if blocks[number].role == .heading, number + 1 < blocks.count, blocks[number + 1].section == blocks[number].section {
            number += 1
        }
        return number
    }

    /// About `before` bytes of `text` before the UTF-8 `offset` and `after` bytes from it, cut at spaces.
    static func excerpt(of text: String, around offset: Int, before: Int = 50, after: Int = 110) -> String {
        guard text.utf8.count > before + after else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var start = max(0, offset - before), end = min(bytes.count, offset + after + max(0, before - offset))
            if start > 0 {
                while start < offset && bytes[start - 1] != UInt8(ascii: " ") { start += 1 }
            }
            if end < bytes.count {
                while end > offset && bytes[end] != UInt8(ascii: " ") { end -= 1 }
            }
            let middle = TextBytes.trimmingSpaces(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            return (start > 0 ? "… " : "") + middle + (end < bytes.count ? " …" : "")
        }
    }
}
