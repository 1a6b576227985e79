import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankIncremental
@testable import KennisbankExport

/// Dates from git: each content file's last commit is its `lastmod`, read with one `git log`, shown as "Bijgewerkt op"
/// and written into the feed, the sitemap and the e-book. Every repository here is made by the test, with fixed dates.
final class GitDatesTests: XCTestCase {
    // MARK: Values

    func testALastModifiedIsWrittenInUTCAndItsOwnDayInDutch() throws {
        // 2026-11-29T23:30:00+01:00 is 22:30 UTC, 1795991400 seconds after 1970.
        let late = try XCTUnwrap(LastModified(seconds: "1795991400", text: "2026-11-29T23:30:00+01:00"))
        XCTAssertEqual(late.utc, "2026-11-29T22:30:00Z")
        XCTAssertEqual(late.dutch, "29 november 2026")
        let early = try XCTUnwrap(LastModified(seconds: "1767312000", text: "2026-01-02T00:00:00+00:00"))
        XCTAssertEqual(early.dutch, "2 januari 2026")
        XCTAssertEqual(early.utc, "2026-01-02T00:00:00Z")
        XCTAssertEqual(LastModified(day: "2026-01-02"), LastModified(seconds: "1767312000", text: "2026-01-02T00:00:00Z"))
        XCTAssertEqual(LastModified(day: "2024-02-29")?.utc, "2024-02-29T00:00:00Z")
        XCTAssertEqual(LastModified(day: "1969-12-31")?.utc, "1969-12-31T00:00:00Z")
        XCTAssertNil(LastModified(day: "2026-13-01"))
        XCTAssertNil(LastModified(seconds: "x", text: "2026-01-02T00:00:00Z"))
        XCTAssertNil(LastModified(seconds: "1", text: "gisteren"))
        XCTAssertLessThan(early, late)
    }

    func testTheLogIsReadNewestFirstWithNamesAsTheyAreAndTheShallowEdgeUndated() throws {
        let log = "\u{1}aaa 1795991400 2026-11-29T23:30:00+01:00\0\narticles/deel één/twee en drie.md\0concepts/b.md\0"
            + "\u{1}mmm 1767312000 2026-01-02T00:00:00+00:00\0"
            + "\u{1}bbb 1767225600 2026-01-01T00:00:00+00:00\0\narticles/deel één/twee en drie.md\0concepts/c.md\0concepts/b.md\0"
        let dates = GitDates(log: Data(log.utf8), shallowCommits: ["bbb"])
        XCTAssertEqual(dates.dating(of: "articles/deel één/twee en drie.md"),
                       .dated(LastModified(seconds: "1795991400", text: "2026-11-29T23:30:00+01:00")!))
        XCTAssertEqual(dates.dating(of: "concepts/b.md"), .dated(LastModified(seconds: "1795991400", text: "2026-11-29T23:30:00+01:00")!))
        XCTAssertEqual(dates.dating(of: "concepts/c.md"), .shallow, "first seen at the edge of the shallow clone")
        XCTAssertEqual(dates.dating(of: "concepts/d.md"), .uncommitted)
        XCTAssertEqual(GitDates(failure: "git is not installed").dating(of: "concepts/b.md"), .unknown)
    }

    // MARK: A repository

