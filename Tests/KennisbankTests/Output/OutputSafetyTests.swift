import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// Article aliases (old URL paths) become redirects: each must stay inside the site and take a path no page
/// and no other alias has.
final class OutputSafetyTests: XCTestCase {
    private func check(_ aliases: String) throws -> [Diagnostic] {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\nlanguage: nl\n",
            "C/articles/a.md": "---\ntitle: A\naliases: \(aliases)\n---\nTekst.\n",
            "C/articles/b.md": "---\ntitle: B\naliases: [/oud/b/]\n---\nTekst.\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\n---\nUitleg.\n",
        ])
        return OutputSafety.check(try ContentLoader(directory: "C", fileSystem: files).load())
    }

    func testAliasesThatAreFreePathsInsideTheSiteAreAccepted() throws {
        XCTAssertEqual(try check("[/oud/a/, /artikelen/eerste-naam/]"), [])
    }

    func testEachAliasThatWouldReplaceAPageOrARedirectOrLeaveTheSiteIsReported() throws {
        let problems = try check("[/begrippen/niet-weten/, /zoeken/, /oud/b/, ../buiten/]")
        let at = { (column: Int) in SourcePosition(line: 3, column: column) }
        XCTAssertEqual(problems, [
            Diagnostic(path: "C/articles/a.md", position: at(11), code: .invalidField,
                       message: "The alias '/begrippen/niet-weten/' is the path of the page of 'C/concepts/niet-weten.md' (/begrippen/niet-weten/); its redirect would replace that page. Remove the alias or choose another old path."),
            Diagnostic(path: "C/articles/a.md", position: at(35), code: .invalidField,
                       message: "The alias '/zoeken/' is the path of a page of the site (/zoeken/); its redirect would replace that page. Remove the alias or choose another old path."),
            Diagnostic(path: "C/articles/a.md", position: at(54), code: .invalidField,
                       message: "The alias '../buiten/' is not a path of the site a redirect can be written at: it has the segment '..'. Write an old path such as /artikelen/oude-naam/."),
            // Articles are checked in order: a took /oud/b/ first.
            Diagnostic(path: "C/articles/b.md", position: at(11), code: .invalidField,
                       message: "The alias '/oud/b/' gives the redirect path /oud/b/, which the alias '/oud/b/' of 'C/articles/a.md' already has; an old path can redirect to one place only."),
        ])
    }

    /// A concept named as the card deck (`kaarten`) would be written over it, and an alias over a concept's card.
    func testAConceptAtTheCardDecksPathAndAnAliasAtACardAreReported() throws {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\n",
            "C/articles/a.md": "---\ntitle: A\naliases: [/begrippen/niet-weten/kaart/]\n---\nTekst.\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\n---\nUitleg.\n",
            "C/concepts/kaarten.md": "---\ntitle: Kaarten\n---\nUitleg.\n",
        ])
        let problems = OutputSafety.check(try ContentLoader(directory: "C", fileSystem: files).load())
        XCTAssertEqual(problems, [
            Diagnostic(path: "C/concepts/kaarten.md", position: nil, code: .invalidSlug,
                       message: "The concept 'kaarten' would be written at /begrippen/kaarten/, where the site has a page of its own; rename the file."),
            Diagnostic(path: "C/articles/a.md", position: SourcePosition(line: 3, column: 11), code: .invalidField,
                       message: "The alias '/begrippen/niet-weten/kaart/' is the path of the page of 'C/concepts/niet-weten.md' (/begrippen/niet-weten/kaart/); its redirect would replace that page. Remove the alias or choose another old path."),
        ])
    }

    /// A redirect is a folder with an index.html, so no alias may lead through a file the site writes: a data file,
    /// a search shard or an asset (the manifest and the journal, hidden files, are refused by the first check).
    func testAnAliasMayNotLeadThroughAFileTheSiteWrites() throws {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\n",
            "C/articles/a.md": "---\ntitle: A\naliases: [/feed.xml, search/0.js, /assets/style.css/oud/, /search/, /oud/]\n---\nTekst.\n",
        ])
        let content = try ContentLoader(directory: "C", fileSystem: files).load()
        XCTAssertEqual(OutputSafety.check(content), [])
        let site = ["index.html", "feed.xml", "search/0.js", "search/1.js", "assets/style.css", "artikelen/a/index.html"]
        let problem = { (column: Int, alias: String, redirect: String, file: String) in
            Diagnostic(path: "C/articles/a.md", position: SourcePosition(line: 3, column: column), code: .invalidField,
                       message: "The alias '\(alias)' would put its redirect at /\(redirect)index.html, but /\(file) is a file the site writes. Remove the alias or choose another old path.")
        }
        XCTAssertEqual(OutputSafety.check(content, files: site), [
            problem(11, "/feed.xml", "feed.xml/", "feed.xml"),
            problem(22, "search/0.js", "search/0.js/", "search/0.js"),
            problem(35, "/assets/style.css/oud/", "assets/style.css/oud/", "assets/style.css"),
        ])
    }
}

