import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// Reading content files by their stamps: a file is read again when its stamp changed, or when it changed
/// too recently for its stamp to be trusted.
final class StampedFilesTests: XCTestCase {
    private func stamp(modified: Int64, size: Int64 = 3) -> FileStamp {
        FileStamp(device: 1, inode: 7, size: size, modified: modified, changed: modified)
    }

    func testASettledFileIsReadOnceUntilItsStampChanges() throws {
        let files = StampedFiles()
        var reads = 0
        let read = { () throws(Diagnostic) -> Data in reads += 1; return Data("v\(reads)".utf8) }
        let old = stamp(modified: 1_000_000_000)
        XCTAssertEqual(try files.bytes(at: "a.md", stamp: old, read: read), Data("v1".utf8))
        XCTAssertEqual(try files.bytes(at: "a.md", stamp: old, read: read), Data("v1".utf8), "same stamp: the bytes read before")
        XCTAssertEqual(reads, 1)
        XCTAssertEqual(try files.bytes(at: "a.md", stamp: stamp(modified: 2_000_000_000), read: read), Data("v2".utf8))
        XCTAssertEqual(try files.bytes(at: "a.md", stamp: stamp(modified: 2_000_000_000, size: 4), read: read), Data("v3".utf8))
        XCTAssertEqual(try files.bytes(at: "b.md", stamp: old, read: read), Data("v4".utf8), "stamps are per path")
    }

    func testAFileChangedWithinTheLastSecondIsReadEveryTime() throws {
        let files = StampedFiles()
        var reads = 0
        let read = { () throws(Diagnostic) -> Data in reads += 1; return Data() }
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        for _ in 0..<3 { _ = try files.bytes(at: "a.md", stamp: stamp(modified: now), read: read) }
        for _ in 0..<2 { _ = try files.bytes(at: "b.md", stamp: nil, read: read) }
        XCTAssertEqual(reads, 5)
    }

    func testTheDiskStampChangesWithTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-stamp-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("een".utf8).write(to: url)
        let disk = DiskFileSystem()
        let past = Date(timeIntervalSince1970: 1_600_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path)
        let first = try XCTUnwrap(disk.stamp(atPath: url.path))
        XCTAssertEqual(first.modified, 1_600_000_000 * 1_000_000_000)
        XCTAssertEqual(first.size, 3)
        XCTAssertEqual(disk.stamp(atPath: url.path), first)
        // Same size, same modification time set back: the change time still moves.
        try Data("twe".utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path)
        let second = try XCTUnwrap(disk.stamp(atPath: url.path))
        XCTAssertEqual(second.modified, first.modified)
        XCTAssertGreaterThan(second.changed, Int64(Date().timeIntervalSince1970 - 60) * 1_000_000_000, "the change time is now")
        XCTAssertNil(disk.stamp(atPath: url.path + ".missing"))
    }
}
