/// A message for the author about a place in their content: an error that stops the build,
/// or a warning that does not.
///
/// Diagnostics are values: tests compare whole diagnostics, and reporters turn them into
/// `path:line:column: severity: message` lines or JSON.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// What kind of problem this is, so that tools and tests can tell problems apart without parsing text.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        case invalidUTF8 = "invalid-utf8"
        case frontMatter = "front-matter"
        case missingField = "missing-field"
        case invalidField = "invalid-field"
        case unknownField = "unknown-field"
        case invalidSlug = "invalid-slug"
        case duplicateSlug = "duplicate-slug"
        case symlinkLoop = "symlink-loop"
        case duplicateName = "duplicate-name"
        case unresolvedWikilink = "unresolved-wikilink"
        case unresolvedHeading = "unresolved-heading"
        case unresolvedSlug = "unresolved-slug"
        case unknownRelation = "unknown-relation"
        case conflictingRelation = "conflicting-relation"
        case duplicateAnchor = "duplicate-anchor"
        case invalidAnchor = "invalid-anchor"
        case missingEmbed = "missing-embed"
        case embedCycle = "embed-cycle"
        case unresolvedCitation = "unresolved-citation"
        case ambiguousCitation = "ambiguous-citation"
        case invalidReference = "invalid-reference"
        case incompleteReference = "incomplete-reference"
        case missingAuthor = "missing-author"
        case missingDate = "missing-date"
        case brokenLink = "broken-link"
        case dangerousURL = "dangerous-url"
        case stepWithoutLink = "step-without-link"
        case routeWithoutSteps = "route-without-steps"
        case invalidDuration = "invalid-duration"
        case template = "template"
        case io = "io"
        case unknownOutputFiles = "unknown-output-files"
        case configuration = "configuration"
        case missingImage = "missing-image"
        case missingAlt = "missing-alt"
        case unavailableFigure = "unavailable-figure"
        case unusedImage = "unused-image"
        case largeImage = "large-image"
        case unsafeImage = "unsafe-image"
        case unreadableImage = "unreadable-image"
    }

    /// The file the problem is in, as given to the build (relative to the working directory when possible).
    public var path: String
    /// Where in the file; `nil` when the problem concerns the whole file.
    public var position: SourcePosition?
    /// Error or warning.
    public var severity: Severity
    /// What kind of problem.
    public var code: Code
    /// A full sentence saying what is wrong.
    public var message: String
    /// A suggestion, such as "did you mean 'niet-weten'?", or `nil`.
    public var hint: String?

    /// Creates a diagnostic.
    public init(path: String, position: SourcePosition?, severity: Severity = .error, code: Code, message: String, hint: String? = nil) {
        self.path = path
        self.position = position
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// `path:line:column: severity: message`, the form editors and compilers use.
    public var description: String {
        let place = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        var text = "\(place): \(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// The diagnostics of a failed build, thrown as one error.
public struct BuildFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every diagnostic found, errors and warnings, in source order.
    public var diagnostics: [Diagnostic]
    /// The warnings found that their files acknowledge (``IgnoredWarnings``): not reported, and no cause of the failure.
    public var acknowledged: [Diagnostic]
    /// Lines for the terminal about what the build did to the output folder before it failed, such as putting
    /// back the site a stopped build had set aside (``SiteWriter/notes``).
    public var notes: [String] = []

    /// Creates a failure from its diagnostics.
    public init(diagnostics: [Diagnostic], acknowledged: [Diagnostic] = [], notes: [String] = []) {
        precondition(!diagnostics.isEmpty, "a build failure carries at least one diagnostic")
        self.diagnostics = diagnostics
        self.acknowledged = acknowledged
        self.notes = notes
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
