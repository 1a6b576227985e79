import XCTest
@testable import KennisbankCore
@testable import KennisbankRendering

/// The link checker resolves ASCII links on their bytes (``LinkTarget``): it must find what resolving the text finds.
final class LinkTargetTests: XCTestCase {
    func testResolvingBytesFindsWhatResolvingTextFinds() {
        let pieces = ["..", ".", "/", "//", "#", "?", ":", "a", "b", "%20", "%", "%zz", "index.html", "https:", "mailto:x",
                      "&amp;", "&", "c.svg", "#top", "?q=1", "literatuur", "-", ""]
        let pages = ["index.html", "artikelen/een/index.html", "a/b/c/index.html", "404.html", "x/plaat.svg"]
        var generator = SeededGenerator(seed: 26)
        for _ in 0..<20_000 {
            let link = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let page = pages.randomElement(using: &generator)!
            let bytes = LinkChecker.resolve(link, from: page)
            let text = LinkChecker.resolveAsText(TextBytes.replacing("&amp;", with: "&", in: link), from: page, in: LinkChecker.folder(of: page))
            XCTAssertEqual(bytes?.0, text?.0, "\(link) on \(page)")
            XCTAssertEqual(bytes?.1, text?.1, "\(link) on \(page)")
            XCTAssertEqual(bytes == nil, text == nil, "\(link) on \(page)")
        }
    }
}
