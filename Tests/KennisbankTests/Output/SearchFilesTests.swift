import XCTest
@testable import KennisbankCore
import KennisbankCorpus
@testable import KennisbankRendering

/// The files of the search index that `serve` keeps and cuts again after an edit, only for the stems that changed,
/// are the files cut from every stem: on random pages whose words share their first letters, so that groups of stems
/// outgrow ``SearchIndex/bucketBytes`` and are split into longer keys (and merged again when they shrink).
final class SearchFilesTests: XCTestCase {
    /// Words that stem to many stems under a few first letters ("ve", "ko", "a").
    private static let vocabulary: [String] = {
        let endings = ["rkoop", "rlof", "rtrouw", "rhaal", "rband", "rder", "rbod", "rschil", "rzet", "rmaan", "rtaal", "rlies"]
        return endings.map { "ve" + $0 } + endings.map { "ko" + $0 } + ["a", "ab", "abc", "koppen", "vee", "vel"]
    }()

    private func page(_ number: Int, random: inout SeededRandom) -> SearchPage {
        RandomSearchPages.page(number, title: "Pagina ", paragraphs: 4, words: 14, random: &random, draw: words)
    }

    private func words(_ count: Int, _ random: inout SeededRandom) -> String {
        // Fewer words from the end of the list, so that some stems come and go.
        (0..<count).map { _ in Self.vocabulary[random.below(random.below(4) == 0 ? Self.vocabulary.count : Self.vocabulary.count - 6)] }
            .joined(separator: " ")
    }

    /// Everything the files show, comparable: each file's path with its digest and what it holds.
    private func shown(_ files: SearchFiles) -> [String: String] {
        var shown: [String: String] = [:]
        for (key, bucket) in files.buckets {
            shown[SearchIndex.path(ofKey: key)] = "\(files.bucketDigests[key]!) " + bucket.stems.map(\.stem).joined(separator: ",")
        }
        for (letters, words) in files.words {
            shown[SearchIndex.path(ofWords: letters)] = "\(files.wordDigests[letters]!) "
                + words.forms.keys.sorted().map { "\($0)>\(words.forms[$0]!)" }.joined(separator: ",")
                + words.stems.keys.sorted().map { "\($0):\(words.stems[$0]!.key):\(words.stems[$0]!.total)" }.joined(separator: ",")
        }
        return shown
    }

    /// A file of stems is digested from what its hits show, not from their pages' whole digests: after one paragraph
    /// of a page is edited, only the files with a hit in that paragraph get a new digest (and are encoded again).
    func testAnEditOfOneParagraphChangesOnlyTheFilesThatShowIt() {
        func page(_ second: String) -> SearchPage {
            SearchPage(title: "Pagina", url: "p/", kind: "artikel", blocks: [
                SearchPage.Block(text: "Pagina", role: .title, anchor: nil, section: 0),
                SearchPage.Block(text: "vertrouwen en koppen", role: .paragraph, anchor: "een", section: 0),
                SearchPage.Block(text: second, role: .paragraph, anchor: "twee", section: 0),
            ], sections: [SearchPage.Section(heading: nil)], summaryBlock: nil)
        }
        let before = [page("abc zeilen"), page("anders")]
        var after = before
        after[0] = page("abc zeilen en meer")
        func digests(_ pages: [SearchPage]) -> [String: Digest] {
            let files = SearchFiles(SearchLayout(pages: pages, digests: pages.map(\.digest)), shown: pages.map(SearchShown.init))
            return Dictionary(uniqueKeysWithValues: files.buckets.keys.map { ($0, files.bucketDigests[$0]!) })
        }
        let (old, new) = (digests(before), digests(after))
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
        let keyOf = { (word: String) in SearchIndex.key(of: DutchStemmer.stems([word])[0], among: Set(new.keys)) }
        XCTAssertNotEqual(before[0].digest, after[0].digest)
        XCTAssertTrue(changed.contains(keyOf("abc")!), "the file of a stem in the edited paragraph is digested anew")
        XCTAssertFalse(changed.contains(keyOf("vertrouwen")!), "the file of a stem only in the other paragraph keeps its digest: \(changed)")
        XCTAssertFalse(changed.contains(keyOf("koppen")!), "\(changed)")
    }

    func testTheFilesCutAgainAreTheFilesCutFromEveryStem() {
        var random = SeededRandom(seed: 23)
        var pages = (0..<60).map { page($0, random: &random) }
        var layout = SearchLayout(pages: pages, digests: pages.map(\.digest))
        var files = SearchFiles(layout, shown: pages.map(SearchShown.init))
        var split = false, patched = 0
        for round in 0..<120 {
            for _ in 0...random.below(3) {
                let number = random.below(pages.count)
                pages[number] = random.below(6) == 0
                    ? SearchPage(title: "Leeg", url: "p/\(number)/", kind: "artikel", blocks: [], sections: [SearchPage.Section(heading: nil)], summaryBlock: nil)
                    : page(number, random: &random)
            }
            if let changed = layout.update(to: pages, digests: pages.map(\.digest)) {
                files.update(layout, stems: changed.stems, pages: changed.pages, shown: pages.map(SearchShown.init))
                patched += 1
            } else {
                files = SearchFiles(layout, shown: pages.map(SearchShown.init))
            }
            let fresh = SearchFiles(SearchLayout(pages: pages, digests: pages.map(\.digest)), shown: pages.map(SearchShown.init))
            let (kept, made) = (shown(files), shown(fresh))
            let differing = Set(kept.keys).union(made.keys).filter { kept[$0] != made[$0] }.sorted()
            XCTAssertEqual(differing, [], "round \(round): " + differing.prefix(2).map {
                "\($0): kept \(kept[$0] ?? "none"), made \(made[$0] ?? "none")"
            }.joined(separator: "; "))
            split = split || files.buckets.keys.contains { $0.count > 2 }
        }
        XCTAssertTrue(split, "some group of stems is split into longer keys")
        XCTAssertGreaterThan(patched, 60)
    }
}
