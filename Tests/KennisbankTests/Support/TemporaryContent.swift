import XCTest
@testable import Kennisbank

extension XCTestCase {
    /// Every file below `folder` (subfolders included, folders themselves left out), by its path relative to
    /// `folder`, with what it holds.
    func files(under folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        for case let path as String in manager.enumerator(atPath: folder.path)! {
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: folder.path + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
            }
        }
        return result
    }

    /// A folder on disk with these files (paths relative to it), removed after the test.
    func temporaryFolder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    /// A content folder on disk with these files (paths relative to it) and a site.yml unless given, removed
    /// after the test; returns its path.
    func temporaryContentFolder(_ files: [String: String]) throws -> String {
        try temporaryFolder(files.merging(["site.yml": "title: Proef\n"], uniquingKeysWith: { own, _ in own })).path
    }

    /// A build of a content folder with the repository's templates, into `output` (in memory, `generate()`, when
    /// none is given).
    func repositoryTemplatesBuild(of folder: String, into output: String = "", strict: Bool = false) -> Build {
        Build(contentDirectory: folder, templatesDirectory: Fixtures.repository.appendingPathComponent("Templates").path,
              outputDirectory: output, strict: strict)
    }

    /// A build of a content folder with the repository's templates, in memory (`generate()`).
    func inMemoryBuild(of folder: String, strict: Bool = false) -> Build {
        repositoryTemplatesBuild(of: folder, strict: strict)
    }
}
