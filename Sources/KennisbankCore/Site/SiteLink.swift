/// A link to a place in the generated site, as a path from the site root plus an optional fragment.
///
/// Pages are written as `<path>/index.html`, so `begrippen/niet-weten/` names a page and
/// `literatuur/#kegan1994` names a reference on one. The renderer turns a site link into a
/// relative URL from the page being written, so the site works under any base path.
package struct SiteLink: Hashable, Sendable, Comparable {
    /// The directory of the page, from the site root, ending in `/` (or empty for the home page).
    package var path: String
    /// The fragment without `#`, or `nil`.
    package var fragment: String?

    /// Creates a site link.
    package init(path: String, fragment: String? = nil) {
        precondition(!path.hasPrefix("/"), "site links are relative to the site root, not absolute: \(path)")
        self.path = path
        self.fragment = fragment
    }

    /// The file, from the site root, that serves ``path``: `index.html` in its directory
    /// (`begrippen/niet-weten/index.html`), or the path itself when it names a file.
    package var file: String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }

    /// The same page with another fragment.
    package func with(fragment: String?) -> SiteLink { SiteLink(path: path, fragment: fragment) }

    /// The link written relative to the page at `pagePath` (a directory path ending in `/`, or empty).
    ///
    /// Every page link of the site goes through here, so the usual case (both paths directories) is one pass
    /// over the UTF-8 bytes; anything else takes ``relativeBySegments(from:)``, which gives the same result.
    package func relative(from pagePath: String) -> String {
        let slash = UInt8(ascii: "/")
        func isDirectory(_ path: String) -> Bool {
            // Empty, or segments each ending in "/", none of them empty.
            var previous = slash
            for byte in path.utf8 {
                if byte == slash, previous == slash { return false }
                previous = byte
            }
            return previous == slash
        }
        guard isDirectory(path), isDirectory(pagePath) else { return relativeBySegments(from: pagePath) }
        let from = pagePath.utf8, to = path.utf8
        var (a, b) = (from.startIndex, to.startIndex)
        var (commonFrom, commonTo) = (a, b)
        // The longest common run of whole segments.
        while a != from.endIndex, b != to.endIndex, from[a] == to[b] {
            if from[a] == slash { (commonFrom, commonTo) = (from.index(after: a), to.index(after: b)) }
            (a, b) = (from.index(after: a), to.index(after: b))
        }
        // Every segment of a directory path ends in "/": one "../" per segment left of the page's path.
        let ups = from[commonFrom...].lazy.filter { $0 == slash }.count
        var url = String(repeating: "../", count: ups) + String(Substring(to[commonTo...]))
        if url.isEmpty { url = fragment == nil ? "./" : "" }
        if let fragment { url += "#" + fragment }
        return url
    }

    /// ``relative(from:)`` for any paths, segment by segment.
    func relativeBySegments(from pagePath: String) -> String {
        let fromParts = pagePath.split(separator: "/", omittingEmptySubsequences: true)
        let toParts = path.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < fromParts.count, common < toParts.count, fromParts[common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        let downs = toParts[common...].map(String.init)
        var url = (ups + downs).joined(separator: "/")
        if !url.isEmpty, path.isEmpty || path.hasSuffix("/") { url += "/" }
        if url.isEmpty { url = fragment == nil ? "./" : "" }
        if let fragment { url += "#" + fragment }
        return url
    }

    /// The link as written from the site root, with a leading `/` omitted: `begrippen/x/#y`.
    package var rootRelative: String { path + (fragment.map { "#" + $0 } ?? "") }

    /// The link's absolute URL below `baseURL` (site.yml's, which ends in `/`) where it is known, otherwise its path
    /// from the site root: what the machine-readable files and the route handouts print.
    package func address(baseURL: String?) -> String { (baseURL ?? "") + rootRelative }

    package static func < (lhs: SiteLink, rhs: SiteLink) -> Bool { lhs.rootRelative < rhs.rootRelative }
}
