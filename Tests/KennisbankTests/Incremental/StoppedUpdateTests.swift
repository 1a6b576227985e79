import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// An update in place (`serve`) keeps a journal while it writes; one stopped part way leaves the journal, and the
/// next build, or the first build of `serve`, writes the whole site again and says so.
final class StoppedUpdateTests: XCTestCase {
    private var folder: URL!
    private var output: URL { folder.appendingPathComponent("Site") }
    private var journal: String { output.path + "/" + SiteManifest.journalName }
    private let manager = FileManager.default

    override func setUpWithError() throws {
        folder = try temporaryFolder(["Content/site.yml": "title: Proef\n", "Content/articles/a.md": "---\ntitle: A\n---\nTekst.\n",
                                  "Content/articles/b.md": "---\ntitle: B\n---\nTekst.\n"])
    }

    private var build: Build {
        repositoryTemplatesBuild(of: folder.appendingPathComponent("Content").path, into: output.path)
    }

    private var note: String {
        "The output folder '\(output.path)' was left part old, part new by an update that was stopped part way; it was written whole again."
    }

    /// Every file below the output folder, by path, and what it holds.
    private func files() throws -> [String: Data] { try files(under: output) }

    /// The files a clean build of the content writes, with the manifest.
    private func cleanSite() throws -> [String: Data] {
        let report = try build.generate()
        var site = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.contents) })
        site[SiteManifest.manifestName] = SiteManifest.manifest(report.files.map(\.path))
        return site
    }

    /// Stops an update in place part way, as a killed process would: one page and one new file are written, then a
    /// write fails (a file stands where its folder must be, and is taken away again), and a temporary file of a write
    /// is left behind.
    private func stopAnUpdate() throws {
        try "in de weg\n".write(to: output.appendingPathComponent("blokkade"), atomically: false, encoding: .utf8)
        let updater = SiteUpdater(directory: output)
        XCTAssertThrowsError(try updater.apply(writing: [OutputFile(path: "artikelen/a/index.html", text: "half"),
                                                         OutputFile(path: "artikelen/nieuw/index.html", text: "nieuw"),
                                                         OutputFile(path: "blokkade/index.html", text: "x")],
                                               removing: ["artikelen/b/index.html"], manifest: nil))
        try manager.removeItem(at: output.appendingPathComponent("blokkade"))
        try "half".write(to: output.appendingPathComponent("artikelen/a/.index.html.tmp-99-1"), atomically: false, encoding: .utf8)
        XCTAssertTrue(manager.fileExists(atPath: journal), "the journal stays when the update stops")
        XCTAssertEqual(try OutputFolder.inspect(output).holdsStoppedUpdate, true)
    }

    func testAnUpdateKeepsItsJournalOnlyWhileItRuns() throws {
        try SiteWriter.write([OutputFile(path: "index.html", text: "oud"), OutputFile(path: "weg/index.html", text: "weg")], to: output)
        try SiteUpdater(directory: output).apply(writing: [OutputFile(path: "index.html", text: "nieuw"), OutputFile(path: "erbij.html", text: "erbij")],
                                                 removing: ["weg/index.html"], manifest: ["erbij.html", "index.html"])
        XCTAssertEqual(try files(), ["index.html": Data("nieuw".utf8), "erbij.html": Data("erbij".utf8),
                                     SiteManifest.manifestName: SiteManifest.manifest(["erbij.html", "index.html"])])
        XCTAssertEqual(try OutputFolder.inspect(output).holdsStoppedUpdate, false)
    }

    /// An update in place deletes only what Kennisbank wrote: a folder someone put where a file of the site was, and
    /// an empty folder of theirs in a folder the update empties, stay.
    func testAnUpdateKeepsAFolderPutWhereItsFileWas() throws {
        try SiteWriter.write([OutputFile(path: "index.html", text: "oud"), OutputFile(path: "notities", text: "weg"),
                              OutputFile(path: "weg/index.html", text: "weg")], to: output)
        try manager.removeItem(at: output.appendingPathComponent("notities"))
        try "mijn\n".write(to: output.appendingPathComponent("notities/mijn.txt").creatingFolder(), atomically: false, encoding: .utf8)
        try manager.createDirectory(at: output.appendingPathComponent("weg/mijn-map"), withIntermediateDirectories: true)
        try SiteUpdater(directory: output).apply(writing: [], removing: ["notities", "weg/index.html"], manifest: ["index.html"])
        XCTAssertEqual(try files(), ["index.html": Data("oud".utf8), "notities/mijn.txt": Data("mijn\n".utf8),
                                     SiteManifest.manifestName: SiteManifest.manifest(["index.html"])])
        XCTAssertTrue(manager.fileExists(atPath: output.appendingPathComponent("weg/mijn-map").path))
    }

    /// The journal names the files the stopped update wrote, so that they are recognised as Kennisbank's.
    func testTheJournalNamesWhatTheUpdateWasAboutToChange() throws {
        _ = try build.run()
        try stopAnUpdate()
        let named = SiteManifest.paths(inJournal: try Data(contentsOf: URL(fileURLWithPath: journal)))
        XCTAssertEqual(named, ["artikelen/a/index.html", "artikelen/nieuw/index.html", "blokkade/index.html", "artikelen/b/index.html"])
    }

    func testTheNextBuildWritesAStoppedUpdateWholeAndSaysSo() throws {
        _ = try build.run()
        try stopAnUpdate()
        let written = try build.run()
        XCTAssertEqual(written.notes, [note])
        XCTAssertEqual(try files(), try cleanSite())
        XCTAssertEqual(try build.run().notes, [], "said once")
    }

    func testTheFirstBuildOfServeWritesAStoppedUpdateWholeAndSaysSo() throws {
        _ = try IncrementalBuild(build: build).run()
        try stopAnUpdate()
        let incremental = IncrementalBuild(build: build)
        XCTAssertEqual(try incremental.run().notes, [note])
        XCTAssertEqual(try files(), try cleanSite())
        XCTAssertEqual(try incremental.run().notes, [])
    }

    /// In a running `serve`, a failed update makes the next build write the whole site, through the same check.
    func testAnUpdateThatFailsIsRepairedByTheNextRun() throws {
        let incremental = IncrementalBuild(build: build)
        _ = try incremental.run()
        let page = folder.appendingPathComponent("Content/articles/c.md")
        try "---\ntitle: C\n---\nTekst.\n".write(to: page, atomically: true, encoding: .utf8)
        // A file where the new page's folder must go: the update fails part way.
        try "in de weg\n".write(to: output.appendingPathComponent("artikelen/c"), atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try incremental.run())
        XCTAssertTrue(manager.fileExists(atPath: journal))
        try manager.removeItem(at: output.appendingPathComponent("artikelen/c"))
        XCTAssertEqual(try incremental.run().notes, [note])
        XCTAssertEqual(try files(), try cleanSite())
    }
}

private extension URL {
    /// This file's URL, once its folder is made.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
