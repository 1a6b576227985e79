import XCTest
@testable import Kennisbank
@testable import KennisbankExport
@testable import KennisbankLinking

/// The e-book's miniatures follow the series, as a reader of the articles meets them, not the alphabet.
final class EpubOrderTests: XCTestCase {
    func testTheMiniaturesFollowTheSeries() throws {
        let folder = try temporaryContentFolder([
            "articles/een.md": "---\ntitle: Een\nauthors: [A. Auteur]\nseries: 1\ndate: 2024-01-01\n---\nTekst.\n\n![[zwijgen]]\n\n![[aanvang]]\n",
            "miniatures/aanvang.md": "---\ntitle: Aanvang\narticle: een\n---\nEen begin.\n",
            "miniatures/zwijgen.md": "---\ntitle: Zwijgen\narticle: een\n---\nEen coach zwijgt.\n",
            "miniatures/los.md": "---\ntitle: Apart\n---\nNergens ingebed.\n",
        ])
        let result = try EpubExport(build: inMemoryBuild(of: folder), modified: "2024-01-02").run()
        let entries = try ZipArchive.entries(in: result.data)
        let xhtml = String(decoding: try XCTUnwrap(entries.first { $0.path.hasSuffix(EpubLinks.miniaturesFile) }).data, as: UTF8.self)
        let titles = xhtml.components(separatedBy: "<h2>").dropFirst().map { $0.components(separatedBy: "</h2>")[0] }
        XCTAssertEqual(titles, ["Zwijgen", "Aanvang", "Apart"])
    }
}
