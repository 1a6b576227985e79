import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

final class ContentLoaderTests: XCTestCase {
    func testLoadsEveryKindInOrder() throws {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\nlanguage: nl\n",
            "C/articles/b.md": "---\ntitle: Tweede\nseries: 2\ndate: 2024-01-01\n---\nTekst.\n",
            "C/articles/a.md": "---\ntitle: Eerste\nseries: 1\ndate: 2024-01-01\n---\nTekst.\n",
            "C/articles/klad.md": "---\ntitle: Klad\ndraft: true\n---\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\naliases: [not-knowing]\ngroup: lens\n---\nUitleg.\n",
            "C/miniatures/m.md": "---\ntitle: Scène\narticle: a\nlenses: [niet-weten]\n---\nScène.\n",
        ])
        let content = try ContentLoader(directory: "C", fileSystem: files).load()
        XCTAssertEqual(content.articles.map(\.item.id.slug), ["a", "b"])
        XCTAssertEqual(content.concepts.first?.item.aliases, ["not-knowing"])
        XCTAssertEqual(content.concepts.first?.group, "lens")
        XCTAssertEqual(content.miniatures.first?.lenses, ["niet-weten"])
        XCTAssertEqual(content.articles[0].item.document.blocks.first?.range.start.line, 6)
    }

    func testReportsEveryProblemAtOnce() {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\n",
            "C/articles/a.md": "---\nsummary: geen titel\ndate: 2024-01-01\n---\n",
            "C/concepts/a.md": "---\ntitle: Zelfde slug\n---\n",
            "C/concepts/B c.md": "---\ntitle: B\n---\n",
            "C/miniatures/m.md": "---\ntitle: [\n---\n",
        ])
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: files).load()) { error in
            let codes = (error as! BuildFailure).diagnostics.map(\.code)
            XCTAssertEqual(Set(codes), [.missingField, .invalidSlug, .frontMatter])
        }
        let duplicate = InMemoryFileSystem([
            "C/site.yml": "title: KB\n",
            "C/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\n",
            "C/concepts/a.md": "---\ntitle: Zelfde slug\n---\n",
        ])
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: duplicate).load()) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics, [
                Diagnostic(path: "C/concepts/a.md", position: .start, code: .duplicateSlug,
                           message: "The slug 'a' is already used by C/articles/a.md; rename one of the files."),
            ])
        }
    }

    func testSiteConfigDefaultsAndErrors() throws {
        let config = try SiteConfig.parse(SourceFile(path: "site.yml", text: "title: KB\nbaseURL: https://example.org/kb\n"))
        XCTAssertEqual(config.language, "nl")
        XCTAssertEqual(config.baseURL, "https://example.org/kb/")
        XCTAssertEqual(config.conceptLinking, .firstPerPage)
        XCTAssertThrowsError(try SiteConfig.parse(SourceFile(path: "site.yml", text: "title: KB\nconceptLinking: soms\n"))) { error in
            XCTAssertEqual((error as! Diagnostic).position, SourcePosition(line: 2, column: 1))
        }
    }

    /// site.yml is YAML fields without `---` lines: its messages name site.yml, not front matter, and point at its own lines.
    func testMessagesAboutSiteYmlNameSiteYml() {
        func problem(_ text: String) -> Diagnostic? {
            let files = InMemoryFileSystem(["C/site.yml": text])
            do { _ = try ContentLoader(directory: "C", fileSystem: files).load() } catch { return error.diagnostics.first }
            return nil
        }
        XCTAssertEqual(problem("titel: KB\n"), Diagnostic(path: "C/site.yml", position: .start, code: .missingField,
                                                         message: "site.yml has no 'title'; add a line 'title: …'.",
                                                         hint: "the field 'titel' is there: did you mean 'title'?"))
        XCTAssertEqual(problem("title: KB\ndescription: [open\n"), Diagnostic(
            path: "C/site.yml", position: SourcePosition(line: 3, column: 1), code: .frontMatter,
            message: "site.yml is not valid YAML: did not find expected ',' or ']'.",
            hint: "while parsing a flow sequence, which begins at line 2, column 14"))
        XCTAssertEqual(problem("- title\n- KB\n"), Diagnostic(path: "C/site.yml", position: SourcePosition(line: 1, column: 1), code: .frontMatter,
                                                             message: "site.yml must be a list of 'key: value' fields."))
        // A YAML document marker is YAML, not the start of front matter.
        XCTAssertNil(problem("---\ntitle: KB\n"))
    }

    /// A field Kennisbank does not read is a warning at its key, with a hint when it is close to a field of the file's kind
    /// or the kinds that have it; the fields of every kind, and those that other parts of Kennisbank read, are not.
    func testFieldsKennisbankIgnoresAreWarnings() throws {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\ntittle: KB\nportable: true\nseriesAuthor: C.J.\n",
            "C/articles/a.md": "---\ntitle: A\ntitel: Een\ngroup: lens\nsubtitle: S\nauthors: [x]\nseries: 1\ndate: 2025-01-01\n"
                + "summary: s\ntags: [t]\naliases: [/oud/]\ndraft: false\nignoreWarnings: [broken-link]\nkleur: rood\n---\nTekst.\n",
            "C/concepts/b.md": "---\ntitle: B\naliases: [bee]\nsumary: s\nrelated: [c]\ngroup: lens\nlinking: aliases-only\n---\nUitleg.\n",
            "C/concepts/c.md": "---\ntitle: C\n---\nUitleg.\n",
            "C/miniatures/m.md": "---\ntitle: M\narticle: a\nlenses: [b]\nsummary: s\nignoreWarnings: []\n---\nScène.\n",
        ])
        let content = try ContentLoader(directory: "C", fileSystem: files).load()
        let warning = { (path: String, line: Int, message: String, hint: String?) in
            Diagnostic(path: path, position: SourcePosition(line: line, column: 1), severity: .warning, code: .unknownField, message: message, hint: hint)
        }
        XCTAssertEqual(content.diagnostics, [
            warning("C/site.yml", 2, "The field 'tittle' is not a setting of site.yml; Kennisbank ignores it.", "did you mean 'title'?"),
            warning("C/articles/a.md", 3, "The field 'titel' is not a field of articles; Kennisbank ignores it.", "did you mean 'title'?"),
            warning("C/articles/a.md", 4, "The field 'group' is a field of concepts, not of articles; Kennisbank ignores it.", nil),
            warning("C/articles/a.md", 14, "The field 'kleur' is not a field of articles; Kennisbank ignores it.", nil),
            warning("C/concepts/b.md", 4, "The field 'sumary' is not a field of concepts; Kennisbank ignores it.", "did you mean 'summary'?"),
        ])
    }

    /// Every problem in the fields of a file is reported, not only the first, each at its value.
    func testEveryProblemInAFilesFieldsIsReported() {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: KB\n",
            "C/articles/a.md": "---\ntitle: 5\nauthors: 5\ntags: 7\nseries: -3\ndate: gisteren\n---\nTekst.\n",
        ])
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: files).load()) { error in
            let diagnostics = (error as! BuildFailure).diagnostics
            XCTAssertEqual(diagnostics.map { "\($0.position!):\($0.code.rawValue):\($0.message)" }, [
                "2:8:invalid-field:The field 'title' must be text.",
                "3:10:invalid-field:The field 'authors' must be a list of texts.",
                "5:9:invalid-field:The field 'series' must be a whole number of 1 or more, such as 3.",
                "6:7:invalid-field:The field 'date' must be a date written YYYY-MM-DD, such as 2025-03-14.",
                "4:7:invalid-field:The field 'tags' must be a list of texts.",
            ])
        }
    }

    /// A slug in `related`, `lenses` or `article` that names no file is an error at the slug, with "did you mean";
    /// a draft article is a file, and the draft is left out without an error.
    func testSlugsThatNameNoFileAreErrorsAtTheSlug() throws {
        var files = InMemoryFileSystem([
            "C/site.yml": "title: KB\nseriesAuthor: A\n",
            "C/articles/de-kunst.md": "---\ntitle: Kunst\ndate: 2024-01-01\n---\nTekst.\n",
            "C/articles/klad.md": "---\ntitle: Klad\ndraft: true\n---\nTekst.\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\nrelated:\n  - niet-wetn\n  - spiegel\n---\nUitleg.\n",
            "C/concepts/spiegel.md": "---\ntitle: Spiegel\nrelated: [niet-weten]\n---\nUitleg.\n",
            "C/miniatures/m.md": "---\ntitle: M\narticle: de-kunts\nlenses: [spiegel, onbekend]\n---\nScène.\n",
            "C/miniatures/n.md": "---\ntitle: N\narticle: klad\n---\nScène.\n",
        ])
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: files).load()) { error in
            XCTAssertEqual((error as! BuildFailure).diagnostics, [
                Diagnostic(path: "C/concepts/niet-weten.md", position: SourcePosition(line: 4, column: 5), code: .unresolvedSlug,
                           message: "The field 'related' names 'niet-wetn', but there is no concept 'niet-wetn' (concepts/niet-wetn.md).",
                           hint: "did you mean 'niet-weten'?"),
                Diagnostic(path: "C/miniatures/m.md", position: SourcePosition(line: 3, column: 10), code: .unresolvedSlug,
                           message: "The field 'article' names 'de-kunts', but there is no article 'de-kunts' (articles/de-kunts.md).",
                           hint: "did you mean 'de-kunst'?"),
                Diagnostic(path: "C/miniatures/m.md", position: SourcePosition(line: 4, column: 19), code: .unresolvedSlug,
                           message: "The field 'lenses' names 'onbekend', but there is no concept 'onbekend' (concepts/onbekend.md)."),
            ])
        }
        files.files["C/concepts/niet-weten.md"] = Data("---\ntitle: Niet-weten\nrelated: [spiegel]\n---\nUitleg.\n".utf8)
        files.files["C/miniatures/m.md"] = Data("---\ntitle: M\narticle: de-kunst\nlenses: [spiegel]\n---\nScène.\n".utf8)
        XCTAssertEqual(try ContentLoader(directory: "C", fileSystem: files).load().diagnostics.filter { $0.severity == .error }, [])
    }

    /// A file that cannot be read is named with the system's reason, in a sentence that ends in one full stop
    /// (Foundation's own description ends in one already: "doesn’t exist.." was the result).
    func testAFileThatCannotBeReadEndsInOneFullStop() throws {
        let folder = try temporaryContentFolder([:])
        try FileManager.default.createDirectory(atPath: folder + "/articles", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/articles/weg.md", withDestinationPath: folder + "/nergens.md")
        XCTAssertThrowsError(try ContentLoader(directory: folder).load()) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics.map(\.message), ["The file cannot be read: No such file or directory."])
        }
        XCTAssertEqual(Sentence.joined("Het lukte niet", "The file “x” doesn’t exist."), "Het lukte niet: The file “x” doesn’t exist.")
        XCTAssertEqual(Sentence.joined("Het lukte niet", "geen reden"), "Het lukte niet: geen reden.")
        XCTAssertEqual(Sentence.ended("Klaar?\n"), "Klaar?")
    }

    /// A required field that is missing, next to a misspelling of it, points at the misspelling.
    func testAMissingTitleNamesTheMisspeltField() {
        let files = InMemoryFileSystem(["C/site.yml": "title: KB\n", "C/articles/a.md": "---\nsummary: s\ntitel: A\ndate: 2024-01-01\n---\nTekst.\n"])
        XCTAssertThrowsError(try ContentLoader(directory: "C", fileSystem: files).load()) { error in
            XCTAssertEqual((error as? BuildFailure)?.diagnostics, [
                Diagnostic(path: "C/articles/a.md", position: SourcePosition(line: 3, column: 1), code: .missingField,
                           message: "The front matter has no 'title'; add a line 'title: …' between the '---' lines.",
                           hint: "the field 'titel' is there: did you mean 'title'?"),
            ])
        }
    }

    /// A symbolic link that leads back into the content folder, or to a folder that holds it, is reported once and
    /// not followed (followed, it was read forty levels deep, each file a duplicate slug); a link elsewhere is followed.
    func testASymbolicLinkThatLoopsIsReportedOnceAndNotFollowed() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("kb-links-\(UUID().uuidString)").resolvingSymlinksInPath()
        defer { try? manager.removeItem(at: folder) }
        let content = folder.appendingPathComponent("Content"), elsewhere = folder.appendingPathComponent("elders")
        for subfolder in ["Content/articles/deel", "elders/meer"] {
            try manager.createDirectory(at: folder.appendingPathComponent(subfolder), withIntermediateDirectories: true)
        }
        let files = ["Content/site.yml": "title: KB\n", "Content/articles/a.md": "---\ntitle: A\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nTekst.\n",
                     "Content/articles/deel/b.md": "---\ntitle: B\nauthors: [A. Auteur]\ndate: 2024-01-02\n---\nTekst.\n",
                     "elders/meer/c.md": "---\ntitle: C\nauthors: [A. Auteur]\ndate: 2024-01-03\n---\nTekst.\n"]
        for (path, text) in files { try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        try manager.createSymbolicLink(atPath: content.path + "/articles/deel/lus", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: content.path + "/articles/elders", withDestinationPath: elsewhere.path)
        try manager.createSymbolicLink(atPath: elsewhere.path + "/meer/terug", withDestinationPath: elsewhere.path)

        let loaded = try ContentLoader(directory: content.path).load()
        XCTAssertEqual(loaded.articles.map(\.item.source.path).sorted(),
                       ["articles/a.md", "articles/deel/b.md", "articles/elders/meer/c.md"].map { content.path + "/" + $0 })
        XCTAssertEqual(loaded.diagnostics, [
            Diagnostic(path: content.path + "/articles/deel/lus", position: nil, severity: .warning, code: .symlinkLoop,
                       message: "The folder '\(content.path)/articles/deel/lus' is a symbolic link that loops back into the content folder (to '\(content.path)/articles'); Kennisbank does not follow it."),
            Diagnostic(path: content.path + "/articles/elders/meer/terug", position: nil, severity: .warning, code: .symlinkLoop,
                       message: "The folder '\(content.path)/articles/elders/meer/terug' is a symbolic link that loops back to '\(elsewhere.path)', which holds it; Kennisbank does not follow it."),
        ])
    }
}
