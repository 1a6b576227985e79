import AsyncHTTPClient
import Foundation
import Kennisbank
import KennisbankCore
import KennisbankLinking
import KennisbankRendering
import XCTest
@testable import KennisbankServer

/// The whole `serve` loop on a real port: build, serve, edit, event, rebuilt page; a YAML error, an error
/// event, and the old page still served.
final class ServeEndToEndTests: XCTestCase {
    private var base: URL!
    private var content: URL { base.appendingPathComponent("Content") }
    private var output: URL { base.appendingPathComponent("Site") }

    override func setUpWithError() throws {
        let manager = FileManager.default
        base = manager.temporaryDirectory.appendingPathComponent("kennisbank-serve-\(UUID().uuidString)")
        try manager.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try manager.createDirectory(at: content.appendingPathComponent("concepts"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: base.appendingPathComponent("Templates"))
        try write("site.yml", "title: Proef\n")
        try write("articles/een.md", Self.article("Eerste versie van de tekst."))
        try write("articles/twee.md", "---\ntitle: Twee\nauthors: [A. Auteur]\nseries: 2\ndate: 2024-01-02\n---\nOver [[een]].\n")
        try write("concepts/niet-weten.md", "---\ntitle: Niet-weten\nsummary: Open blijven.\n---\nUitleg.\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    private static func article(_ body: String) -> String {
        "---\ntitle: Een\nauthors: [A. Auteur]\nseries: 1\ndate: 2024-01-01\n---\n## Begin\n\n\(body) Over niet-weten.\n"
    }

    private func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent(relative))
    }

    func testEditRebuildsAndReloadsAndAnErrorKeepsTheLastGoodSite() async throws {
        try await serve(watching: [content.path, base.appendingPathComponent("Templates").path]) { served in
            let (build, client, root, log) = (served.build, served.client, served.root, served.log)
            XCTAssertTrue(root.hasPrefix("http://127.0.0.1:"), root)
            XCTAssertTrue(log.value.contains("Serving \(output.path)/ at \(root)"), log.value)

            // The site on disk is exactly what `kennisbank build` writes: no live-reload script in it.
            for file in try build.generate().files {
                XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent(file.path)), file.contents, file.path)
            }

            // Pages, with the script injected while serving.
            var page = try await get(client, root + "artikelen/een/")
            XCTAssertEqual(page.status, 200)
            XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
            XCTAssertEqual(page.headers["cache-control"], "no-cache")
            XCTAssertTrue(page.body.contains("Eerste versie"))
            XCTAssertTrue(page.body.contains(LiveReload.scriptTag + "</body>"))
            let redirect = try await get(client, root + "artikelen/een")
            XCTAssertEqual(redirect.status, 302)
            XCTAssertEqual(redirect.headers["location"], "/artikelen/een/")
            let missing = try await get(client, root + "bestaat/niet/")
            XCTAssertEqual(missing.status, 404)
            XCTAssertTrue(missing.body.contains("Pagina niet gevonden"))
            XCTAssertTrue(missing.body.contains(LiveReload.scriptTag))
            let escape = try await get(client, root + "%2e%2e/Content/site.yml")
            XCTAssertEqual(escape.status, 403)
            let css = try await get(client, root + "assets/style.css")
            XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
            XCTAssertFalse(css.body.contains(LiveReload.scriptTag))
            let script = try await get(client, root + "__kennisbank/live.js")
            XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
            XCTAssertTrue(script.body.contains("EventSource"))

            // The event stream.
            let (events, contentType) = try await served.events(timeoutSeconds: 120)
            XCTAssertEqual(contentType, "text/event-stream; charset=utf-8")
            _ = try await eventually("hello", seconds: 10) { events.first { $0.name == "hello" } }

