import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The write step: the file writer replaces files, renames atomically, and says which path failed and why;
/// the site writer swaps a whole staging folder in, or leaves the old site when a write failed.
final class FileWritingTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-writing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testWritesAndReplacesWithShorterContents() throws {
        let path = folder.appendingPathComponent("page.html").path
        try FileWriting.write(Data("a longer first version".utf8), to: path)
        try FileWriting.write(Data("short".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "short")
        try FileWriting.write(Data(), to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data())
    }

    func testAtomicWritesLeaveNoTemporaryFiles() throws {
        let path = folder.appendingPathComponent("index.html").path
        try FileWriting.write(Data("old".utf8), to: path)
        try FileWriting.write(Data("new".utf8), to: path, atomically: true)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["index.html"])
    }

    /// A write stopped before its rename leaves a temporary file; the output folder check knows it by its name.
    func testATemporaryFileNamesTheFileItWasWrittenFor() {
        let temporary = FileWriting.temporaryPath(beside: "artikelen/a/index.html")
        XCTAssertTrue(temporary.hasPrefix("artikelen/a/.index.html.tmp-"), temporary)
        XCTAssertEqual(FileWriting.target(ofTemporary: String(temporary.dropFirst("artikelen/a/".count))), "index.html")
        for name in ["index.html", ".index.html", ".tmp-1-2", ".index.html.tmp-1", ".index.html.tmp-1-x", ".a.tmp-1-2-3"] {
            XCTAssertNil(FileWriting.target(ofTemporary: name), name)
        }
    }

    func testAFailureNamesThePathAndTheReason() throws {
        let path = folder.appendingPathComponent("missing/index.html").path
        for atomically in [false, true] {
            XCTAssertThrowsError(try FileWriting.write(Data("x".utf8), to: path, atomically: atomically)) { error in
                XCTAssertEqual(error as? FileWriting.Failure, FileWriting.Failure(path: path, reason: "No such file or directory"))
                XCTAssertEqual(error.localizedDescription, "\(path): No such file or directory")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testASiteWriterSwapsTheWholeSiteInAndLeavesNoStagingFolder() throws {
        let site = folder.appendingPathComponent("Site")
        try SiteWriter.write([OutputFile(path: "index.html", text: "old"), OutputFile(path: "a/b/index.html", text: "deep")], to: site)
        let writer = try SiteWriter(directory: site)
        let files = (0..<200).map { OutputFile(path: "p\($0 % 7)/\($0)/index.html", text: "page \($0)") }
        _ = files.parallelMap { writer.write($0) }
        try writer.commit()
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("p3/10/index.html"), encoding: .utf8), "page 10")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Site"])
    }

    func testAFailedWriteIsReportedAtCommitAndTheOldSiteStays() throws {
        let site = folder.appendingPathComponent("Site")
        try SiteWriter.write([OutputFile(path: "index.html", text: "old")], to: site)
        let writer = try SiteWriter(directory: site)
        writer.write(OutputFile(path: "a", text: "a file where a folder is needed"))
        writer.write(OutputFile(path: "a/index.html", text: "new"))
        XCTAssertThrowsError(try writer.commit()) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.code, .io)
            XCTAssertTrue(diagnostic?.message.hasPrefix("The site could not be written: ") == true, "\(error)")
            XCTAssertTrue(diagnostic?.message.hasSuffix("The previous site is unchanged.") == true, "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Site"])
    }

    func testStagingFoldersOfStoppedBuildsAreRemovedAndThoseOfRunningOnesKept() throws {
        let site = folder.appendingPathComponent("Site")
        let stopped = folder.appendingPathComponent(".Site.building-2147483000")   // no such process
        let running = folder.appendingPathComponent(".Site.old-1")                 // init is always running
        for leftover in [stopped, running] { try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true) }
        let writer = try SiteWriter(directory: site)
        writer.discard()
        XCTAssertFalse(FileManager.default.fileExists(atPath: stopped.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: running.path))
    }
}
