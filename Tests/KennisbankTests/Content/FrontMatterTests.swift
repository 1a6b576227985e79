import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

final class FrontMatterTests: XCTestCase {
    private func file(_ text: String) -> SourceFile { SourceFile(path: "Content/articles/a.md", text: text) }

    func testReadsFieldsAndBodyOffset() throws {
        let fields = try FrontMatter(file: file("---\ntitle: Een titel\nseries: 5\naliases:\n  - een\n  - twee\ndraft: false\n---\n# Kop\n"))
        XCTAssertEqual(try fields.requiredString("title"), "Een titel")
        XCTAssertEqual(try fields.int("series"), 5)
        XCTAssertEqual(try fields.strings("aliases"), ["een", "twee"])
        XCTAssertEqual(try fields.bool("draft"), false)
        XCTAssertEqual(fields.body, "# Kop\n")
        XCTAssertEqual(fields.bodyLineOffset, 8)
        XCTAssertEqual(fields.position(of: "series"), SourcePosition(line: 3, column: 1))
    }

    /// The body is the rest of the text; with CR LF line ends, the lines without their carriage returns,
    /// joined with line feeds (a carriage return inside a line stays).
    func testTheBodyIsTheRestOfTheTextWithLineFeedsOnly() throws {
        XCTAssertEqual(try FrontMatter(file: file("---\ntitle: t\n---\nEen\n\nTwee\r zin\n")).body, "Een\n\nTwee\r zin\n")
        XCTAssertEqual(try FrontMatter(file: file("---\r\ntitle: t\r\n---\r\nEen\r\n\r\nTwee\r zin\r\n")).body, "Een\n\nTwee\r zin\n")
        XCTAssertEqual(try FrontMatter(file: file("---\ntitle: t\n---")).body, "")
        XCTAssertFalse(file("a\rb\nc").hasCarriageReturns)
        XCTAssertTrue(file("a\nb\r\nc").hasCarriageReturns)
    }

    func testInvalidYAMLPointsAtTheAuthorsLine() {
        XCTAssertThrowsError(try FrontMatter(file: file("---\ntitle: ok\nsummary: [niet gesloten\n---\n"))) { error in
            let diagnostic = error as! Diagnostic
            XCTAssertEqual(diagnostic.code, .frontMatter)
            XCTAssertEqual(diagnostic.path, "Content/articles/a.md")
            XCTAssertEqual(diagnostic.position?.line, 4)
            XCTAssertTrue(diagnostic.message.hasPrefix("The front matter is not valid YAML"), diagnostic.message)
        }
    }

    func testMissingTitleIsAWholeSentence() {
        let fields = try! FrontMatter(file: file("---\nsummary: x\n---\n"))
        XCTAssertThrowsError(try fields.requiredString("title")) { error in
            XCTAssertEqual(error as? Diagnostic, Diagnostic(path: "Content/articles/a.md", position: .start, code: .missingField,
                                                            message: "The front matter has no 'title'; add a line 'title: …' between the '---' lines."))
        }
    }

    func testWrongTypesAreReportedAtTheirKey() {
        let fields = try! FrontMatter(file: file("---\ntitle: t\nseries: vijf\ndate: 2025-13-01\n---\n"))
        XCTAssertThrowsError(try fields.int("series")) { XCTAssertEqual(($0 as! Diagnostic).position, SourcePosition(line: 3, column: 1)) }
        XCTAssertThrowsError(try fields.date("date")) { XCTAssertEqual(($0 as! Diagnostic).code, .invalidField) }
    }

    func testFileWithoutFrontMatterIsRejected() {
        XCTAssertThrowsError(try FrontMatter(file: file("# Geen front matter\n"))) { XCTAssertEqual(($0 as! Diagnostic).code, .frontMatter) }
        XCTAssertThrowsError(try FrontMatter(file: file("---\ntitle: open\n"))) {
            XCTAssertTrue(($0 as! Diagnostic).message.contains("not closed"))
        }
    }

    func testFileOfOnlyFrontMatterHasAnEmptyBody() throws {
        let fields = try FrontMatter(file: file("---\ntitle: t\n---"))
        XCTAssertEqual(fields.body, "")
        XCTAssertEqual(Cmark.parse(fields.body).blocks, [])
    }

    func testInvalidUTF8IsReportedWithLineAndColumn() {
        let bytes = Array("---\ntitle: x\n---\nab".utf8) + [0xC3, 0x28]
        XCTAssertThrowsError(try SourceFile.decode(path: "p.md", bytes: bytes)) { error in
            XCTAssertEqual((error as! Diagnostic).position, SourcePosition(line: 4, column: 3))
            XCTAssertEqual((error as! Diagnostic).code, .invalidUTF8)
        }
    }

    func testSlugsFoldDutchDiacritics() {
        XCTAssertEqual(Slug.make(from: "Ideeën over ’t Niet-weten!"), "ideeen-over-t-niet-weten")
        XCTAssertTrue(Slug.isValid("niet-weten"))
        XCTAssertFalse(Slug.isValid("Niet weten"))
        XCTAssertFalse(Slug.isValid("../x"))
    }

    func testSourceTextIsComposed() throws {
        // "cliënt" with a combining diaeresis is read as the composed form, so equal text is equal bytes.
        let decomposed = Array("clie\u{0308}nt".utf8)
        let file = try SourceFile.decode(path: "p.md", bytes: decomposed)
        XCTAssertEqual(Array(file.text.utf8), Array("cli\u{00EB}nt".utf8))
    }

    func testAnUnclosedListNamesWhereItBegins() {
        let file = SourceFile(path: "p.md", text: "---\ntitle: [\"Purpose\"\naliases:\n  - x\n---\nTekst.\n")
        XCTAssertThrowsError(try FrontMatter(file: file)) { error in
            let diagnostic = error as! Diagnostic
            XCTAssertEqual(diagnostic.position, SourcePosition(line: 3, column: 1), "where the parser stopped")
            XCTAssertEqual(diagnostic.hint, "while parsing a flow sequence, which begins at line 2, column 8")
        }
    }
}
