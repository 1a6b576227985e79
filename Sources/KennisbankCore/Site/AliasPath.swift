import Foundation

extension URLPath {
    /// Why an alias (an old URL path from front matter, whose redirect is written as the folder
    /// ``directory(_:)`` names) can never work or must not be written, or `nil` when it can be.
    ///
    /// A browser never asks for a folder named with `?` or `#` (they start the query and the fragment), nor with a
    /// `%` as written (it decodes escapes first); `.` and `..` are not folders of the site, a name that starts with
    /// `.` is hidden (`.git`); an empty segment (`//`) is read as one `/`, so the redirect could land on another
    /// page's file; a backslash, `:` or a control character is no part of a path a server maps to a folder; and no
    /// file system takes a name longer than 255 bytes.
    package static func problem(withAlias alias: String) -> String? {
        let written = alias.trimmingCharacters(in: .whitespaces)
        if let scalar = written.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            return "it holds a control character (U+\(String(scalar.value, radix: 16, uppercase: true)))"
        }
        for (character, reason) in [("?", "starts a query"), ("#", "starts a fragment"), ("%", "starts an escape a browser decodes"),
                                    ("\\", "is no path separator on the web"), (":", "would make it an address of its own")]
        where written.contains(character) {
            return "it holds '\(character)', which \(reason)"
        }
        let segments = directory(written).split(separator: "/", omittingEmptySubsequences: false).dropLast()
        if segments.isEmpty { return "it names the site's root" }
        for segment in segments {
            // `oud//p/` is written as `oud/p/` by the file system: it could take the place of another page's file.
            if segment.isEmpty { return "it has an empty segment ('//'), which the file system and a server read as one '/'" }
            if segment == "." || segment == ".." { return "it has the segment '\(segment)'" }
            if segment.hasPrefix(".") { return "its segment '\(segment)' starts with '.', which makes a hidden folder" }
            if segment.utf8.count > 255 { return "a segment of it is \(segment.utf8.count) bytes long, over the 255 a file name may have" }
        }
        return nil
    }
}
