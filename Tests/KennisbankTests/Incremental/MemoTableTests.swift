import XCTest
@testable import Kennisbank
@testable import KennisbankCorpus
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The memo tables of incremental builds: a value is made again only when its inputs change, and forgotten
/// after a round (build) that did not ask for it.
final class MemoTableTests: XCTestCase {
    func testAValueIsMadeAgainOnlyWhenItsInputsChange() {
        let table = MemoTable<Int, String>()
        var makes = 0
        let make = { (text: String) -> () -> String in { makes += 1; return text } }
        XCTAssertEqual(table.value(for: "a", inputs: 1, make: make("one")), "one")
        XCTAssertEqual(table.value(for: "a", inputs: 1, make: make("uno")), "one", "same inputs: the remembered value")
        XCTAssertEqual(table.value(for: "a", inputs: 2, make: make("two")), "two")
        XCTAssertEqual(table.value(for: "b", inputs: 2, make: make("b")), "b", "values are per key")
        XCTAssertEqual(makes, 3)
        XCTAssertEqual(table.endRound(), 3, "the round reports how many values it made")
        XCTAssertEqual(table.value(for: "a", inputs: 2, make: make("x")), "two")
        XCTAssertEqual(table.endRound(), 0)
    }

    /// A file read again after it settled comes in a new buffer with the same bytes: the table keeps the new one,
    /// so that the next build's comparison is of two addresses, not of every byte.
    func testEqualInputsInANewBufferReplaceTheRememberedOnes() {
        let first = FileBytes(Data(repeating: 7, count: 4096))
        let again = FileBytes(Data(repeating: 7, count: 4096))
        XCTAssertFalse(first.data.withUnsafeBytes { a in again.data.withUnsafeBytes { b in a.baseAddress == b.baseAddress } })
        for keepingNewest in [false, true] {
            let table = MemoTable<FileBytes, String>()
            _ = table.value(for: "a.md", inputs: first, keepingNewest: keepingNewest) { "parsed" }
            XCTAssertEqual(table.value(for: "a.md", inputs: again, keepingNewest: keepingNewest) { "made again" }, "parsed")
            let remembered = table.entries[table.slots["a.md"]!].inputs.data
            let shared = remembered.withUnsafeBytes { a in again.data.withUnsafeBytes { b in a.baseAddress == b.baseAddress } }
            XCTAssertEqual(shared, keepingNewest, keepingNewest ? "the new buffer is kept" : "the first buffer stays")
        }
    }

    func testARoundForgetsTheKeysItDidNotAskFor() {
        let table = MemoTable<Int, String>()
        for key in ["a", "b", "c"] { table.store(key, for: key, inputs: 0) }
        table.endRound()
        XCTAssertEqual(table.cached(for: "a", inputs: 0), "a")
        XCTAssertNil(table.cached(for: "b", inputs: 1), "asked for with other inputs: kept, but not returned")
        table.endRound()
        XCTAssertNil(table.cached(for: "c", inputs: 0), "c was not asked for in the last round")
        XCTAssertEqual(table.cached(for: "b", inputs: 0), "b")
        XCTAssertEqual(table.cached(for: "a", inputs: 0), "a")
        table.endRound()
        // Every key asked for: nothing is forgotten.
        XCTAssertEqual(table.cached(for: "a", inputs: 0), "a")
        XCTAssertEqual(table.cached(for: "b", inputs: 0), "b")
    }

    func testAForgottenKeyIsMadeAgain() {
        let table = MemoTable<Int, String>()
        table.store("a", for: "a", inputs: 0)
        table.store("b", for: "b", inputs: 0)
        table.forget("a")
        XCTAssertNil(table.cached(for: "a", inputs: 0))
        table.endRound()
        XCTAssertEqual(table.cached(for: "b", inputs: 0), "b", "forgetting one key keeps the others")
        table.forget("b")
        table.endRound()
        XCTAssertNil(table.cached(for: "b", inputs: 0))
    }

    /// Random rounds of stores, lookups and forgets against a plain dictionary that does what the table promises:
    /// a lookup returns the value stored with equal inputs, and a round forgets every key it did not ask for.
    func testRandomRoundsAgreeWithADictionary() {
        for seed in UInt64(1)...40 {
            var random = SeededRandom(seed: seed)
            let table = MemoTable<Int, String>()
            var model: [String: (inputs: Int, value: String, asked: Bool)] = [:]
            for step in 0..<400 {
                let key = "k\(random.next() % 12)", inputs = Int(random.next() % 3)
                switch random.next() % 10 {
                case 0...3:
                    table.store("\(step)", for: key, inputs: inputs)
                    model[key] = (inputs, "\(step)", true)
                case 4...6:
                    let expected = model[key].flatMap { $0.inputs == inputs ? $0.value : nil }
                    if model[key] != nil { model[key]!.asked = true }
                    XCTAssertEqual(table.cached(for: key, inputs: inputs), expected, "seed \(seed), step \(step)")
                case 7:
                    table.forget(key)
                    model[key] = nil
                default:
                    table.endRound()
                    model = model.filter(\.value.asked).mapValues { ($0.inputs, $0.value, false) }
                }
            }
        }
    }
}
