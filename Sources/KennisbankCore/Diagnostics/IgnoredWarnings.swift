/// The warnings a content file acknowledges: the codes listed in its front-matter field `ignoreWarnings`.
///
/// The build sets a warning aside when the file it is in lists its code: it is not reported, does not fail
/// `--strict`, and `check` counts it in one line and lists it with `--show-ignored`. Errors are never set aside.
package struct IgnoredWarnings: Hashable, Sendable {
    /// The codes listed.
    package var codes: Set<Diagnostic.Code>
    /// What was listed that is no diagnostic code, in the order written.
    package var unknown: [String]
    /// Where the field stands in the file.
    package var position: SourcePosition

    /// A file that acknowledges nothing.
    package static let none = IgnoredWarnings(listed: [], position: .start)

    /// Reads the names listed in the field at `position`.
    package init(listed: [String], position: SourcePosition) {
        self.codes = Set(listed.compactMap(Diagnostic.Code.init(rawValue:)))
        self.unknown = listed.filter { Diagnostic.Code(rawValue: $0) == nil }
        self.position = position
    }

    /// A warning for each name in the field that is no diagnostic code, in the file at `path`.
    package func unknownCodeWarnings(path: String) -> [Diagnostic] {
        unknown.map { name in
            Diagnostic(path: path, position: position, severity: .warning, code: .invalidField,
                       message: "The field 'ignoreWarnings' lists '\(name)', which is no diagnostic code; it silences nothing.",
                       hint: "the codes are \(Diagnostic.Code.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The diagnostics split into those to report and the warnings acknowledged by the file they are in;
    /// `files` holds what each file acknowledges, by path. Both keep the order of `diagnostics`.
    package static func split(_ diagnostics: [Diagnostic], files: [String: IgnoredWarnings]) -> (reported: [Diagnostic], acknowledged: [Diagnostic]) {
        var reported: [Diagnostic] = [], acknowledged: [Diagnostic] = []
        for diagnostic in diagnostics {
            if diagnostic.severity == .warning, files[diagnostic.path]?.codes.contains(diagnostic.code) == true {
                acknowledged.append(diagnostic)
            } else {
                reported.append(diagnostic)
            }
        }
        return (reported, acknowledged)
    }

    /// "12 warnings in 1 file acknowledged by ignoreWarnings", or `nil` when there are none.
    package static func summary(of acknowledged: [Diagnostic]) -> String? {
        guard !acknowledged.isEmpty else { return nil }
        let files = Set(acknowledged.map(\.path)).count
        return "\(acknowledged.count) warning\(acknowledged.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") acknowledged by ignoreWarnings"
    }
}