    /// A repository whose content folder is `site/Content`, below its root, with two commits and a file not committed.
    private func repository() throws -> (GitRepositoryFixture, String) {
        let repository = try GitRepositoryFixture(at: try temporaryFolder([:]))
        let content = "site/Content/"
        try repository.commit([
            content + "site.yml": "title: Proef\nbaseURL: https://kb.example.nl/\nepub: true\n",
            content + "articles/een.md": "---\ntitle: Een\nauthors: [A. Auteur]\nseries: 1\ndate: 2025-06-01\n---\nTekst over [[begrip]].\n",
            content + "articles/deel één/twee.md": "---\ntitle: Twee\nauthors: [A. Auteur]\nseries: 2\n---\nEerste versie.\n",
            content + "concepts/begrip.md": "---\ntitle: Begrip\nsummary: Een begrip.\n---\nUitleg.\n",
            content + "miniatures/scene.md": "---\ntitle: Scène\nlenses: [begrip]\n---\nEen scène.\n",
            content + "leerroutes/route.md": "---\ntitle: Route\n---\n1. [[een]]\n",
        ], date: "2026-01-10T09:00:00+01:00")
        try repository.commit([content + "articles/deel één/twee.md": "---\ntitle: Twee\nauthors: [A. Auteur]\nseries: 2\n---\nTweede versie.\n"],
                              date: "2026-11-29T23:30:00+01:00")
        // Outside the content folder, later: no content file is dated by it.
        try repository.commit(["README.md": "Lees mij.\n"], date: "2026-12-05T10:00:00+01:00")
        try repository.write([content + "concepts/nieuw.md": "---\ntitle: Nieuw\n---\nNog niet vastgelegd.\n"])
        return (repository, repository.root.appendingPathComponent("site/Content").path)
    }

