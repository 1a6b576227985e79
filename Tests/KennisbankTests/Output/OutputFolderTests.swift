import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// A build replaces the whole output folder, so it must recognise its own files there (the manifest of the last
/// build, or the layout of a site built before the manifest) and refuse any other file, deleting nothing.
final class OutputFolderTests: XCTestCase {
    private var folder: URL!
    private var output: URL { folder.appendingPathComponent("Site") }
    private let manager = FileManager.default

    override func setUpWithError() throws {
        folder = try temporaryFolder(["Content/site.yml": "title: Proef\n", "Content/articles/a.md": "---\ntitle: A\n---\nTekst.\n"])
    }

    private var build: Build {
        repositoryTemplatesBuild(of: folder.appendingPathComponent("Content").path, into: output.path)
    }

    private func put(_ relative: String, _ text: String = "notities\n") throws {
        let url = output.appendingPathComponent(relative)
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// Every file below the output folder, by path, and what it holds.
    private func files() throws -> [String: Data] { try files(under: output) }

    private func refusal(_ named: String, count: String = "a file", pronoun: String = "it") -> Diagnostic {
        Diagnostic(path: output.path, position: nil, code: .unknownOutputFiles,
                   message: "The output folder '\(output.path)' holds \(count) that Kennisbank did not write: \(named). "
                       + "A build replaces the whole folder; move \(pronoun) elsewhere or choose another output folder.")
    }

    private func assertRefused(_ expected: Diagnostic, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try files()
        XCTAssertThrowsError(try build.run(), file: file, line: line) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics, [expected], file: file, line: line)
        }
        XCTAssertEqual(try files(), before, "the folder is as it was", file: file, line: line)
        XCTAssertEqual(try manager.contentsOfDirectory(atPath: folder.path).sorted(), ["Content", "Site"], "no staging folder is left", file: file, line: line)
    }

    func testAFolderWithAReadersFileIsRefusedAndKeptAsItWas() throws {
        try put("mijn-notities.txt")
        try assertRefused(refusal("'mijn-notities.txt'"))
    }

    func testAMissingOrEmptyFolderIsBuiltWithAManifestOfEveryFile() throws {
        var written = try build.run()
        var files = try files()
        XCTAssertEqual(files[SiteManifest.manifestName], SiteManifest.manifest(written.paths))
        XCTAssertEqual(Set(files.keys), Set(written.paths + [SiteManifest.manifestName]))

        try manager.removeItem(at: output)
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        written = try build.run()
        files = try self.files()
        XCTAssertEqual(Set(files.keys), Set(written.paths + [SiteManifest.manifestName]))
        XCTAssertTrue(String(decoding: files[SiteManifest.manifestName]!, as: UTF8.self).contains("\nartikelen/a/index.html\n"))
    }

    /// The files of the last build are replaced; any other file, also one inside the site's own folders, stops
    /// the build, and the message names a few and counts the rest.
    func testOnlyTheFilesOfTheLastBuildAreRecognised() throws {
        _ = try build.run()
        _ = try build.run()
        for name in ["artikelen/a/notities.txt", "z.txt", "y.txt", "x/index.html", "w.txt", "v.txt", "u.txt"] { try put(name) }
        try assertRefused(refusal("'artikelen/a/notities.txt', 'u.txt', 'v.txt', 'w.txt', 'x/index.html' and 2 more", count: "7 files", pronoun: "them"))
    }

    /// A folder without a manifest, with an index.html and only files of the sites Kennisbank wrote before it kept
    /// one, is replaced (once: the new site has a manifest); with any other file it is refused.
    func testAFolderInTheLayoutOfEarlierBuildsIsAcceptedOnce() throws {
        _ = try build.run()
        try manager.removeItem(at: output.appendingPathComponent(SiteManifest.manifestName))
        for old in ["search-index.json", "search/7.js", "oud/pad/index.html", "assets/oud.png", "artikelen/weg/index.html"] { try put(old) }
        let written = try build.run()
        XCTAssertEqual(Set(try files().keys), Set(written.paths + [SiteManifest.manifestName]), "the old files are gone, the manifest is there")

        try manager.removeItem(at: output.appendingPathComponent(SiteManifest.manifestName))
        try put("search/notities.js")
        try assertRefused(refusal("'search/notities.js'"))

        // Without an index.html at the top it is not a site Kennisbank wrote.
        try manager.removeItem(at: output)
        try put("artikelen/a/index.html")
        try assertRefused(refusal("'artikelen/a/index.html'"))
    }

    func testAnOutputPathThatIsAFileIsRefused() throws {
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try "tekst\n".write(to: output, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try build.run()) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics, [
                Diagnostic(path: output.path, position: nil, code: .unknownOutputFiles,
                           message: "The output folder '\(output.path)' is a file, not a folder; a build would replace it. Choose another output folder."),
            ])
        }
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "tekst\n")
    }

    /// The writer looks again just before the swap: a file put there while the site was built is not deleted either.
    func testAFileAddedWhileTheSiteIsBuiltIsNotDeleted() throws {
        try SiteWriter.write([OutputFile(path: "index.html", text: "oud")], to: output)
        let writer = try SiteWriter(directory: output)
        writer.write(OutputFile(path: "index.html", text: "nieuw"))
        try put("tussendoor.txt")
        XCTAssertThrowsError(try writer.commit()) { error in
            XCTAssertEqual(error as? Diagnostic, refusal("'tussendoor.txt'"))
        }
        XCTAssertEqual(try files(), ["index.html": Data("oud".utf8), "tussendoor.txt": Data("notities\n".utf8),
                                     SiteManifest.manifestName: SiteManifest.manifest(["index.html"])])
        XCTAssertEqual(try manager.contentsOfDirectory(atPath: folder.path).sorted(), ["Content", "Site"])
    }
}
