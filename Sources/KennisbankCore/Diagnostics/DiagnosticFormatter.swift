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
            // Each file is read and split into lines once for all its diagnostics.
            let lines = SourceLines(fileSystem: fileSystem)
            let ignored = acknowledged.isEmpty ? "" : "Acknowledged by ignoreWarnings:\n" + acknowledged.map { text($0, lines: lines) }.joined()
            return diagnostics.map { text($0, lines: lines) }.joined() + ignored
        case .json:
            return String(decoding: json(diagnostics, acknowledged: acknowledged).data(pretty: true), as: UTF8.self) + "\n"
        }
    }

    /// One diagnostic as an editor-friendly block.
    public func text(_ diagnostic: Diagnostic) -> String {
        text(diagnostic, lines: SourceLines(fileSystem: fileSystem))
    }

    /// One diagnostic as an editor-friendly block, its source line from `source`.
    private func text(_ diagnostic: Diagnostic, lines source: SourceLines) -> String {
        var lines = ["\(diagnostic.path)\(diagnostic.position.map { ":\($0.line):\($0.column)" } ?? ""): \(diagnostic.severity.rawValue): \(diagnostic.message)"]
        if let position = diagnostic.position, let line = source.line(position.line, of: diagnostic.path) {
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

    /// The lines of the files diagnostics point into, each file read and split once.
    private final class SourceLines {
        private let fileSystem: any FileSystem
        private var files: [String: [Substring]?] = [:]

        init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

        /// The 1-based line `number` of the file at `path`, without its line ending; `nil` past the end or when the
        /// file cannot be read.
        func line(_ number: Int, of path: String) -> String? {
            if files[path] == nil {
                files[path] = .some((try? fileSystem.contents(atPath: path)).map {
                    String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                })
            }
            guard let lines = files[path] ?? nil, number >= 1, number <= lines.count else { return nil }
            let line = lines[number - 1]
            return String(line.hasSuffix("\r") ? line.dropLast() : line)
        }
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