/// Aliases that can never work, or must not be written, are refused in `check` and `build` with their reason, at
/// the alias's value; before this check they were written as folders named `?x=1`, `%2e%2e` or `.git`, or failed
/// the build with "The file name is invalid" and no place.
final class AliasPathTests: XCTestCase {
    func testEachAliasThatCanNeverWorkIsRefusedWithItsReasonAtItsValue() throws {
        let long = String(repeating: "a", count: 300)
        let front = """
            ---
            title: A
            aliases:
              - /oud/?x=1
              - /oud/#x
              - /%2e%2e/buiten/
              - /.git/
              - "/oud/\\0/"
              - /oud/\(long)/
              - "/oud\\\\pad/"
              - /oud/./pad/
              - /artikelen//a/
              - /oud/a.b/
              - /oud/naam.html
            ---
            Tekst.

            """
        let files = InMemoryFileSystem(["C/site.yml": "title: KB\n", "C/articles/a.md": front])
        let problems = OutputSafety.check(try ContentLoader(directory: "C", fileSystem: files).load())
        let reasons = [
            (4, "/oud/?x=1", "it holds '?', which starts a query"),
            (5, "/oud/#x", "it holds '#', which starts a fragment"),
            (6, "/%2e%2e/buiten/", "it holds '%', which starts an escape a browser decodes"),
            (7, "/.git/", "its segment '.git' starts with '.', which makes a hidden folder"),
            (8, "/oud/\\u{0}/", "it holds a control character (U+0)"),
            (9, "/oud/" + String(repeating: "a", count: 72) + "...", "a segment of it is 300 bytes long, over the 255 a file name may have"),
            (10, "/oud\\pad/", "it holds '\\', which is no path separator on the web"),
            (11, "/oud/./pad/", "it has the segment '.'"),
            (12, "/artikelen//a/", "it has an empty segment ('//'), which the file system and a server read as one '/'"),
        ]
        XCTAssertEqual(problems, reasons.map { line, shown, reason in
            // A quoted alias is pointed at past its quote.
            Diagnostic(path: "C/articles/a.md", position: SourcePosition(line: line, column: [8, 10].contains(line) ? 6 : 5), code: .invalidField,
                       message: "The alias '\(shown)' is not a path of the site a redirect can be written at: \(reason). Write an old path such as /artikelen/oude-naam/.")
        })
    }

