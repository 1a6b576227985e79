import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankRendering
@testable import KennisbankDefaultTemplates

/// The built-in templates and assets, and a templates folder that replaces them file by file.
final class DefaultTemplatesTests: XCTestCase {
    private static let repositoryTemplates = Fixtures.repository.appendingPathComponent("Templates")
    private static let content = Fixtures.repository.appendingPathComponent("Content").path

    /// Every file of the repository's Templates/ (hidden ones left out), by relative path.
    private static func repositoryFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = repositoryTemplates.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(at: repositoryTemplates, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles])!
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files[String(url.resolvingSymlinksInPath().path.dropFirst(root.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The site of the real content, built in memory with the templates of `folder`, by path.
    private func site(templates folder: String) throws -> [String: Data] {
        let report = try Build(contentDirectory: Self.content, templatesDirectory: folder, outputDirectory: "").generate()
        return Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.contents) })
    }

    /// The paths whose bytes differ between two sites, or that only one of them has.
    private func differences(_ one: [String: Data], _ other: [String: Data]) -> [String] {
        Set(one.keys).union(other.keys).filter { one[$0] != other[$0] }.sorted()
    }

    /// The build compiled in every file of Templates/ as it is now: the plugin ran after the last edit.
    func testTheBuiltInFilesAreTheRepositorysTemplatesByteForByte() throws {
        let repository = try Self.repositoryFiles()
        XCTAssertEqual(DefaultTemplates.files.keys.sorted(), repository.keys.sorted())
        for (path, data) in repository where DefaultTemplates.files[path] != data {
            XCTFail("the built-in \(path) differs from Templates/\(path)")
        }
        XCTAssertNotNil(DefaultTemplates.files["assets/favicon.svg"], "assets are built in as well as templates")
    }

    /// A content folder without templates of its own builds exactly what the repository's templates build.
    func testWithoutATemplatesFolderTheSiteIsTheSameAsWithTheRepositorysTemplates() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("kb-no-templates-\(UUID().uuidString)").path
        let builtIn = try site(templates: missing)
        let repository = try site(templates: Self.repositoryTemplates.path)
        XCTAssertGreaterThanOrEqual(builtIn.count, 30)
        XCTAssertEqual(differences(builtIn, repository), [])
    }

    /// A folder with one template replaces that template only: the pages made with it change, no other file does.
    func testOneTemplateInTheFolderChangesOnlyThePagesMadeWithIt() throws {
        let original = try String(contentsOf: Self.repositoryTemplates.appendingPathComponent("miniature.mustache"), encoding: .utf8)
        let changed = original.replacingOccurrences(of: "{{/layout}}", with: "{{/layout}}<!-- eigen miniatuur -->")
        XCTAssertNotEqual(changed, original)
        let folder = try temporaryFolder(["miniature.mustache": changed]).path
        let own = try site(templates: folder)
        let repository = try site(templates: Self.repositoryTemplates.path)
        let miniaturePages = repository.keys.filter { $0.hasPrefix("miniaturen/") && $0 != "miniaturen/index.html" }.sorted()
        XCTAssertFalse(miniaturePages.isEmpty)
        XCTAssertEqual(differences(own, repository), miniaturePages)
        for page in miniaturePages {
            XCTAssertTrue(String(decoding: own[page]!, as: UTF8.self).contains("<!-- eigen miniatuur -->"), page)
        }
    }

    /// A folder with one asset replaces that asset only.
    func testOneAssetInTheFolderChangesOnlyThatAsset() throws {
        let folder = try temporaryFolder(["assets/style.css": "body { color: black; }\n"]).path
        let own = try site(templates: folder)
        let repository = try site(templates: Self.repositoryTemplates.path)
        XCTAssertEqual(differences(own, repository), ["assets/style.css"])
        XCTAssertEqual(own["assets/style.css"], Data("body { color: black; }\n".utf8))
    }

    /// A template of the folder with a syntax error is reported at its line and column, as before there were built-ins.
    func testASyntaxErrorInAFolderTemplateHasItsLineAndColumn() throws {
        let folder = try temporaryFolder(["article.mustache": "<main>\n  {{#toc}}{{title}}{{/concepts}}\n</main>\n"]).path
        XCTAssertThrowsError(try site(templates: folder)) { error in
            let diagnostics = (error as? BuildFailure)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
            XCTAssertEqual(diagnostics.first?.path, folder + "/article.mustache")
            XCTAssertEqual(diagnostics.first?.position?.line, 2)
            XCTAssertEqual(diagnostics.first?.code, .template)
        }
    }

    /// The folder's templates count for the ids the anchors must avoid, and for the digest of an incremental build.
    func testAFolderTemplateCountsForFixedIDsAndTheDigest() throws {
        let builtIn = try TemplateLibrary(directory: "/nergens")
        let folder = try temporaryFolder(["home.mustache": "{{<layout}}{{$main}}<h2 id=\"eigen-kop\">Kop</h2>{{/main}}{{/layout}}\n"]).path
        let own = try TemplateLibrary(directory: folder)
        XCTAssertTrue(own.fixedIDs.contains("eigen-kop"))
        XCTAssertFalse(builtIn.fixedIDs.contains("eigen-kop"))
        XCTAssertNotEqual(own.digest, builtIn.digest)
        XCTAssertEqual(own.assets, builtIn.assets)
    }
}
