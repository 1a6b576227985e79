import XCTest
@testable import KennisbankCore

/// `TextBytes.compact` gives back the same text.
final class TextBytesCompactTests: XCTestCase {
    func testCompactTextEqualsTheText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "ß", " ", "word", "☃︎", "\u{1F600}", "naïef", "\n"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let compact = TextBytes.compact(text)
            XCTAssertEqual(compact, text)
            XCTAssertEqual(Array(compact.utf8), Array(text.utf8))
        }
    }
}
