import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a request path names in the output folder.
package enum ServeTarget: Equatable, Sendable {
    /// A regular file inside the output folder (symbolic links resolved).
    case file(URL)
    /// A folder requested without its trailing slash: redirect to this location (path only, percent-encoded).
    case redirect(String)
    /// Nothing there, or a folder without index.html.
    case notFound
    /// A path that tries to leave the output folder or cannot be decoded safely.
    case forbidden
}

/// Maps request paths to files in the output folder, and never outside it.
///
/// Hummingbird's `FileMiddleware` is not used: it decodes the whole path before splitting it (so `%2f` becomes a
/// separator), follows symbolic links wherever they point, and knows nothing of a 404 page or of injecting the
/// live-reload script.
///
/// The rules:
/// - The path is split at `/` **before** decoding; each segment is percent-decoded exactly once, so
///   `%2e%2e` is `..` (refused) and `%252e%252e` is the harmless name `%2e%2e` (not found).
/// - A segment that decodes to `..` or `.`, or that contains `/`, `\` or NUL (`%2f`, `%5c`, `%00`), is refused.
/// - A segment that starts with `.` (`.kennisbank-manifest`, `.kennisbank-journal`, `%2egit`) is not found: no
///   hidden file is served.
/// - The file's real path (all symbolic links resolved) must lie inside the output folder's real path.
/// - A folder is served through its `index.html`; without a trailing slash it redirects to the path with one.
package struct PathResolver: Sendable {
    /// The output folder.
    package let root: URL

    /// Creates a resolver for the output folder `root`.
    package init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The decoded segments of a request path, or `nil` when the path is not acceptable.
    ///
    /// Pure: looks at the text only. Empty segments (`//`) are dropped.
    package static func segments(ofRequestPath requestPath: String) -> [String]? {
        guard requestPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        for raw in requestPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(raw).removingPercentEncoding else { return nil }
            if decoded == ".." || decoded == "." { return nil }
            if decoded.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) { return nil }
            segments.append(decoded)
        }
        return segments
    }

    /// Resolves a request path (the raw, still percent-encoded path of the URL, without the query).
    package func resolve(requestPath: String) -> ServeTarget {
        guard let segments = Self.segments(ofRequestPath: requestPath) else { return .forbidden }
        // No file or folder whose name starts with '.' is served: the manifest, the journal, anything hidden.
        guard !segments.contains(where: { $0.hasPrefix(".") }) else { return .notFound }
        guard let rootPath = Self.realPath(root.path) else { return .notFound }
        let candidate = ([rootPath == "/" ? "" : rootPath] + segments).joined(separator: "/")
        guard let resolved = Self.realPath(candidate) else { return .notFound }
        guard Self.isInside(resolved, root: rootPath) else { return .forbidden }

        switch Self.kind(of: resolved) {
        case .directory:
            guard requestPath.hasSuffix("/") else {
                // Rebuilt from the decoded segments, so `//host/` can never become a protocol-relative redirect.
                return .redirect("/" + segments.map(Self.percentEncode).joined(separator: "/") + "/")
            }
            guard let index = Self.realPath(resolved + "/index.html") else { return .notFound }
            guard Self.isInside(index, root: rootPath) else { return .forbidden }
            return Self.kind(of: index) == .regular ? .file(URL(fileURLWithPath: index)) : .notFound
        case .regular:
            return requestPath.hasSuffix("/") ? .notFound : .file(URL(fileURLWithPath: resolved))
        case .other:
            return .forbidden
        }
    }

    // MARK: File system

    private enum Kind { case regular, directory, other }

    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The path with every symbolic link, `.` and `..` resolved, or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private static func percentEncode(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
