import Foundation
import KennisbankCore

/// The links of a portable site: every internal link that names a folder (`../begrippen/`, `./`) is written to the
/// folder's `index.html`, so the site works opened as files from a folder, a USB stick or a file share, where no
/// server turns a folder into its index page. Absolute addresses (canonical URLs, the sitemap, the feed) stay clean.
package enum PortableLinks {
    /// The page with its folder links made file links: the values of `href` and `action` attributes and the
    /// address of a redirect's `<meta http-equiv="refresh" content="0; url=…">`.
    package static func rewrite(_ html: String) -> String {
        var html = html
        // A redirect page has one refresh; its address is the only `; url=` of the page.
        if let refresh = html.range(of: "; url=") {
            let end = html[refresh.upperBound...].firstIndex(of: "\"") ?? html.endIndex
            html.replaceSubrange(refresh.upperBound..<end, with: fileLink(String(html[refresh.upperBound..<end])))
        }
        return rewriteValues(after: " action=\"", in: rewriteValues(after: " href=\"", in: html))
    }

    /// The text with the value after each `marker` (up to the next `"`) made a file link.
    private static func rewriteValues(after marker: String, in html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 1024)
        var rest = Substring(html)
        while let open = rest.range(of: marker) {
            let end = rest[open.upperBound...].firstIndex(of: "\"") ?? rest.endIndex
            result += rest[..<open.upperBound]
            result += fileLink(String(rest[open.upperBound..<end]))
            rest = rest[end...]
        }
        result += rest
        return result
    }

    /// The link to a folder's `index.html` for a relative link to the folder; any other link as it is.
    package static func fileLink(_ link: String) -> String {
        guard !link.isEmpty, !link.hasPrefix("#"), !link.hasPrefix("/"), !URLPath.hasScheme(link) else { return link }
        let end = link.firstIndex { $0 == "#" || $0 == "?" } ?? link.endIndex
        let path = link[..<end]
        if path.hasSuffix("/") { return path + "index.html" + link[end...] }
        if path == "." || path == ".." || path.hasSuffix("/..") || path.hasSuffix("/.") { return path + "/index.html" + link[end...] }
        return link
    }
}
