import XCTest

extension XCTestCase {
    /// epubcheck (Debian's `epubcheck`, a Java program: `java -jar /usr/share/java/epubcheck.jar`) on an EPUB's bytes:
    /// its exit status and report. Where the jar is missing the test is skipped, except in CI (`CI` set), where it
    /// fails: Scripts/install-dependencies.sh --test installs it.
    func epubcheck(_ data: Data) throws -> (status: Int32, output: String) {
        let jar = "/usr/share/java/epubcheck.jar"
        guard FileManager.default.fileExists(atPath: jar) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("epubcheck is not installed (\(jar))") }
            throw XCTSkip("epubcheck is not installed (\(jar))")
        }
        let folder = try temporaryFolder([:])
        let book = folder.appendingPathComponent("boek.epub")
        try data.write(to: book)
        return try runProgram(["java", "-jar", jar, book.path])
    }

    /// Fails unless epubcheck finds no error and no warning in the EPUB.
    func assertPassesEpubcheck(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let check = try epubcheck(data)
        XCTAssertEqual(check.status, 0, check.output, file: file, line: line)
        XCTAssertTrue(check.output.contains("No errors or warnings detected."), check.output, file: file, line: line)
    }
}
