import Foundation

/// Checks the produced site itself: every `href` and `src` that points inside the site must lead
/// to a file that was produced, and every `#fragment` to an `id` on that page.
public struct LinkChecker: Sendable {
    /// The files of the site.
    public var files: [OutputFile]

    /// Creates a checker for a set of produced files.
    public init(files: [OutputFile]) {
        self.files = files
    }

    /// A warning for each internal link that does not resolve, naming the page and the link.
    public func check() -> [Diagnostic] {
        let html = files.filter { $0.path.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        var texts: [String: String] = [:]
        for file in html {
            let text = String(decoding: file.contents, as: UTF8.self)
            texts[file.path] = text
            ids[file.path] = Set(Self.attributeValues("id", in: text))
        }
        let paths = Set(files.map(\.path))
        var diagnostics: [Diagnostic] = []
        for file in html where file.path != "404.html" {
            let text = texts[file.path]!
            for link in Self.attributeValues("href", in: text) + Self.attributeValues("src", in: text) {
                guard let (target, fragment) = resolve(link, from: file.path) else { continue }
                let problem: String?
                if !paths.contains(target) {
                    problem = "points to '\(target)', which the build did not produce"
                } else if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
                    problem = "points to the anchor '#\(fragment)', which '\(target)' does not have"
                } else {
                    problem = nil
                }
                if let problem {
                    diagnostics.append(Diagnostic(path: file.path, position: nil, severity: .warning, code: .brokenLink,
                                                  message: "The link '\(link)' \(problem)."))
                }
            }
        }
        return diagnostics
    }

    /// The produced file and fragment a link leads to, or `nil` for external links.
    func resolve(_ link: String, from page: String) -> (String, String?)? {
        let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
        if decoded.isEmpty || decoded.hasPrefix("//") || decoded.contains(":") && !decoded.hasPrefix("#") && decoded.firstIndex(of: ":")! < (decoded.firstIndex(of: "/") ?? decoded.endIndex) {
            return nil
        }
        var path = decoded
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncoding
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        var parts: [Substring] = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast()
        if path.isEmpty { return (page, fragment) }
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        var target = parts.joined(separator: "/")
        if path.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return (target.removingPercentEncoding ?? target, fragment)
    }

    /// The values of an attribute in HTML text (double-quoted, as the templates and cmark write them).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            values.append(String(rest[valueStart..<end]))
            rest = rest[end...]
        }
        return values
    }
}
