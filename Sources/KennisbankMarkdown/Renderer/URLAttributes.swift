/// Which attributes of raw HTML a browser follows or loads as URLs, and whether a value (its character references
/// decoded) holds a URL that must never reach a page (``Cmark/isDangerousURL(_:)``).
enum URLAttributes {
    /// Attributes whose whole value is one URL.
    static let single: Set<String> = [
        "href", "src", "action", "formaction", "poster", "data", "codebase", "cite", "background", "longdesc",
        "usemap", "manifest", "lowsrc", "dynsrc", "classid", "icon", "profile", "archive", "xmlbase",
    ]

    /// Whether `value`, the decoded value of `attribute` on `element` (both lowercased), holds a dangerous URL.
    static func isDangerous(attribute: String, of element: String, value: String) -> Bool {
        if single.contains(attribute) || attribute.hasSuffix(":href") || attribute == "xml:base" {
            return Cmark.isDangerousURL(value)
        }
        switch attribute {
        case "srcset", "imagesrcset":
            // Candidates separated by commas, each a URL and an optional descriptor.
            return value.split(separator: ",").contains { candidate in
                Cmark.isDangerousURL(String(candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first ?? ""))
            }
        case "ping":
            return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { Cmark.isDangerousURL(String($0)) }
        case "content" where element == "meta":
            return refreshURL(value).map(Cmark.isDangerousURL) ?? false
        case "to", "from", "values":
            // An SVG animation can set `href` to any of its values.
            guard element == "animate" || element == "set" else { return false }
            return value.split(separator: ";").contains { Cmark.isDangerousURL(String($0)) }
        default:
            return false
        }
    }

    /// The URL of a `<meta http-equiv="refresh">`'s `content` (`5; url=…`, `0;…`), as browsers read it; `nil` without one.
    static func refreshURL(_ content: String) -> String? {
        var rest = Substring(content).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        rest = rest.drop { $0.isASCII && ($0.isNumber || $0 == ".") }
        rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let separator = rest.first, separator == ";" || separator == "," else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        if rest.prefix(3).lowercased() == "url" {
            let afterURL = rest.dropFirst(3).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if afterURL.first == "=" {
                rest = afterURL.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            }
        }
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst()
            if let close = rest.firstIndex(of: quote) { rest = rest[..<close] }
        }
        return String(rest)
    }
}

/// HTML's character references in an attribute value, decoded as a browser decodes them, as far as a URL's scheme
/// can hide behind them: every numeric reference (`&#106;`, `&#x6A;`, `&#X6a`, with or without `;`) and the
/// named references of the characters that matter there (`&colon;`, `&Tab;`, `&NewLine;`) and of the common ones.
/// Other named references are left as written: none of them is a letter of the ASCII alphabet.
enum CharacterReferences {
    /// The named references decoded, with the `;` they need.
    static let named: [String: String] = [
        "Tab;": "\t", "NewLine;": "\n", "colon;": ":", "amp;": "&", "lt;": "<", "gt;": ">", "quot;": "\"",
        "apos;": "'", "nbsp;": "\u{A0}", "sol;": "/", "period;": ".", "excl;": "!", "num;": "#", "percnt;": "%",
        "lpar;": "(", "rpar;": ")", "semi;": ";", "equals;": "=", "quest;": "?", "plus;": "+", "comma;": ",",
    ]

    /// `value` with its character references decoded.
    static func decoded(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let scalars = Array(value.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                result.append(scalars[index])
                index += 1
                continue
            }
            if let (scalar, length) = numeric(scalars, at: index) ?? namedReference(scalars, at: index) {
                result.append(contentsOf: scalar.unicodeScalars)
                index += length
            } else {
                result.append("&")
                index += 1
            }
        }
        return String(result)
    }

    /// A numeric reference at `start` (`&#…`): its text and length; out-of-range values give U+FFFD.
    private static func numeric(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < scalars.count, scalars[index] == "#" else { return nil }
        index += 1
        var radix: UInt32 = 10
        if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
            radix = 16
            index += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while index < scalars.count, let digit = Character(scalars[index]).hexDigitValue, UInt32(digit) < radix {
            value = min(value &* radix &+ UInt32(digit), 0x110000)
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        if index < scalars.count, scalars[index] == ";" { index += 1 }
        let scalar = value == 0 ? nil : Unicode.Scalar(value)
        return (String(scalar ?? "\u{FFFD}"), index - start)
    }

    /// A named reference of ``named`` at `start`: its text and length.
    private static func namedReference(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        let rest = String(String.UnicodeScalarView(scalars[(start + 1)...].prefix(10)))
        for (name, text) in named where rest.hasPrefix(name) { return (text, name.unicodeScalars.count + 1) }
        return nil
    }
}
