import Foundation
import XCTest
@testable import KennisbankLinking

/// The wikilink scanner's search for brackets finds what Foundation's `range(of:)` finds, next to combining marks too.
final class WikilinkFindTests: XCTestCase {
    func testTheBracketSearchFindsWhatFoundationFinds() {
        let pieces = ["[", "]", "[[", "]]", "a", " ", "ë", "’", "\u{301}", "\u{200D}", "😀", "\n", "x"]
        var generator = SeededGenerator(seed: 126)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for needle in ["[[", "]]"] {
                for backwards in [false, true] {
                    let expected = text.range(of: needle, options: backwards ? .backwards : [])
                    let found = WikilinkScanner.find(needle, in: text[...], backwards: backwards)
                    XCTAssertEqual(found, expected, "\(text.debugDescription) \(needle) \(backwards)")
                }
            }
        }
    }
}
