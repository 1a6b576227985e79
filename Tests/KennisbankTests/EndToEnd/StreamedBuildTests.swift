import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankCorpus

/// `build` lets each markdown tree go as soon as nothing reads it again (`PageTrees`, `SiteLinker.lettingTreesGo`);
/// `generate()` keeps them all. Both must write the same site.
final class StreamedBuildTests: XCTestCase {
    /// The real Content (articles, concepts, miniatures and routes, whose steps show parts of other pages) written by
    /// `run()` is file for file what `generate()` makes.
    func testWritingAsPagesAreRenderedWritesWhatGenerateMakes() throws {
        let root = Fixtures.repository
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kb-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = Build(contentDirectory: root.appendingPathComponent("Content").path,
                          templatesDirectory: root.appendingPathComponent("Templates").path, outputDirectory: output.path)
        let generated = try build.generate()
        let written = try build.run()
        XCTAssertEqual(written.paths, generated.paths)
        XCTAssertEqual(written.diagnostics, generated.diagnostics)
        for file in generated.files {
            let bytes = try Data(contentsOf: output.appendingPathComponent(file.path))
            XCTAssertEqual(bytes, file.contents, "\(file.path) differs")
        }
    }

    /// A generated corpus whose common words are in more than 100 sections, so that the search writes its files of
    /// every section of such a word (`search/more/`, `search/sections/`): `run()` writes those too, as `generate()` makes them.
    func testAStreamedBuildWritesTheSearchFilesOfWordsInManySections() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content"), output = folder.appendingPathComponent("Site")
        try CorpusGenerator(options: CorpusOptions(articles: 12, concepts: 20, references: 40, miniatures: 10, seed: 1,
                                                   wordsPerArticle: 2000)).write(to: content.path)
        let build = Build(contentDirectory: content.path, templatesDirectory: Fixtures.repository.appendingPathComponent("Templates").path,
                          outputDirectory: output.path)
        let generated = try build.generate()
        XCTAssertTrue(generated.paths.contains { $0.hasPrefix("search/more/") }, "a word in more than 100 sections")
        XCTAssertTrue(generated.paths.contains { $0.hasPrefix("search/sections/") })
        let written = try build.run()
        XCTAssertEqual(written.paths, generated.paths)
        for file in generated.files {
            let bytes = try? Data(contentsOf: output.appendingPathComponent(file.path))
            XCTAssertEqual(bytes, file.contents, "\(file.path) differs")
        }
    }

    /// A problem that the check after rendering finds with an alias is placed in the article's front matter, as
    /// `generate()` places it: the build that let the trees go kept that file's text.
    func testAnAliasOntoAWrittenFileIsPlacedInTheFrontMatter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("Content/articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try "title: T\n".write(to: folder.appendingPathComponent("Content/site.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: A\nseries: 1\naliases: [/feed.xml, /oud/]\ndate: 2024-01-01\n---\nTekst.\n".write(to: articles.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: B\n---\nMeer tekst.\n".write(to: articles.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        let build = Build(contentDirectory: folder.appendingPathComponent("Content").path,
                          templatesDirectory: Fixtures.repository.appendingPathComponent("Templates").path,
                          outputDirectory: folder.appendingPathComponent("Site").path)
        func failure(_ run: () throws(BuildFailure) -> BuildReport) -> [Diagnostic] {
            do throws(BuildFailure) { _ = try run(); return [] } catch { return error.diagnostics }
        }
        let generated = failure { () throws(BuildFailure) in try build.generate() }
        let written = failure { () throws(BuildFailure) in try build.run() }
        XCTAssertFalse(generated.isEmpty, "the alias is a problem")
        XCTAssertEqual(written, generated)
        XCTAssertNotNil(written.last?.position, "placed at the alias")
    }
}
