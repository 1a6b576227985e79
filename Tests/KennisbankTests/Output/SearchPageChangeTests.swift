import XCTest
@testable import KennisbankCore
import KennisbankCorpus
@testable import KennisbankRendering

/// After small edits of a page (a word added to or taken from a block, a paragraph added, a heading, anchor or title
/// changed), the layout and the files brought up to date through ``SearchPageChange`` are those made from all pages,
/// and an edit that leaves most of a page's hits as they were looks at only the stems it touched.
final class SearchPageChangeTests: XCTestCase {
    private static let vocabulary = ["leider", "leiders", "leiderschap", "coach", "coaches", "coaching", "identiteit",
                                     "vertrouwen", "vertrouwd", "werk", "werken", "rol", "rollen", "zelf", "beeld",
                                     "verkoop", "verlof", "verband", "kopen", "koppen", "a", "ab", "abc"]

    private func words(_ count: Int, _ random: inout SeededRandom) -> String {
        (0..<count).map { _ in Self.vocabulary[random.below(Self.vocabulary.count)] }.joined(separator: " ")
    }

    private func page(_ number: Int, random: inout SeededRandom) -> SearchPage {
        RandomSearchPages.page(number, title: "Pagina \(number) ", paragraphs: 4, words: 12, random: &random, draw: words)
    }

    /// `page` with one small edit.
    private func edited(_ page: SearchPage, random: inout SeededRandom) -> SearchPage {
        var blocks = page.blocks, sections = page.sections, title = page.title
        let block = random.below(blocks.count)
        switch random.below(7) {
        case 0: blocks[block].text += " " + words(1 + random.below(2), &random)
        case 1:
            var parts = blocks[block].text.split(separator: " ")
            if !parts.isEmpty { parts.remove(at: random.below(parts.count)) }
            blocks[block].text = parts.joined(separator: " ")
        case 2:
            let section = blocks.last!.section
            blocks.append(SearchPage.Block(text: words(1 + random.below(6), &random), role: .paragraph, anchor: "n\(blocks.count)", section: section))
        case 3:
            let section = random.below(sections.count)
            sections[section].heading = section == 0 ? nil : words(1, &random)
        case 4: blocks[block].anchor = blocks[block].anchor == nil ? "a\(block)" : nil
        case 5: title += "!"
        default: blocks[block].text = words(random.below(5), &random)
        }
        return SearchPage(title: title, url: page.url, kind: page.kind, blocks: blocks, sections: sections, summaryBlock: page.summaryBlock)
    }

    /// Everything the layout's stems and the files show, comparable.
    private func shown(_ layout: SearchLayout, _ files: SearchFiles) -> [String: String] {
        var shown = layout.stems.mapValues { stem in
            "\(stem.forms) \(stem.total) \(stem.bytes) "
                + stem.hits.map { "\($0.page):\($0.hit.section):\($0.hit.block):\($0.hit.offset):\($0.hit.score)" }.joined(separator: ",")
        }
        for (key, digest) in files.bucketDigests { shown["terms " + key] = "\(digest) " + files.buckets[key]!.stems.map(\.stem).joined(separator: ",") }
        for (letters, digest) in files.wordDigests { shown["words " + letters] = "\(digest)" }
        return shown
    }

    func testSmallEditsBringTheLayoutAndFilesToThoseMadeFromAllPages() {
        var random = SeededRandom(seed: 31)
        var pages = (0..<30).map { page($0, random: &random) }
        var layout = SearchLayout(pages: pages, digests: pages.map(\.digest))
        var files = SearchFiles(layout, shown: pages.map(SearchShown.init))
        var patched = 0
        for round in 0..<300 {
            for _ in 0...random.below(2) {
                let number = random.below(pages.count)
                pages[number] = edited(pages[number], random: &random)
            }
            if let changed = layout.update(to: pages, digests: pages.map(\.digest)) {
                files.update(layout, stems: changed.stems, pages: changed.pages, shown: pages.map(SearchShown.init))
                patched += 1
            } else {
                files = SearchFiles(layout, shown: pages.map(SearchShown.init))
            }
            let fresh = SearchLayout(pages: pages, digests: pages.map(\.digest))
            let (kept, made) = (shown(layout, files), shown(fresh, SearchFiles(fresh, shown: pages.map(SearchShown.init))))
            let differing = Set(kept.keys).union(made.keys).filter { kept[$0] != made[$0] }.sorted()
            XCTAssertEqual(differing, [], "round \(round): " + differing.prefix(2).map {
                "\($0): kept \(kept[$0] ?? "none"), made \(made[$0] ?? "none")"
            }.joined(separator: "; "))
        }
        XCTAssertGreaterThan(patched, 250)
    }

    func testAParagraphAddedAtTheEndTouchesOnlyItsStems() {
        var random = SeededRandom(seed: 5)
        let random0 = page(0, random: &random)
        // Ends in a paragraph, so that no heading shows the new paragraph's text as its excerpt.
        var blocks = random0.blocks
        blocks.append(SearchPage.Block(text: "vertrouwen werk", role: .paragraph, anchor: "laatste", section: blocks.last!.section))
        let before = SearchPage(title: random0.title, url: random0.url, kind: random0.kind, blocks: blocks, sections: random0.sections,
                                summaryBlock: random0.summaryBlock)
        blocks.append(SearchPage.Block(text: "zeilen en roeien", role: .paragraph, anchor: "nieuw", section: blocks.last!.section))
        let after = SearchPage(title: before.title, url: before.url, kind: before.kind, blocks: blocks, sections: before.sections,
                               summaryBlock: before.summaryBlock)
        let change = SearchPageChange(from: before, to: after)
        let new = Set(after.stems).subtracting(before.stems)
        XCTAssertFalse(new.isEmpty)
        XCTAssertTrue(new.isSubset(of: change.stems))
        // The new words' stems, and the stems the last section shares with the new paragraph ("en"), at most.
        XCTAssertLessThanOrEqual(change.stems.count, new.count + 1, "\(change.stems.sorted())")
        XCTAssertEqual(Set(change.addedStems), new)
        XCTAssertTrue(change.removedStems.isEmpty)

        var renamed = after
        renamed.title += " (nieuw)"
        XCTAssertEqual(SearchPageChange(from: after, to: renamed).stems, Set(after.stems), "a new title shows in every hit of the page")
    }
}
