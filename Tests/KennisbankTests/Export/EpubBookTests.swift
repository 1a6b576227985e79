import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankExport
import KennisbankIncremental

/// `kennisbank export epub` on a small content folder: the container, the package document, the reading order,
/// concept notes and citations that stay inside the book, the same bytes twice, and the modified date.
final class EpubBookTests: XCTestCase {
    /// Two articles (the second in series order first), three concepts, a miniature embedded in an article, and citations.
    private func contentFolder(site: String = "title: Proef\nbaseURL: https://kb.example.nl/\nauthor: C. Auteur\ndescription: Een proef.\n",
                               dates: Bool = true) throws -> String {
        try temporaryContentFolder([
            "site.yml": site,
            "concepts/niet-weten.md": "---\ntitle: Niet-weten\nsummary: Open blijven voor wat zich aandient.\nrelated: [betekenis]\n---\nNiet-weten is een houding.\n\nIn dialoog met betekenis.\n",
            "concepts/betekenis.md": "---\ntitle: Betekenis\nsummary: Wat ertoe doet.\n---\nBetekenis geeft richting.\n",
            "concepts/drive.md": "---\ntitle: Drive\n---\nDrive is wat iemand beweegt.\n",
            "miniatures/de-stilte.md": "---\ntitle: De stilte\narticle: leiden\n---\nEen coach zwijgt en wacht.\n",
            "articles/leiden.md": """
                ---
                title: Leiden
                subtitle: Een tweede stuk
                authors: [A. Auteur]
                series: 2
                \(dates ? "date: 2024-03-01\n" : "")---
                Leiden vraagt niet-weten en betekenis (Schein, 2010).

                ## Vier miniaturen

                ![[de-stilte]]

                Over drive en niet-weten (Weick, 1995).

                ## Literatuur

                - Weick, K. E. (1995). *Sensemaking in organizations*. Sage.
                - Schein, E. H. (2010). *Organizational culture and leadership*. Jossey-Bass.

                """,
            "articles/begin.md": """
                ---
                title: Begin
                authors: [A. Auteur]
                series: 1
                \(dates ? "date: 2023-12-24\n" : "")---
                Het begin noemt betekenis (Weick, 1995).

                ## Literatuur

                - Weick, K. E. (1995). *Sensemaking in organizations*. Sage.

                """,
        ])
    }

    private func export(_ folder: String, modified: String? = nil) throws -> (data: Data, files: [String: String], entries: [ZipEntry]) {
        let result = try EpubExport(build: inMemoryBuild(of: folder), modified: modified).run()
        let entries = try ZipArchive.entries(in: result.data)
        let files = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        return (result.data, files, entries)
    }

    /// Every element of an XML document, in document order; the test's `try` fails when it is not well-formed.
    private func elements(_ text: String) throws -> [XMLElement] {
        descendants(of: try XCTUnwrap(XMLDocument(data: Data(text.utf8), options: []).rootElement()))
    }

    /// The element and every element inside it, in document order.
    private func descendants(of element: XMLElement) -> [XMLElement] {
        [element] + (element.children ?? []).compactMap { $0 as? XMLElement }.flatMap(descendants(of:))
    }

    private func attribute(_ name: String, _ element: XMLElement) -> String? {
        (element.attributes ?? []).first { $0.name == name }?.stringValue
    }

