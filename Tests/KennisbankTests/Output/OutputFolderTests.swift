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
/// build) and refuse any other file, deleting nothing; without a manifest, only a missing or empty folder is its own.
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

    /// Every folder below the output folder, by path.
    private func folders() throws -> Set<String> {
        var result: Set<String> = []
        for case let path as String in manager.enumerator(atPath: output.path)! {
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: output.path + "/" + path, isDirectory: &isFolder), isFolder.boolValue { result.insert(path) }
        }
        return result
    }

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

    /// A static site that Kennisbank did not write is refused however much it looks like one of its sites: without a
    /// manifest nothing proves Kennisbank wrote it.
    func testAnUnrelatedStaticSiteIsRefused() throws {
        for page in ["index.html", "about/index.html", "assets/logo.png", "search/7.js", "404.html"] { try put(page, "mine\n") }
        try assertRefused(refusal("'404.html', 'about/index.html', 'assets/logo.png', 'index.html', 'search/7.js'", count: "5 files", pronoun: "them"))

        // A Kennisbank site whose manifest was deleted is no different.
        try manager.removeItem(at: output)
        _ = try build.run()
        try manager.removeItem(at: output.appendingPathComponent(SiteManifest.manifestName))
        XCTAssertThrowsError(try build.run()) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics.map(\.code), [.unknownOutputFiles])
        }
    }

    /// The command exits with status 1, names the files and keeps every one byte for byte.
    func testTheCommandRefusesAnUnrelatedStaticSiteWithStatus1() throws {
        try put("index.html", "mine\n")
        try put("about/index.html", "mine\n")
        try manager.createDirectory(at: output.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]).write(to: output.appendingPathComponent("assets/logo.png"))
        let before = try files()
        let result = try KennisbankExecutable.run(["build", "--content", "Content", "--output", "Site/"], in: folder)
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertTrue(result.errors.contains("holds 3 files that Kennisbank did not write: 'about/index.html', 'assets/logo.png', 'index.html'."), result.errors)
        XCTAssertTrue(result.errors.hasSuffix("Build failed with 1 error; Site/ was not changed.\n"), result.errors)
        XCTAssertEqual(try files(), before)
        XCTAssertEqual(try manager.contentsOfDirectory(atPath: folder.path).sorted(), ["Content", "Site"])
    }

    /// Someone made the folders, even if they hold nothing yet: without a manifest, they are named and kept.
    func testAFolderOfOnlyEmptyFoldersIsRefused() throws {
        for empty in ["about", "assets/img", "assets/css"] {
            try manager.createDirectory(at: output.appendingPathComponent(empty), withIntermediateDirectories: true)
        }
        try assertRefused(refusal("'about/', 'assets/css/', 'assets/img/'", count: "3 empty folders", pronoun: "them"))
        XCTAssertEqual(try folders(), ["about", "assets", "assets/img", "assets/css"])

        try put("notities.txt")
        try assertRefused(refusal("'about/', 'assets/css/', 'assets/img/', 'notities.txt'", count: "a file and 3 empty folders", pronoun: "them"))
    }

    /// An empty folder the manifest does not account for is the user's: the new site has it too, and the build
    /// goes on. A folder of the site's own that was emptied is not kept for its own sake.
    func testAUsersEmptyFolderInsideTheSiteIsKept() throws {
        _ = try build.run()
        for empty in ["mijn-map/leeg", "artikelen/a/bijlagen", "leeg"] {
            try manager.createDirectory(at: output.appendingPathComponent(empty), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: output.appendingPathComponent("begrippen"), withIntermediateDirectories: true)
        let written = try build.run()
        XCTAssertEqual(Set(try files().keys), Set(written.paths + [SiteManifest.manifestName]))
        let kept = try folders()
        for empty in ["mijn-map/leeg", "artikelen/a/bijlagen", "leeg"] { XCTAssertTrue(kept.contains(empty), empty) }
        XCTAssertEqual(try manager.contentsOfDirectory(atPath: folder.path).sorted(), ["Content", "Site"])

        // An emptied folder of the site (its page deleted by hand) that the new site no longer has is not kept.
        _ = try SiteWriter.write([OutputFile(path: "index.html", text: "oud"), OutputFile(path: "weg/index.html", text: "weg")], to: output)
        try manager.removeItem(at: output.appendingPathComponent("weg/index.html"))
        try SiteWriter.write([OutputFile(path: "index.html", text: "nieuw")], to: output)
        let after = try folders()
        XCTAssertFalse(after.contains("weg"), "'weg' was the site's")
        XCTAssertTrue(after.isSuperset(of: ["mijn-map/leeg", "artikelen/a/bijlagen", "leeg"]), "the user's folders stay with every site")
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
