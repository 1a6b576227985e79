import Foundation
import Kennisbank
import XCTest
@testable import KennisbankServer
#if canImport(Glibc)
import Glibc
#endif

/// `serve` on a real port, over raw sockets: connections that HTTP/1 ends with their response are closed, a port in
/// use stops it before anything is built, and no hidden file of the output folder is served.
final class ServeConnectionTests: XCTestCase {
    private var base: URL!
    private var content: URL { base.appendingPathComponent("Content") }
    private var output: URL { base.appendingPathComponent("Site") }

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-connections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try Data("title: Proef\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("---\ntitle: Een\nauthors: [A. Auteur]\ndate: 2024-01-01\n---\nTekst.\n".utf8)
            .write(to: content.appendingPathComponent("articles/een.md"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    /// An HTTP/1.0 request without keep-alive, and an HTTP/1.1 request with `Connection: close` (in any case), get
    /// their response and then the end of the stream; an HTTP/1.1 request without it keeps its connection open.
    func testConnectionsThatEndWithTheirResponseAreClosed() async throws {
        try await serve { port in
            for request in ["GET /robots.txt HTTP/1.0\r\n\r\n",
                            "GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                            "GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n"] {
                let exchange = try RawConnection.exchange(request, port: port, deadline: 10)
                XCTAssertTrue(exchange.text.hasPrefix("HTTP/1.1 200 OK\r\n"), exchange.text)
                XCTAssertTrue(exchange.text.contains("User-agent: *"), exchange.text)
                XCTAssertTrue(exchange.closed, "the connection ends after the response to \(request.debugDescription)")
            }
            let open = try RawConnection.exchange("GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n", port: port, deadline: 1)
            XCTAssertTrue(open.text.contains("User-agent: *"), open.text)
            XCTAssertFalse(open.closed, "an HTTP/1.1 connection stays open for the next request")
            let keptAlive = try RawConnection.exchange("GET /robots.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", port: port, deadline: 1)
            XCTAssertTrue(keptAlive.text.contains("User-agent: *"), keptAlive.text)
            XCTAssertFalse(keptAlive.closed, "an HTTP/1.0 request that asks for keep-alive keeps its connection")
        }
    }

    /// The manifest, the journal and any other hidden file of the output folder answer 404.
    func testHiddenFilesOfTheOutputFolderAreNotServed() async throws {
        try await serve { port in
            try Data("artikelen/een/index.html\n".utf8).write(to: output.appendingPathComponent(".kennisbank-journal"))
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(".kennisbank-manifest").path))
            for path in ["/.kennisbank-manifest", "/.kennisbank-journal", "/%2ekennisbank-manifest", "/artikelen/.kennisbank-manifest"] {
                let exchange = try RawConnection.exchange("GET \(path) HTTP/1.0\r\n\r\n", port: port, deadline: 10)
                XCTAssertTrue(exchange.text.hasPrefix("HTTP/1.1 404 Not Found\r\n"), "\(path): \(exchange.text)")
                XCTAssertFalse(exchange.text.contains("robots.txt"), path)
            }
            let page = try RawConnection.exchange("GET /robots.txt HTTP/1.0\r\n\r\n", port: port, deadline: 10)
            XCTAssertTrue(page.text.hasPrefix("HTTP/1.1 200 OK\r\n"), page.text)
        }
    }

    /// A port in use: `run` fails with the error that names it, before anything is built or written.
    func testABusyPortStopsServeBeforeAnythingIsBuilt() async throws {
        let (listener, port) = try RawConnection.listen()
        defer { close(listener) }
        let log = Locked("")
        let server = SiteServer(configuration: .init(port: port, outputDirectory: output.path, watchedDirectories: [content.path]),
                                builder: IncrementalSiteBuilder(build: build()), log: { text in log.update { $0 += text } })
        do {
            try await server.run()
            XCTFail("serve ran on a port in use")
        } catch let error as ServeError {
            XCTAssertEqual(error, .portInUse(host: "127.0.0.1", port: port))
            XCTAssertTrue(error.description.hasPrefix("Port \(port) on 127.0.0.1 is already in use"), error.description)
            XCTAssertTrue(error.description.contains("--port"), error.description)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing was built or written")
        XCTAssertEqual(log.value, "", "no build was reported")
    }

    // MARK: Helpers

    private func build() -> Build {
        Build(contentDirectory: content.path, templatesDirectory: base.appendingPathComponent("Templates").path, outputDirectory: output.path)
    }

    /// Runs a server on a free loopback port over the test's content, runs `body` with its port once the first
    /// build is done, then stops the server.
    private func serve(_ body: (Int) async throws -> Void) async throws {
        let ready = Locked<URL?>(nil)
        let finished = Locked(false)
        let server = SiteServer(configuration: .init(port: 0, outputDirectory: output.path, watchedDirectories: [content.path]),
                                builder: IncrementalSiteBuilder(build: build()), log: { _ in })
        let task = Task {
            defer { finished.set(true) }
            try await server.run(onReady: { ready.set($0) })
        }
        defer { task.cancel() }
        let url = try await eventually("the server listens", seconds: 60) { ready.value }
        try await body(url.port!)
        task.cancel()
        _ = try await eventually("the server stops", seconds: 15) { finished.value ? true : nil }
    }
}

/// A TCP connection to the loopback address without an HTTP client: the bytes sent, the bytes back, and whether
/// the server closed it.
enum RawConnection {
    struct Failure: Error, CustomStringConvertible { var what: String; var description: String { what } }

    /// Sends `request` to the loopback port and reads until the server closes the connection or `deadline`
    /// seconds pass; the text read, and whether the server closed.
    static func exchange(_ request: String, port: Int, deadline: Double) throws -> (text: String, closed: Bool) {
        let socket = try connected(to: port)
        defer { close(socket) }
        let bytes = Array(request.utf8)
        guard send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure(what: "send failed") }
        var received: [UInt8] = []
        let end = Date().addingTimeInterval(deadline)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < end {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let waiting = Int32(max(1, end.timeIntervalSinceNow * 1000))
            guard poll(&descriptor, 1, waiting) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { throw Failure(what: "recv failed: errno \(errno)") }
            received += buffer[..<count]
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// A socket listening on a free loopback port, and the port.
    static func listen() throws -> (Int32, Int) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(listener, 8) == 0 else { throw Failure(what: "cannot listen: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        return (listener, Int(UInt16(bigEndian: address.sin_port)))
    }

    private static func connected(to port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); throw Failure(what: "cannot connect to port \(port): errno \(errno)") }
        return socket
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
