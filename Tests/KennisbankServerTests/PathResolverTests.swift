import Foundation
import XCTest
@testable import KennisbankServer

/// Path resolution: never a byte from outside the output folder.
final class PathResolverTests: XCTestCase {
    private var base: URL!
    private var root: URL!
    private var resolver: PathResolver!

    override func setUpWithError() throws {
        let manager = FileManager.default
        base = manager.temporaryDirectory.appendingPathComponent("kennisbank-resolver-\(UUID().uuidString)")
        root = base.appendingPathComponent("Site")
        for folder in ["begrippen/niet-weten", "assets", "leeg", "%2e%2e"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let files = [
            "index.html": "<html><body>home</body></html>",
            "404.html": "<html><body>niet gevonden</body></html>",
            "begrippen/index.html": "begrippen",
            "begrippen/niet-weten/index.html": "niet-weten",
            "assets/style.css": "body{}",
            "%2e%2e/secret.txt": "a folder literally named %2e%2e, inside the site",
        ]
        for (path, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(path)) }
        // Outside the site: must never be served.
        try Data("geheim".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try manager.createDirectory(at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("geheim".utf8).write(to: base.appendingPathComponent("outside/secret.txt"))
        // Symbolic links: one inside the site, two escaping it, one dangling.
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("stijl.css").path, withDestinationPath: "assets/style.css")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("escape.txt").path, withDestinationPath: "../secret.txt")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("outside").path, withDestinationPath: base.appendingPathComponent("outside").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        resolver = PathResolver(root: root)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    private func file(_ relative: String) -> ServeTarget {
        .file(URL(fileURLWithPath: PathResolver.realPath(root.appendingPathComponent(relative).path)!))
    }

    func testServesFilesAndIndexPages() {
        XCTAssertEqual(resolver.resolve(requestPath: "/"), file("index.html"))
        XCTAssertEqual(resolver.resolve(requestPath: "/index.html"), file("index.html"))
        XCTAssertEqual(resolver.resolve(requestPath: "/begrippen/"), file("begrippen/index.html"))
        XCTAssertEqual(resolver.resolve(requestPath: "/begrippen/niet-weten/"), file("begrippen/niet-weten/index.html"))
        XCTAssertEqual(resolver.resolve(requestPath: "/assets/style.css"), file("assets/style.css"))
        XCTAssertEqual(resolver.resolve(requestPath: "/begrippen/niet%2Dweten/"), file("begrippen/niet-weten/index.html"))
        XCTAssertEqual(resolver.resolve(requestPath: "//begrippen//niet-weten/"), file("begrippen/niet-weten/index.html"))
    }

    func testFolderWithoutSlashRedirects() {
        XCTAssertEqual(resolver.resolve(requestPath: "/begrippen"), .redirect("/begrippen/"))
        XCTAssertEqual(resolver.resolve(requestPath: "/begrippen/niet-weten"), .redirect("/begrippen/niet-weten/"))
        // Never a protocol-relative `//host/` location.
        XCTAssertEqual(resolver.resolve(requestPath: "//begrippen"), .redirect("/begrippen/"))
        XCTAssertEqual(resolver.resolve(requestPath: "/%2e%2e"), .forbidden)
    }

    func testMissingIsNotFound() {
        XCTAssertEqual(resolver.resolve(requestPath: "/bestaat-niet.html"), .notFound)
        XCTAssertEqual(resolver.resolve(requestPath: "/begrippen/bestaat-niet/"), .notFound)
        XCTAssertEqual(resolver.resolve(requestPath: "/leeg/"), .notFound, "a folder without index.html")
        XCTAssertEqual(resolver.resolve(requestPath: "/assets/style.css/"), .notFound, "a file is not a folder")
        XCTAssertEqual(resolver.resolve(requestPath: "/dangling"), .notFound)
    }

    func testDotDotIsForbiddenPlainOrEncoded() {
        for path in ["/../secret.txt", "/begrippen/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                     "/.%2e/secret.txt", "/%2e./secret.txt", "/begrippen/%2e%2e/%2e%2e/secret.txt", "/./index.html", "/.."] {
            XCTAssertEqual(resolver.resolve(requestPath: path), .forbidden, path)
        }
    }

    func testDecodesExactlyOnce() {
        // `%252e%252e` decodes once to the name `%2e%2e`, never to `..`.
        XCTAssertEqual(PathResolver.segments(ofRequestPath: "/%252e%252e/secret.txt"), ["%2e%2e", "secret.txt"])
        XCTAssertEqual(resolver.resolve(requestPath: "/%252e%252e/secret.txt"), file("%2e%2e/secret.txt"))
        XCTAssertEqual(resolver.resolve(requestPath: "/%252e%252e/%252e%252e/secret.txt"), .notFound)
        XCTAssertEqual(resolver.resolve(requestPath: "/%25252e%25252e/secret.txt"), .notFound)
    }

    func testEncodedSlashBackslashAndNulAreForbidden() {
        for path in ["/..%2fsecret.txt", "/..%2Fsecret.txt", "/begrippen%2findex.html", "/..%5csecret.txt", "/index.html%00.css",
                     "/%zz", "/%", "relative/path", ""] {
            XCTAssertEqual(resolver.resolve(requestPath: path), .forbidden, path)
        }
        XCTAssertNil(PathResolver.segments(ofRequestPath: "/a%2fb"))
        XCTAssertEqual(PathResolver.segments(ofRequestPath: "/a%20b/c"), ["a b", "c"])
    }

    func testSymbolicLinksMustStayInside() {
        XCTAssertEqual(resolver.resolve(requestPath: "/stijl.css"), file("assets/style.css"), "a link inside the site is fine")
        XCTAssertEqual(resolver.resolve(requestPath: "/escape.txt"), .forbidden)
        XCTAssertEqual(resolver.resolve(requestPath: "/outside/secret.txt"), .forbidden)
        XCTAssertEqual(resolver.resolve(requestPath: "/outside/"), .forbidden)
    }

    func testContentTypes() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
            "a.svg": "image/svg+xml", "a.json": "application/json", "feed.xml": "application/xml", "a.png": "image/png",
            "favicon.ico": "image/x-icon", "font.woff2": "font/woff2", "robots.txt": "text/plain; charset=utf-8",
            "A.HTML": "text/html; charset=utf-8", "unknown.bin": "application/octet-stream", "noextension": "application/octet-stream",
        ]
        for (name, type) in expected { XCTAssertEqual(ContentTypes.contentType(forPath: "/x/" + name), type, name) }
    }
}
