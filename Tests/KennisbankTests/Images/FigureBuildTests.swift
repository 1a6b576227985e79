import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankExport
@testable import KennisbankImages

/// An article with a PNG and an SVG figure, built as a site on disk, as a portable site and as an EPUB; and the
/// problems `check` reports at their lines.
final class FigureBuildTests: XCTestCase {
    /// A PNG of `width` × `height` pixels (a gradient, so that it compresses as a real image does not).
    private func png(width: Int, height: Int) throws -> Data {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height { for x in 0..<width { pixels[(y * width + x) * 3] = UInt8(x % 256); pixels[(y * width + x) * 3 + 1] = UInt8(y % 256) } }
        return try Vips.encode(pixels: pixels, width: width, height: height, bands: 3, suffix: ".png")
    }

    private let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">
        <rect width="300" height="200" fill="#ddd"/><text x="20" y="100">schema</text></svg>
        """

    private let article = """
        ---
        title: Met figuren
        authors: [A. Auteur]
        date: 2026-01-01
        ---
        Een eerste alinea.

        ## Het model

        Een tweede alinea.

        ![Het model met twee assen](../images/model.png)

        *Figuur 1. Het model van de professionele ruimte.*

        Een derde alinea, over het schema.

        ![Het schema](../images/schema.svg)

        *Figuur 2. Het schema.*

