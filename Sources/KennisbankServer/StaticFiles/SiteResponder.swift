import Foundation
import Hummingbird
import KennisbankCore
import KennisbankIncremental

/// Answers every request: the live-reload script and event stream under `/__kennisbank/`, the downloads made on
/// request (the EPUB of `epub: true`), and otherwise the files of the output folder as ``PathResolver`` resolves
/// them, with the live-reload script injected into HTML.
package struct SiteResponder: HTTPResponder {
    /// Hummingbird's plain request context.
    package typealias Context = BasicRequestContext

    /// Resolves request paths inside the output folder.
    package let resolver: PathResolver
    /// The open event streams.
    package let hub: LiveReloadHub
    /// The downloads of the last good build that are made when requested, if the builder leaves any to be.
    package let onRequest: FilesOnRequest?
    /// Where a line on a download made on request goes.
    package let log: @Sendable (String) -> Void

    /// Creates a responder for the output folder of `resolver`.
    package init(resolver: PathResolver, hub: LiveReloadHub, onRequest: FilesOnRequest? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.resolver = resolver
        self.hub = hub
        self.onRequest = onRequest
        self.log = log
    }

    /// Answers one request.
    package func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = Self.headers(contentType: "text/plain; charset=utf-8")
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "Method not allowed.\n")))
        }
        let path = request.uri.path
        let response: Response
        switch path {
        case LiveReload.scriptPath:
            response = Self.bytes(Data(LiveReload.script.utf8), contentType: "text/javascript; charset=utf-8")
        case LiveReload.eventsPath:
            response = events()
        default:
            if let onRequest, let relative = PathResolver.segments(ofRequestPath: path)?.joined(separator: "/"), onRequest.contains(relative) {
                response = await made(relative, by: onRequest)
            } else {
                response = file(path, query: request.uri.query)
            }
        }
        guard request.method == .head else { return response }
        // HEAD: the headers a GET would get, with its length, and no body.
        var headers = response.headers
        if let length = response.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: response.status, headers: headers)
    }

    private func file(_ path: String, query: String?) -> Response {
        switch resolver.resolve(requestPath: path) {
        case .file(let url):
            guard let response = Self.serve(url, status: .ok) else { return notFound() }
            return response
        case .redirect(let location):
            var headers = Self.headers(contentType: "text/plain; charset=utf-8")
            headers[.location] = location + (query.map { "?" + $0 } ?? "")
            // Not permanent: a folder may become a file while the author works.
            return Response(status: .found, headers: headers)
        case .notFound:
            return notFound()
        case .forbidden:
            return Self.text("Forbidden.\n", status: .forbidden)
        }
    }

    /// A download made now (or earlier, since the last build), on a thread of its own away from the server's; when it
    /// cannot be made, status 500 with the diagnostic, which the terminal shows too.
    private func made(_ path: String, by onRequest: FilesOnRequest) async -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: onRequest.file(path)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        switch result {
        case .success(let data):
            log("Served \(path) (\(data.count) bytes, \(String(format: "%.0f ms", seconds * 1000))).\n")
            return Self.bytes(data, contentType: ContentTypes.contentType(forPath: path))
        case .failure(let diagnostic):
            let text = DiagnosticFormatter(format: .text).format([diagnostic])
            log(text + "\(path) could not be made.\n")
            return Self.text(text, status: .internalServerError)
        case nil:
            return notFound()
        }
    }

    /// The site's own 404.html with status 404, or a minimal page when there is none (no site built yet), so that
    /// the live-reload script still shows build errors and reloads once a build succeeds.
    private func notFound() -> Response {
        if case .file(let url) = resolver.resolve(requestPath: "/404.html"), let response = Self.serve(url, status: .notFound) {
            return response
        }
        let page = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><p>Not found. (The site has no 404.html, or has not been built yet.)</p></body></html>\n"
        var response = Self.bytes(LiveReload.inject(into: Data(page.utf8)), contentType: "text/html; charset=utf-8")
        response.status = .notFound
        return response
    }

    /// The event stream of one tab. It ends when the tab goes away or the server stops.
    private func events() -> Response {
        var headers = Self.headers(contentType: "text/event-stream; charset=utf-8")
        headers[.connection] = "keep-alive"
        let hub = self.hub
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await event in hub.subscribe() {
                try await writer.write(ByteBuffer(string: event.wireFormat))
            }
            try await writer.finish(nil)
        })
    }

    private static func serve(_ url: URL, status: HTTPResponse.Status) -> Response? {
        guard var data = try? Data(contentsOf: url) else { return nil }
        let contentType = ContentTypes.contentType(forPath: url.path)
        if ContentTypes.isHTML(contentType) { data = LiveReload.inject(into: data) }
        var response = bytes(data, contentType: contentType)
        response.status = status
        return response
    }

    private static func bytes(_ data: Data, contentType: String) -> Response {
        Response(status: .ok, headers: headers(contentType: contentType), body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: headers(contentType: "text/plain; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func headers(contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        return headers
    }
}
