import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankContent

/// `ignoreWarnings` in front matter: a file acknowledges the warnings of the codes it lists, and no others.
final class IgnoredWarningsTests: XCTestCase {
    private func content(_ files: [String: String]) throws -> String { try temporaryContentFolder(files) }

    private func build(_ folder: String, strict: Bool = false) -> Build { inMemoryBuild(of: folder, strict: strict) }

    /// Path (below the content folder), line and code: enough to tell the diagnostics of these tests apart.
    private func places(_ diagnostics: [Diagnostic], in folder: String) -> [String] {
        diagnostics.map { "\($0.path.dropFirst(folder.count + 1)):\($0.position?.line ?? 0):\($0.code.rawValue)" }
    }

    func testAFileAcknowledgesTheWarningsOfTheCodesItListsAndNoOthers() throws {
        let folder = try content([
            "articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\nignoreWarnings: [unresolved-wikilink, incomplete-reference]\ndate: 2024-01-01\n---\n"
                + "Zie [[nergens]] en (Onbekend, 1999).\n\n## Literatuur\n\n- Bion. (1967).\n",
            "articles/b.md": "---\ntitle: B\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nZie [[nergens]].\n",
        ])
        let report = try build(folder).generate()
        XCTAssertEqual(places(report.diagnostics, in: folder), ["articles/a.md:7:unresolved-citation", "articles/b.md:6:unresolved-wikilink"])
        XCTAssertEqual(places(report.acknowledged, in: folder), ["articles/a.md:11:incomplete-reference", "articles/a.md:7:unresolved-wikilink"])
        XCTAssertEqual(report.acknowledged.last, Diagnostic(path: folder + "/articles/a.md", position: SourcePosition(line: 7, column: 5), severity: .warning,
                                                           code: .unresolvedWikilink, message: "The link '[[nergens]]' names no article, concept or miniature."))
    }

    func testAcknowledgedWarningsDoNotFailAStrictBuild() throws {
        let folder = try content([
            "articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\nignoreWarnings:\n  - unresolved-wikilink\ndate: 2024-01-01\n---\nZie [[nergens]].\n",
        ])
        let report = try build(folder, strict: true).generate()
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertEqual(places(report.acknowledged, in: folder), ["articles/a.md:8:unresolved-wikilink"])
        XCTAssertEqual(IgnoredWarnings.summary(of: report.acknowledged), "1 warning in 1 file acknowledged by ignoreWarnings")
    }

    func testErrorsAreNeverAcknowledged() throws {
        let folder = try content([
            "articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\nignoreWarnings: [invalid-field, unresolved-wikilink]\naliases: [\"../buiten\"]\ndate: 2024-01-01\n---\nZie [[nergens]].\n",
        ])
        XCTAssertThrowsError(try build(folder).generate()) { error in
            let failure = error as! BuildFailure
            XCTAssertEqual(places(failure.diagnostics, in: folder), ["articles/a.md:5:invalid-field"])
            XCTAssertEqual(failure.diagnostics.map(\.severity), [.error])
            XCTAssertEqual(places(failure.acknowledged, in: folder), ["articles/a.md:8:unresolved-wikilink"])
        }
    }

    func testAnErrorInAnotherFileLeavesTheAcknowledgementsInForce() throws {
        let folder = try content([
            "articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\nignoreWarnings: [missing-date, unknown-field]\ntitel: A\n---\nTekst.\n",
            "articles/leeg.md": "",
            "concepts/c.md": "---\ntitle: C\n---\n",
        ])
        XCTAssertThrowsError(try build(folder).generate()) { error in
            let failure = error as! BuildFailure
            XCTAssertEqual(places(failure.diagnostics, in: folder), ["articles/leeg.md:1:front-matter"])
            XCTAssertEqual(places(failure.acknowledged, in: folder), ["articles/a.md:5:unknown-field", "articles/a.md:1:missing-date"])
        }
    }

    func testANameThatIsNoCodeIsAWarningAtTheField() throws {
        let folder = try content([
            "concepts/c.md": "---\ntitle: C\nignoreWarnings: [incomplete-refrence]\n---\nUitleg.\n",
        ])
        let report = try build(folder).generate()
        XCTAssertEqual(report.diagnostics.count, 1)
        XCTAssertEqual(report.diagnostics.first?.position, SourcePosition(line: 3, column: 1))
        XCTAssertEqual(report.diagnostics.first?.code, .invalidField)
        XCTAssertEqual(report.diagnostics.first?.message, "The field 'ignoreWarnings' lists 'incomplete-refrence', which is no diagnostic code; it silences nothing.")
    }

    func testTheFormatterListsAcknowledgedWarningsApart() throws {
        let reported = Diagnostic(path: "a.md", position: nil, severity: .warning, code: .unresolvedCitation, message: "Gemeld.")
        let ignored = Diagnostic(path: "b.md", position: nil, severity: .warning, code: .incompleteReference, message: "Erkend.")
        XCTAssertEqual(DiagnosticFormatter(format: .text).format([reported], acknowledged: [ignored]),
                       "a.md: warning: Gemeld.\nAcknowledged by ignoreWarnings:\nb.md: warning: Erkend.\n")
        let json = try JSONSerialization.jsonObject(with: Data(DiagnosticFormatter(format: .json).format([reported], acknowledged: [ignored]).utf8))
        XCTAssertEqual((json as? [[String: Any]])?.map { $0["ignored"] as? Bool }, [nil, true])
    }
}
