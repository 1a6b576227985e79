import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The `kennisbank` executable, run as the author runs it.
final class CommandTests: XCTestCase {
    private var binary: URL { KennisbankExecutable.url }

    private func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String, errors: String) {
        try KennisbankExecutable.run(arguments, in: directory)
    }

    /// Two builds of the real content in two processes: Swift seeds its hashing per process, so any output
    /// that follows a dictionary's or set's order differs between them.
    func testBuildsInTwoProcessesAreByteIdentical() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder(["leeg.txt": ""])
        let content = Fixtures.repository.appendingPathComponent("Content").path
        let templates = Fixtures.repository.appendingPathComponent("Templates").path
        var sites: [[String: Data]] = []
        for name in ["Een", "Twee"] {
            let result = try run(["build", "--content", content, "--templates", templates, "--output", root.appendingPathComponent(name).path], in: root)
            XCTAssertEqual(result.status, 0, result.errors)
            sites.append(try files(under: root.appendingPathComponent(name)))
        }
        XCTAssertGreaterThanOrEqual(sites[0].count, 30, "a page per article, concept and miniature, the index pages and the assets")
        XCTAssertEqual(sites[0].keys.sorted(), sites[1].keys.sorted())
        for (path, data) in sites[0].sorted(by: { $0.key < $1.key }) where sites[1][path] != data {
            XCTFail("\(path) differs between the two builds")
        }
    }

    /// The repository's own content is clean: no errors and no warnings.
    func testStrictCheckOfTheRealContentPasses() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let result = try run(["check", "--strict", "--content", "Content", "--templates", "Templates"], in: Fixtures.repository)
        XCTAssertEqual(result.status, 0, result.errors)
    }

    /// `check` reports a relation type that is not in the vocabulary at its line and column, with "did you mean",
    /// and fails.
    func testCheckReportsABadRelationTypeAtItsLine() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/concepts/lens.md": "---\ntitle: Lens\nrelations:\n  onderdeelVan: [lenzen]\n---\nUitleg.\n",
            "Content/concepts/lenzen.md": "---\ntitle: Lenzen\n---\nUitleg.\n",
        ])
        let result = try run(["check", "--templates", Fixtures.repository.appendingPathComponent("Templates").path], in: root)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("Content/concepts/lens.md:4:3: error: 'onderdeelVan' in 'relations' is no relation type; the types are broader, narrower, partOf, hasPart, opposite, related.\n"), result.errors)
        XCTAssertTrue(result.errors.contains("did you mean 'partOf' (is onderdeel van)?"), result.errors)
    }

    func testCheckReportsABrokenWikilinkWithFileLineAndColumn() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nEerste alinea.\n\nHier een [[nergens]] link.\n",
        ])
        let templates = Fixtures.repository.appendingPathComponent("Templates").path
        let text = try run(["check", "--templates", templates], in: root)
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.errors.contains("Content/articles/a.md:8:10: warning: The link '[[nergens]]' names no article, concept or miniature.\n"), text.errors)
        XCTAssertTrue(text.errors.contains("    Hier een [[nergens]] link.\n             ^\n"), text.errors)

        let strict = try run(["check", "--strict", "--format", "json", "--templates", templates], in: root)
        XCTAssertEqual(strict.status, 2)
        let json = try JSONSerialization.jsonObject(with: Data(strict.output.utf8)) as! [[String: Any]]
        XCTAssertEqual(json.count, 1)
        XCTAssertEqual(json[0]["line"] as? Int, 8)
        XCTAssertEqual(json[0]["column"] as? Int, 10)
        XCTAssertEqual(json[0]["code"] as? String, "unresolved-wikilink")
    }

    func testBuildErrorsExitOneAndKeepTheSite() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/articles/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nTekst.\n",
        ])
        let templates = Fixtures.repository.appendingPathComponent("Templates").path
        XCTAssertEqual(try run(["build", "--templates", templates], in: root).status, 0)
        let page = root.appendingPathComponent("Site/artikelen/a/index.html")
        let before = try Data(contentsOf: page)
        try "---\ntitle: A\nseries: twee\n---\n".write(to: root.appendingPathComponent("Content/articles/a.md"), atomically: true, encoding: .utf8)
        let failed = try run(["build", "--templates", templates], in: root)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.errors.contains("Content/articles/a.md:3:9: error: The field 'series' must be a whole number of 1 or more, such as 3."), failed.errors)
        XCTAssertEqual(try Data(contentsOf: page), before)
    }

    /// A reader's file in the output folder stops the build, which deletes nothing; a site left by a stopped
    /// update is written whole, and the build says so in one line.
    func testBuildKeepsAReadersFileAndRepairsAStoppedUpdate() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/articles/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nTekst.\n",
            "Site/mijn-notities.txt": "Niet weggooien.\n",
        ])
        let templates = Fixtures.repository.appendingPathComponent("Templates").path
        let refused = try run(["build", "--templates", templates], in: root)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.errors.contains("Site' holds a file that Kennisbank did not write: 'mijn-notities.txt'. A build replaces the whole folder; "
                                              + "move it elsewhere or choose another output folder.\n"), refused.errors)
        XCTAssertEqual(try files(under: root.appendingPathComponent("Site")), ["mijn-notities.txt": Data("Niet weggooien.\n".utf8)])

        try FileManager.default.removeItem(at: root.appendingPathComponent("Site/mijn-notities.txt"))
        XCTAssertEqual(try run(["build", "--templates", templates], in: root).status, 0)
        try SiteManifest.journal(writing: ["artikelen/a/index.html"], removing: []).write(to: root.appendingPathComponent("Site/" + SiteManifest.journalName))
        let repaired = try run(["build", "--templates", templates], in: root)
        XCTAssertEqual(repaired.status, 0, repaired.errors)
        XCTAssertTrue(repaired.errors.contains("Site' was left part old, part new by an update that was stopped part way; it was written whole again.\nBuilt "), repaired.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Site/" + SiteManifest.journalName).path))
    }

    func testCheckCountsAcknowledgedWarningsInOneLineAndListsThemOnRequest() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\nignoreWarnings: [incomplete-reference]\ndate: 2024-01-01\n---\nTekst.\n\n## Literatuur\n\n- Bion. (1967).\n- Weick. (1995).\n",
        ])
        let templates = Fixtures.repository.appendingPathComponent("Templates").path
        let strict = try run(["check", "--strict", "--templates", templates], in: root)
        XCTAssertEqual(strict.status, 0, strict.errors)
        XCTAssertEqual(strict.errors, "No problems found.\n2 warnings in 1 file acknowledged by ignoreWarnings; `check --show-ignored` lists them.\n")
        let shown = try run(["check", "--show-ignored", "--templates", templates], in: root)
        XCTAssertEqual(shown.status, 0)
        XCTAssertTrue(shown.errors.hasPrefix("Acknowledged by ignoreWarnings:\nContent/articles/a.md:11:1: warning: The reference 'Bion. (1967).' is incomplete"), shown.errors)
        XCTAssertTrue(shown.errors.hasSuffix("2 warnings in 1 file acknowledged by ignoreWarnings (listed above).\n"), shown.errors)
    }

    /// `check --mentions --format json` prints one JSON document, the diagnostics and the mentions side by side;
    /// without `--mentions` the array of diagnostics stays as it was.
    func testCheckMentionsAsJSONIsOneDocument() throws {
        let root = try temporaryFolder([
            "Content/site.yml": "title: Proef\n",
            "Content/concepts/niet-weten.md": "---\ntitle: Niet-weten\n---\nUitleg.\n",
            "Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nOver niet-weten en [[nergens]].\n",
        ])
        let templates = Fixtures.repository.appendingPathComponent("Templates").path
        let both = try run(["check", "--mentions", "--format", "json", "--templates", templates], in: root)
        XCTAssertEqual(both.status, 0, both.errors)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(both.output.utf8)) as? [String: Any], both.output)
        XCTAssertEqual(document.keys.sorted(), ["diagnostics", "mentions"])
        XCTAssertEqual((document["diagnostics"] as? [[String: Any]])?.map { $0["code"] as? String }, ["unresolved-wikilink"])
        XCTAssertEqual((document["mentions"] as? [[String: Any]])?.map { $0["concept"] as? String }, ["niet-weten"])
        let plain = try run(["check", "--format", "json", "--templates", templates], in: root)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(plain.output.utf8)) as? [[String: Any]])?.count, 1, plain.output)
    }

    /// A `--content` that does not exist or is a file is named as such, not as a folder without site.yml.
    func testAContentFolderThatIsMissingOrAFileIsNamed() throws {
        let root = try temporaryFolder(["los.md": "Tekst.\n"])
        let missing = try run(["check", "--content", "Nergens"], in: root)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.errors.hasPrefix("Nergens: error: The content folder 'Nergens' does not exist.\n"), missing.errors)
        let file = try run(["check", "--content", "los.md"], in: root)
        XCTAssertEqual(file.status, 1)
        XCTAssertTrue(file.errors.hasPrefix("los.md: error: 'los.md' is a file, not a content folder"), file.errors)
        XCTAssertFalse(file.errors.contains("site.yml in the content folder"), file.errors)
    }

    func testNewWritesFrontMatterAndRefusesToOverwrite() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder(["Content/site.yml": "title: Proef\n"])
        let first = try run(["new", "miniature", "Een scène met Zoë"], in: root)
        XCTAssertEqual(first.status, 0)
        XCTAssertEqual(first.output, "Content/miniatures/een-scene-met-zoe.md\n")
        let text = try String(contentsOf: root.appendingPathComponent("Content/miniatures/een-scene-met-zoe.md"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\ntitle: \"Een scène met Zoë\"\n"))
        XCTAssertEqual(try run(["new", "miniature", "Een scène met Zoë"], in: root).status, 1)
    }

    /// `new` refuses a title it cannot make a file of, says why, and writes nothing; a long title gets a capped slug.
    func testNewRefusesTitlesWithoutLettersAndCapsLongSlugs() throws {
        let root = try temporaryFolder(["Content/site.yml": "title: Proef\n"])
        for title in ["", "   ", "😀", "/", "..."] {
            let result = try run(["new", "concept", title], in: root)
            XCTAssertEqual(result.status, 1, title)
            XCTAssertEqual(result.output, "", title)
            XCTAssertTrue(result.errors.contains(title.trimmingCharacters(in: .whitespaces).isEmpty ? "The title is empty" : "no letter or digit"),
                          "\(title): \(result.errors)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/concepts").path))
        let long = String(repeating: "Lang woord ", count: 30)
        let written = try run(["new", "concept", long], in: root)
        XCTAssertEqual(written.status, 0, written.errors)
        let name = try XCTUnwrap(written.output.split(separator: "/").last).dropLast(4)
        XCTAssertLessThanOrEqual(name.utf8.count, 80)
        XCTAssertTrue(name.hasPrefix("lang-woord-lang-woord") && name.hasSuffix("woord"), String(name))
    }

    /// A file-system error of `new` is said in plain words, with the path.
    func testNewSaysAFileSystemErrorInPlainWords() throws {
        let root = try temporaryFolder(["Content/concepts": "een bestand, geen map\n"])
        let result = try run(["new", "concept", "Niet-weten"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "Content/concepts/niet-weten.md: error: The file could not be written: File exists (Content/concepts).\n")
        let inside = try run(["new", "concept", "Niet-weten", "--content", "Content/concepts"], in: root)
        XCTAssertEqual(inside.errors, "Content/concepts/concepts/niet-weten.md: error: The file could not be written: Not a directory (Content/concepts/concepts).\n")
    }

    /// `templates export` writes the built-in files, byte for byte the repository's Templates/ (which also shows that
    /// the executable embeds the folder as it is now), and prints each path it wrote.
    func testTemplatesExportWritesTheBuiltInFilesAsTheRepositoryHasThem() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder(["leeg.txt": ""])
        let result = try run(["templates", "export", "Mijn templates"], in: root)
        XCTAssertEqual(result.status, 0, result.errors)
        let exported = try files(under: root.appendingPathComponent("Mijn templates"))
        let repository = try files(under: Fixtures.repository.appendingPathComponent("Templates"))
        XCTAssertEqual(exported.keys.sorted(), repository.keys.sorted())
        for (path, data) in repository where exported[path] != data {
            XCTFail("the exported \(path) differs from Templates/\(path): build again, the embedded copy is out of date")
        }
        XCTAssertTrue(result.output.contains("Mijn templates/layout.mustache\n"), result.output)
        XCTAssertTrue(result.output.contains("Mijn templates/assets/style.css\n"), result.output)
        XCTAssertTrue(result.errors.contains("Wrote \(repository.count) files into Mijn templates/."), result.errors)
    }

    /// `templates export` never overwrites: a changed file is reported and kept, exit 1; an equal one is left quietly.
    func testTemplatesExportNeverOverwritesAFile() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder(["T/layout.mustache": "<html>mijn eigen</html>\n"])
        let first = try run(["templates", "export", "T"], in: root)
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.errors.contains("T/layout.mustache: error: The file exists and differs from the built-in one; Kennisbank does not overwrite it."), first.errors)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("T/layout.mustache"), encoding: .utf8), "<html>mijn eigen</html>\n")
        XCTAssertFalse(first.output.contains("T/layout.mustache"), first.output)
        XCTAssertTrue(first.output.contains("T/article.mustache\n"), first.output)
        let second = try run(["templates", "export", "T"], in: root)
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(second.output, "")
        XCTAssertTrue(second.errors.contains("Wrote 0 files into T/;"), second.errors)
    }

    /// A content folder without Templates beside it builds with the built-in templates; Templates beside it replace
    /// them file by file; a --templates folder that does not exist is an error, not a silent fall-back.
    func testBuildUsesTheBuiltInTemplatesAndTheFolderBesideTheContent() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder([
            "boek/Content/site.yml": "title: Proef\n",
            "boek/Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\n---\nTekst.\n",
        ])
        let builtIn = try run(["build", "--content", "boek/Content", "--output", "Zonder"], in: root)
        XCTAssertEqual(builtIn.status, 0, builtIn.errors)
        let style = try Data(contentsOf: Fixtures.repository.appendingPathComponent("Templates/assets/style.css"))
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("Zonder/assets/style.css")), style)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("boek/Templates/assets"), withIntermediateDirectories: true)
        try "body { color: black; }\n".write(to: root.appendingPathComponent("boek/Templates/assets/style.css"), atomically: true, encoding: .utf8)
        let own = try run(["build", "--content", "boek/Content", "--output", "Met"], in: root)
        XCTAssertEqual(own.status, 0, own.errors)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("Met/assets/style.css"), encoding: .utf8), "body { color: black; }\n")
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("Met/artikelen/a/index.html")),
                       try Data(contentsOf: root.appendingPathComponent("Zonder/artikelen/a/index.html")))

        let misspelt = try run(["build", "--content", "boek/Content", "--templates", "boek/Templats", "--output", "Fout"], in: root)
        XCTAssertNotEqual(misspelt.status, 0)
        XCTAssertTrue(misspelt.errors.contains("The templates folder 'boek/Templats' does not exist."), misspelt.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Fout").path))
    }

    /// The folder beside the content is found whatever form the content's path takes: one word (`C`, which once
    /// crashed in Foundation's path methods), a trailing slash, `./`, or from inside it (`.`).
    func testTheTemplatesBesideTheContentAreFoundFromAnyFormOfItsPath() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), "build the kennisbank product first (swift build --build-tests)")
        let root = try temporaryFolder([
            "C/site.yml": "title: Proef\n",
            "C/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nTekst.\n",
            "Templates/assets/style.css": "body { color: black; }\n",
        ])
        for (content, folder) in [("C", root), ("C/", root), ("./C", root), (".", root.appendingPathComponent("C"))] {
            let result = try run(["build", "--content", content, "--output", root.appendingPathComponent("S").path], in: folder)
            XCTAssertEqual(result.status, 0, "\(content): \(result.errors)")
            XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("S/assets/style.css"), encoding: .utf8), "body { color: black; }\n", content)
        }
    }
}
