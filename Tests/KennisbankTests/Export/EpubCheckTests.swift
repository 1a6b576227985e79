import XCTest
@testable import KennisbankCorpus
@testable import KennisbankExport

/// epubcheck (Debian's `epubcheck`, a Java program: `java -jar /usr/share/java/epubcheck.jar`) on the EPUB of the
/// repository's Content and of a generated 100-article corpus: no errors and no warnings. Where the jar is
/// missing the test is skipped, except in CI (`CI` set), where it fails: Scripts/install-dependencies.sh --test installs it.
final class EpubCheckTests: XCTestCase {
    /// The date given to content whose articles have none (the repository's Content has no dates, and none is invented in it).
    private let modified = "2026-11-29"

    func testTheEbookOfTheRepositorysContentIsValid() throws {
        let content = Fixtures.repository.appendingPathComponent("Content").path
        let result = try EpubExport(build: inMemoryBuild(of: content), modified: modified).run()
        try assertPassesEpubcheck(result.data)
    }

    func testTheEbookOfAHundredArticleCorpusIsValid() throws {
        let folder = try temporaryFolder([:]).appendingPathComponent("corpus").path
        try CorpusGenerator(options: CorpusOptions(articles: 100)).write(to: folder)
        let result = try EpubExport(build: inMemoryBuild(of: folder), modified: modified).run()
        XCTAssertEqual(result.chapters, 100)
        try assertPassesEpubcheck(result.data)
    }
}
