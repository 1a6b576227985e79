import Foundation

/// Messages built from a lead-in and a reason from elsewhere (a Foundation error's description, which may or may not
/// end in a full stop), so that every sentence ends in exactly one stop: not "doesn’t exist.." nor no stop at all.
package enum Sentence {
    /// `text` ending in exactly one full stop: as it is when it already ends in `.`, `!`, `?` or `…`, else with a `.`
    /// (trailing spaces and line breaks dropped).
    package static func ended(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last else { return trimmed }
        return [".", "!", "?", "…"].contains(last) ? trimmed : trimmed + "."
    }

    /// "`lead`: `reason`." with one full stop at the end, however `reason` ends.
    package static func joined(_ lead: String, _ reason: String) -> String {
        ended("\(lead): \(reason)")
    }

    /// "`lead`: the error's reason." with one full stop: ``reason(of:)`` joined to `lead`. When the error concerns
    /// another path than `path`, the one the message is about (a folder on the way to it), that path is named too.
    package static func joined(_ lead: String, _ error: any Error, path: String? = nil) -> String {
        let other = (error as NSError).userInfo[NSFilePathErrorKey] as? String
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        guard let other, let path, absolute(other) != absolute(path) else { return joined(lead, reason(of: error)) }
        return joined(lead, "\(reason(of: error)) (\(other))")
    }

    /// Plain words for why a file operation failed: the system's own words when Foundation names them ("No such file
    /// or directory", "Not a directory", "File name too long"), else Foundation's description, without its
    /// "The operation could not be completed." (which says nothing) when more follows.
    package static func reason(of error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        // On Linux the underlying error is a Swift `Error` in the dictionary, which `as? NSError` does not find.
        var underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        while let inner = underlying, inner.domain != NSPOSIXErrorDomain {
            underlying = (inner.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        }
        if let posix = underlying { return String(cString: strerror(Int32(posix.code))) }
        let vague = "The operation could not be completed. "
        let description = error.localizedDescription
        // "(NSCocoaErrorDomain error 512.)" after it names no reason either: it is left as it is, the most there is.
        guard description.hasPrefix(vague), !description.hasSuffix(")") else { return description }
        return String(description.dropFirst(vague.count))
    }
}
