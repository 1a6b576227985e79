import Foundation

/// Turns diagnostics into text for people (with the source line and a caret) or JSON for tools.
public struct DiagnosticFormatter: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// `path:line:column: severity: message`, the offending line, a caret, and a hint.
        case text
        /// One JSON array of objects with path, line, column, severity, code, message and hint.
        case json
    }

    /// The format to write.
    public var format: Format
    /// The disk, to read the offending lines.
    public var fileSystem: any FileSystem

    /// Creates a formatter.
    public init(format: Format = .text, fileSystem: any FileSystem = DiskFileSystem()) {
        self.format = format
        self.fileSystem = fileSystem
    }

    /// The diagnostics, formatted; empty text when there are none.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        format(diagnostics, acknowledged: [])
    }

    /// The diagnostics, then the warnings acknowledged by their files (``IgnoredWarnings``): in text under a line
    /// that says so, in JSON with `"ignored": true`. Empty text when there are neither.
    public func format(_ diagnostics: [Diagnostic], acknowledged: [Diagnostic]) -> String {
        switch format {
        case .text:
            let ignored = acknowledged.isEmpty ? "" : "Acknowledged by ignoreWarnings:\n" + acknowledged.map(text).joined()
            return diagnostics.map(text).joined() + ignored
        case .json:
            return String(decoding: json(diagnostics, acknowledged: acknowledged).data(pretty: true), as: UTF8.self) + "\n"
        }
    }

    /// One diagnostic as an editor-friendly block.
    public func text(_ diagnostic: Diagnostic) -> String {
        var lines = ["\(diagnostic.path)\(diagnostic.position.map { ":\($0.line):\($0.column)" } ?? ""): \(diagnostic.severity.rawValue): \(diagnostic.message)"]
        if let position = diagnostic.position, let line = sourceLine(diagnostic.path, position.line) {
            // Long paragraphs are one line in markdown: show a window of the line around the column.
            let characters = Array(line)
            let column = min(max(0, position.column - 1), characters.count)
            let start = max(0, column - 40), end = min(characters.count, column + 60)
            let prefix = start > 0 ? "…" : "", suffix = end < characters.count ? "…" : ""
            let shown = String(characters[start..<end])
            lines.append("    " + prefix + shown + suffix)
            let indent = prefix.map { _ in " " }.joined() + characters[start..<column].map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("    " + indent + "^")
        }
        if let hint = diagnostic.hint { lines.append("    hint: \(hint)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func sourceLine(_ path: String, _ number: Int) -> String? {
        guard let data = try? fileSystem.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }

    /// A JSON array of the diagnostics, then the acknowledged warnings, each with `"ignored": true`: what `--format json`
    /// prints, or the `diagnostics` of `check --mentions --format json`'s object.
    package func json(_ diagnostics: [Diagnostic], acknowledged: [Diagnostic]) -> JSONValue {
        let entries = diagnostics.map { ($0, false) } + acknowledged.map { ($0, true) }
        return .array(entries.map { diagnostic, ignored in
            var members: [String: JSONValue] = ["path": .string(diagnostic.path), "severity": .string(diagnostic.severity.rawValue),
                                                "code": .string(diagnostic.code.rawValue), "message": .string(diagnostic.message)]
            members["line"] = diagnostic.position.map { .int($0.line) }
            members["column"] = diagnostic.position.map { .int($0.column) }
            members["hint"] = JSONValue.string(diagnostic.hint)
            members["ignored"] = ignored ? .bool(true) : nil
            return .object(members)
        })
    }

    /// The exit status for a set of diagnostics: 0 clean, 1 errors, 2 warnings under `--strict`.
    public static func exitStatus(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if diagnostics.contains(where: { $0.severity == .error }) { return 1 }
        return strict && !diagnostics.isEmpty ? 2 : 0
    }
}
