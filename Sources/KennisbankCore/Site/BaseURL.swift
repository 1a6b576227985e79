/// The published site's address (site.yml's `baseURL`, `export cartridge --base-url`): checked once, by one rule,
/// before it is written into canonical links, `og:url`, JSON-LD, the sitemap, the feed and the data files.
package enum BaseURL {
    /// `text` as a base URL, ending in `/`; the problem with it when it is no absolute `http` or `https` address
    /// with a host. See ``problem(with:)`` for the rule.
    package static func normalized(_ text: String) -> Result<String, Problem> {
        if let problem = problem(with: text) { return .failure(problem) }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }

    /// Why `text` cannot be a base URL, or `nil` when it can: it must start with `http://` or `https://` (in any
    /// case), name a host (letters, digits, `-`, `.`, or an IPv6 address in brackets) with an optional port, and
    /// hold no space or control character, none of `<>"'\`^{|}`, no query (`?`), no fragment (`#`), no user
    /// (`@` before the host) and no `%` that is not followed by two hexadecimal digits. Pages are appended to it, so
    /// a query or fragment would end up in the middle of every address.
    package static func problem(with text: String) -> Problem? {
        let scalars = Array(text.unicodeScalars)
        if let bad = scalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return .character(bad)
        }
        if let bad = scalars.first(where: { "<>\"'`^{|}\\".unicodeScalars.contains($0) }) { return .character(bad) }
        if text.contains("?") { return .query }
        if text.contains("#") { return .fragment }
        let lower = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix) else { return .scheme }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" }
        if authority.contains("@") { return .userinfo }
        guard isHostAndPort(authority) else { return .host(String(authority)) }
        if let problem = percentProblem(in: rest) { return problem }
        return nil
    }

    /// Whether `authority` is `host` or `host:port`: a name of letters, digits, `-` and `.` that neither starts nor
    /// ends with `.` or `-`, or a bracketed IPv6 address; the port 1 to 65535.
    private static func isHostAndPort(_ authority: Substring) -> Bool {
        var host = authority
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let address = host[host.index(after: host.startIndex)..<close]
            guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return false }
                port = after.dropFirst()
            }
            host = "x"
        } else if let colon = host.lastIndex(of: ":") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), let number = Int(port), (1...65535).contains(number) else {
                return false
            }
        }
        guard let first = host.first, let last = host.last, first != ".", first != "-", last != ".", last != "-" else { return false }
        return host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    }

    /// A `%` in the path that does not start an escape of two hexadecimal digits.
    private static func percentProblem(in path: Substring) -> Problem? {
        var index = path.startIndex
        while let percent = path[index...].firstIndex(of: "%") {
            let digits = path[path.index(after: percent)...].prefix(2)
            guard digits.count == 2, digits.allSatisfy(\.isHexDigit) else { return .percent }
            index = path.index(after: percent)
        }
        return nil
    }

    /// What is wrong with a base URL, said in a few words after "it …".
    package enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// It does not start with `http://` or `https://`.
        case scheme
        /// Its host (and port) is empty or not a host name.
        case host(String)
        /// It names a user (`user@host`).
        case userinfo
        /// It has a query (`?`).
        case query
        /// It has a fragment (`#`).
        case fragment
        /// A `%` not followed by two hexadecimal digits.
        case percent
        /// A character no URL may hold as it is.
        case character(Unicode.Scalar)

        package var description: String {
            switch self {
            case .scheme: return "it does not start with http:// or https://"
            case .host(let host): return host.isEmpty ? "it names no host" : "'\(host)' is not a host name (with an optional :port)"
            case .userinfo: return "it names a user before the host (user@host)"
            case .query: return "it has a query ('?'), which would end up in the middle of every page's address"
            case .fragment: return "it has a fragment ('#'), which would end up in the middle of every page's address"
            case .percent: return "it has a '%' that is not followed by two hexadecimal digits"
            case .character(let scalar):
                let name = scalar.properties.isWhitespace ? "a space" : scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    ? "a control character" : "the character '\(scalar)'"
                return "it holds \(name) (U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)))"
            }
        }
    }

    /// The sentence for a base URL `value` with `problem`, naming where it was given (`'baseURL'`, `--base-url`).
    package static func message(_ value: String, _ problem: Problem, given as: String) -> String {
        "\(`as`) must be an absolute http or https address with a host, such as https://kennisbank.example.nl/, "
            + "but '\(value)' is not: \(problem)."
    }
}

private extension String {
    /// The text with `0` in front until it is `width` characters long.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
