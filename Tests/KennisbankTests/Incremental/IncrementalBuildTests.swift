import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental
@testable import KennisbankImages

/// The incremental build against the clean build: after every edit, the output folder of the one must be
/// byte for byte the output folder of the other, and only the pages that show the edit are rendered.
final class IncrementalBuildTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-incremental-\(UUID().uuidString)")
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A build of the copied content into `output`, with its drafts (the real Content's routes) when asked.
    private func build(into output: String, drafts: Bool = false) -> Build {
        var build = Build(contentDirectory: root.appendingPathComponent("Content").path, templatesDirectory: root.appendingPathComponent("Templates").path,
                          outputDirectory: root.appendingPathComponent(output).path)
        build.includesDrafts = drafts
        return build
    }

    /// Every file below a folder, by relative path.
    private func files(in folder: String) throws -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// Builds the current content cleanly into `Clean/` and asserts that `Site/` holds exactly the same files.
    private func assertSiteEqualsCleanBuild(_ message: String, drafts: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        try? FileManager.default.removeItem(at: root.appendingPathComponent("Clean"))
        _ = try build(into: "Clean", drafts: drafts).run()
        let clean = try files(in: "Clean"), incremental = try files(in: "Site")
        XCTAssertEqual(Set(incremental.keys).subtracting(clean.keys).sorted(), [], "\(message): files only in the incremental site", file: file, line: line)
        XCTAssertEqual(Set(clean.keys).subtracting(incremental.keys).sorted(), [], "\(message): files missing from the incremental site", file: file, line: line)
        let different = clean.keys.filter { incremental[$0] != nil && incremental[$0] != clean[$0] }.sorted()
        XCTAssertEqual(different, [], "\(message): files whose bytes differ", file: file, line: line)
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        precondition(!changed.utf8.elementsEqual(text.utf8), "the edit of \(path) changes nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    private func write(_ path: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    private let article = "Content/articles/de-kunst-van-het-leiden.md"

    func testTheFirstRunWritesTheCleanSite() throws {
        let report = try IncrementalBuild(build: build(into: "Site")).run()
        let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
        XCTAssertEqual(work.renderedPages, report.pages)
        XCTAssertEqual(work.parsedFiles, try files(in: "Content").keys.filter { $0.hasSuffix(".md") }.count)
        try assertSiteEqualsCleanBuild("first run")
    }

    func testAnEditToOneParagraphRendersOnlyThePagesThatShowIt() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        let first = try incremental.run()
        try edit(article) { $0.replacingOccurrences(of: "In dit vijfde artikel verschuift", with: "In dit vijfde artikel, zo blijkt, verschuift") }
        let report = try incremental.run()
        let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
        try assertSiteEqualsCleanBuild("after a paragraph edit")

        XCTAssertEqual(work.parsedFiles, 1)
        XCTAssertEqual(work.linkedPages, 1, "only the edited article is linked again")
        XCTAssertTrue(work.writtenFiles.contains("artikelen/de-kunst-van-het-leiden/index.html"), "\(work.writtenFiles)")
        // The search index: only the files of the stems whose hits changed: the words of the paragraph whose excerpt
        // it is, as its excerpt and its anchor (its opening words) changed.
        let terms = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Site/search/terms").path).count
            + FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Site/search/words").path).count
        let search = work.writtenFiles.filter { $0.hasPrefix("search/") }
        XCTAssertTrue(search.contains(SearchIndex.path(ofKey: "zo")), "\(search)")
        XCTAssertLessThan(search.count, terms / 10, "\(search.count) of \(terms) search files written: \(search)")
        print("A one-paragraph edit wrote \(search.count) of \(terms) search files: \(search.sorted())")
        // The concept pages that quote this paragraph change too; the other article, the miniatures and the
        // indexes do not.
        for unchanged in ["artikelen/nieuw-leiderschap-in-de-professionele-ruimte/index.html", "miniaturen/het-te-grote-pak/index.html",
                          "index.html", "begrippen/index.html", "assets/style.css"] {
            XCTAssertFalse(work.writtenFiles.contains(unchanged), "\(unchanged) was written again")
        }
        XCTAssertLessThan(work.renderedPages, first.pages / 2, "rendered \(work.renderedPages) of \(first.pages) pages")
    }

    /// A relation added, retyped or removed in one concept's file changes the other concept's page (its inverse) and
    /// the maps: the incremental site stays the clean build's.
    func testRelationEditsRebuildTheOtherConceptsPage() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        _ = try incremental.run()
        // (what, the file edited, the other concept, what its page shows or no longer shows)
        let steps: [(String, String, String, String, Bool)] = [
            ("an opposite added", "Content/concepts/systemische-lens.md", "culturele-lens", ">Staat tegenover</h3>", true),
            ("a part removed from its whole", "Content/concepts/vijf-lenzen.md", "psychodynamische-lens", ">Is onderdeel van</h3>", false),
            ("an untyped relation added", "Content/concepts/identity-work.md", "niet-weten", "<a href=\"../identity-work/\">", true),
        ]
        for (message, path, other, needle, shows) in steps {
            switch message {
            case "an opposite added":
                try edit(path) { $0.replacingOccurrences(of: "group: lens\n", with: "group: lens\nrelations:\n  opposite: [culturele-lens]\n") }
            case "a part removed from its whole":
                try edit(path) { $0.replacingOccurrences(of: "    - psychodynamische-lens\n", with: "") }
            default:
                try edit(path) { $0.replacingOccurrences(of: "related:\n", with: "related:\n  - niet-weten\n") }
            }
            let work = try XCTUnwrap(try incremental.run().incremental)
            try assertSiteEqualsCleanBuild(message)
            XCTAssertTrue(work.writtenFiles.contains("begrippen/\(other)/index.html"), "\(message): \(work.writtenFiles)")
            let page = try String(contentsOf: root.appendingPathComponent("Site/begrippen/\(other)/index.html"), encoding: .utf8)
            XCTAssertEqual(page.contains(needle), shows, "\(message): \(other) and \(needle)")
        }
    }

    func testANoChangeRunRendersAndWritesNothing() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        _ = try incremental.run()
        let report = try incremental.run()
        let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
        XCTAssertEqual(work.parsedFiles, 0)
        XCTAssertEqual(work.linkedPages, 0)
        XCTAssertEqual(work.renderedPages, 0)
        XCTAssertEqual(work.writtenFiles, [])
        XCTAssertEqual(work.removedFiles, [])
    }

    func testASequenceOfEditsKeepsTheSiteEqualToACleanBuild() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        _ = try incremental.run()
        let steps: [(String, () throws -> Void)] = [
            ("a concept renamed", { try self.edit("Content/concepts/purpose.md") { $0.replacingOccurrences(of: "title: \"Purpose\"", with: "title: \"Bestaansdoel\"") } }),
            ("an alias added", { try self.edit("Content/concepts/drive.md") { $0.replacingOccurrences(of: "aliases:\n", with: "aliases:\n  - \"gedrevenheid\"\n") } }),
            ("a paragraph inserted, so later paragraph anchors shift", {
                try self.edit(self.article) { $0.replacingOccurrences(of: "## Samenvatting\n", with: "## Samenvatting\n\nEen nieuwe eerste alinea.\n") }
            }),
            ("a heading renamed", { try self.edit(self.article) { $0.replacingOccurrences(of: "## Over de auteur", with: "## Over de schrijver") } }),
            ("a miniature added and embedded", {
                try self.write("Content/miniatures/de-nieuwe-teamleider.md",
                               "---\ntitle: \"De nieuwe teamleider\"\narticle: de-kunst-van-het-leiden\nlenses:\n  - systemische-lens\n---\nEen teamleider oefent met niet-weten.\n")
                try self.edit(self.article) { $0.replacingOccurrences(of: "![[het-te-grote-pak]]\n", with: "![[het-te-grote-pak]]\n\n![[De nieuwe teamleider]]\n") }
            }),
            ("an embedded miniature edited", { try self.edit("Content/miniatures/het-te-grote-pak.md") { $0 + "\nEen slotzin over identity work.\n" } }),
            ("two embeds swapped, so the miniatures' previous and next change", {
                try self.edit(self.article) {
                    let between = "\n\nDe tweede miniatuur gaat over een jonge directeur in de publieke sector.\n\n"
                    return $0.replacingOccurrences(of: "![[de-cfo-en-het-dashboard]]" + between + "![[het-te-grote-pak]]\n",
                                                   with: "![[het-te-grote-pak]]" + between + "![[de-cfo-en-het-dashboard]]\n")
                }
            }),
            ("a miniature's summary removed, so it opens with its first sentence", {
                try self.edit("Content/miniatures/de-cfo-en-het-dashboard.md") { $0.replacingOccurrences(of: "summary: \"Een CFO merkt", with: "# summary: \"Een CFO merkt") }
            }),
            ("an article's subtitle, authors and series changed", {
                try self.edit(self.article) {
                    $0.replacingOccurrences(of: "subtitle: Wat professionele", with: "subtitle: Over wat professionele")
                        .replacingOccurrences(of: "  - C.J. Goedmakers\n", with: "  - C.J. Goedmakers\n  - A. Tweede\n")
                        .replacingOccurrences(of: "series: 5\n", with: "series: 6\ndate: 2025-03-01\n")
                }
            }),
            ("a miniature's lens changed", {
                try self.edit("Content/miniatures/het-te-grote-pak.md") { $0.replacingOccurrences(of: "  - psychodynamische-lens\n", with: "  - systemische-lens\n") }
            }),
            ("a concept's group changed", {
                try self.edit("Content/concepts/drive.md") { $0.replacingOccurrences(of: "group: professionele-ruimte\n", with: "group: lens\n") }
            }),
            ("a reference added to the literature list", { try self.edit(self.article) { $0 + "\n- Zuiderveld, A. (2024). *Een nieuw boek*. Uitgeverij.\n" } }),
            ("a concept removed, and from the concept that lists it as related", {
                try FileManager.default.removeItem(at: self.root.appendingPathComponent("Content/concepts/betekenis.md"))
                try self.edit("Content/concepts/professionele-ruimte.md") { $0.replacingOccurrences(of: "    - betekenis\n", with: "") }
            }),
            ("a template changed", { try self.edit("Templates/layout.mustache") { $0.replacingOccurrences(of: "</body>", with: "<!-- voet -->\n</body>") } }),
            ("the site title changed", { try self.edit("Content/site.yml") { $0.replacingOccurrences(of: "title: Kennisbank", with: "title: De kennisbank") } }),
            ("an asset changed", { try self.edit("Templates/assets/style.css") { $0 + "\n/* extra */\n" } }),
            ("an article removed", { try FileManager.default.removeItem(at: self.root.appendingPathComponent("Content/articles/nieuw-leiderschap-in-de-professionele-ruimte.md")) }),
            ("a template of the folder removed: the built-in one again", { try FileManager.default.removeItem(at: self.root.appendingPathComponent("Templates/layout.mustache")) }),
            ("the templates folder removed: the built-ins", { try FileManager.default.removeItem(at: self.root.appendingPathComponent("Templates")) }),
        ]
        for (name, step) in steps {
            try step()
            let report = try incremental.run()
            let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
            XCTAssertGreaterThan(work.writtenFiles.count + work.removedFiles.count, 0, "\(name): nothing written")
            try assertSiteEqualsCleanBuild(name)
        }
        // The same text in other bytes: "cliënten" with a combining diaeresis is read in composed form, so the
        // site does not change, and the incremental build must not mistake the change for none either.
        try edit(article) { $0.replacingOccurrences(of: "cliënten", with: "clie\u{0308}nten") }
        XCTAssertEqual(try XCTUnwrap(incremental.run().incremental).writtenFiles, [])
        try assertSiteEqualsCleanBuild("a word respelled with a combining accent")
    }

    /// A figure's image added, replaced by one of another size, and removed again: the site stays what a clean
    /// build writes, the image and its smaller copies come and go with it.
    func testEditsOfAFiguresImageKeepTheSiteEqualToACleanBuild() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        _ = try incremental.run()
        let figureArticle = "Content/articles/nieuw-leiderschap-in-de-professionele-ruimte.md"
        let image = root.appendingPathComponent("Content/images/figuur-1.png")
        func png(width: Int) throws -> Data {
            try Vips.encode(pixels: [UInt8]((0..<(width * 40 * 3)).map { UInt8($0 % 251) }), width: width, height: 40, bands: 3, suffix: ".png")
        }
        let steps: [(String, () throws -> Void)] = [
            ("an image added and shown in the waiting figure", {
                try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
                try png(width: 1000).write(to: image)
                try self.edit(figureArticle) { $0.replacingOccurrences(of: "![]()", with: "![De vijf begrippen](../images/figuur-1.png)") }
            }),
            ("the image replaced by a narrower one", { try png(width: 600).write(to: image) }),
            ("the image removed and the figure waiting again", {
                try FileManager.default.removeItem(at: image)
                try self.edit(figureArticle) { $0.replacingOccurrences(of: "![De vijf begrippen](../images/figuur-1.png)", with: "![]()") }
            }),
        ]
        for (name, step) in steps {
            try step()
            _ = try incremental.run()
            try assertSiteEqualsCleanBuild(name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Site/afbeeldingen").path))
    }

    /// Routes read every step's target: an edit of a route, of what a step shows, of the heading a step names, a
    /// route added, renamed or removed (the last one takes "Leerroutes" out of every page's navigation) leave the
    /// site a clean build with drafts writes.
    func testEditsOfRoutesAndTheirTargetsKeepTheSiteEqualToACleanBuild() throws {
        let incremental = IncrementalBuild(build: build(into: "Site", drafts: true))
        let first = try incremental.run()
        XCTAssertEqual(first.diagnostics, [])
        try assertSiteEqualsCleanBuild("first run with the routes", drafts: true)
        let lenses = "Content/leerroutes/door-de-vijf-lenzen.md"
        let steps: [(String, () throws -> Void)] = [
            ("a route's instruction edited", { try self.edit(lenses) { $0.replacingOccurrences(of: "Lees de definitie en de vijf namen.", with: "Lees de definitie.") } }),
            ("a route's duration edited", { try self.edit(lenses) { $0.replacingOccurrences(of: "(15-20 min)", with: "(25 min)") } }),
            ("a target concept's summary edited", { try self.edit("Content/concepts/vijf-lenzen.md") { $0.replacingOccurrences(of: "summary: \"Vijf manieren", with: "summary: \"Vijf wijzen") } }),
            ("a paragraph of a target section edited", { try self.edit(self.article) { $0.replacingOccurrences(of: "De systemische lens zoomt uit.", with: "De systemische lens zoomt ver uit.") } }),
            ("a target miniature edited", { try self.edit("Content/miniatures/het-te-grote-pak.md") { $0 + "\nEen slotzin.\n" } }),
            ("two steps of a route swapped: the miniatures' 'In leerroutes' name other steps", {
                try self.edit(lenses) { text in
                    let lines = text.components(separatedBy: "\n")
                    let third = lines.firstIndex { $0.hasPrefix("3. ") }!, fourth = lines.firstIndex { $0.hasPrefix("4. ") }!
                    var swapped = lines
                    swapped[third] = "3. " + lines[fourth].dropFirst(3)
                    swapped[fourth] = "4. " + lines[third].dropFirst(3)
                    return swapped.joined(separator: "\n")
                }
            }),
            ("a route renamed", { try self.edit(lenses) { $0.replacingOccurrences(of: "title: Door de vijf lenzen", with: "title: Langs de vijf lenzen") } }),
            ("a route added", {
                try self.write("Content/leerroutes/kort.md", "---\ntitle: Kort\n---\n1. [[niet-weten]] — Lees de definitie. (5 min)\n")
            }),
            ("a step's heading renamed in its article", {
                try self.edit(self.article) { $0.replacingOccurrences(of: "## 4. Vijf lenzen op leiderschapsidentiteit", with: "## 4. Vijf lenzen op identiteit") }
            }),
            ("every route removed", {
                try FileManager.default.removeItem(at: self.root.appendingPathComponent("Content/leerroutes"))
            }),
        ]
        for (name, step) in steps {
            try step()
            let report = try incremental.run()
            let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
            XCTAssertGreaterThan(work.writtenFiles.count + work.removedFiles.count, 0, "\(name): nothing written")
            try assertSiteEqualsCleanBuild(name, drafts: true)
        }
    }

    /// The output link check reuses the checks of pages that were not rendered again; its warnings must be
    /// those of a clean build when an anchor a link points to appears, and when it disappears again.
    func testBrokenLinkWarningsFollowTheAnchorsTheyPointTo() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        let target = "Content/articles/nieuw-leiderschap-in-de-professionele-ruimte.md"
        func brokenLinks(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.filter { $0.code == .brokenLink }.map(\.message) }
        func assertSameWarnings(_ message: String, broken: Int) throws {
            let found = brokenLinks(try incremental.run().diagnostics)
            let clean = brokenLinks(try build(into: "Clean").run().diagnostics)
            XCTAssertEqual(found, clean, message)
            XCTAssertEqual(found.count, broken, "\(message): \(found)")
        }
        try edit(article) { $0 + "\nZie [de nieuwe kop](../nieuw-leiderschap-in-de-professionele-ruimte/#een-nieuwe-kop).\n" }
        try assertSameWarnings("a link to an anchor that does not exist", broken: 1)
        try edit(target) { $0 + "\n## Een nieuwe kop\n\nTekst.\n" }
        try assertSameWarnings("the anchor added", broken: 0)
        // A page the link does not lead to: the check made when the anchor appeared must be the one remembered.
        try edit("Content/concepts/box.md") { $0 + "\nNog een zin over de box.\n" }
        try assertSameWarnings("a page the link does not lead to edited", broken: 0)
        try edit(target) { $0 + "\nNog een alinea.\n" }
        try assertSameWarnings("an anchor added elsewhere on the page", broken: 0)
        try edit(target) { $0.replacingOccurrences(of: "\n## Een nieuwe kop\n", with: "\n") }
        try assertSameWarnings("the anchor removed", broken: 1)
    }

    /// A `[[page#anchor]]` to a paragraph follows the paragraph's opening words: the page that links is linked
    /// again when the anchor goes or comes back, and its warning is a clean build's.
    func testWikilinksToAParagraphFollowItsOpeningWords() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        let target = "Content/articles/nieuw-leiderschap-in-de-professionele-ruimte.md"
        func unresolved(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.filter { $0.code == .unresolvedHeading }.map(\.description) }
        func assertSameWarnings(_ message: String, count: Int) throws {
            let found = unresolved(try incremental.run().diagnostics)
            XCTAssertEqual(found, unresolved(try build(into: "Clean").run().diagnostics), message)
            XCTAssertEqual(found.count, count, "\(message): \(found)")
            XCTAssertEqual(try files(in: "Site").filter { $0.key != ".kennisbank-manifest" }, try files(in: "Clean").filter { $0.key != ".kennisbank-manifest" }, message)
        }
        try edit(article) { $0 + "\nZie [[nieuw-leiderschap-in-de-professionele-ruimte#velen-denken-dus-kennelijk-dat]].\n" }
        try assertSameWarnings("a link to a paragraph that is there", count: 0)
        try edit(target) { $0.replacingOccurrences(of: "Velen denken dus kennelijk dat", with: "Velen menen dus kennelijk dat") }
        try assertSameWarnings("its opening words edited", count: 1)
        try edit(target) { $0.replacingOccurrences(of: "Velen menen dus kennelijk dat", with: "Velen denken dus kennelijk dat") }
        try assertSameWarnings("its opening words back", count: 0)
    }

    func testAPagesBacklinksFollowTheSentenceOfTheLinkingPage() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        _ = try incremental.run()
        let linked = "artikelen/de-kunst-van-het-leiden/index.html"
        try edit("Content/concepts/vijf-lenzen.md") {
            $0.replacingOccurrences(of: "worden in [[De kunst van het leiden]] toegepast", with: "worden in [[De kunst van het leiden]] telkens toegepast")
        }
        let work = try XCTUnwrap(try incremental.run().incremental)
        try assertSiteEqualsCleanBuild("the sentence around a link edited")
        XCTAssertTrue(work.writtenFiles.contains(linked), "\(work.writtenFiles)")
        let html = String(decoding: try XCTUnwrap(try files(in: "Site")[linked]), as: UTF8.self)
        XCTAssertTrue(html.contains("worden in De kunst van het leiden telkens toegepast op leiders."), "the backlink shows the new sentence")
        try edit("Content/concepts/vijf-lenzen.md") { $0.replacingOccurrences(of: "[[De kunst van het leiden]]", with: "De kunst van het leiden") }
        _ = try incremental.run()
        try assertSiteEqualsCleanBuild("the link removed")
        let without = String(decoding: try XCTUnwrap(try files(in: "Site")[linked]), as: UTF8.self)
        XCTAssertFalse(without.contains("telkens toegepast"), "the backlink is gone with the link")
    }

    func testAFailedRunWritesNothingAndTheNextRunCatchesUp() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        _ = try incremental.run()
        let before = try files(in: "Site")
        try edit("Content/concepts/purpose.md") { $0.replacingOccurrences(of: "title: \"Purpose\"", with: "title: [\"Purpose\"") }
        try edit(article) { $0.replacingOccurrences(of: "## Samenvatting\n", with: "## Samenvatting\n\nEen zin die pas na de fout verschijnt.\n") }
        XCTAssertThrowsError(try incremental.run())
        XCTAssertEqual(try files(in: "Site"), before, "a failed run changed the site")
        try edit("Content/concepts/purpose.md") { $0.replacingOccurrences(of: "title: [\"Purpose\"", with: "title: \"Purpose\"") }
        let report = try incremental.run()
        let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
        XCTAssertTrue(work.writtenFiles.contains("artikelen/de-kunst-van-het-leiden/index.html"))
        try assertSiteEqualsCleanBuild("after the fix")
    }

    func testARemovedOutputFolderIsWrittenWhole() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        _ = try incremental.run()
        try FileManager.default.removeItem(at: root.appendingPathComponent("Site"))
        let report = try incremental.run()
        let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
        XCTAssertEqual(work.renderedPages, report.pages)
        try assertSiteEqualsCleanBuild("after removing Site/")
    }

    /// Told which files changed (as `serve`'s watcher tells it), a run reads only those, and takes every other
    /// file as it was last read when that file had settled by then; a file saved moments before it was read is
    /// read again by the next run, reported or not. The stamps' clock is stopped at chosen times, so what counts
    /// as "moments before" does not depend on how fast the machine runs the test.
    func testARunToldWhatChangedReadsOnlyThatAndStillCatchesARacySave() throws {
        let incremental = IncrementalBuild(build: build(into: "Site"))
        let clock = incremental.memo.files.clock
        _ = try incremental.run()
        // Three seconds on, every stamp has settled: this run reads the files again and trusts them from now on.
        clock.stop(at: StampClock.system + 3 * StampedFiles.settled / 2)
        _ = try incremental.run(changedPaths: [])
        let article = "Content/articles/de-kunst-van-het-leiden.md"
        let page = root.appendingPathComponent("Site/artikelen/de-kunst-van-het-leiden/index.html")
        try edit(article) { $0 + "\nEen zin die de build niet ziet.\n" }
        // Not reported: the run takes the file as it was, so the page does not change.
        _ = try incremental.run(changedPaths: [])
        XCTAssertFalse(try String(contentsOf: page, encoding: .utf8).contains("Een zin die de build niet ziet."))
        // Reported, as the watcher reports it (its own spelling of the path): the page shows the sentence. The
        // clock reads the time of the save, so the file is read moments after it was saved.
        clock.stop(at: StampClock.system)
        let reported = root.appendingPathComponent("Content/").path + "/articles/./de-kunst-van-het-leiden.md"
        let report = try incremental.run(changedPaths: [reported])
        let work = try XCTUnwrap(report.incremental, "an incremental run reports its work")
        XCTAssertEqual(work.parsedFiles, 1)
        try assertSiteEqualsCleanBuild("after the reported edit")
        // Saved again at once, to the same size: the file was read moments after a save, so it is read again
        // even though nothing reports it.
        try edit(article) { $0.replacingOccurrences(of: "Een zin die de build niet ziet.", with: "Een zin die de build wel ziet.") }
        _ = try incremental.run(changedPaths: [])
        try assertSiteEqualsCleanBuild("after an unreported save moments after a read")
    }
}