    private func text(_ report: BuildReport, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(report.files.first { $0.path == path }, "no \(path)").contents, as: UTF8.self)
    }

    func testEachFileIsDatedByItsLastCommit() throws {
        let (_, content) = try repository()
        let report = try inMemoryBuild(of: content).generate()
        let dates = Dictionary(uniqueKeysWithValues: (report.site.content.items + report.site.content.routes.map(\.item))
            .map { ($0.id.slug, $0.lastModified?.text) })
        XCTAssertEqual(dates, ["een": "2026-01-10T09:00:00+01:00", "twee": "2026-11-29T23:30:00+01:00", "begrip": "2026-01-10T09:00:00+01:00",
                               "scene": "2026-01-10T09:00:00+01:00", "route": "2026-01-10T09:00:00+01:00", "nieuw": nil])
        XCTAssertEqual(report.site.content.undated.lines, ["\(content)/concepts/nieuw.md: no date: the file has no commit yet (commit it to date it)."])
        XCTAssertEqual(report.diagnostics.filter { $0.code == .missingDate }, [], "an article without 'date' is dated by git")

        let line = "<p class=\"meta updated\">Bijgewerkt op <time datetime=\"2026-11-29T23:30:00+01:00\">29 november 2026</time></p>"
        XCTAssertTrue(try text(report, "artikelen/twee/index.html").contains(line))
        for page in ["begrippen/begrip/index.html", "miniaturen/scene/index.html", "leerroutes/route/index.html", "artikelen/een/index.html"] {
            XCTAssertTrue(try text(report, page).contains("Bijgewerkt op <time datetime=\"2026-01-10T09:00:00+01:00\">10 januari 2026</time>"), page)
        }
        XCTAssertFalse(try text(report, "begrippen/nieuw/index.html").contains("Bijgewerkt"), "a file not committed has no date")

        let feed = try text(report, "feed.xml")
        XCTAssertTrue(feed.contains("  <updated>2026-11-29T22:30:00Z</updated>\n  <entry>"), "the feed is as new as its newest entry")
        XCTAssertTrue(feed.contains("<id>https://kb.example.nl/artikelen/twee/</id>\n    <updated>2026-11-29T22:30:00Z</updated>"),
                      "an article without 'date' is in the feed, without <published>")
        XCTAssertTrue(feed.contains("<id>https://kb.example.nl/artikelen/een/</id>\n    <published>2025-06-01T00:00:00Z</published>\n    <updated>2026-01-10T08:00:00Z</updated>"))
        XCTAssertLessThan(try XCTUnwrap(feed.range(of: "artikelen/twee/")).lowerBound, try XCTUnwrap(feed.range(of: "artikelen/een/")).lowerBound,
                          "newest first")

        let sitemap = try text(report, "sitemap.xml")
        XCTAssertTrue(sitemap.contains("<url><loc>https://kb.example.nl/artikelen/twee/</loc><lastmod>2026-11-29T22:30:00Z</lastmod></url>"))
        XCTAssertTrue(sitemap.contains("<url><loc>https://kb.example.nl/leerroutes/route/</loc><lastmod>2026-01-10T08:00:00Z</lastmod></url>"))
        XCTAssertTrue(sitemap.contains("<url><loc>https://kb.example.nl/begrippen/nieuw/</loc></url>"))
        XCTAssertTrue(sitemap.contains("<url><loc>https://kb.example.nl/</loc></url>"), "a page of no one file has no lastmod")
    }

    func testAnEditNotCommittedKeepsTheDateOfTheLastCommit() throws {
        let (repository, content) = try repository()
        try repository.write(["site/Content/articles/een.md": "---\ntitle: Een\nauthors: [A. Auteur]\nseries: 1\n---\nBewerkt.\n"])
        let report = try inMemoryBuild(of: content).generate()
        XCTAssertEqual(report.site.content.articles.first { $0.item.id.slug == "een" }?.item.lastModified?.text, "2026-01-10T09:00:00+01:00")
    }

    func testGitDatesFalseLeavesEveryPageUndated() throws {
        let (repository, content) = try repository()
        try repository.write(["site/Content/site.yml": "title: Proef\nbaseURL: https://kb.example.nl/\ngitDates: false\n"])
        let report = try inMemoryBuild(of: content).generate()
        XCTAssertTrue(report.site.content.items.allSatisfy { $0.lastModified == nil })
        XCTAssertEqual(report.site.content.undated.lines, [])
        XCTAssertEqual(report.diagnostics.filter { $0.code == .missingDate }.map(\.path), ["\(content)/articles/deel één/twee.md"])
        XCTAssertFalse(try text(report, "artikelen/twee/index.html").contains("Bijgewerkt"))
        XCTAssertFalse(try text(report, "sitemap.xml").contains("lastmod"))
    }

    func testAShallowCloneLeavesTheFilesOfItsOldestCommitUndated() throws {
        let origin = try GitRepositoryFixture(at: try temporaryFolder([:]))
        try origin.commit(["Content/site.yml": "title: Proef\n", "Content/concepts/a.md": "---\ntitle: A\n---\nEen.\n",
                           "Content/concepts/b.md": "---\ntitle: B\n---\nEen.\n"], date: "2026-01-01T10:00:00+00:00")
        try origin.commit(["Content/concepts/b.md": "---\ntitle: B\n---\nTwee.\n"], date: "2026-02-01T10:00:00+00:00")
        try origin.commit(["Content/concepts/a.md": "---\ntitle: A\n---\nDrie.\n"], date: "2026-03-01T10:00:00+00:00")
        let folder = try temporaryFolder([:])
        try origin.git(["clone", "-q", "--depth", "2", "file://" + origin.root.path, folder.appendingPathComponent("kloon").path], in: folder)
        let content = folder.appendingPathComponent("kloon/Content").path
        let report = try inMemoryBuild(of: content).generate()
        let dates = Dictionary(uniqueKeysWithValues: report.site.content.concepts.map { ($0.item.id.slug, $0.item.lastModified?.text) })
        XCTAssertEqual(dates, ["a": "2026-03-01T10:00:00+00:00", "b": nil], "b's newest visible commit is the clone's edge")
        XCTAssertEqual(report.site.content.undated.lines,
                       ["\(content)/concepts/b.md: no date: the clone is shallow and may lack its last commit ('git fetch --unshallow' dates it)."])
    }

    func testAFolderOutsideGitIsUndatedAndRunsNoGit() throws {
        let content = try temporaryContentFolder(["concepts/a.md": "---\ntitle: A\n---\nEen.\n"])
        XCTAssertNil(GitRepository.containing(content), "the temporary folder is in no repository")
        let report = try inMemoryBuild(of: content).generate()
        XCTAssertNil(report.site.content.concepts[0].item.lastModified)
        XCTAssertEqual(report.site.content.undated.lines, [])
    }

    // MARK: serve

    func testARememberingLoaderRunsGitOnlyWhenHeadMoves() throws {
        let (repository, content) = try repository()
        var loader = ContentLoader(directory: content)
        loader.memo = Memo(remembers: true)
        _ = try loader.load()
        XCTAssertEqual(loader.memo.endRound()[ContentLoader.gitDates.name], 1)
        try repository.write(["site/Content/concepts/begrip.md": "---\ntitle: Begrip\nsummary: Een begrip.\n---\nAnders.\n"])
        _ = try loader.load()
        XCTAssertEqual(loader.memo.endRound()[ContentLoader.gitDates.name], 0, "an edit does not run git again")
        try repository.commit(["site/Content/concepts/begrip.md": "---\ntitle: Begrip\nsummary: Een begrip.\n---\nAnders.\n"],
                              date: "2026-12-06T08:00:00+01:00")
        let content2 = try loader.load()
        XCTAssertEqual(loader.memo.endRound()[ContentLoader.gitDates.name], 1, "a commit moves HEAD")
        XCTAssertEqual(content2.concepts.first { $0.item.id.slug == "begrip" }?.item.lastModified?.text, "2026-12-06T08:00:00+01:00")
    }

    func testIncrementalBuildsEqualCleanBuildsAcrossACommit() throws {
        let (repository, content) = try repository()
        let templates = Fixtures.repository.appendingPathComponent("Templates").path
        let output = try temporaryFolder([:])
        let incremental = IncrementalBuild(build: Build(contentDirectory: content, templatesDirectory: templates,
                                                        outputDirectory: output.appendingPathComponent("Site").path))
        func assertEqualsCleanBuild(_ message: String) throws {
            _ = try incremental.run()
            let clean = output.appendingPathComponent("Schoon-\(UUID().uuidString)")
            _ = try Build(contentDirectory: content, templatesDirectory: templates, outputDirectory: clean.path).run()
            let (site, expected) = (try files(under: output.appendingPathComponent("Site")), try files(under: clean))
            XCTAssertEqual(site.keys.sorted(), expected.keys.sorted(), message)
            for (path, data) in expected where site[path] != data { XCTFail("\(message): \(path) differs from a clean build") }
        }
        try assertEqualsCleanBuild("first build")
        try repository.write(["site/Content/concepts/begrip.md": "---\ntitle: Begrip\nsummary: Een begrip.\n---\nAnders.\n"])
        try assertEqualsCleanBuild("an edit not committed")
        try repository.commit(["site/Content/concepts/begrip.md": "---\ntitle: Begrip\nsummary: Een begrip.\n---\nAnders.\n",
                               "site/Content/concepts/nieuw.md": "---\ntitle: Nieuw\n---\nNog niet vastgelegd.\n"],
                              date: "2026-12-06T08:00:00+01:00")
        try assertEqualsCleanBuild("after a commit")
        XCTAssertTrue(String(decoding: try Data(contentsOf: output.appendingPathComponent("Site/begrippen/nieuw/index.html")), as: UTF8.self)
            .contains("Bijgewerkt op <time datetime=\"2026-12-06T08:00:00+01:00\">6 december 2026</time>"))
    }

    // MARK: The e-book and the commands

    func testTheEbookIsModifiedAtTheNewestCommitUnlessTheCommandSaysOtherwise() throws {
        let (_, content) = try repository()
        let opf = { (modified: String?) throws -> String in
            let data = try EpubExport(build: self.inMemoryBuild(of: content), modified: modified).run().data
            let entry = try XCTUnwrap(try ZipArchive.entries(in: data).first { $0.path == "EPUB/package.opf" })
            return String(decoding: entry.data, as: UTF8.self)
        }
        XCTAssertTrue(try opf(nil).contains("<meta property=\"dcterms:modified\">2026-11-29T22:30:00Z</meta>"))
        XCTAssertTrue(try opf("2025-01-01").contains("<meta property=\"dcterms:modified\">2025-01-01T00:00:00Z</meta>"), "--modified overrides")
    }

    func testExportAndCheckOfContentInGit() throws {
        let (repository, content) = try repository()
        let export = try KennisbankExecutable.run(["export", "epub", "--content", content, "--output", "boek.epub"], in: repository.root)
        XCTAssertEqual(export.status, 0, export.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.root.appendingPathComponent("boek.epub").path))
        let check = try KennisbankExecutable.run(["check", "--content", content], in: repository.root)
        XCTAssertTrue(check.errors.contains("\(content)/concepts/nieuw.md: no date: the file has no commit yet"), check.errors)
    }
}
