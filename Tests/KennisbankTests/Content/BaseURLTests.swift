import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankExport

/// site.yml's `baseURL` and `export cartridge --base-url`: one rule, an absolute http or https address with a host;
/// anything else is one error where it was given, and nothing is built with it.
final class BaseURLTests: XCTestCase {
    func testAbsoluteHTTPAddressesWithAHostAreAcceptedAndEndInASlash() {
        for (given, expected) in [("https://kb.example.nl", "https://kb.example.nl/"), ("http://localhost:8000/kb", "http://localhost:8000/kb/"),
                                  ("HTTPS://Example.org/a%20b/", "HTTPS://Example.org/a%20b/"), ("https://[::1]:8080/", "https://[::1]:8080/"),
                                  ("https://kennisbank.example/reeks-één/", "https://kennisbank.example/reeks-één/")] {
            XCTAssertEqual(try BaseURL.normalized(given).get(), expected, given)
        }
    }

    func testEverythingElseIsRefusedWithItsReason() {
        let cases: [(String, BaseURL.Problem)] = [
            ("javascript:alert(1)//", .scheme), ("/kennisbank/", .scheme), ("ftp://x.nl/", .scheme), ("//x.nl/", .scheme),
            ("not a url <script>", .character(" ")), ("https://x.nl/<script>", .character("<")), ("https://x.nl/\"", .character("\"")),
            ("https://x.nl/a\u{7}", .character("\u{7}")), ("https://x.nl/?a=1", .query), ("https://x.nl/#top", .fragment),
            ("https://user@x.nl/", .userinfo), ("https://", .host("")), ("https:///kb/", .host("")), ("https://x.nl:99999/", .host("x.nl:99999")),
            ("https://x.nl:/", .host("x.nl:")), ("https://-x.nl/", .host("-x.nl")), ("https://x.nl/%zz/", .percent), ("https://x.nl/100%", .percent),
        ]
        for (given, problem) in cases {
            XCTAssertEqual(BaseURL.problem(with: given), problem, given)
        }
    }

    func testABadBaseURLInSiteYmlIsOneErrorAtItsValue() {
        let file = SourceFile(path: "C/site.yml", text: "title: KB\nbaseURL: \"javascript:alert(1)//\"\n")
        XCTAssertThrowsError(try SiteConfig.parse(file)) { error in
            XCTAssertEqual(error as? Diagnostic, Diagnostic(
                path: "C/site.yml", position: SourcePosition(line: 2, column: 11), code: .invalidField,
                message: "The field 'baseURL' must be an absolute http or https address with a host, such as https://kennisbank.example.nl/, "
                    + "but 'javascript:alert(1)//' is not: it does not start with http:// or https://.",
                hint: "write the address the site is published at, such as 'baseURL: https://kennisbank.example.nl/'"))
        }
    }

    /// Without the check, "not a url <script>" built with dozens of broken-link warnings and a javascript: address
    /// reached the canonical link, og:url, JSON-LD, the sitemap and concepts.json.
    func testTheBuildStopsOnABadBaseURLWithThatOneError() throws {
        for bad in ["not a url <script>", "javascript:alert(1)//"] {
            let files = InMemoryFileSystem([
                "C/site.yml": "title: KB\nbaseURL: \(bad)\n",
                "C/articles/een.md": "---\ntitle: Een\nauthors: [A]\ndate: 2024-01-01\n---\nTekst.\n",
            ])
            XCTAssertThrowsError(try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: files).generate()) { error in
                let diagnostics = (error as? BuildFailure)?.diagnostics ?? []
                XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
                XCTAssertEqual(diagnostics.first?.path, "C/site.yml")
                XCTAssertEqual(diagnostics.first?.position, SourcePosition(line: 2, column: 10))
                XCTAssertEqual(diagnostics.first?.code, .invalidField)
            }
        }
    }

    /// A bad `--base-url` is the option's error, found before anything is built, not site.yml's.
    func testABadBaseURLOptionIsNamedAsTheOption() throws {
        let files = InMemoryFileSystem(["C/site.yml": "title: KB\nbaseURL: https://kb.example.nl/\n"])
        let build = Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: files)
        XCTAssertThrowsError(try CartridgeExport(build: build, baseURL: "kb.example.nl").run(route: "x")) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics, [Diagnostic(
                path: "--base-url", position: nil, code: .configuration,
                message: "The option --base-url must be an absolute http or https address with a host, such as https://kennisbank.example.nl/, "
                    + "but 'kb.example.nl' is not: it does not start with http:// or https://.",
                hint: "give the address the site is published at, such as --base-url https://kennisbank.example.nl/")])
        }
        XCTAssertEqual(try CartridgeExport.givenBaseURL("https://elders.example.nl"), "https://elders.example.nl/")
        XCTAssertNil(try CartridgeExport.givenBaseURL(nil))
    }
}
