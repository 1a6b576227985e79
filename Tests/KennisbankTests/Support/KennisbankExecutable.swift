import XCTest

/// The `kennisbank` executable that `swift build --build-tests` puts beside the tests, run as an author runs it.
enum KennisbankExecutable {
    /// Where the executable is.
    static var url: URL {
        Bundle.main.bundleURL.appendingPathComponent("kennisbank")
    }

    /// Runs the executable with `arguments` in `directory` (the tests' own when `nil`), returning its exit status and
    /// what it wrote to standard output and standard error.
    static func run(_ arguments: [String], in directory: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws
        -> (status: Int32, output: String, errors: String) {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: url.path), "build the kennisbank product first (swift build --build-tests)",
                      file: file, line: line)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
