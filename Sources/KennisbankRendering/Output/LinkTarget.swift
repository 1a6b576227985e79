import Foundation

/// Where an ASCII link on a page leads, worked out on the link's UTF-8 bytes: the fast path of
/// ``LinkChecker``'s resolving, which builds the target path in one byte buffer instead of a `String` and an
/// array of `Substring`s per link. Links with other characters go the way of `String`s, whose comparisons
/// follow Unicode (a slash followed by a combining mark is no slash there); for ASCII both ways agree, and a test
/// holds this one to the other on random links.
enum LinkTarget {
    /// A page's folder as the start of a target path: `artikelen/een/index.html` gives `artikelen/een`, and
    /// where each folder's name starts in it, so that `..` can take one off.
    struct Folder {
        /// The folders' names joined with slashes.
        var bytes: [UInt8]
        /// For each folder, the length of ``bytes`` before it (its slash included).
        var starts: [Int]

        /// The folder of `page`, a site path.
        init(of page: String) {
            bytes = []
            starts = []
            for part in page.utf8.split(separator: UInt8(ascii: "/")).dropLast() {
                LinkTarget.append(part, to: &bytes, starts: &starts)
            }
        }
    }

    /// The file and fragment an ASCII `link` (with `&amp;` already read as `&`) on `page` leads to, or `nil` for
    /// an external link: the same answer as ``LinkChecker``'s resolving of text.
    static func resolve(_ link: UnsafeBufferPointer<UInt8>, page: String, folder: Folder) -> (String, String?)? {
        let count = link.count
        let slash = UInt8(ascii: "/")
        guard count > 0, !(count >= 2 && link[0] == slash && link[1] == slash) else { return nil }
        // A scheme (`https:`, `mailto:`) comes before any slash: an external link.
        if link[0] != UInt8(ascii: "#"), let colon = link.firstIndex(of: UInt8(ascii: ":")), colon < (link.firstIndex(of: slash) ?? count) {
            return nil
        }
        var end = count
        var fragment: String?
        if let hash = link.firstIndex(of: UInt8(ascii: "#")) {
            let raw = String(decoding: UnsafeBufferPointer(rebasing: link[(hash + 1)...]), as: UTF8.self)
            fragment = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding : raw
            end = hash
        }
        if let query = link[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        if end == 0 { return (page, fragment) }
        var target: [UInt8] = []
        var starts: [Int] = []
        if link[0] != slash { (target, starts) = (folder.bytes, folder.starts) }
        for part in link[..<end].split(separator: slash) {
            if part.count == 2 && part[part.startIndex] == UInt8(ascii: ".") && part[part.startIndex + 1] == UInt8(ascii: ".") {
                if let last = starts.popLast() { target.removeSubrange(last...) }
            } else if !(part.count == 1 && part[part.startIndex] == UInt8(ascii: ".")) {
                append(part, to: &target, starts: &starts)
            }
        }
        if link[end - 1] == slash || target.isEmpty { target += (target.isEmpty ? "index.html" : "/index.html").utf8 }
        let path = String(decoding: target, as: UTF8.self)
        return (target.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path, fragment)
    }

    /// Appends a folder or file name to a path, after a slash unless the path is empty, noting where it starts.
    private static func append(_ part: some Collection<UInt8>, to path: inout [UInt8], starts: inout [Int]) {
        starts.append(path.count)
        if !path.isEmpty { path.append(UInt8(ascii: "/")) }
        path += part
    }
}
