import XCTest
import KennisbankCorpus
import KennisbankContent

/// A source file's lines, read from its index of line starts, are the text split on line feeds with a carriage
/// return before one left out: on random text of line feeds, carriage returns, blank lines and non-ASCII letters.
final class SourceFileLinesTests: XCTestCase {
    /// The lines as a plain split reads them, and whether any ended in a carriage return.
    private func plainLines(of text: String) -> (lines: [String], carriageReturns: Bool) {
        var carriageReturns = false
        // Split the scalars: a split on Characters would keep a CR LF pair whole.
        let scalarLines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { scalars -> String in
                var line = String(String.UnicodeScalarView(scalars))
                if line.unicodeScalars.last == "\r" { carriageReturns = true; line.unicodeScalars.removeLast() }
                return line
            }
        return (scalarLines, carriageReturns)
    }

    func testLinesAreTheTextSplitOnLineFeeds() {
        let pieces = ["a", "woord ", "\n", "\r\n", "\r", "ë", "cliënt", "", "😀", "\n\n", " - "]
        var random = SeededRandom(seed: 26)
        for round in 0..<500 {
            let text = (0..<random.below(12)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let file = SourceFile(path: "t.md", text: text), plain = plainLines(of: text)
            XCTAssertEqual(file.lines.map(String.init), plain.lines, "round \(round): \(text.debugDescription)")
            XCTAssertEqual(file.lineCount, plain.lines.count)
            XCTAssertEqual(file.hasCarriageReturns, plain.carriageReturns, text.debugDescription)
            for number in 0...(plain.lines.count + 1) {
                XCTAssertEqual(String(file.line(number)), number >= 1 && number <= plain.lines.count ? plain.lines[number - 1] : "")
            }
        }
    }
}
