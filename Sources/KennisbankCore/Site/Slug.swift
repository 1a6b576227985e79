import Foundation

/// Slugs: the file-name part of a URL, made of a-z, 0-9 and '-'.
public enum Slug {
    /// Whether a text is a valid slug.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug made from a title: diacritics folded (ë → e), lowercased, other characters turned into '-';
    /// `ifEmpty` when the title has no letter or digit.
    public static func make(from title: String, ifEmpty: String = "item") -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "nl"))
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? ifEmpty : slug
    }
}
