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

    func testWrongTypesAreReportedAtTheirValue() {
        let fields = try! FrontMatter(file: file("---\ntitle: t\nseries: vijf\ndate: 2025-13-01\n---\n"))
        XCTAssertThrowsError(try fields.int("series")) { XCTAssertEqual(($0 as! Diagnostic).position, SourcePosition(line: 3, column: 9)) }
        XCTAssertThrowsError(try fields.date("date")) { XCTAssertEqual(($0 as! Diagnostic).code, .invalidField) }
    }

    /// A number or true/false where text belongs is an error at the value, with the advice to quote it; quoted, it is text.
    func testNumbersAndTruthsAreNoText() throws {
        let fields = try FrontMatter(file: file("---\ntitle: 5\nauthors: 5\ntags: [a, 7]\nsummary: true\nseries: -3\n"
                                                + "subtitle: \"5\"\naliases: [\"7\", nee]\ngroup: No\n---\n"))
        let position = { (read: () throws -> Any?) -> String in
            do { _ = try read(); return "ok" } catch { return (error as! Diagnostic).position!.description }
        }
        XCTAssertEqual(position { try fields.requiredString("title") }, "2:8")
        XCTAssertEqual(position { try fields.strings("authors") }, "3:10")
        XCTAssertEqual(position { try fields.strings("tags") }, "4:11")
        XCTAssertEqual(position { try fields.string("summary") }, "5:10")
        XCTAssertEqual(position { try fields.int("series", minimum: 1) }, "6:9")
        XCTAssertEqual(try fields.int("series"), -3)
        XCTAssertEqual(try fields.string("subtitle"), "5")
        XCTAssertEqual(try fields.strings("aliases"), ["7", "nee"])
        XCTAssertEqual(try fields.string("group"), "No")
        XCTAssertThrowsError(try fields.strings("tags")) { error in
            XCTAssertEqual(error as? Diagnostic, Diagnostic(path: "Content/articles/a.md", position: SourcePosition(line: 4, column: 11), code: .invalidField,
                                                            message: "The field 'tags' must be a list of texts.",
                                                            hint: "YAML reads 7 as a number or as true/false; write it in quotes, \"7\", if it is text"))
        }
        XCTAssertThrowsError(try fields.int("series", minimum: 1)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "The field 'series' must be a whole number of 1 or more, such as 3.")
        }
    }

    /// `new` writes the title in double quotes, escaped, so that quotes, colons and hashes read back as written.
    func testAScaffoldsTitleReadsBackAsWritten() throws {
        for title in ["Zeg \"nee\": #1 van 3", "a\\b: c # d", "'enkel'", "- lijst", "tab\tin"] {
            for kind in ContentKind.allCases {
                let fields = try FrontMatter(file: file(Scaffold(kind: kind, title: title).text))
                XCTAssertEqual(try fields.requiredString("title"), title, "\(kind)")
            }
        }
    }

    /// A slug made for a file name is cut at a hyphen to at most 80 bytes, and a title with no letter or digit makes none.
    func testScaffoldSlugsAreCappedAndNeverMadeUp() {
        XCTAssertEqual(Slug.capped("kort"), "kort")
        XCTAssertEqual(Slug.capped("een-twee-drie", maximum: 8), "een-twee")
        XCTAssertEqual(Slug.capped("een-twee-drie", maximum: 10), "een-twee")
        XCTAssertEqual(Slug.capped("eenlangwoord-twee", maximum: 5), "eenla")
        let long = Scaffold(kind: .concept, title: String(repeating: "Ideeën over ", count: 20)).slug
        XCTAssertLessThanOrEqual(long.utf8.count, 80)
        XCTAssertTrue(long.hasSuffix("-over") || long.hasSuffix("-ideeen"), long)
        for title in ["", "😀", "/", "..."] { XCTAssertEqual(Scaffold(kind: .concept, title: title).slug, "", title) }
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
