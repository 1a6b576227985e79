import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import KennisbankCore
@testable import KennisbankExport

/// The IMS Common Cartridge 1.3 package of a module, checked against the specification's text, since no package
/// ships its schemas and no learning platform runs here (``CartridgePackage11Tests`` runs every test again for 1.1,
/// whose texts say the same with `v1p1` for `v1p3`):
///
/// - IMS Global Common Cartridge Profile: Implementation, v1.3 (imscc_Implementation-v1p3): the manifest is
///   `imsmanifest.xml` at the package's root; its metadata is required, with `<schema>IMS Common Cartridge</schema>`
///   and `<schemaversion>1.3.0</schemaversion>` and the cartridge's LOM (`lomimscc`); web links are resources of type
///   `imswl_xmlv1p3` whose one file is the link's XML (namespace `…/imsccv1p3/imswl_v1p3`: `<title>` and
///   `<url href>`), web content is of type `webcontent` with an `href`.
/// - The profile of Content Packaging (ccv1p3_imscp_v1p2_v1p0.xsd, as its annotations say for the profile since 1.1):
///   "The 'structure' characteristic for the Organization class has been fixed to 'rooted-hierarchy'", and the
///   organization is "the top-level shape of the organization and so only a single Item is permitted. The top-level
///   [item] ... has not title. It can contain any number of Items"; "Each Item has an identifier that is unique
///   within the Manifest file. Identifierref acts as a reference to an identifier in the resources section."
class CartridgePackageTests: XCTestCase {
    /// The version the package is written for.
    class var version: CommonCartridge { .v1_3 }
    /// Its part of the specification's names, written out here rather than taken from the writer.
    class var tag: String { "v1p3" }
    private var version: CommonCartridge { Self.version }
    private var tag: String { Self.tag }
    private var manifestNS: String { "http://www.imsglobal.org/xsd/imscc\(tag)/imscp_v1p1" }
    private var lomNS: String { "http://ltsc.ieee.org/xsd/imscc\(tag)/LOM/manifest" }
    private var webLinkNS: String { "http://www.imsglobal.org/xsd/imscc\(tag)/imswl_\(tag)" }
    private let xhtmlNS = "http://www.w3.org/1999/xhtml"

    private let module = CartridgeModule(
        identifier: "werkplaats-in-drie-stappen",
        title: "Werkplaats in drie stappen",
        summary: "Een korte leerroute voor de eerste bijeenkomst van een leiderschaps<programma> & meer.",
        introductionHTML: "<p>Deze route neemt deelnemers in drie stappen mee van begrip naar praktijk.</p>\n",
        steps: [
            CartridgeStep(title: "Identity workspace", url: "https://kb.example.nl/begrippen/identity-workspace/",
                          instructionHTML: "<p>Lees de definitie en noem een plek in je <em>eigen</em> werk die zo werkt.<br />Kort.</p>\n",
                          duration: "15 min"),
            CartridgeStep(title: "De kunst van het leiden — 3 Vier miniaturen uit de praktijk",
                          url: "https://kb.example.nl/artikelen/de-kunst-van-het-leiden/#vier-miniaturen-uit-de-praktijk",
                          instructionHTML: "<p>Lees de paragraaf en bespreek in tweetallen wat je herkent.</p>\n", duration: "15-20 min"),
            CartridgeStep(title: "Het te grote pak", url: "https://kb.example.nl/miniaturen/het-te-grote-pak/?a=1&b=2",
                          instructionHTML: "<p>Wat zou jij doen? Schrijf drie zinnen.</p>\n", duration: nil),
        ]
    )

