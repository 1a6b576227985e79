import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// `ReadRecords` keeps what each page read and who read each part; its answer must be the one a walk over
/// every page would give.
final class ReadRecordsTests: XCTestCase {
    private let parts: [SitePart] = [.settings, .articleOrder, .mentions("a"), .mentions("b"), .signature(ContentID(.concept, "c")),
                                     .references("kegan1994"), .conceptMap, .backlinks(ContentID(.article, "x"))]

    func testAPageIsUnchangedOnlyWhenNothingItReadChanged() {
        var records = ReadRecords()
        records.record([.settings, .mentions("a")], for: "p/index.html")
        records.record([.settings, .mentions("b")], for: "q/index.html")
        XCTAssertEqual(records.unchanged(changed: [SitePart.mentions("a")]).paths, ["q/index.html"])
        XCTAssertEqual(records.unchanged(changed: [SitePart.settings]).paths, [])
        XCTAssertEqual(records.unchanged(changed: [SitePart]()).paths, ["p/index.html", "q/index.html"])
        records.record([.mentions("b")], for: "p/index.html")
        XCTAssertEqual(records.unchanged(changed: [SitePart.mentions("a")]).paths, ["p/index.html", "q/index.html"])
        records.forget("q/index.html")
        XCTAssertEqual(records.unchanged(changed: [SitePart.settings]).paths, ["p/index.html"])
    }

    /// Random records, replacements and removals, each answer compared with a walk over a plain table.
    func testRandomRecordsAgreeWithAWalkOverEveryPage() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var records = ReadRecords()
            var plain: [String: Set<SitePart>] = [:]
            for _ in 0..<40 {
                let path = "page-\(Int.random(in: 0..<8, using: &generator))"
                if Bool.random(using: &generator), Int.random(in: 0..<4, using: &generator) == 0 {
                    records.forget(path)
                    plain[path] = nil
                } else {
                    let read = Set(parts.filter { _ in Bool.random(using: &generator) })
                    records.record(read, for: path)
                    plain[path] = read
                }
                let changed = Set(parts.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 })
                let expected = Set(plain.filter { $0.value.isDisjoint(with: changed) }.keys)
                XCTAssertEqual(records.unchanged(changed: changed).paths, expected)
            }
        }
    }
}
