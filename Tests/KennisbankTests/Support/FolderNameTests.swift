import XCTest
@testable import KennisbankCore

/// A folder is shown with one `/` at the end however it was typed, so that no message says `Content//`.
final class FolderNameTests: XCTestCase {
    func testAFolderIsShownWithOneSlash() {
        XCTAssertEqual(FolderName.shown("Site"), "Site/")
        XCTAssertEqual(FolderName.shown("Content/"), "Content/")
        XCTAssertEqual(FolderName.shown("/tmp/w//"), "/tmp/w/")
        XCTAssertEqual(FolderName.shown("/"), "/")
    }
}