    /// `check` and `build` stop on such an alias with the error, so nothing is written.
    func testTheBuildStopsOnAnAliasThatCanNeverWork() throws {
        let files = InMemoryFileSystem(["C/site.yml": "title: KB\n",
                                        "C/articles/a.md": "---\ntitle: A\nauthors: [B]\ndate: 2024-01-01\naliases: [/oud/?x=1]\n---\nTekst.\n"])
        XCTAssertThrowsError(try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: files).generate()) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics.map(\.description),
                           ["C/articles/a.md:5:11: error: The alias '/oud/?x=1' is not a path of the site a redirect can be written at: it holds '?', which starts a query. Write an old path such as /artikelen/oude-naam/."])
        }
    }

    func testValidAliasesKeepTheirRedirectFolders() {
        for alias in ["/oud/a/", "oud/b", "/oud/c.html", "/oud/d/index.html", "/oude naam/", "/reeks-één/"] {
            XCTAssertNil(URLPath.problem(withAlias: alias), alias)
        }
        XCTAssertEqual(URLPath.directory("/oud/c.html"), "oud/c/")
    }
}

/// The portable build: folder links written to their `index.html`, everything else as it was.
final class PortableLinksTests: XCTestCase {
    func testFolderLinksNameTheirIndexFile() {
        XCTAssertEqual(PortableLinks.fileLink("../begrippen/niet-weten/"), "../begrippen/niet-weten/index.html")
        XCTAssertEqual(PortableLinks.fileLink("../../artikelen/a/#leiderschap-wordt"), "../../artikelen/a/index.html#leiderschap-wordt")
        XCTAssertEqual(PortableLinks.fileLink("zoeken/?q=x"), "zoeken/index.html?q=x")
        XCTAssertEqual(PortableLinks.fileLink("./"), "./index.html")
        XCTAssertEqual(PortableLinks.fileLink(".."), "../index.html")
        for unchanged in ["#kop", "assets/style.css", "feed.xml", "https://example.org/kb/", "mailto:a@b.nl", "/kb/begrippen/", ""] {
            XCTAssertEqual(PortableLinks.fileLink(unchanged), unchanged)
        }
        XCTAssertEqual(PortableLinks.rewrite(#"<a href="../x/">x</a> <link rel="canonical" href="https://e.org/x/"><form action="../zoeken/">"#),
                       #"<a href="../x/index.html">x</a> <link rel="canonical" href="https://e.org/x/"><form action="../zoeken/index.html">"#)
        XCTAssertEqual(PortableLinks.rewrite(#"<meta http-equiv="refresh" content="0; url=../nieuw/">"#),
                       #"<meta http-equiv="refresh" content="0; url=../nieuw/index.html">"#)
    }

    /// A portable build of the real content: every relative link of every page names a file the build wrote, and the
    /// canonical URLs and the sitemap stay clean.
    func testAPortableBuildLinksEveryPageToAFile() throws {
        let repository = Fixtures.repository
        var build = Build(contentDirectory: repository.appendingPathComponent("Content").path,
                          templatesDirectory: repository.appendingPathComponent("Templates").path, outputDirectory: "")
        build.portable = true
        let report = try build.generate()
        let paths = Set(report.files.map(\.path))
        for file in report.files where file.path.hasSuffix(".html") && file.path != "404.html" {
            let html = String(decoding: file.contents, as: UTF8.self)
            XCTAssertTrue(html.contains("<html lang=\"nl\" data-portable>"), file.path)
            for link in LinkChecker.attributeValues("href", in: html) where !link.isEmpty && !link.contains(":") && !link.hasPrefix("#") {
                let path = String(link.prefix { $0 != "#" && $0 != "?" })
                XCTAssertFalse(path.hasSuffix("/"), "\(file.path): \(link)")
                let folder = URL(fileURLWithPath: "/" + file.path).deletingLastPathComponent()
                let target = String(URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path.dropFirst())
                XCTAssertTrue(paths.contains(target), "\(file.path): \(link) → \(target)")
            }
        }
        let clean = try Build(contentDirectory: repository.appendingPathComponent("Content").path,
                              templatesDirectory: repository.appendingPathComponent("Templates").path, outputDirectory: "").generate()
        let home = String(decoding: clean.files.first { $0.path == "index.html" }!.contents, as: UTF8.self)
        XCTAssertTrue(home.contains("href=\"begrippen/\""), "the default build keeps clean URLs")
    }
}
