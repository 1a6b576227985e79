import XCTest
@testable import Kennisbank
@testable import KennisbankCore

/// `build` lets each markdown tree go as soon as nothing reads it again (`PageTrees`, `SiteLinker.lettingTreesGo`);
/// `generate()` keeps them all. Both must write the same site.
final class StreamedBuildTests: XCTestCase {
    /// The real Content (articles, concepts, miniatures and routes, whose steps show parts of other pages) written by
    /// `run()` is file for file what `generate()` makes.
    func testWritingAsPagesAreRenderedWritesWhatGenerateMakes() throws {
        let root = Fixtures.repository
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kb-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = Build(contentDirectory: root.appendingPathComponent("Content").path,
                          templatesDirectory: root.appendingPathComponent("Templates").path, outputDirectory: output.path)
        let generated = try build.generate()
        let written = try build.run()
        XCTAssertEqual(written.paths, generated.paths)
        XCTAssertEqual(written.diagnostics, generated.diagnostics)
        for file in generated.files {
            let bytes = try Data(contentsOf: output.appendingPathComponent(file.path))
            XCTAssertEqual(bytes, file.contents, "\(file.path) differs")
        }
    }
}