    func testTheContainerStartsWithAStoredMimetype() throws {
        let (data, files, entries) = try export(contentFolder())
        XCTAssertEqual(entries.first?.path, "mimetype")
        XCTAssertEqual(entries.first?.compressed, false)
        XCTAssertEqual(files["mimetype"], "application/epub+zip")
        // The raw bytes: the first local header names `mimetype`, method 0 (stored), no extra field, then the type.
        let bytes = [UInt8](data)
        XCTAssertEqual(Array(bytes[0..<4]), [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(bytes[8], 0)
        XCTAssertEqual(bytes[9], 0)
        XCTAssertEqual(bytes[28], 0, "no extra field before the mimetype's bytes")
        XCTAssertEqual(String(decoding: bytes[30..<38], as: UTF8.self), "mimetype")
        XCTAssertEqual(String(decoding: bytes[38..<58], as: UTF8.self), "application/epub+zip")
        XCTAssertTrue(try XCTUnwrap(files["META-INF/container.xml"]).contains("full-path=\"EPUB/package.opf\""))
        XCTAssertTrue(entries.dropFirst().allSatisfy(\.compressed))
    }

    func testThePackageDocumentHasTheSitesMetadataAndAccessibilityMetadata() throws {
        let opf = try XCTUnwrap(try export(contentFolder()).files["EPUB/package.opf"])
        _ = try elements(opf)
        // uuid.uuid5(uuid.NAMESPACE_URL, "https://kb.example.nl/") in Python.
        XCTAssertTrue(opf.contains("<dc:identifier id=\"boek-id\">urn:uuid:297c4313-60aa-5774-8f36-9c2c586e6670</dc:identifier>"))
        XCTAssertEqual(EpubIdentifier.urn(of: "Proef"), "urn:uuid:2d375e4a-199c-53b3-88d4-c2e46f019641")
        XCTAssertTrue(opf.contains("<dc:title>Proef</dc:title>"))
        XCTAssertTrue(opf.contains("<dc:language>nl</dc:language>"))
        XCTAssertTrue(opf.contains("<dc:creator>C. Auteur</dc:creator>"))
        XCTAssertTrue(opf.contains("<dc:description>Een proef.</dc:description>"))
        XCTAssertTrue(opf.contains("<meta property=\"dcterms:modified\">2024-03-01T00:00:00Z</meta>"), "the newest article's date")
        for (property, value) in [("schema:accessMode", "textual"), ("schema:accessModeSufficient", "textual"),
                                  ("schema:accessibilityFeature", "structuralNavigation"), ("schema:accessibilityFeature", "tableOfContents"),
                                  ("schema:accessibilityFeature", "readingOrder"), ("schema:accessibilityFeature", "displayTransformability"),
                                  ("schema:accessibilityHazard", "none")] {
            XCTAssertTrue(opf.contains("<meta property=\"\(property)\">\(value)</meta>"), "\(property) \(value)")
        }
        XCTAssertTrue(opf.contains("<meta property=\"schema:accessibilitySummary\">"))
        XCTAssertFalse(opf.contains("conformsTo"), "no conformance is claimed: the book has not been audited against WCAG")
        XCTAssertTrue(opf.contains("properties=\"nav\""))
        XCTAssertTrue(opf.contains("<spine toc=\"ncx\">"))
    }

    func testTheReadingOrderIsTheSeriesOrderWithSections() throws {
        let files = try export(contentFolder()).files
        let opf = try XCTUnwrap(files["EPUB/package.opf"])
        let spine = try elements(opf).filter { $0.localName == "itemref" }.compactMap { attribute("idref", $0) }
        XCTAssertEqual(spine, ["titelpagina", "nav", "artikel-begin", "artikel-leiden", "begrippen", "miniaturen", "literatuur"])
        let nav = try XCTUnwrap(files["EPUB/nav.xhtml"])
        let tocLinks = try elements(nav).filter { $0.localName == "a" && attribute("epub:type", $0) == nil }.compactMap { attribute("href", $0) }
        XCTAssertEqual(tocLinks, ["cover.xhtml", "artikel-begin.xhtml", "artikel-leiden.xhtml", "artikel-leiden.xhtml#vier-miniaturen",
                                  "begrippen.xhtml", "miniaturen.xhtml", "literatuur.xhtml"])
        let ncx = try XCTUnwrap(files["EPUB/toc.ncx"])
        let sources = try elements(ncx).filter { $0.localName == "content" }.compactMap { attribute("src", $0) }
        XCTAssertEqual(sources, tocLinks)
        let chapter = try XCTUnwrap(files["EPUB/artikel-leiden.xhtml"])
        XCTAssertTrue(chapter.contains("<figure id=\"miniatuur-de-stilte\" class=\"miniature\">"), "the miniature stands where it is embedded")
        XCTAssertFalse(chapter.contains("<h2>Literatuur</h2>"), "an article's own reference list gives way to the literature section")
        XCTAssertTrue(chapter.contains("<p class=\"ondertitel\">Een tweede stuk</p>"))
    }

    func testEveryLinkStaysInsideTheBookAndNotesAndCitationsLeadToTheirEntries() throws {
        let files = try export(contentFolder()).files
        var ids: [String: [XMLElement]] = [:]
        var documents: [String: [XMLElement]] = [:]
        for (path, text) in files where path.hasSuffix(".xhtml") {
            let file = String(path.dropFirst("EPUB/".count))
            documents[file] = try elements(text)
            ids[file] = documents[file]!.filter { attribute("id", $0) != nil }
        }
        func target(_ href: String, from file: String) -> XMLElement? {
            let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let targetFile = parts[0].isEmpty ? file : parts[0]
            guard let elements = documents[targetFile] else { return nil }
            guard parts.count == 2 else { return elements.first }
            return ids[targetFile]?.first { attribute("id", $0) == parts[1] }
        }
        var notes = 0, citations = 0
        for (file, elements) in documents {
            for link in elements where link.localName == "a" {
                let href = try XCTUnwrap(attribute("href", link))
                guard !href.hasPrefix("https://") else { continue }
                let element = target(href, from: file)
                XCTAssertNotNil(element, "\(file): \(href) leads nowhere in the book")
                if attribute("epub:type", link) == "noteref" {
                    notes += 1
                    XCTAssertTrue(href.hasPrefix("#"), "a note is in the same chapter: \(href)")
                    XCTAssertEqual(element?.localName, "aside")
                    XCTAssertEqual(element.flatMap { attribute("epub:type", $0) }, "footnote")
                    let glossaryLink = try XCTUnwrap(element.flatMap { note in
                        descendants(of: note).first { $0.localName == "a" }.flatMap { attribute("href", $0) }
                    })
                    let entry = target(glossaryLink, from: file)
                    XCTAssertEqual(entry.flatMap { attribute("epub:type", $0) }, "glossterm", "\(glossaryLink)")
                }
                if attribute("class", link) == "citation" {
                    citations += 1
                    XCTAssertTrue(href.hasPrefix("literatuur.xhtml#bron-"), href)
                    XCTAssertEqual(element.flatMap { attribute("epub:type", $0) }, "biblioentry")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(notes, 4, "begin: betekenis; leiden: niet-weten, betekenis, drive")
        XCTAssertEqual(citations, 3)
        let literature = try XCTUnwrap(files["EPUB/literatuur.xhtml"])
        let entries = try elements(literature).filter { $0.localName == "li" }.compactMap { attribute("id", $0) }
        XCTAssertEqual(entries, ["bron-schein2010", "bron-weick1995"], "APA order")
        let glossary = try XCTUnwrap(files["EPUB/begrippen.xhtml"])
        let related = glossary.split(separator: "\n").filter { $0.hasPrefix("<p class=\"verwant\">Verwant: ") }
        XCTAssertTrue(related.contains { $0.contains("<a href=\"#begrip-betekenis\">Betekenis</a>") }, "\(related)")
        XCTAssertEqual(try elements(glossary).filter { attribute("epub:type", $0) == "glossterm" }.count, 3)
    }

    func testEachNoteIsTitledByItsConceptsName() throws {
        let chapter = try XCTUnwrap(export(contentFolder()).files["EPUB/" + EpubLinks.articleFile("leiden")])
        let notes = try elements(chapter).filter { $0.localName == "aside" }
        XCTAssertEqual(notes.count, 3, "niet-weten, betekenis, drive")
        for note in notes {
            let heading = try XCTUnwrap((note.children ?? []).compactMap { $0 as? XMLElement }.first, "the note opens with its title")
            XCTAssertEqual(heading.localName, "h2")
            XCTAssertEqual(attribute("aria-labelledby", note), attribute("id", heading), "the title names the note")
            XCTAssertNil(attribute("aria-label", note))
        }
        XCTAssertEqual(notes.map { ($0.children ?? []).compactMap { $0 as? XMLElement }.first?.stringValue }, ["Niet-weten", "Betekenis", "Drive"])
        // The summary follows the title on a line of its own, without the name again.
        XCTAssertTrue(chapter.contains("<h2 id=\"noot-niet-weten-titel\">Niet-weten</h2>\n<p>Open blijven voor wat zich aandient.</p>"), chapter)
    }

    /// The glossary lists a concept's related concepts by how they relate, as its page does: a line per type, the
    /// inverse on the other concept's entry, and one "Verwant" line where no relation is typed.
    func testTheGlossaryListsRelatedConceptsByTheirTypes() throws {
        func concept(_ slug: String, _ title: String, _ fields: String = "") -> String {
            "---\ntitle: \(title)\nsummary: Over \(slug).\n\(fields)---\nUitleg.\n"
        }
        let folder = try temporaryContentFolder([
            "site.yml": "title: Proef\nauthor: C. Auteur\n",
            "articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nOver vogels en vissen.\n",
            "concepts/vogel.md": concept("vogel", "Vogel", "relations:\n  broader: [dier]\n  opposite: [vis]\n"),
            "concepts/dier.md": concept("dier", "Dier"),
            "concepts/vis.md": concept("vis", "Vis", "relations:\n  hasPart: [vin]\n"),
            "concepts/vin.md": concept("vin", "Vin", "related: [vogel]\n"),
            "concepts/kieuw.md": concept("kieuw", "Kieuw", "related: [dier]\n"),
        ])
        let glossary = try XCTUnwrap(try export(folder).files["EPUB/begrippen.xhtml"])
        func lines(_ slug: String) throws -> [String] {
            let entry = try XCTUnwrap(glossary.components(separatedBy: "<dt id=\"begrip-\(slug)\"").dropFirst().first, slug)
            return entry.components(separatedBy: "</dd>")[0].split(separator: "\n").filter { $0.hasPrefix("<p class=\"verwant\">") }
                .map { String($0.dropFirst("<p class=\"verwant\">".count).dropLast("</p>".count)) }
        }
        XCTAssertEqual(try lines("vogel"), ["Is een soort van: <a href=\"#begrip-dier\">Dier</a>",
                                            "Staat tegenover: <a href=\"#begrip-vis\">Vis</a>",
                                            "Hangt samen met: <a href=\"#begrip-vin\">Vin</a>"])
        XCTAssertEqual(try lines("dier"), ["Omvat: <a href=\"#begrip-vogel\">Vogel</a>",
                                           "Hangt samen met: <a href=\"#begrip-kieuw\">Kieuw</a>"])
        XCTAssertEqual(try lines("vin"), ["Is onderdeel van: <a href=\"#begrip-vis\">Vis</a>",
                                          "Hangt samen met: <a href=\"#begrip-vogel\">Vogel</a>"])
        XCTAssertEqual(try lines("kieuw"), ["Verwant: <a href=\"#begrip-dier\">Dier</a>"], "no typed relation: one line, as before")
    }

    func testAnEntryWithOnlyAuthorsAndYearIsShownAsSuchInTheLiterature() throws {
        let folder = try temporaryContentFolder([
            "site.yml": "title: Proef\nauthor: C. Auteur\n",
            "articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nZoals McAuley e.a. (2000) en Weick (1995) zeggen.\n\n"
                + "## Literatuur\n\n- McAuley, … (2000).\n- Weick, K. E. (1995). *Sensemaking in organizations*. Sage.\n",
        ])
        let literature = try XCTUnwrap(try export(folder).files["EPUB/literatuur.xhtml"])
        XCTAssertTrue(literature.contains("<p class=\"onvolledig\">1 van de 2 bronnen is onvolledig: alleen auteur en jaar bekend.</p>"), literature)
        XCTAssertTrue(literature.contains("<li id=\"bron-mcauley2000\" epub:type=\"biblioentry\">McAuley e.a. (2000) "
                                          + "<span class=\"reference-note\">— alleen auteur en jaar bekend</span></li>"), literature)
        XCTAssertTrue(literature.contains("<li id=\"bron-weick1995\" epub:type=\"biblioentry\">Weick, K. E. (1995). "
                                          + "<em>Sensemaking in organizations</em>. Sage.</li>"), literature)
        XCTAssertNoThrow(try elements(literature), "well-formed XHTML")
    }

    func testTwoExportsAreTheSameBytes() throws {
        let folder = try contentFolder()
        XCTAssertEqual(try export(folder).data, try export(folder).data)
    }

    func testWithoutArticleDatesTheExportAsksForUpdated() throws {
        let undated = try contentFolder(dates: false)
        XCTAssertThrowsError(try EpubExport(build: inMemoryBuild(of: undated)).run()) { error in
            let diagnostic = (error as! BuildFailure).diagnostics.last!
            XCTAssertEqual(diagnostic.path, undated + "/site.yml")
            XCTAssertEqual(diagnostic.message, "An e-book needs the date it was last modified, and no article has a 'date' and no file a commit in git.")
            XCTAssertEqual(diagnostic.hint, "add a line such as 'updated: 2026-11-29' to site.yml, or give --modified 2026-11-29")
        }
        let opf = { (files: [String: String]) in files["EPUB/package.opf"] ?? "" }
        XCTAssertTrue(opf(try export(undated, modified: "2025-06-30").files).contains(">2025-06-30T00:00:00Z<"))
        XCTAssertThrowsError(try EpubExport(build: inMemoryBuild(of: undated), modified: "30-06-2025").run())
        let updated = try contentFolder(site: "title: Proef\nupdated: 2025-01-31\n", dates: false)
        XCTAssertTrue(opf(try export(updated).files).contains(">2025-01-31T00:00:00Z<"), "site.yml's updated without dates")
        XCTAssertTrue(opf(try export(updated, modified: "2025-06-30").files).contains(">2025-06-30T00:00:00Z<"), "--modified overrides")
        let dated = try contentFolder(site: "title: Proef\nupdated: 2025-01-31\n")
        XCTAssertTrue(opf(try export(dated).files).contains(">2024-03-01T00:00:00Z<"), "an article's date comes before updated")
    }

    func testContentThatDoesNotBuildGivesTheBuildsDiagnostics() throws {
        let broken = try temporaryContentFolder(["articles/kapot.md": "---\ntitle: [niet afgesloten\n---\nTekst.\n"])
        var buildDiagnostics: [Diagnostic] = []
        XCTAssertThrowsError(try inMemoryBuild(of: broken).generate()) { buildDiagnostics = ($0 as! BuildFailure).diagnostics }
        XCTAssertFalse(buildDiagnostics.isEmpty)
        XCTAssertThrowsError(try EpubExport(build: inMemoryBuild(of: broken), modified: "2025-01-01").run()) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics, buildDiagnostics)
        }
    }

    func testWithEpubTrueTheBuildWritesTheBookAndTheHomePageLinksToIt() throws {
        let folder = try contentFolder(site: "title: Proef Reeks\nepub: true\n")
        var build = inMemoryBuild(of: folder)
        build.downloads = EpubDownload(contentDirectory: folder)
        let files = try build.generate().files
        let book = try XCTUnwrap(files.first { $0.path == "downloads/proef-reeks.epub" })
        XCTAssertEqual(book.contents, try EpubExport(build: inMemoryBuild(of: folder)).run().data, "the same book as the export")
        let home = String(decoding: try XCTUnwrap(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        XCTAssertTrue(home.contains("<a href=\"downloads/proef-reeks.epub\" download>"))

        let without = try contentFolder(site: "title: Proef Reeks\n")
        var plain = inMemoryBuild(of: without)
        plain.downloads = EpubDownload(contentDirectory: without)
        let plainFiles = try plain.generate().files
        XCTAssertFalse(plainFiles.contains { $0.path.hasPrefix("downloads/") })
        XCTAssertFalse(String(decoding: try XCTUnwrap(plainFiles.first { $0.path == "index.html" }).contents, as: UTF8.self).contains(".epub"))

        let undated = try contentFolder(site: "title: Proef\nepub: true\n", dates: false)
        var failing = inMemoryBuild(of: undated)
        failing.downloads = EpubDownload(contentDirectory: undated)
        XCTAssertThrowsError(try failing.generate()) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.last?.hint, "add a line such as 'updated: 2026-11-29' to site.yml")
        }
    }

    /// As `serve` builds: the book is checked and its path counted (the home page's link holds), not made or written;
    /// it is made at the first request, the same bytes as the export, from the last good build.
    func testADeferredBookIsCheckedNotMadeAndMadeOnRequestAsTheExportMakesIt() throws {
        let folder = try contentFolder(site: "title: Proef Reeks\nepub: true\n")
        let output = try temporaryFolder([:]).appendingPathComponent("Site")
        var build = repositoryTemplatesBuild(of: folder, into: output.path)
        build.downloads = EpubDownload(contentDirectory: folder)
        build.defersDownloads = true
        let incremental = IncrementalBuild(build: build)
        let report = try incremental.run()
        XCTAssertEqual(report.diagnostics, [], "the home page's link to the book holds")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("downloads").path), "nothing written")
        XCTAssertTrue(incremental.onRequest.contains("downloads/proef-reeks.epub"))
        XCTAssertFalse(incremental.onRequest.contains("index.html"))
        XCTAssertNil(incremental.onRequest.file("downloads/andere.epub"))
        let book = try XCTUnwrap(incremental.onRequest.file("downloads/proef-reeks.epub")).get()
        XCTAssertEqual(book, try EpubExport(build: inMemoryBuild(of: folder)).run().data, "the same book as the export")

        let undated = try contentFolder(site: "title: Proef\nepub: true\n", dates: false)
        var failing = inMemoryBuild(of: undated)
        failing.downloads = EpubDownload(contentDirectory: undated)
        failing.defersDownloads = true
        XCTAssertThrowsError(try failing.generate(), "the missing date is found without making the book") { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics.last?.hint, "add a line such as 'updated: 2026-11-29' to site.yml")
        }
    }

