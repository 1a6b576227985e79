import XCTest
@testable import KennisbankExport

/// `kennisbank export epub`, run as an author runs it: the file is written only when the book could be made.
final class ExportEpubCommandTests: XCTestCase {
    private func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String, errors: String) {
        try KennisbankExecutable.run(arguments, in: directory)
    }

    func testTheBookIsWrittenOnlyWhenItCanBeMade() throws {
        let folder = try temporaryFolder([
            "Content/site.yml": "title: Proef Reeks\n",
            "Content/articles/begin.md": "---\ntitle: Begin\nauthors: [A. Auteur]\n---\nTekst.\n",
            "Kapot/site.yml": "title: Kapot\n",
            "Kapot/articles/kapot.md": "---\ntitle: [niet afgesloten\n---\nTekst.\n",
        ])
        let undated = try run(["export", "epub"], in: folder)
        XCTAssertEqual(undated.status, 1)
        XCTAssertTrue(undated.errors.contains("An e-book needs the date it was last modified"), undated.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("proef-reeks.epub").path))

        let broken = try run(["export", "epub", "--content", "Kapot", "--modified", "2025-01-01", "--output", "kapot.epub"], in: folder)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.errors.contains("Kapot/articles/kapot.md"), broken.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kapot.epub").path))

        let written = try run(["export", "epub", "--modified", "2025-01-01"], in: folder)
        XCTAssertEqual(written.status, 0, written.errors)
        let book = try Data(contentsOf: folder.appendingPathComponent("proef-reeks.epub"))
        XCTAssertEqual(try ZipArchive.entries(in: book).first?.path, "mimetype")
    }

    /// With `epub: true`, `check` and the exports count the book as the site's without making it: the home page's link
    /// to it holds, and a missing modified date is the same error as `build` gives (`--modified` answers it for the export).
    func testCheckAndTheExportsCountTheBookOfEpubTrue() throws {
        let folder = try temporaryFolder([
            "Content/site.yml": "title: Proef Reeks\nepub: true\n",
            "Content/articles/begin.md": "---\ntitle: Begin\nauthors: [A. Auteur]\nignoreWarnings: [missing-date]\n---\nTekst.\n",
            "Content/leerroutes/route.md": "---\ntitle: Route\n---\n1. [[begin]]\n",
        ])
        let undated = try run(["check"], in: folder)
        XCTAssertEqual(undated.status, 1)
        XCTAssertTrue(undated.errors.contains("Content/site.yml: error: An e-book needs the date it was last modified"), undated.errors)

        let export = try run(["export", "epub", "--modified", "2025-01-01", "--strict"], in: folder)
        XCTAssertEqual(export.status, 0, export.errors)
        XCTAssertFalse(export.errors.contains("warning"), export.errors)

        try Data("title: Proef Reeks\nepub: true\nupdated: 2025-01-01\nbaseURL: https://kb.example.nl/\n".utf8)
            .write(to: folder.appendingPathComponent("Content/site.yml"))
        let checked = try run(["check", "--strict"], in: folder)
        XCTAssertEqual(checked.status, 0, checked.errors)
        let cartridge = try run(["export", "cartridge", "route", "--output", "route.imscc", "--strict"], in: folder)
        XCTAssertEqual(cartridge.status, 0, cartridge.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Content/downloads").path))
    }
}
