import XCTest

/// libvips is loaded when the first raster figure is scaled, not linked: a site without one never maps it.
final class LazyLibvipsTests: XCTestCase {
    /// The executable names no libvips (nor GLib, which only libvips brings) among the libraries it needs.
    func testTheExecutableDoesNotLinkLibvips() throws {
        #if os(Linux)
        let (status, output) = try runProgram(["ldd", KennisbankExecutable.url.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("libcmark"), "ldd lists the executable's libraries:\n\(output)")
        XCTAssertFalse(output.contains("libvips"), output)
        XCTAssertFalse(output.contains("libglib"), output)
        #else
        throw XCTSkip("ldd is Linux's")
        #endif
    }
}
