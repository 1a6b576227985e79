import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankRendering
@testable import KennisbankServer

/// What `serve`'s builders tell the terminal about the output folder, on success and on failure.
final class SiteBuildingTests: XCTestCase {
    /// A site that a stopped build had set aside is put back before `serve`'s first build; when that build fails,
    /// the terminal is still told (the failure carries the note, as a successful build's summary does).
    func testAFailedFirstBuildStillSaysTheSiteWasPutBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-building-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try "title: Proef\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: [Kapot\n---\nTekst.\n".write(to: content.appendingPathComponent("articles/a.md"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("Site")
        try SiteWriter.write([OutputFile(path: "index.html", text: "oud")], to: folder.appendingPathComponent(".Site.old-2147483000"))
        let builder = IncrementalSiteBuilder(build: Build(contentDirectory: content.path, templatesDirectory: folder.appendingPathComponent("T").path,
                                                          outputDirectory: output.path))
        guard case .failure(let failure) = builder.build(changedPaths: []) else {
            return XCTFail("the build should fail on the broken front matter")
        }
        let (diagnostics, notes) = (failure.diagnostics, failure.notes)
        XCTAssertEqual(diagnostics.map(\.code), [.frontMatter])
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(notes.first?.contains("was put back from '.Site.old-2147483000'") == true, "\(notes)")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "oud")
    }
}
