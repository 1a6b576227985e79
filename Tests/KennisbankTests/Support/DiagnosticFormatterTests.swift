import Foundation
import Testing
@testable import KennisbankCore

/// ``DiagnosticFormatter`` finds the window it shows around a column through an index of the line, not by making an
/// array of the line's Characters per diagnostic; what it prints is what that array gave.
@Suite struct DiagnosticFormatterTests {
    /// The text the formatter printed when it made an array of the whole line for each diagnostic: the oracle.
    static func reference(_ diagnostic: Diagnostic, files: [String: String]) -> String {
        var lines = ["\(diagnostic.path)\(diagnostic.position.map { ":\($0.line):\($0.column)" } ?? ""): \(diagnostic.severity.rawValue): \(diagnostic.message)"]
        // Lines end at each line feed, a CR LF's included (a CR LF is one Character, so split the scalars).
        let fileLines = files[diagnostic.path].map {
            $0.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring(String($0)) }
        }
        if let position = diagnostic.position, let fileLines, position.line >= 1, position.line <= fileLines.count {
            let raw = fileLines[position.line - 1]
            let line = String(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            let characters = Array(line)
            let column = min(max(0, position.column - 1), characters.count)
            let start = max(0, column - 40), end = min(characters.count, column + 60)
            let prefix = start > 0 ? "…" : "", suffix = end < characters.count ? "…" : ""
            let shown = String(characters[start..<end])
            lines.append("    " + prefix + shown + suffix)
            let indent = prefix.map { _ in " " }.joined() + characters[start..<column].map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("    " + indent + "^")
        }
        if let hint = diagnostic.hint { lines.append("    hint: \(hint)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A paragraph of a few thousand Characters, some of them several scalars (accents, flags, skin tones) or tabs.
    static let paragraph: String = {
        let pieces = ["Kennis ", "e\u{301}", "\t", "🇳🇱", "👍🏽", " [[bestaat-niet]] ", "ß", "知識", "\u{200D}", "x"]
        return (0..<700).map { pieces[($0 * 7) % pieces.count] }.joined()
    }()

    @Test func theWindowInALongLineIsTheOneTheWholeLineGave() {
        let files = ["a.md": "---\ntitle: A\n---\n" + Self.paragraph + "\n\nKort.\n\n", "b.md": "een\r\ntwee\r\n" + Self.paragraph]
        let count = Self.paragraph.count
        #expect(count > 1_000)
        let columns = [1, 2, 3, 40, 41, 42, 63, 64, 65, 66, 100, 101, 128, 129] + Array(stride(from: 3, to: count + 80, by: 37))
            + [count - 60, count - 59, count - 1, count, count + 1, count + 2, count + 500]
        var diagnostics: [Diagnostic] = []
        for column in columns {
            diagnostics.append(Diagnostic(path: "a.md", position: SourcePosition(line: 4, column: column), severity: .warning,
                                          code: .unresolvedWikilink, message: "Kolom \(column).", hint: column % 2 == 0 ? "Een hint." : nil))
        }
        for line in [1, 2, 3, 5, 6, 7, 8, 9] {
            diagnostics.append(Diagnostic(path: "a.md", position: SourcePosition(line: line, column: 3), code: .unresolvedWikilink, message: "Regel \(line)."))
        }
        for (line, column) in [(1, 1), (1, 5), (2, 2), (3, 12), (3, count)] {
            diagnostics.append(Diagnostic(path: "b.md", position: SourcePosition(line: line, column: column), code: .unresolvedWikilink, message: "CRLF."))
        }
        diagnostics.append(Diagnostic(path: "weg.md", position: SourcePosition(line: 1, column: 1), code: .unresolvedWikilink, message: "Geen bestand."))
        diagnostics.append(Diagnostic(path: "a.md", position: nil, code: .unresolvedWikilink, message: "Geen plek."))
        let formatter = DiagnosticFormatter(format: .text, fileSystem: InMemoryFileSystem(files))
        let formatted = formatter.format(diagnostics)
        let expected = diagnostics.map { Self.reference($0, files: files) }.joined()
        #expect(formatted == expected)
        // Each diagnostic alone too, the line indexed for it only.
        for diagnostic in diagnostics {
            #expect(formatter.text(diagnostic) == Self.reference(diagnostic, files: files), "\(diagnostic)")
        }
    }

    /// A file with Windows line endings is read line by line, each line without its CR.
    @Test func aFileWithCarriageReturnsIsReadByLine() {
        let formatter = DiagnosticFormatter(format: .text, fileSystem: InMemoryFileSystem(["c.md": "een\r\ntwee [[x]]\r\ndrie\r\n"]))
        let text = formatter.text(Diagnostic(path: "c.md", position: SourcePosition(line: 2, column: 6), code: .unresolvedWikilink, message: "M."))
        #expect(text == "c.md:2:6: error: M.\n    twee [[x]]\n         ^\n")
    }

    @Test func anIndexedLineFindsEveryOffset() {
        for text in ["", "a", String(repeating: "é", count: 63), String(repeating: "👍🏽", count: 64), String(Self.paragraph.prefix(200))] {
            let line = DiagnosticFormatter.IndexedLine(Substring(text))
            #expect(line.count == text.count)
            var index = text.startIndex
            for offset in 0...text.count {
                #expect(line.index(at: offset) == index, "offset \(offset) of \(text.count)")
                if index < text.endIndex { text.formIndex(after: &index) }
            }
        }
    }
}
