import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import KennisbankCore
@testable import KennisbankExport

/// `kennisbank export cartridge`, run as the programme designer runs it, on a small content folder with routes
/// and on the repository's own draft routes.
final class ExportCartridgeCommandTests: XCTestCase {
    /// The manifest's namespace in Common Cartridge 1.1, the version written unless `--version` says otherwise.
    private let manifestNS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"

    private func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String, errors: String) {
        try KennisbankExecutable.run(arguments, in: directory)
    }

    /// A content folder with a concept, an article with a heading, a route through both and a draft route.
    private func contentFolder(baseURL: String? = "https://kb.example.nl/") throws -> URL {
        try temporaryFolder([
            "Content/site.yml": "title: Proef\n" + (baseURL.map { "baseURL: \($0)\n" } ?? ""),
            "Content/concepts/niet-weten.md": "---\ntitle: Niet-weten\nsummary: Open blijven.\n---\nUitleg.\n",
            "Content/articles/leiden.md": "---\ntitle: Leiden\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nEerste alinea.\n\n## Vier miniaturen\n\nTekst.\n",
            "Content/leerroutes/eerste-route.md": """
                ---
                title: Eerste route
                summary: Twee stappen.
                ---
                Een inleiding die [[niet-weten]] noemt.

                1. [[niet-weten]] — Lees de definitie & noem een plek. (15 min)
                2. [[leiden#Vier miniaturen]] — Bespreek wat je herkent, met [[niet-weten]] in gedachten. (15-20 min)

                """,
            "Content/leerroutes/ontwerp.md": "---\ntitle: Ontwerp\ndraft: true\n---\n1. [[niet-weten]] — Lees. (5 min)\n",
            "Content/leerroutes/leeg.md": "---\ntitle: Leeg\n---\nNog zonder stappen.\n",
        ])
    }

    private func manifest(of file: URL) throws -> (XMLElement, [String: Data]) {
        let entries = try ZipArchive.entries(in: Data(contentsOf: file))
        let files = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.data) })
        return (try CartridgeXML(XCTUnwrap(files["imsmanifest.xml"])).root, files)
    }

    /// The titles of the module item's items, in order.
    private func stepTitles(_ manifest: XMLElement) -> [String] {
        let organization = CartridgeXML.children(of: manifest, named: "organizations", in: manifestNS)
            .flatMap { CartridgeXML.children(of: $0, named: "organization", in: manifestNS) }
        let module = organization.flatMap { CartridgeXML.children(of: $0, named: "item", in: manifestNS) }
            .flatMap { CartridgeXML.children(of: $0, named: "item", in: manifestNS) }
        XCTAssertEqual(module.count, 1, "one module in the root item")
        return module.flatMap { CartridgeXML.children(of: $0, named: "item", in: manifestNS) }
            .compactMap { CartridgeXML.children(of: $0, named: "title", in: manifestNS).first?.stringValue }
    }

    func testExportWritesTheRouteAsOneModuleWithAbsoluteLinksTheSameBytesInTwoProcesses() throws {
        let root = try contentFolder()
        let first = try run(["export", "cartridge", "eerste-route", "--output", "een.imscc"], in: root)
        XCTAssertEqual(first.status, 0, first.errors)
        XCTAssertTrue(first.errors.contains("Wrote een.imscc: 'Eerste route', 2 step(s)"), first.errors)
        let second = try run(["export", "cartridge", "eerste-route", "--output", "twee.imscc"], in: root)
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("een.imscc")), try Data(contentsOf: root.appendingPathComponent("twee.imscc")),
                       "the same route gives the same bytes, in two processes")

        let (manifest, files) = try manifest(of: root.appendingPathComponent("een.imscc"))
        XCTAssertEqual(stepTitles(manifest), [
            "Over deze leerroute", "Stap 1: Niet-weten", "Stap 1: opdracht (15 min)",
            "Stap 2: Leiden › Vier miniaturen", "Stap 2: opdracht (15–20 min)",
        ])
        let links = files.filter { $0.key.hasSuffix("weblink.xml") }.sorted { $0.key < $1.key }.map { String(decoding: $0.value, as: UTF8.self) }
        XCTAssertEqual(links.count, 2)
        // Each link carries the route and its step, before the anchor, as the route's page links them.
        XCTAssertTrue(links[0].contains(#"<url href="https://kb.example.nl/begrippen/niet-weten/?leerroute=eerste-route&amp;stap=1""#), links[0])
        XCTAssertTrue(links[1].contains(#"<url href="https://kb.example.nl/artikelen/leiden/?leerroute=eerste-route&amp;stap=2#vier-miniaturen""#), links[1])
        XCTAssertTrue(links[0].contains("imsccv1p1/imswl_v1p1"), "1.1 unless asked: the version Moodle imports")
        let secondPage = String(decoding: try XCTUnwrap(files["webcontent/eerste-route/stap-02.html"]), as: UTF8.self)
        XCTAssertTrue(secondPage.contains("Bespreek wat je herkent, met <a "), secondPage)
        XCTAssertTrue(secondPage.contains(#"href="https://kb.example.nl/begrippen/niet-weten/""#), "a wikilink in an instruction leads to the published page")
        XCTAssertFalse(secondPage.contains("(15-20 min)"), "the duration is under the heading, not in the instruction")
        let firstPage = String(decoding: try XCTUnwrap(files["webcontent/eerste-route/stap-01.html"]), as: UTF8.self)
        XCTAssertTrue(firstPage.contains("Lees de definitie &amp; noem een plek."), firstPage)
        for (path, data) in files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            XCTAssertNoThrow(try CartridgeXML(data), "\(path) is well-formed")
        }
    }

    func testVersionChoosesTheSpecificationsNamesAndAnUnknownOneIsRefused() throws {
        let root = try contentFolder()
        let newer = try run(["export", "cartridge", "eerste-route", "--version", "1.3", "--output", "x.imscc"], in: root)
        XCTAssertEqual(newer.status, 0, newer.errors)
        let (manifest, files) = try manifest(of: root.appendingPathComponent("x.imscc"))
        XCTAssertEqual(manifest.localName, "manifest")
        let text = String(decoding: try XCTUnwrap(files["imsmanifest.xml"]), as: UTF8.self)
        XCTAssertTrue(text.contains(#"xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1""#) && text.contains("<schemaversion>1.3.0</schemaversion>"), text)
        let unknown = try run(["export", "cartridge", "eerste-route", "--version", "1.2", "--output", "y.imscc"], in: root)
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.errors.contains("--version is 1.1 or 1.3, not '1.2'."), unknown.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("y.imscc").path))
    }

    func testWithoutBaseURLNothingIsWrittenAndSiteYmlIsNamed() throws {
        let root = try contentFolder(baseURL: nil)
        let result = try run(["export", "cartridge", "eerste-route", "--output", "x.imscc"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("Content/site.yml: error: A cartridge links every step to its published page, so site.yml needs an absolute 'baseURL'."), result.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("x.imscc").path))
        let given = try run(["export", "cartridge", "eerste-route", "--base-url", "https://elders.example.nl", "--output", "x.imscc"], in: root)
        XCTAssertEqual(given.status, 0, given.errors)
        let (_, files) = try manifest(of: root.appendingPathComponent("x.imscc"))
        XCTAssertTrue(String(decoding: try XCTUnwrap(files["weblinks/eerste-route-stap-01/weblink.xml"]), as: UTF8.self)
            .contains("https://elders.example.nl/begrippen/niet-weten/?"), "--base-url, with the '/' it lacked")
    }

    func testAnUnknownRouteSuggestsTheClosestAndADraftNeedsDrafts() throws {
        let root = try contentFolder()
        let typo = try run(["export", "cartridge", "eerste-rout", "--output", "x.imscc"], in: root)
        XCTAssertEqual(typo.status, 1)
        XCTAssertTrue(typo.errors.contains("Content/leerroutes: error: There is no route 'eerste-rout'.\n    hint: did you mean 'eerste-route'?"), typo.errors)
        let draft = try run(["export", "cartridge", "ontwerp", "--output", "x.imscc"], in: root)
        XCTAssertEqual(draft.status, 1)
        XCTAssertTrue(draft.errors.contains("Content/leerroutes/ontwerp.md: error: The route 'ontwerp' is a draft (draft: true), and drafts are left out."), draft.errors)
        XCTAssertTrue(draft.errors.contains("hint: export it with --drafts"), draft.errors)
        let drafts = try run(["export", "cartridge", "ontwerp", "--drafts", "--output", "x.imscc"], in: root)
        XCTAssertEqual(drafts.status, 0, drafts.errors)
        let empty = try run(["export", "cartridge", "leeg", "--output", "leeg.imscc"], in: root)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.errors.contains("Content/leerroutes/leeg.md: error: The route 'leeg' has no steps to export."), empty.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("leeg.imscc").path))
    }

    /// The repository's two draft routes, exported as the README says, pass the manifest's structure checks.
    func testTheRealDraftRoutesExport() throws {
        let output = try temporaryFolder(["leeg.txt": ""])
        let routes = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repository.appendingPathComponent("Content/leerroutes").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        XCTAssertEqual(routes.count, 2)
        for route in routes {
            let file = output.appendingPathComponent(route + ".imscc")
            let result = try run(["export", "cartridge", route, "--drafts", "--base-url", "https://kennisbank.example.nl/",
                                  "--templates", "Templates", "--output", file.path], in: Fixtures.repository)
            XCTAssertEqual(result.status, 0, result.errors)
            let (manifest, files) = try manifest(of: file)
            let titles = stepTitles(manifest)
            XCTAssertGreaterThanOrEqual(titles.count, 7, "\(route): the introduction and at least three steps of two items")
            XCTAssertEqual(titles.filter { $0.contains(": opdracht") }.count, files.keys.filter { $0.hasSuffix("weblink.xml") }.count)
            for (path, data) in files { XCTAssertNoThrow(try CartridgeXML(data), "\(route): \(path) is well-formed") }
        }
    }
}
