import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// Checks the produced site itself: every `href` and `src` that points inside the site must lead
/// to a file that was produced, and every `#fragment` to an `id` on that page.
package struct LinkChecker: Sendable {
    /// What was read from each HTML page.
    var pages: [ScannedPage]
    /// The path of every file of the site, HTML or not.
    var paths: Set<String>

    /// Creates a checker for a set of produced files.
    package init(files: [OutputFile]) {
        self.init(pages: files.filter { $0.path.hasSuffix(".html") }.parallelMap(Self.scan), paths: Set(files.map(\.path)))
    }

    /// Creates a checker for pages read earlier (see ``scan(_:)``) and the paths of all files.
    package init(pages: [ScannedPage], paths: Set<String>) {
        self.pages = pages
        self.paths = paths
    }

    /// Reads a page's anchors and links.
    package static func scan(_ file: OutputFile) -> ScannedPage {
        let values = file.contents.withUnsafeBytes { attributeValues(["id", "href", "src"], in: $0.bindMemory(to: UInt8.self)) }
        return ScannedPage(path: file.path, ids: Set(values[0]), links: values[1] + values[2])
    }

    /// A warning for each internal link that does not resolve, naming the page and the link.
    package func check() -> [Diagnostic] {
        check(reusing: []).flatMap(\.problems)
    }

    /// What checking one page found: its broken links, every file its links lead to, and the links resolved.
    package struct PageCheck: Sendable {
        package var problems: [Diagnostic]
        package var targets: Set<String>
        /// Each internal link once, in page order, with the file and fragment it leads to.
        var resolved: [(link: String, target: String, fragment: String?)]
    }

    /// An earlier check of a page that was not rendered again: still valid as it is, or to be verified again
    /// (a file its links lead to changed) from its resolved links, without resolving them again.
    package struct EarlierCheck: Sendable {
        var check: PageCheck
        package var valid: Bool

        /// An earlier check, `valid` or to be verified again.
        package init(check: PageCheck, valid: Bool) {
            (self.check, self.valid) = (check, valid)
        }
    }

    /// Checks every page, in the order of ``pages``, reusing the earlier checks of pages that were not
    /// rendered again: `earlier` holds one for each page, in the same order (`nil` where there is none),
    /// or is empty. `anchors` gives a page's anchors by path, when the caller has them at hand (an incremental
    /// build keeps them with its record of the site); otherwise they are gathered from ``pages``.
    package func check(reusing earlier: [EarlierCheck?], anchors: (@Sendable (String) -> Set<String>?)? = nil) -> [PageCheck] {
        precondition(earlier.isEmpty || earlier.count == pages.count, "one earlier check, or none, for each page")
        let scanned = pages
        // The anchors of every page, only when a page's links are verified (not when every check still holds).
        let verified = earlier.isEmpty || earlier.contains { $0?.valid != true }
        let table = verified && anchors == nil ? Dictionary(uniqueKeysWithValues: scanned.map { ($0.path, $0.ids) }) : [:]
        let ids = anchors ?? { table[$0] }
        let paths = self.paths
        return Array(scanned.indices).parallelMap { index -> PageCheck in
            let page = scanned[index]
            let known = earlier.isEmpty ? nil : earlier[index]
            if let known, known.valid { return known.check }
            guard page.path != PageKind.notFound.link().path else { return PageCheck(problems: [], targets: [], resolved: []) }
            let resolved = known?.check.resolved ?? resolveLinks(of: page)
            var diagnostics: [Diagnostic] = []
            for (link, target, fragment) in resolved {
                let problem: String?
                if !paths.contains(target) {
                    problem = "points to '\(target)', which the build did not produce"
                } else if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids(target)?.contains(fragment) != true {
                    problem = "points to the anchor '#\(fragment)', which '\(target)' does not have"
                } else {
                    problem = nil
                }
                if let problem {
                    diagnostics.append(Diagnostic(path: page.path, position: nil, severity: .warning, code: .brokenLink,
                                                  message: "The link '\(link)' \(problem)."))
                }
            }
            return PageCheck(problems: diagnostics, targets: Set(resolved.map(\.target)), resolved: resolved)
        }
    }

    /// A page's internal links, each once, in order, with the file and fragment each leads to.
    private func resolveLinks(of page: ScannedPage) -> [(link: String, target: String, fragment: String?)] {
        var checked = Set<String>()
        let folder = Self.folder(of: page.path)
        let start = LinkTarget.Folder(of: page.path)
        return page.links.compactMap { link in
            guard checked.insert(link).inserted, let (target, fragment) = Self.resolve(link, from: page.path, in: folder, start: start) else { return nil }
            return (link, target, fragment)
        }
    }

    /// A page's anchors and the links it makes, read once.
    package struct ScannedPage: Sendable {
        package var path: String
        package var ids: Set<String>
        var links: [String]
    }

    /// The folders of a page's path: `artikelen/een/index.html` is in `artikelen` and `een`.
    static func folder(of page: String) -> [Substring] {
        Array(page.split(separator: "/").dropLast())
    }

    /// The produced file and fragment a link on `page` leads to, or `nil` for external links.
    static func resolve(_ link: String, from page: String) -> (String, String?)? {
        resolve(link, from: page, in: folder(of: page), start: LinkTarget.Folder(of: page))
    }

    /// The produced file and fragment a link on `page` (in `folder`, which `start` holds as bytes) leads to, or
    /// `nil` for external links: on the link's bytes when it is ASCII (nearly every link), else as text.
    private static func resolve(_ link: String, from page: String, in folder: [Substring], start: LinkTarget.Folder) -> (String, String?)? {
        // Foundation's replacing and percent-decoding are slow; most links need neither.
        var decoded = link.utf8.contains(UInt8(ascii: "&")) ? TextBytes.replacing("&amp;", with: "&", in: link) : link
        guard TextBytes.contains(in: decoded, where: { $0 >= 0x80 }) else {
            return decoded.withUTF8 { LinkTarget.resolve($0, page: page, folder: start) }
        }
        return resolveAsText(decoded, from: page, in: folder)
    }

    /// The produced file and fragment a link on `page` (in `folder`), its `&amp;` read as `&`, leads to, or `nil`
    /// for external links, worked out on `String`s: for links with characters other than ASCII.
    static func resolveAsText(_ decoded: String, from page: String, in folder: [Substring]) -> (String, String?)? {
        let bytes = decoded.utf8
        if decoded.isEmpty || decoded.hasPrefix("//") {
            return nil
        }
        // A scheme (`https:`, `mailto:`) comes before any slash: an external link.
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), !decoded.hasPrefix("#"), colon < (bytes.firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex) {
            return nil
        }
        var path = decoded
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            let raw = String(path[path.index(after: hash)...])
            fragment = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding : raw
            path = String(path[..<hash])
        }
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = String(path[..<query]) }
        var parts: [Substring] = path.hasPrefix("/") ? [] : folder
        if path.isEmpty { return (page, fragment) }
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        var target = parts.joined(separator: "/")
        if path.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return (target.utf8.contains(UInt8(ascii: "%")) ? target.removingPercentEncoding ?? target : target, fragment)
    }

    /// The values of an attribute in HTML text (double-quoted, as the templates and cmark write them).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var html = html
        return html.withUTF8 { attributeValues([name], in: $0)[0] }
    }

    /// The values of each of the attributes `names` in HTML bytes, in page order, read in one pass: the
    /// cost grows with the length of the page, however long. An attribute is ` name="value"`.
    static func attributeValues(_ names: [String], in bytes: UnsafeBufferPointer<UInt8>) -> [[String]] {
        let markers = names.map { Array(" \($0)=\"".utf8) }
        var values = [[String]](repeating: [], count: names.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: " ") else { index += 1; continue }
            var matched = false
            for (number, marker) in markers.enumerated() where index + marker.count <= bytes.count {
                guard (1..<marker.count).allSatisfy({ bytes[index + $0] == marker[$0] }) else { continue }
                let valueStart = index + marker.count
                guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return values }
                values[number].append(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self))
                index = end
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return values
    }
}
