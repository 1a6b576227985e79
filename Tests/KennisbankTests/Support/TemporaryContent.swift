import XCTest
@testable import Kennisbank

extension XCTestCase {
    /// A content folder on disk with these files (paths relative to it) and a site.yml unless given, removed
    /// after the test; returns its path.
    func temporaryContentFolder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-content-\(UUID().uuidString)")
        for (path, text) in files.merging(["site.yml": "title: Proef\n"], uniquingKeysWith: { own, _ in own }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root.path
    }

    /// A build of a content folder with the repository's templates, in memory (`generate()`).
    func inMemoryBuild(of folder: String, strict: Bool = false) -> Build {
        Build(contentDirectory: folder, templatesDirectory: Fixtures.repository.appendingPathComponent("Templates").path,
              outputDirectory: "", strict: strict)
    }
}
