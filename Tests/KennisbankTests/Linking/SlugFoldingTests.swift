import XCTest
@testable import KennisbankCore

/// Slugs read from the fold table (``SlugFolding``) are the slugs Foundation's folding gives.
final class SlugFoldingTests: XCTestCase {
    /// Every scalar of the table, alone, between letters, and after an ASCII capital.
    func testEveryScalarOfTheTableSlugsAsFoundationFoldsIt() {
        for range in SlugFolding.ranges {
            for value in range {
                let scalar = String(Unicode.Scalar(value)!)
                for text in [scalar, "a\(scalar)b", "A\(scalar)\(scalar)Z", "\(scalar) 1"] {
                    XCTAssertEqual(Slug.make(from: text, ifEmpty: ""), Slug.makeByFolding(text, ifEmpty: ""), "U+\(String(value, radix: 16))")
                }
            }
        }
    }

    /// Random texts of table scalars, ASCII and scalars outside the table (which Foundation folds for the whole text).
    func testRandomTextsSlugAsFoundationFoldsThem() {
        let table = SlugFolding.ranges.flatMap { $0.map { String(Unicode.Scalar($0)!) } }
        let others = ["a", "Z", "9", " ", "-", "'", "’", "\n", "\u{301}", "\u{200D}", "ﬁ", "Ａ", "😀", "İ", "ß", "Ω", "ĳ", "Ĳ"]
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Bool.random(using: &generator) ? table.randomElement(using: &generator)! : others.randomElement(using: &generator)!
            }.joined()
            XCTAssertEqual(Slug.make(from: text, ifEmpty: ""), Slug.makeByFolding(text, ifEmpty: ""), text.debugDescription)
        }
    }

    func testDutchTitles() {
        XCTAssertEqual(Slug.make(from: "Ideeën over ’t Niet-weten!"), "ideeen-over-t-niet-weten")
        XCTAssertNil(SlugFolding.slug(of: "e\u{301}"), "a combining mark is folded with its letter by Foundation")
        XCTAssertEqual(Slug.make(from: "Café e\u{301}"), "cafe-e")
    }
}
