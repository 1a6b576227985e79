import KennisbankCore

extension Content {
    /// The warnings about the content as it was read, before it is linked: each name in a file's
    /// `ignoreWarnings` that is no diagnostic code.
    public var warnings: [Diagnostic] {
        items.flatMap { $0.ignoredWarnings.unknownCodeWarnings(path: $0.source.path) }
    }

    /// What each content file acknowledges with `ignoreWarnings`, by path: the files that list something.
    public var ignoredWarnings: [String: IgnoredWarnings] {
        Dictionary(items.filter { $0.ignoredWarnings != .none }.map { ($0.source.path, $0.ignoredWarnings) }, uniquingKeysWith: { first, _ in first })
    }
}