            // Edit an article: a reload event, then the rebuilt page.
            let saved = Date()
            try write("articles/een.md", Self.article("Tweede versie, net bewaard."))
            _ = try await eventually("a reload event", seconds: 20) { events.first { $0.name == "reload" } }
            let elapsed = Date().timeIntervalSince(saved)
            page = try await get(client, root + "artikelen/een/")
            XCTAssertTrue(page.body.contains("Tweede versie"), "the rebuilt page is served \(String(format: "%.2f", elapsed)) s after the save")
            // The incremental rebuild says what it did, and leaves exactly the site a clean build writes.
            XCTAssertTrue(log.value.contains("Changed: \(content.path)/articles/een.md. Rebuilt "), log.value)
            XCTAssertTrue(log.value.contains(" rendered, "), log.value)
            let clean = try build.generate().files
            XCTAssertEqual(try Self.files(in: output), Set(clean.map(\.path) + [".kennisbank-manifest"]), "the files of a clean build and the manifest")
            for file in clean {
                XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent(file.path)), file.contents, file.path)
            }

            // A YAML error: an error event with the diagnostic, and the last good page still served.
            try write("articles/een.md", "---\ntitle: Een\nseries: [\n---\nKapot.\n")
            let error = try await eventually("a build-error event", seconds: 20) { events.first { $0.name == "build-error" } }
            XCTAssertTrue(error.data.contains("articles/een.md:4:1: error: The front matter is not valid YAML"), error.data)
            XCTAssertTrue(log.value.contains("articles/een.md:4:1: error: The front matter is not valid YAML"), log.value)
            XCTAssertTrue(log.value.contains("Build failed with 1 error; serving the last good site."), log.value)
            page = try await get(client, root + "artikelen/een/")
            XCTAssertEqual(page.status, 200)
            XCTAssertTrue(page.body.contains("Tweede versie"))

            // A tab that connects now sees the error at once.
            let late = try await client.execute(HTTPClientRequest(url: root + "__kennisbank/events"), timeout: .seconds(30))
            var lateText = ""
            for try await chunk in late.body {
                lateText += String(decoding: chunk.readableBytesView, as: UTF8.self)
                if lateText.contains("event: build-error") { break }
            }
            XCTAssertTrue(lateText.contains("error: The front matter is not valid YAML"), lateText)

            // The fix: another reload, and the new text.
            try write("articles/een.md", Self.article("Derde versie, hersteld."))
            _ = try await eventually("a second reload", seconds: 20) { events.all.filter { $0.name == "reload" }.count >= 2 ? true : nil }
            page = try await get(client, root + "artikelen/een/")
            XCTAssertTrue(page.body.contains("Derde versie"))
        }
    }

    func testAFailingFirstBuildStillServesAndShowsTheError() async throws {
        try write("articles/een.md", "---\ntitle: Een\nseries: [\n---\n")
        try await serve(watching: [content.path]) { served in
            let (client, root) = (served.client, served.root)
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing was built")
            // No site yet: a minimal 404 page that still carries the live-reload script.
            let page = try await get(client, root)
            XCTAssertEqual(page.status, 404)
            XCTAssertTrue(page.body.contains(LiveReload.scriptTag))

            let (events, _) = try await served.events(timeoutSeconds: 60)
            let error = try await eventually("the build error", seconds: 10) { events.first { $0.name == "build-error" } }
            XCTAssertTrue(error.data.contains("articles/een.md:4:1: error:"), error.data)

            try write("articles/een.md", Self.article("Hersteld."))
            _ = try await eventually("a reload event", seconds: 20) { events.first { $0.name == "reload" } }
            let fixed = try await get(client, root + "artikelen/een/")
            XCTAssertEqual(fixed.status, 200)
            XCTAssertTrue(fixed.body.contains("Hersteld."))
        }
    }

    /// A `serve` stopped while it wrote leaves its journal: the next one writes the whole site as it starts, and says so.
    func testServeWritesASiteLeftByAStoppedUpdateWholeAndSaysSo() async throws {
        let build = Build(contentDirectory: content.path, templatesDirectory: base.appendingPathComponent("Templates").path,
                          outputDirectory: output.path)
        _ = try build.run()
        let journal = output.appendingPathComponent(SiteManifest.journalName)
        try SiteManifest.journal(writing: ["artikelen/een/index.html"], removing: []).write(to: journal)
        try Data("half".utf8).write(to: output.appendingPathComponent("artikelen/een/index.html"))
        try await serve(watching: [content.path]) { served in
            let note = "The output folder '\(output.path)' was left part old, part new by an update that was stopped part way; it was written whole again.\n"
            XCTAssertTrue(served.log.value.hasPrefix(note + "Built "), served.log.value)
            XCTAssertFalse(FileManager.default.fileExists(atPath: journal.path))
            let page = try await get(served.client, served.root + "artikelen/een/")
            XCTAssertTrue(page.body.contains("Eerste versie"), page.body)
        }
    }

    /// A download (as the EPUB of `epub: true`) is made at the first request after a build, from that build's site,
    /// kept for the next requests, not made on a save, and made anew after one; one that cannot be made is a 500
    /// with its diagnostic. It is never written into the output folder.
    func testADownloadIsMadeWhenRequestedNotOnEverySave() async throws {
        let downloads = TitlesDownload()
        try await serve(watching: [content.path], downloads: downloads) { served in
            let (client, root, log) = (served.client, served.root, served.log)
            XCTAssertEqual(downloads.made.value, 0, "the build made no download")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent(TitlesDownload.path).path))

            var file = try await get(client, root + TitlesDownload.path)
            XCTAssertEqual(file.status, 200)
            XCTAssertEqual(file.headers["content-type"], "text/plain; charset=utf-8")
            XCTAssertEqual(file.body, "Een\nTwee\n")
            XCTAssertFalse(file.body.contains(LiveReload.scriptTag))
            XCTAssertEqual(downloads.made.value, 1)
            file = try await get(client, root + TitlesDownload.path)
            XCTAssertEqual(file.body, "Een\nTwee\n")
            XCTAssertEqual(downloads.made.value, 1, "made once for the build")
            XCTAssertTrue(log.value.contains("Served \(TitlesDownload.path) (9 bytes, "), log.value.replacingOccurrences(of: "\n", with: " | "))

            let (events, _) = try await served.events(timeoutSeconds: 60)
            try write("articles/een.md", Self.article("Tweede versie.").replacingOccurrences(of: "title: Een", with: "title: Een, herzien"))
            _ = try await eventually("a reload event", seconds: 20) { events.first { $0.name == "reload" } }
            XCTAssertEqual(downloads.made.value, 1, "a save makes no download")
            file = try await get(client, root + TitlesDownload.path)
            XCTAssertEqual(file.body, "Een, herzien\nTwee\n", "made from the new build")
            XCTAssertEqual(downloads.made.value, 2)

            downloads.fails.set(true)
            try write("articles/twee.md", "---\ntitle: Twee\nauthors: [A. Auteur]\nseries: 2\ndate: 2024-01-02\n---\nOver [[een]], opnieuw.\n")
            _ = try await eventually("a second reload", seconds: 20) { events.all.filter { $0.name == "reload" }.count >= 2 ? true : nil }
            file = try await get(client, root + TitlesDownload.path)
            XCTAssertEqual(file.status, 500)
            XCTAssertTrue(file.body.contains("site.yml: error: The titles could not be made."), file.body)
            XCTAssertTrue(log.value.contains("\(TitlesDownload.path) could not be made."), log.value)
        }
    }

    // MARK: Helpers

    /// A download of the articles' titles that counts how often it is made.
    private final class TitlesDownload: SiteDownloads, @unchecked Sendable {
        static let path = "downloads/titels.txt"
        let made = Locked(0)
        let fails = Locked(false)

        func paths(of site: LinkedSite) throws(Diagnostic) -> [String] { [Self.path] }

        func files(of site: LinkedSite) throws(Diagnostic) -> [OutputFile] {
            made.update { $0 += 1 }
            if fails.value { throw Diagnostic(path: "site.yml", position: nil, code: .io, message: "The titles could not be made.") }
            let titles = site.content.articles.map { $0.item.title + "\n" }.joined()
            return [OutputFile(path: Self.path, contents: Data(titles.utf8))]
        }
    }

    /// A server running over the test's folders, with what a test talks to it through.
    private final class ServedSite: @unchecked Sendable {
        let build: Build, client: HTTPClient, root: String, log: Locked<String>
        private(set) var readers: [Task<Void, Never>] = []

        init(build: Build, client: HTTPClient, root: String, log: Locked<String>) {
            (self.build, self.client, self.root, self.log) = (build, client, root, log)
        }

        /// Opens the event stream and collects its events in the background until the test ends;
        /// returns them with the stream's content type.
        func events(timeoutSeconds: Int64) async throws -> (EventCollector, String?) {
            let events = EventCollector()
            let stream = try await client.execute(HTTPClientRequest(url: root + "__kennisbank/events"), timeout: .seconds(timeoutSeconds))
            readers.append(Task {
                do { for try await chunk in stream.body { events.feed(String(decoding: chunk.readableBytesView, as: UTF8.self)) } } catch {}
            })
            return (events, stream.headers.first(name: "content-type"))
        }
    }

    /// Starts a server on a free loopback port that builds Content/ into Site/ and watches `watching`,
    /// runs `body` (a failure is reported with the server's log), then stops the server and checks that it stopped.
    /// With `downloads`, the build leaves them to be made on request, as `serve` leaves the EPUB.
    private func serve(watching: [String], downloads: (any SiteDownloads)? = nil, _ body: (ServedSite) async throws -> Void) async throws {
        var build = Build(contentDirectory: content.path, templatesDirectory: base.appendingPathComponent("Templates").path,
                          outputDirectory: output.path)
        build.downloads = downloads
        build.defersDownloads = true
        let log = Locked("")
        let ready = Locked<URL?>(nil)
        let server = SiteServer(
            configuration: .init(port: 0, outputDirectory: output.path, watchedDirectories: watching,
                                 pollInterval: .milliseconds(50), debounce: .milliseconds(30)),
            builder: IncrementalSiteBuilder(build: build),
            log: { text in log.update { $0 += text } })
        let finished = Locked(false)
        let serverTask = Task {
            defer { finished.set(true) }
            try await server.run(onReady: { ready.set($0) })
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        var served: ServedSite?
        do {
            let root = try await eventually("the server listens", seconds: 60) { ready.value }.absoluteString
            served = ServedSite(build: build, client: client, root: root, log: log)
            try await body(served!)
        } catch {
            XCTFail("\(error)\n--- server log ---\n\(log.value)")
        }
        // Stop: the server ends its event streams and returns.
        serverTask.cancel()
        _ = try? await eventually("the server stops", seconds: 15) { finished.value ? true : nil }
        XCTAssertTrue(finished.value, "the server stopped")
        served?.readers.forEach { $0.cancel() }
        try await client.shutdown()
    }

    /// The paths of every file below a folder.
    private static func files(in folder: URL) throws -> Set<String> {
        let base = folder.standardizedFileURL.path
        let all = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return Set(all.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        })
    }

    private static var repository: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }

    private struct Page {
        var status: UInt
        var headers: [String: String]
        var body: String
    }

    private func get(_ client: HTTPClient, _ url: String) async throws -> Page {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Page(status: response.status.code, headers: headers, body: String(decoding: body.readableBytesView, as: UTF8.self))
    }
}
