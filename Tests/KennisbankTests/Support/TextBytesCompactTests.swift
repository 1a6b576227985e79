import XCTest
@testable import KennisbankCore

/// `TextBytes.compact` gives back the same text, and `TextBytes.contains(_:in:)` finds a byte where the UTF-8 view does.
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

    func testContainsAByteAsTheUTF8ViewDoes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "[", "é", " ", "]]", "\u{1F600}", "[[x", "\n"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text += pieces.randomElement(using: &generator)! }
            for byte in [UInt8(ascii: "["), UInt8(ascii: "a"), 0xC3, 0x00] {
                XCTAssertEqual(TextBytes.contains(byte, in: text), text.utf8.contains(byte), "\(byte) in \(text.debugDescription)")
            }
        }
    }
}
