import XCTest
@testable import KennisbankCorpus
@testable import KennisbankExport

/// epubcheck (Debian's `epubcheck`, a Java program: `java -jar /usr/share/java/epubcheck.jar`) on the EPUB of the
/// repository's Content and of a generated 100-article corpus: no errors and no warnings. Where the jar is
/// missing the test is skipped, except in CI (`CI` set), where it fails: Scripts/install-dependencies.sh --test installs it.
final class EpubCheckTests: XCTestCase {
    private let jar = "/usr/share/java/epubcheck.jar"

    /// The date given to content whose articles have none (the repository's Content has no dates, and none is invented in it).
    private let modified = "2026-11-29"

    private func epubcheck(_ data: Data) throws -> (status: Int32, output: String) {
        guard FileManager.default.fileExists(atPath: jar) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("epubcheck is not installed (\(jar))") }
            throw XCTSkip("epubcheck is not installed (\(jar))")
        }
        let folder = try temporaryFolder([:])
        let book = folder.appendingPathComponent("boek.epub")
        try data.write(to: book)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-jar", jar, book.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func testTheEbookOfTheRepositorysContentIsValid() throws {
        let content = Fixtures.repository.appendingPathComponent("Content").path
        let result = try EpubExport(build: inMemoryBuild(of: content), modified: modified).run()
        let check = try epubcheck(result.data)
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.contains("No errors or warnings detected."), check.output)
    }

    func testTheEbookOfAHundredArticleCorpusIsValid() throws {
        let folder = try temporaryFolder([:]).appendingPathComponent("corpus").path
        try CorpusGenerator(options: CorpusOptions(articles: 100)).write(to: folder)
        let result = try EpubExport(build: inMemoryBuild(of: folder), modified: modified).run()
        XCTAssertEqual(result.chapters, 100)
        let check = try epubcheck(result.data)
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.contains("No errors or warnings detected."), check.output)
    }
}
