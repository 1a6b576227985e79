import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The list memo of the link step: last build's values are reused where they still hold, found at the same
/// position or, when items moved, by key; the others are made.
final class ListMemoTests: XCTestCase {
    /// A memo of strings made from each key and a version number per key.
    private func run(_ memo: ListMemo<String, String>, _ items: [(key: String, version: Int)]) -> [String] {
        memo.map(keys: items.map(\.key), reuse: { index, old in old == "\(items[index].key)\(items[index].version)" },
                 make: { index in "\(items[index].key)\(items[index].version)" })
    }

    func testUnchangedItemsAreReusedAndChangedOnesMade() {
        let memo = ListMemo<String, String>()
        XCTAssertEqual(run(memo, [("a", 1), ("b", 1), ("c", 1)]), ["a1", "b1", "c1"])
        XCTAssertEqual(memo.endRound(), 3)
        XCTAssertEqual(run(memo, [("a", 1), ("b", 2), ("c", 1)]), ["a1", "b2", "c1"])
        XCTAssertEqual(memo.endRound(), 1, "only b changed")
    }

    func testItemsThatMovedAreFoundByKey() {
        let memo = ListMemo<String, String>()
        _ = run(memo, [("a", 1), ("b", 1), ("c", 1)])
        memo.endRound()
        XCTAssertEqual(run(memo, [("new", 1), ("c", 1), ("a", 1)]), ["new1", "c1", "a1"])
        XCTAssertEqual(memo.endRound(), 1, "an item added before the others, b removed, c and a reordered: only the new item is made")
        XCTAssertEqual(run(memo, [("b", 1)]), ["b1"])
        XCTAssertEqual(memo.endRound(), 1, "a removed item is forgotten: made again when it comes back")
    }

    func testAValueIsReusedOnlyWhenReuseSaysSo() {
        let memo = ListMemo<String, Int>()
        var made = 0
        _ = memo.map(keys: ["a"], reuse: { _, _ in true }, make: { _ in 1 })
        let again = memo.map(keys: ["a"], reuse: { _, old in old == 2 }, make: { _ in 2 })
        made = memo.endRound()
        XCTAssertEqual(again, [2])
        XCTAssertEqual(made, 2)
    }
}

/// Fields shared between copies until one is changed.
final class CopyOnWriteTests: XCTestCase {
    func testAChangedCopyLeavesTheOriginalAsItWas() {
        let original = CopyOnWrite([1, 2, 3])
        var copy = original
        XCTAssertTrue(copy.isIdentical(to: original))
        copy.fields.append(4)
        XCTAssertFalse(copy.isIdentical(to: original))
        XCTAssertEqual(original.fields, [1, 2, 3])
        XCTAssertEqual(copy.fields, [1, 2, 3, 4])
        XCTAssertNotEqual(copy, original)
        XCTAssertEqual(CopyOnWrite([1, 2, 3]), original, "equal fields in two objects are equal")
    }

    func testAContentItemChangedThroughACopyIsItsOwn() {
        let item = ContentItem(id: ContentID(.concept, "niet-weten"), title: "Niet-weten", source: SourceFile(path: "a.md", text: ""),
                               document: MarkdownDocument(blocks: []))
        var renamed = item
        renamed.title = "Not-knowing"
        XCTAssertEqual(item.title, "Niet-weten")
        XCTAssertEqual(renamed.title, "Not-knowing")
        XCTAssertNotEqual(item, renamed)
        renamed.title = "Niet-weten"
        XCTAssertEqual(item, renamed)
        XCTAssertEqual(item.hashValue, renamed.hashValue)
    }
}
