import XCTest
@testable import KennisbankExport

/// The ZIP seam: entries in the order given, compressed or stored, the same bytes from the same entries.
final class ZipArchiveTests: XCTestCase {
    func testEntriesReadBackInTheirOrderStoredOrCompressed() throws {
        let entries = [
            ZipEntry(path: "mimetype", data: Data("application/epub+zip".utf8), compressed: false),
            ZipEntry(path: "b/tekst.txt", data: Data(String(repeating: "Kennisbank ", count: 500).utf8)),
            ZipEntry(path: "a.txt", data: Data()),
        ]
        let data = try ZipArchive.data(of: entries)
        XCTAssertEqual(try ZipArchive.entries(in: data), entries)
        XCTAssertLessThan(data.count, 1_000, "the repeated text is deflated")
        XCTAssertEqual(data.range(of: Data("mimetypeapplication/epub+zip".utf8))?.lowerBound, 30,
                       "the stored first entry's bytes follow its 30-byte local header and name, as an EPUB needs")
    }

    func testTheSameEntriesGiveTheSameBytes() throws {
        let entries = [ZipEntry(path: "x.xml", data: Data("<x/>".utf8))]
        let first = try ZipArchive.data(of: entries)
        Thread.sleep(forTimeInterval: 2.1) // past the two-second step of a ZIP time, which would show a clock's date
        XCTAssertEqual(first, try ZipArchive.data(of: entries))
    }

    func testBytesThatAreNoArchiveAreAnError() {
        XCTAssertThrowsError(try ZipArchive.entries(in: Data("geen zip".utf8))) { error in
            guard case ZipArchiveError.unreadable = error else { return XCTFail("\(error)") }
        }
    }
}
