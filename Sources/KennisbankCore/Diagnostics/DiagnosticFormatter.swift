import Foundation

/// Turns diagnostics into text for people (with the source line and a caret) or JSON for tools.
package struct DiagnosticFormatter: Sendable {
    /// The output formats.
    package enum Format: String, Sendable, CaseIterable {
        /// `path:line:column: severity: message`, the offending line, a caret, and a hint.
        case text
        /// One JSON array of objects with path, line, column, severity, code, message and hint.
        case json
    }

    /// The format to write.
    package var format: Format
    /// The disk, to read the offending lines.
    package var fileSystem: any FileSystem

    /// Creates a formatter.
    package init(format: Format = .text, fileSystem: any FileSystem = DiskFileSystem()) {
        self.format = format
        self.fileSystem = fileSystem
    }

    /// The diagnostics, formatted; empty text when there are none.
    package func format(_ diagnostics: [Diagnostic]) -> String {
        format(diagnostics, acknowledged: [])
    }

    /// The diagnostics, then the warnings acknowledged by their files (``IgnoredWarnings``): in text under a line
    /// that says so, in JSON with `"ignored": true`. Empty text when there are neither.
    package func format(_ diagnostics: [Diagnostic], acknowledged: [Diagnostic]) -> String {
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
    package func text(_ diagnostic: Diagnostic) -> String {
        text(diagnostic, lines: SourceLines(fileSystem: fileSystem))
    }

    /// One diagnostic as an editor-friendly block, its source line from `source`.
    private func text(_ diagnostic: Diagnostic, lines source: SourceLines) -> String {
        var lines = ["\(diagnostic.path)\(diagnostic.position.map { ":\($0.line):\($0.column)" } ?? ""): \(diagnostic.severity.rawValue): \(diagnostic.message)"]
        if let position = diagnostic.position, let line = source.line(position.line, of: diagnostic.path) {
            // Long paragraphs are one line in markdown: show a window of the line around the column, found
            // through the line's index so that it costs the window's size, not the line's.
            let column = min(max(0, position.column - 1), line.count)
            let start = max(0, column - 40), end = min(line.count, column + 60)
            let prefix = start > 0 ? "…" : "", suffix = end < line.count ? "…" : ""
            let (from, at, to) = (line.index(at: start), line.index(at: column), line.index(at: end))
            lines.append("    " + prefix + String(line.text[from..<to]) + suffix)
            let indent = prefix.map { _ in " " }.joined() + line.text[from..<at].map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("    " + indent + "^")
        }
        if let hint = diagnostic.hint { lines.append("    hint: \(hint)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of the files diagnostics point into, each file read and split once, each line indexed once.
    private final class SourceLines {
        private let fileSystem: any FileSystem
        private var files: [String: [Substring]?] = [:]
        private var indexed: [String: [Int: IndexedLine]] = [:]

        init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

        /// The 1-based line `number` of the file at `path`, without its line ending; `nil` past the end or when the
        /// file cannot be read.
        func line(_ number: Int, of path: String) -> IndexedLine? {
            if let line = indexed[path]?[number] { return line }
            if files[path] == nil {
                // Split on the byte: a CR LF pair is one Character, so splitting on the Character "\n" would leave a
                // file with Windows line endings one line.
                files[path] = .some((try? fileSystem.contents(atPath: path)).map { data in
                    let text = String(decoding: data, as: UTF8.self)
                    return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
                })
            }
            guard let lines = files[path] ?? nil, number >= 1, number <= lines.count else { return nil }
            let text = lines[number - 1]
            let line = IndexedLine(text.hasSuffix("\r") ? text.dropLast() : text)
            indexed[path, default: [:]][number] = line
            return line
        }
    }

    /// A line with the index of every ``stride``-th Character, so that the Character at any offset is found by a
    /// walk of at most ``stride`` Characters: columns count Characters, and a paragraph is one line of thousands.
    struct IndexedLine {
        /// How many Characters lie between two marks.
        static let stride = 64
        /// The line, without its line ending.
        let text: Substring
        /// The number of Characters in the line.
        let count: Int
        /// The index of Character 0, ``stride``, 2 × ``stride``, … of the line.
        private let marks: [String.Index]

        /// Indexes `text` in one walk over it.
        init(_ text: Substring) {
            var marks: [String.Index] = []
            var count = 0
            var index = text.startIndex
            while index < text.endIndex {
                if count % Self.stride == 0 { marks.append(index) }
                text.formIndex(after: &index)
                count += 1
            }
            if count % Self.stride == 0 { marks.append(text.endIndex) }
            (self.text, self.count, self.marks) = (text, count, marks)
        }

        /// The index of the Character at `offset` (`0...count`; `count` is the end of the line).
        func index(at offset: Int) -> String.Index {
            precondition(offset >= 0 && offset <= count, "an offset within the line")
            return text.index(marks[offset / Self.stride], offsetBy: offset % Self.stride)
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
    package static func exitStatus(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if diagnostics.contains(where: { $0.severity == .error }) { return 1 }
        return strict && !diagnostics.isEmpty ? 2 : 0
    }
}
