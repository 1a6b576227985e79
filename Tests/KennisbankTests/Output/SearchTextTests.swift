import XCTest
import KennisbankCorpus
@testable import KennisbankRendering

/// The words of a text as the search index reads them over UTF-8 bytes are the words of the plain reading below,
/// scalar by scalar, on random text of Dutch diacritics, hyphenated compounds, apostrophes, digits, curly quotes,
/// combining accents, emoji and other scripts; and a page's hits do not depend on the stems its cache already had.
final class SearchTextTests: XCTestCase {
    /// The words of `text` read scalar by scalar, each run of word scalars folded with ``SearchText/fold(_:)``:
    /// the definition ``SearchText/words(in:)`` is held to.
    private func plainWords(in text: String) -> [SearchText.Word] {
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
            }
            if scalar == "\u{2019}" || (0x300...0x36f).contains(scalar.value) { return true }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func isHyphen(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" }
        var words: [SearchText.Word] = [], compound: [SearchText.Word] = []
        func closeCompound() {
            if compound.count > 1 {
                words.append(SearchText.Word(form: compound.map(\.form).joined(), start: compound[0].start, end: compound[compound.count - 1].end))
            }
            compound.removeAll()
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0, offset = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard isWordScalar(scalar) else {
                let next = index + 1
                if !(isHyphen(scalar) && !compound.isEmpty && next < scalars.count && isWordScalar(scalars[next])
                     && compound[compound.count - 1].end == offset) {
                    closeCompound()
                }
                offset += UTF8.width(scalar)
                index = next
                continue
            }
            let start = index, startOffset = offset
            while index < scalars.count && isWordScalar(scalars[index]) {
                offset += UTF8.width(scalars[index])
                index += 1
            }
            let word = SearchText.Word(form: SearchText.fold(scalars[start..<index]), start: startOffset, end: offset)
            if word.form.utf8.count > 1 { words.append(word) }
            if word.form.isEmpty { closeCompound() } else { compound.append(word) }
        }
        closeCompound()
        return words
    }

    /// Pieces random text is made of: words, diacritics, joiners, quotes, marks, digits, emoji and other scripts.
    private static let pieces = ["niet", "weten", "Cliënt", "ideeën", "café", "Über", "ÉÉN", "ĳs", "Ĳssel", "straße", "e", "A", "x",
                                 "1994", "3", "²", "½", "-", "-", "‐", "‑", "–", "—", "'", "'", "’", "‘", "“", "”", "\"", " ", " ", " ",
                                 "\u{301}", "\u{308}", "\u{0327}", "\u{20DD}", "😀", "👩‍💻", "🇳🇱", "Ω", "Привет", "日本", "ٱ", "\t", "\n",
                                 ".", ",", ":", ";", "(", ")", "İ", "ǅ", "ﬁ", "\u{00A0}", "\u{200B}", "#", "_", "@", "Z", "z"]

    func testTheWordsReadOverBytesAreTheWordsReadScalarByScalar() {
        var random = SeededRandom(seed: 26)
        for round in 0..<4_000 {
            let text = (0..<random.below(14)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            XCTAssertEqual(SearchText.words(in: text), plainWords(in: text), "round \(round): \(text.debugDescription)")
        }
    }

    func testCompoundsApostrophesAndDiacriticsAtTheEdges() {
        for text in ["niet-weten", "-niet-weten-", "niet--weten", "e-mail", "a-b-c", "co-ëxistentie", "Cliënt’s", "’t huis",
                     "'s-Hertogenbosch", "re\u{301}sume\u{301}-lijst", "x-😀-y", "12-3", "ĳs-ijzer", "‐-", "a‑b‐c-d", "ÿ", "Ab'-Cd",
                     "niet-'-weten", "niet-’weten", "one\u{301}\u{301}-two", "", "-", "’", "\u{301}"] {
            XCTAssertEqual(SearchText.words(in: text), plainWords(in: text), text.debugDescription)
        }
    }

    /// A page indexed with a cache other pages filled has the hits and forms of one indexed on its own.
    func testAPageHasTheSameHitsWhateverItsCacheHeld() {
        let blocks = [SearchPage.Block(text: "Vertrouwen · basisvertrouwen", role: .title, anchor: nil, section: 0),
                      SearchPage.Block(text: "Over vertrouwen", role: .heading, anchor: "over", section: 1),
                      SearchPage.Block(text: "Wie vertrouwt, wint. Vertrouwen is niet-weten.", role: .paragraph, anchor: "p1", section: 1),
                      SearchPage.Block(text: "Vertrouwen vooraf.", role: .paragraph, anchor: "p0", section: 0)]
        let sections = [SearchPage.Section(heading: nil), SearchPage.Section(heading: "Over vertrouwen")]
        let cache = StemCache()
        _ = SearchPage(title: "Ander", url: "a/", kind: "artikel", blocks: [SearchPage.Block(text: "weten vertrouwd wint", role: .paragraph,
                                                                                           anchor: nil, section: 0)],
                       sections: [SearchPage.Section(heading: nil)], summaryBlock: nil, stems: cache)
        let shared = SearchPage(title: "T", url: "t/", kind: "artikel", blocks: blocks, sections: sections, summaryBlock: nil, stems: cache)
        let alone = SearchPage(title: "T", url: "t/", kind: "artikel", blocks: blocks, sections: sections, summaryBlock: nil)
        XCTAssertEqual(shared.forms, alone.forms)
        func shown(_ page: SearchPage) -> [String: String] {
            page.hits.mapValues { $0.map { "\($0.section):\($0.block):\($0.offset):\($0.score)" }.joined(separator: ",") }
        }
        XCTAssertEqual(shown(shared), shown(alone))
        // The opening's paragraph comes after the heading's section and still counts in section 0, listed first.
        XCTAssertEqual(shown(alone)["vertrouw"], "0:0:0:31,1:2:21:9")
    }

    /// A page's stems are sorted, each found by ``SearchPage/hits(of:)`` with the hits ``SearchPage/hits`` lists, and a
    /// word not on the page is not; every form points at its stem.
    func testAPageFindsEachOfItsStems() {
        let blocks = [SearchPage.Block(text: "Vertrouwen · basisvertrouwen", role: .title, anchor: nil, section: 0),
                      SearchPage.Block(text: "Over vertrouwen en werk", role: .heading, anchor: "over", section: 1),
                      SearchPage.Block(text: "Wie vertrouwt, wint. Zelfbeeld, rollen en rol; ambacht en praktijken.", role: .paragraph,
                                       anchor: "p1", section: 1)]
        let page = SearchPage(title: "T", url: "t/", kind: "artikel", blocks: blocks, sections: [SearchPage.Section(heading: nil),
                              SearchPage.Section(heading: "Over vertrouwen en werk")], summaryBlock: nil)
        XCTAssertEqual(page.stems, page.stems.sorted())
        XCTAssertEqual(Set(page.stems), Set(page.hits.keys))
        XCTAssertGreaterThan(page.stems.count, 8)
        for stem in page.stems {
            XCTAssertEqual(page.hits(of: stem).map { $0.map { "\($0.section):\($0.block):\($0.offset):\($0.score)" } },
                           page.hits[stem]!.map { "\($0.section):\($0.block):\($0.offset):\($0.score)" }, stem)
        }
        for absent in ["", "a", "zzz", "vertrouwe", "werkx"] { XCTAssertNil(page.hits(of: absent), absent) }
        XCTAssertEqual(page.forms["vertrouwen"], "vertrouw")
        XCTAssertEqual(Set(page.forms.values), Set(page.stems))
    }
}
