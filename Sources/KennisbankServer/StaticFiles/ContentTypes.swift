import Foundation

/// The `Content-Type` of the files a Kennisbank site is made of.
package enum ContentTypes {
    /// The content type for a file name, by extension; `application/octet-stream` when unknown.
    package static func contentType(forPath path: String) -> String {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        return byExtension[fileExtension] ?? "application/octet-stream"
    }

    /// Whether a response of this content type gets the live-reload script.
    package static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }

    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "txt": "text/plain; charset=utf-8",
        "pdf": "application/pdf",
        "epub": "application/epub+zip",
        "webmanifest": "application/manifest+json",
    ]
}
