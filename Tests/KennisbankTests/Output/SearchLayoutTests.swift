import XCTest
@testable import KennisbankCore
import KennisbankCorpus
@testable import KennisbankRendering

/// The layout `serve` keeps and brings up to date after an edit is the layout made from all pages: on random pages
/// of a small vocabulary (so that stems are shared by many pages, have more than ``SearchIndex/hitsPerStem`` hits and
/// tie on score), after random edits, additions of words, emptied pages and pages added or removed.
final class SearchLayoutTests: XCTestCase {
    private static let vocabulary = ["leider", "leiders", "leiderschap", "coach", "coaches", "coaching", "identiteit",
                                     "identiteiten", "ruimte", "weten", "niet-weten", "ambacht", "praktijk", "praktijken",
                                     "vertrouwen", "vertrouwd", "werk", "werken", "rol", "rollen", "zelf", "beeld"]

    private func page(_ number: Int, random: inout SeededRandom) -> SearchPage {
        RandomSearchPages.page(number, title: "Pagina \(number) ", paragraphs: 3, words: 12, random: &random, draw: words)
    }

    private func words(_ count: Int, _ random: inout SeededRandom) -> String {
        (0..<count).map { _ in Self.vocabulary[random.below(Self.vocabulary.count)] }.joined(separator: " ")
    }

    /// Everything a stem shows, comparable.
    private func shown(_ layout: SearchLayout) -> [String: String] {
        layout.stems.mapValues { stem in
            "\(stem.forms) \(stem.total) \(stem.bytes) "
                + stem.hits.map { "\($0.page):\($0.hit.section):\($0.hit.block):\($0.hit.offset):\($0.hit.score)" }.joined(separator: ",")
        }
    }

    /// The sets of the stems over ``SearchIndex/allHitsUpTo`` that the layout writes as it is made are those read
    /// from it (``SearchLayout/sectionSet(of:)``), and the sets ``SearchMore`` keeps and brings up to date with the
    /// layout stay those of a layout made from all pages.
    func testTheSectionSetsMadeWithTheLayoutAreThoseReadFromItAndStaySo() {
        var random = SeededRandom(seed: 23)
        var pages = (0..<130).map { page($0, random: &random) }
        var layout = SearchLayout(pages: pages, digests: pages.map(\.digest))
        var more = SearchMore(layout)
        for round in 0..<12 {
            for _ in 0...random.below(3) {
                let number = random.below(pages.count)
                pages[number] = page(number, random: &random)
            }
            if let changed = layout.update(to: pages, digests: pages.map(\.digest)) {
                more.update(layout, stems: changed.stems, sections: changed.sections)
            } else {
                more = SearchMore(layout)
            }
            var made: [String: String]? = [:]
            let fresh = SearchLayout(pages: pages, digests: pages.map(\.digest), sectionSets: &made)
            let over = Set(fresh.stems.values.filter { $0.total > SearchIndex.allHitsUpTo }.map(\.stem))
            XCTAssertFalse(over.isEmpty, "some stem is over the limit")
            XCTAssertEqual(Set(made!.keys), over, "round \(round)")
            for stem in over.sorted() {
                XCTAssertEqual(made![stem], fresh.sectionSet(of: stem), "round \(round): \(stem)")
                XCTAssertEqual(SectionSet.decode(made![stem]!).reduce(0) { $0 + $1.sections.count }, fresh.stems[stem]!.total)
            }
            XCTAssertEqual(more.texts, made!, "round \(round): the sets kept are those made")
            XCTAssertEqual(SearchMore(fresh, made: made).texts, made!)
            XCTAssertEqual(more.carriedTexts, SearchMore(fresh, made: made).carriedTexts, "round \(round): the carried sections too")
            XCTAssertEqual(more.fileDigests.digests, SearchMore(fresh, made: made).fileDigests.digests, "round \(round): and the files' digests")
            XCTAssertTrue(more.fileDigests.sorted)
        }
    }

    func testTheLayoutBroughtUpToDateIsTheLayoutMadeFromAllPages() {
        var random = SeededRandom(seed: 19)
        var pages = (0..<40).map { page($0, random: &random) }
        var layout = SearchLayout(pages: pages, digests: pages.map(\.digest))
        var patched = 0
        for round in 0..<150 {
            switch random.below(10) {
            case 0:
                pages.append(page(pages.count, random: &random))
            case 1 where pages.count > 2:
                pages.remove(at: random.below(pages.count))
            case 2:
                let number = random.below(pages.count)
                pages[number] = SearchPage(title: "Leeg", url: "p/\(number)/", kind: "artikel", blocks: [], sections: [SearchPage.Section(heading: nil)],
                                           summaryBlock: nil)
            default:
                for _ in 0...random.below(2) {
                    let number = random.below(pages.count)
                    pages[number] = page(number, random: &random)
                }
                patched += 1
            }
            layout.update(to: pages, digests: pages.map(\.digest))
            let fresh = SearchLayout(pages: pages, digests: pages.map(\.digest))
            let (patchedStems, freshStems) = (shown(layout), shown(fresh))
            let differing = Set(patchedStems.keys).union(freshStems.keys).filter { patchedStems[$0] != freshStems[$0] }.sorted()
            XCTAssertEqual(differing, [], "round \(round): " + differing.prefix(2).map {
                "\($0): patched \(patchedStems[$0] ?? "none"), made \(freshStems[$0] ?? "none")"
            }.joined(separator: "; "))
            XCTAssertTrue(layout.stems.values.contains { $0.total > SearchIndex.hitsPerStem }, "some stem has more hits than it shows")
        }
        XCTAssertGreaterThan(patched, 50)
    }
}
