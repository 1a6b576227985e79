import Foundation
import XCTest
@testable import Kennisbank

/// The write step's file writer: replaces files, renames atomically, and says which path failed and why.
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
}