    func testAMiniatureEmbeddedTwiceGivesTwoIDs() throws {
        XCTAssertEqual(EpubText.uniquingIDs(in: "<figure id=\"m\">a</figure><p id=\"p\">b</p><figure id=\"m\">c</figure><figure id=\"m\">d</figure>"),
                       "<figure id=\"m\">a</figure><p id=\"p\">b</p><figure id=\"m-2\">c</figure><figure id=\"m-3\">d</figure>")
        let folder = try temporaryContentFolder([
            "miniatures/de-stilte.md": "---\ntitle: De stilte\n---\nEen coach zwijgt.\n",
            "articles/twee.md": "---\ntitle: Twee\ndate: 2024-01-01\n---\n![[de-stilte]]\n\nTussendoor.\n\n![[de-stilte]]\n",
        ])
        let chapter = try XCTUnwrap(try export(folder).files["EPUB/artikel-twee.xhtml"])
        _ = try elements(chapter)
        XCTAssertTrue(chapter.contains("id=\"miniatuur-de-stilte\""))
        XCTAssertTrue(chapter.contains("id=\"miniatuur-de-stilte-2\""))
    }

    func testTheStylesheetLeavesFontSizeAndColourToTheReader() {
        XCTAssertFalse(EpubStyle.css.contains("px"))
        XCTAssertFalse(EpubStyle.css.contains("font-family"))
        XCTAssertFalse(EpubStyle.css.contains("color"))
        XCTAssertFalse(EpubStyle.css.contains("background"))
    }
}