        """

    /// A content folder with the article, a page that links to its first figure, and the two images.
    private func content() throws -> URL {
        let folder = try temporaryFolder([
            "Content/site.yml": "title: Proef\nbaseURL: https://example.org/\n",
            "Content/articles/met-figuren.md": article,
            "Content/articles/verwijzing.md": "---\ntitle: Verwijzing\nauthors: [A. Auteur]\ndate: 2026-01-02\n---\nZie [[met-figuren#figuur-1]].\n",
            "Content/images/schema.svg": svg,
            "Content/leerroutes/kijken.md": "---\ntitle: Kijken\n---\n1. [[met-figuren#figuur-1]] Bekijk het model.\n",
        ])
        try png(width: 1600, height: 800).write(to: folder.appendingPathComponent("Content/images/model.png"))
        return folder
    }

    func testAFigureIsWrittenWithItsSizeCaptionAnchorAndSmallerCopies() throws {
        let folder = try content()
        let output = folder.appendingPathComponent("Site")
        _ = try repositoryTemplatesBuild(of: folder.appendingPathComponent("Content").path, into: output.path).run()
        let page = try String(contentsOf: output.appendingPathComponent("artikelen/met-figuren/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<figure id=\"figuur-1\" class=\"figure\">"), page)
        XCTAssertTrue(page.contains("<img src=\"../../afbeeldingen/model.png\" alt=\"Het model met twee assen\" width=\"1600\" height=\"800\" srcset=\"../../afbeeldingen/model.480w.png 480w, ../../afbeeldingen/model.720w.png 720w, ../../afbeeldingen/model.960w.png 960w, ../../afbeeldingen/model.1440w.png 1440w, ../../afbeeldingen/model.png 1600w\""), page)
        XCTAssertTrue(page.contains("<figcaption>\n<p id=\"figuur-1-het-model-van\">\nFiguur 1. Het model van de professionele ruimte."), page)
        XCTAssertTrue(page.contains("<figure id=\"figuur-2\" class=\"figure\">\n<img src=\"../../afbeeldingen/schema.svg\" alt=\"Het schema\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\" />"), page)
        // The smaller copies are real images of their width, the originals copied byte for byte.
        for width in [480, 720, 960, 1440] {
            let data = try Data(contentsOf: output.appendingPathComponent("afbeeldingen/model.\(width)w.png"))
            XCTAssertEqual(ImageInfo(data: data), ImageInfo(format: .png, width: width, height: width / 2))
        }
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("afbeeldingen/schema.svg")), Data(svg.utf8))
        // A wikilink to the figure leads to its anchor.
        let other = try String(contentsOf: output.appendingPathComponent("artikelen/verwijzing/index.html"), encoding: .utf8)
        XCTAssertTrue(other.contains("href=\"../met-figuren/#figuur-1\""), other)
        // A route's step shows the figure it names, its image found from the route's page; the handout prints the
        // step's source as its title and absolute address.
        let route = try String(contentsOf: output.appendingPathComponent("leerroutes/kijken/index.html"), encoding: .utf8)
        XCTAssertTrue(route.contains("<figure class=\"figure\">\n<img src=\"../../afbeeldingen/model.png\""), route)
        XCTAssertTrue(route.contains("<span class=\"print-only route-source-address\">Met figuren › figuur-1 — https://example.org/artikelen/met-figuren/#figuur-1</span>"), route)
        // The copies were kept in the cache beside the site: a second build reads them back.
        let cache = folder.appendingPathComponent(".kennisbank-cache/afbeeldingen")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".png") }.count, 4)
    }

    func testThePortableSiteShowsTheFigures() throws {
        let folder = try content()
        let output = folder.appendingPathComponent("Portable")
        var build = repositoryTemplatesBuild(of: folder.appendingPathComponent("Content").path, into: output.path)
        build.portable = true
        _ = try build.run()
        let page = try String(contentsOf: output.appendingPathComponent("artikelen/met-figuren/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("src=\"../../afbeeldingen/model.png\""), page)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("afbeeldingen/model.960w.png").path))
    }

    func testTheEbookHoldsTheFiguresAndPassesEpubcheck() throws {
        let folder = try content()
        let result = try EpubExport(build: inMemoryBuild(of: folder.appendingPathComponent("Content").path), modified: "2026-01-02").run()
        let entries = try ZipArchive.entries(in: result.data)
        let names = entries.map(\.path)
        XCTAssertTrue(names.contains("EPUB/afbeeldingen/model.png"), "\(names)")
        XCTAssertTrue(names.contains("EPUB/afbeeldingen/schema.svg"), "\(names)")
        XCTAssertFalse(names.contains { $0.contains(".480w.") }, "the book holds the images, not their copies")
        let opf = String(decoding: try XCTUnwrap(entries.first { $0.path.hasSuffix(".opf") }).data, as: UTF8.self)
        XCTAssertTrue(opf.contains("href=\"afbeeldingen/model.png\" media-type=\"image/png\""), opf)
        XCTAssertTrue(opf.contains("<meta property=\"schema:accessMode\">visual</meta>"), opf)
        try assertPassesEpubcheck(result.data)
    }

    /// An image inside a sentence (an icon, a small schema in a list) is found as a figure is: shown from
    /// `afbeeldingen/` at its size on every page kind and in the book, and its problems reported at its paragraph.
    func testAnImageInsideASentenceIsFoundAsAFigureIs() throws {
        let folder = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2026-01-01\n---\nTekst met ![een schema](../images/schema.svg \"Schema\") erin.\n\n"
                + "- een lijst met *![het schema](/images/schema.svg)* en [![](../images/schema.svg)](https://example.org/)\n",
            "Content/concepts/box.md": "---\ntitle: Box\n---\nHet model ![het model](../images/model.png) in een zin.\n",
            "Content/images/schema.svg": svg,
        ])
        try png(width: 1600, height: 800).write(to: folder.appendingPathComponent("Content/images/model.png"))
        let output = folder.appendingPathComponent("Site")
        _ = try repositoryTemplatesBuild(of: folder.appendingPathComponent("Content").path, into: output.path).run()
        let article = try String(contentsOf: output.appendingPathComponent("artikelen/a/index.html"), encoding: .utf8)
        XCTAssertTrue(article.contains(#"Tekst met <img src="../../afbeeldingen/schema.svg" alt="een schema" title="Schema" width="300" height="200" loading="lazy" decoding="async" /> erin."#), article)
        XCTAssertTrue(article.contains(#"<em><img src="../../afbeeldingen/schema.svg" alt="het schema" width="300" height="200""#), "inside emphasis, from the content folder")
        XCTAssertTrue(article.contains(#"<a href="https://example.org/"><img src="../../afbeeldingen/schema.svg" alt="" width="300""#), "inside a link")
        let concept = try String(contentsOf: output.appendingPathComponent("begrippen/box/index.html"), encoding: .utf8)
        XCTAssertTrue(concept.contains(#"Het model <img src="../../afbeeldingen/model.png" alt="het model" width="1600" height="800""#), concept)
        let result = try EpubExport(build: inMemoryBuild(of: folder.appendingPathComponent("Content").path), modified: "2026-01-02").run()
        let names = try ZipArchive.entries(in: result.data).map(\.path)
        XCTAssertTrue(names.contains("EPUB/afbeeldingen/schema.svg") && names.contains("EPUB/afbeeldingen/model.png"), "\(names)")
        try assertPassesEpubcheck(result.data)

        let broken = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2026-01-01\n---\nTekst.\n\nMet ![](../images/schema.svg) en\n![weg](../images/schemma.svg) erin.\n",
            "Content/images/schema.svg": svg,
        ])
        XCTAssertThrowsError(try inMemoryBuild(of: broken.appendingPathComponent("Content").path).generate()) { error in
            let problems = (error as! BuildFailure).diagnostics
            XCTAssertEqual(problems.map { "\($0.position.map { "\($0.line):\($0.column)" } ?? "-"):\($0.code.rawValue)" }.sorted(),
                           ["8:1:missing-alt", "8:1:missing-image"], problems.map(\.message).joined(separator: "\n"))
            XCTAssertEqual(problems.first { $0.code == .missingImage }?.hint, "did you mean 'schema.svg'?")
        }
    }

    /// An embed's `![[…]]` is no image: a file of embeds is not walked for images (which would copy its document).
    func testOnlyAnImagesBracketMakesAFileLookForImages() {
        XCTAssertTrue(FigureFiles.mayHoldImage("Tekst ![een schema](x.svg)."))
        XCTAssertTrue(FigureFiles.mayHoldImage("![](x.svg)"))
        XCTAssertFalse(FigureFiles.mayHoldImage("Tekst.\n\n![[het-moment]]\n"))
        XCTAssertFalse(FigureFiles.mayHoldImage("Geen beeld! [link](x)"))
    }

    func testCheckReportsEveryProblemOfTheFiguresAtItsLine() throws {
        let folder = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2026-01-01\n---\nTekst.\n\n![](../images/model.png)\n\n![Weg](../images/modle.png)\n\n![]()\n\n*Figuur 3. Nog te maken.*\n",
            "Content/images/los.svg": svg,
            "Content/images/kwaad.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n  <rect onclick=\"alert(1)\"/>\n</svg>\n",
        ])
        try png(width: 40, height: 20).write(to: folder.appendingPathComponent("Content/images/model.png"))
        let content = folder.appendingPathComponent("Content").path
        XCTAssertThrowsError(try inMemoryBuild(of: content).generate()) { error in
            let problems = (error as! BuildFailure).diagnostics
            let places = problems.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.position.map { "\($0.line):\($0.column)" } ?? "-"):\($0.code.rawValue)" }
            XCTAssertEqual(Set(places), [
                "a.md:8:1:missing-alt", "a.md:10:1:missing-image", "a.md:12:1:unavailable-figure",
                "kwaad.svg:2:9:unsafe-image", "kwaad.svg:-:unused-image", "los.svg:-:unused-image",
            ], problems.map(\.message).joined(separator: "\n"))
            XCTAssertEqual(problems.first { $0.code == .missingImage }?.hint, "did you mean 'model.png'?")
        }
    }
}