    /// The package's files by path, read back from its bytes.
    private func files(of module: CartridgeModule) throws -> [String: Data] {
        let entries = try ZipArchive.entries(in: CartridgePackage(module: module, version: version).data())
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.data) })
    }

    private func manifest(of module: CartridgeModule) throws -> XMLElement {
        try CartridgeXML(XCTUnwrap(files(of: module)["imsmanifest.xml"], "the manifest is at the package's root")).root
    }

    private func child(_ element: XMLElement, _ name: String, _ namespace: String) throws -> XMLElement {
        let found = CartridgeXML.children(of: element, named: name, in: namespace)
        XCTAssertEqual(found.count, 1, "one <\(name)> in <\(element.localName ?? "")>")
        return try XCTUnwrap(found.first)
    }

    func testManifestHasTheCommonCartridgeNamespacesSchemaAndVersion() throws {
        let root = try manifest(of: module)
        XCTAssertEqual(root.localName, "manifest")
        XCTAssertEqual(root.uri, manifestNS)
        XCTAssertEqual(CartridgeXML.attribute("identifier", of: root), "kennisbank-werkplaats-in-drie-stappen")
        let metadata = try child(root, "metadata", manifestNS)
        XCTAssertEqual(try child(metadata, "schema", manifestNS).stringValue, "IMS Common Cartridge")
        XCTAssertEqual(try child(metadata, "schemaversion", manifestNS).stringValue, version.rawValue + ".0")
        let general = try child(try child(metadata, "lom", lomNS), "general", lomNS)
        let title = try child(try child(general, "title", lomNS), "string", lomNS)
        XCTAssertEqual(title.stringValue, "Werkplaats in drie stappen")
        XCTAssertEqual(CartridgeXML.attribute("language", of: title), "nl")
        XCTAssertEqual(try child(try child(general, "description", lomNS), "string", lomNS).stringValue,
                       "Een korte leerroute voor de eerste bijeenkomst van een leiderschaps<programma> & meer.")
        let locations = try XCTUnwrap(root.attribute(forLocalName: "schemaLocation", uri: "http://www.w3.org/2001/XMLSchema-instance")?.stringValue)
            .split(separator: " ").map(String.init)
        XCTAssertEqual(locations.count, 6, "three namespaces, each with its schema")
        XCTAssertEqual(stride(from: 0, to: locations.count, by: 2).map { locations[$0] },
                       [manifestNS, "http://ltsc.ieee.org/xsd/imscc\(tag)/LOM/resource", lomNS])
        XCTAssertTrue(locations.enumerated().filter { $0.offset % 2 == 1 }.allSatisfy { $0.element.contains("/profile/cc/cc\(tag)/") })
        XCTAssertEqual(CartridgeXML.children(of: root).map(\.localName), ["metadata", "organizations", "resources"])
    }

    func testOrganizationIsOneRootItemHoldingTheModuleWithItsStepsInOrder() throws {
        let organizations = try child(try manifest(of: module), "organizations", manifestNS)
        let organization = try child(organizations, "organization", manifestNS)
        XCTAssertEqual(CartridgeXML.attribute("structure", of: organization), "rooted-hierarchy")
        let root = try child(organization, "item", manifestNS)
        XCTAssertTrue(CartridgeXML.children(of: root, named: "title", in: manifestNS).isEmpty, "the root item has no title")
        XCTAssertNil(CartridgeXML.attribute("identifierref", of: root))
        let moduleItem = try child(root, "item", manifestNS)
        XCTAssertNil(CartridgeXML.attribute("identifierref", of: moduleItem), "the module is a folder of items")
        XCTAssertEqual(try child(moduleItem, "title", manifestNS).stringValue, "Werkplaats in drie stappen")
        let steps = CartridgeXML.children(of: moduleItem, named: "item", in: manifestNS)
        XCTAssertEqual(steps.compactMap { try? child($0, "title", manifestNS).stringValue }, [
            "Over deze leerroute",
            "Stap 1: Identity workspace", "Stap 1: opdracht (15 min)",
            "Stap 2: De kunst van het leiden — 3 Vier miniaturen uit de praktijk", "Stap 2: opdracht (15-20 min)",
            "Stap 3: Het te grote pak", "Stap 3: opdracht",
        ])
        XCTAssertTrue(steps.allSatisfy { CartridgeXML.children(of: $0, named: "item", in: manifestNS).isEmpty }, "steps are leaves")
    }

    func testEveryItemOpensAResourceAndEveryResourceFileIsInThePackage() throws {
        let files = try files(of: module)
        let root = try CartridgeXML(XCTUnwrap(files["imsmanifest.xml"])).root
        let resources = CartridgeXML.children(of: try child(root, "resources", manifestNS), named: "resource", in: manifestNS)
        let resourceIDs = resources.compactMap { CartridgeXML.attribute("identifier", of: $0) }
        XCTAssertEqual(Set(resourceIDs).count, resources.count, "resource identifiers are unique")

        var items: [XMLElement] = []
        var pending = CartridgeXML.children(of: try child(root, "organizations", manifestNS))
        while let element = pending.popLast() {
            if element.localName == "item" { items.append(element) }
            pending += CartridgeXML.children(of: element)
        }
        let itemIDs = items.compactMap { CartridgeXML.attribute("identifier", of: $0) }
        XCTAssertEqual(itemIDs.count, items.count)
        XCTAssertTrue(Set(itemIDs).isDisjoint(with: resourceIDs), "identifiers are unique within the manifest")
        XCTAssertEqual(Set(itemIDs).count, itemIDs.count)
        for id in itemIDs + resourceIDs {
            XCTAssertNotNil(id.first.map { $0.isLetter || $0 == "_" }.flatMap { $0 ? id : nil }, "\(id) is an XML ID (NCName)")
            XCTAssertFalse(id.contains(":") || id.contains(" "), id)
        }
        let references = items.compactMap { CartridgeXML.attribute("identifierref", of: $0) }
        XCTAssertEqual(references.count, 7, "the introduction and two items per step")
        XCTAssertEqual(Set(references), Set(resourceIDs), "every item opens a resource, and every resource is opened")

        var referencedFiles: Set<String> = []
        for resource in resources {
            let type = CartridgeXML.attribute("type", of: resource)
            let fileHrefs = CartridgeXML.children(of: resource, named: "file", in: manifestNS).compactMap { CartridgeXML.attribute("href", of: $0) }
            XCTAssertEqual(fileHrefs.count, 1)
            for href in fileHrefs { XCTAssertNotNil(files[href], "\(href) is in the package") }
            referencedFiles.formUnion(fileHrefs)
            switch type {
            case "webcontent": XCTAssertEqual(CartridgeXML.attribute("href", of: resource), fileHrefs.first, "web content opens its file")
            case "imswl_xml\(tag)": XCTAssertNil(CartridgeXML.attribute("href", of: resource), "a web link is its descriptor file")
            default: XCTFail("unexpected resource type \(type ?? "none")")
            }
        }
        XCTAssertEqual(referencedFiles.union(["imsmanifest.xml"]), Set(files.keys), "no file in the package that no resource names")
        let webLinkFolders = resources.filter { CartridgeXML.attribute("type", of: $0) == "imswl_xml\(tag)" }
            .compactMap { CartridgeXML.children(of: $0).first.flatMap { CartridgeXML.attribute("href", of: $0) } }
            .map { $0.split(separator: "/").dropLast().joined(separator: "/") }
        XCTAssertEqual(Set(webLinkFolders).count, 3, "each web link in a folder of its own")
    }

    func testWebLinksCarryTheStepsTitleAndAbsoluteURL() throws {
        let files = try files(of: module)
        let links = try files.filter { $0.key.hasSuffix(".xml") && $0.key != "imsmanifest.xml" }.sorted { $0.key < $1.key }
            .map { try CartridgeXML($0.value).root }
        XCTAssertEqual(links.count, 3)
        for (link, step) in zip(links, module.steps) {
            XCTAssertEqual(link.localName, "webLink")
            XCTAssertEqual(link.uri, webLinkNS)
            XCTAssertEqual(try child(link, "title", webLinkNS).stringValue, step.title)
            XCTAssertEqual(CartridgeXML.attribute("href", of: try child(link, "url", webLinkNS)), step.url)
        }
        XCTAssertEqual(CartridgeXML.attribute("href", of: try child(links[2], "url", webLinkNS)), "https://kb.example.nl/miniaturen/het-te-grote-pak/?a=1&b=2",
                       "an '&' in the URL is escaped in the XML and read back whole")
    }

    func testInstructionPagesAreWellFormedXHTMLWithTheInstructionDurationAndLink() throws {
        let files = try files(of: module)
        let pages = files.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }
        XCTAssertEqual(pages.map(\.key), [
            "webcontent/werkplaats-in-drie-stappen/inleiding.html",
            "webcontent/werkplaats-in-drie-stappen/stap-01.html",
            "webcontent/werkplaats-in-drie-stappen/stap-02.html",
            "webcontent/werkplaats-in-drie-stappen/stap-03.html",
        ])
        for (path, data) in pages {
            let html = try CartridgeXML(data).root
            XCTAssertEqual(html.localName, "html", path)
            XCTAssertEqual(html.uri, xhtmlNS, path)
            XCTAssertEqual(CartridgeXML.attribute("lang", of: html), "nl")
            XCTAssertEqual(CartridgeXML.children(of: html).map(\.localName), ["head", "body"], path)
        }
        let first = String(decoding: try XCTUnwrap(files["webcontent/werkplaats-in-drie-stappen/stap-01.html"]), as: UTF8.self)
        XCTAssertTrue(first.contains("<title>Stap 1: Identity workspace</title>"), first)
        XCTAssertTrue(first.contains("<p>Duur: 15 min</p>"), first)
        XCTAssertTrue(first.contains("Lees de definitie en noem een plek in je <em>eigen</em> werk die zo werkt."), first)
        XCTAssertTrue(first.contains(#"<a href="https://kb.example.nl/begrippen/identity-workspace/" target="_blank">Identity workspace</a>"#), first)
        let third = String(decoding: try XCTUnwrap(files["webcontent/werkplaats-in-drie-stappen/stap-03.html"]), as: UTF8.self)
        XCTAssertFalse(third.contains("Duur"), "a step without a duration shows none")
        XCTAssertTrue(third.contains("?a=1&amp;b=2"), third)
    }

    func testPackageReadsBackWithZIPFoundationAsWritten() throws {
        let package = CartridgePackage(module: module, version: version)
        let entries = try ZipArchive.entries(in: package.data())
        XCTAssertEqual(entries.map(\.path), package.entries.map(\.path))
        XCTAssertEqual(entries.map(\.path), entries.map(\.path).sorted(), "entries sorted by path")
        XCTAssertEqual(entries.map(\.data), package.entries.map(\.data))
        XCTAssertTrue(entries.allSatisfy(\.compressed))
    }

    func testTheSameModuleGivesTheSameBytesAndIdentifiersFollowTheSlug() throws {
        let once = try CartridgePackage(module: module, version: version).data()
        let again = try CartridgePackage(module: module, version: version).data()
        XCTAssertEqual(once, again)
        var renamed = module
        renamed.title = "Een andere titel"
        let manifest = String(decoding: try XCTUnwrap(try files(of: renamed)["imsmanifest.xml"]), as: UTF8.self)
        XCTAssertTrue(manifest.contains(#"identifier="item-werkplaats-in-drie-stappen-stap-02-opdracht" identifierref="resource-werkplaats-in-drie-stappen-stap-02-opdracht""#), manifest)
        var other = module
        other.identifier = "2-andere-route"
        XCTAssertTrue(String(decoding: try XCTUnwrap(try files(of: other)["imsmanifest.xml"]), as: UTF8.self)
            .contains(#"<manifest identifier="kennisbank-2-andere-route""#), "an identifier starts with a letter even when the slug starts with a digit")
    }

    func testAModuleWithoutIntroductionOrSummaryHasNeither() throws {
        var bare = module
        bare.introductionHTML = nil
        bare.summary = nil
        let files = try files(of: bare)
        XCTAssertNil(files["webcontent/werkplaats-in-drie-stappen/inleiding.html"])
        let manifest = String(decoding: try XCTUnwrap(files["imsmanifest.xml"]), as: UTF8.self)
        XCTAssertFalse(manifest.contains("description"))
        XCTAssertFalse(manifest.contains("Over deze leerroute"))
    }

    func testStepNumbersAreWideEnoughToSortInOrder() throws {
        var long = module
        long.steps = (1...120).map { CartridgeStep(title: "Stap \($0)", url: "https://kb.example.nl/\($0)/", instructionHTML: "<p>\($0)</p>") }
        let paths = CartridgePackage(module: long, version: version).entries.map(\.path).filter { $0.hasPrefix("webcontent/") && $0.contains("stap-") }
        XCTAssertEqual(paths.count, 120)
        XCTAssertEqual(paths.first, "webcontent/werkplaats-in-drie-stappen/stap-001.html")
        XCTAssertEqual(paths.last, "webcontent/werkplaats-in-drie-stappen/stap-120.html")
    }
}

/// Every test of ``CartridgePackageTests`` for a Common Cartridge 1.1 package, the version Moodle imports.
final class CartridgePackage11Tests: CartridgePackageTests {
    override class var version: CommonCartridge { .v1_1 }
    override class var tag: String { "v1p1" }

    // Linux's XCTest finds only the tests a class declares itself, so each is declared again here.
    override func testManifestHasTheCommonCartridgeNamespacesSchemaAndVersion() throws { try super.testManifestHasTheCommonCartridgeNamespacesSchemaAndVersion() }
    override func testOrganizationIsOneRootItemHoldingTheModuleWithItsStepsInOrder() throws { try super.testOrganizationIsOneRootItemHoldingTheModuleWithItsStepsInOrder() }
    override func testEveryItemOpensAResourceAndEveryResourceFileIsInThePackage() throws { try super.testEveryItemOpensAResourceAndEveryResourceFileIsInThePackage() }
    override func testWebLinksCarryTheStepsTitleAndAbsoluteURL() throws { try super.testWebLinksCarryTheStepsTitleAndAbsoluteURL() }
    override func testInstructionPagesAreWellFormedXHTMLWithTheInstructionDurationAndLink() throws { try super.testInstructionPagesAreWellFormedXHTMLWithTheInstructionDurationAndLink() }
    override func testPackageReadsBackWithZIPFoundationAsWritten() throws { try super.testPackageReadsBackWithZIPFoundationAsWritten() }
    override func testTheSameModuleGivesTheSameBytesAndIdentifiersFollowTheSlug() throws { try super.testTheSameModuleGivesTheSameBytesAndIdentifiersFollowTheSlug() }
    override func testAModuleWithoutIntroductionOrSummaryHasNeither() throws { try super.testAModuleWithoutIntroductionOrSummaryHasNeither() }
    override func testStepNumbersAreWideEnoughToSortInOrder() throws { try super.testStepNumbersAreWideEnoughToSortInOrder() }
}
