import Foundation

/// Helpers for the URL paths of redirects and the 404 page, and for telling an address from a path.
package enum URLPath {
    /// An old path from front matter (`/oude/pad`, `oude/pad.html`) as a directory below the site root.
    package static func directory(_ alias: String) -> String {
        var path = alias.trimmingCharacters(in: .whitespaces)
        while path.hasPrefix("/") { path.removeFirst() }
        if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
        else if path.hasSuffix(".html") { path.removeLast(".html".count); path += "/" }
        if !path.isEmpty && !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The path part of an absolute URL: `https://x.nl/kb/` → `/kb/`.
    package static func path(of url: String) -> String? {
        guard let components = URLComponents(string: url) else { return nil }
        let path = components.path.isEmpty ? "/" : components.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Whether a link starts with a scheme (`https:`, `mailto:`): letters, digits, `+`, `-` or `.` before a colon.
    package static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}
