import Foundation
import KennisbankCore

/// Heading anchors: the slug of the heading's text without its section number, so renumbering sections breaks
/// no link.
package enum HeadingAnchors {
    /// The anchor of a heading's text: "1. Leiderschap als wordingspraktijk" and "2.3 Leiderschap als
    /// wordingspraktijk" both give `leiderschap-als-wordingspraktijk`.
    package static func anchor(of text: String) -> String {
        Slug.make(from: withoutNumber(text))
    }

    /// The heading's text without a leading section number: one or more numbers joined by dots and followed by a
    /// dot ("1.", "2.3.") or at least two numbers joined by dots ("2.3"), then a space. A year opening a heading
    /// ("1984 als metafoor") is not a section number, and a heading that is only a number keeps it.
    package static func withoutNumber(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        var groups = 0, endsWithDot = false
        while index < scalars.count, ("0"..."9").contains(scalars[index]) {
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            groups += 1
            endsWithDot = index < scalars.count && scalars[index] == "."
            guard endsWithDot else { break }
            index += 1
        }
        guard groups > 0, endsWithDot || groups > 1, index < scalars.count, scalars[index].properties.isWhitespace else { return text }
        let rest = String(String.UnicodeScalarView(scalars[index...])).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? text : rest
    }

    /// `base`, or `base-2`, `base-3`, … when it is taken; the name returned is taken from then on.
    static func unique(_ base: String, taken: inout Set<String>) -> String {
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
