import Foundation
import Yams
import KennisbankCore
import KennisbankMarkdown

/// The YAML block between `---` lines at the top of a content file, and the markdown below it.
///
/// Values are read through typed accessors that report a ``Diagnostic`` pointing at the value's own
/// line and column in the file, so "series must be a whole number" lands on the author's line.
package struct FrontMatter {
    /// The file the front matter came from.
    package let file: SourceFile
    /// The markdown below the front matter.
    package let body: String
    /// How many lines of the file stand before the body (the front matter and its fences).
    package let bodyLineOffset: Int
    /// How messages name the fields: "The front matter", or the file's name for a file of fields only.
    private let name: String
    /// Whether the fields stand between `---` lines (front matter) rather than in a file of their own.
    private let fenced: Bool
    let mapping: [String: (value: Node, line: Int, column: Int)]
    /// The lines of the file before the YAML: what turns a line of the YAML into a line of the file.
    private let lineOffset: Int

    /// Splits a file into front matter and body and parses the YAML.
    package init(file: SourceFile) throws(Diagnostic) {
        let lines = file.lines
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            throw Diagnostic(path: file.path, position: .start, code: .frontMatter,
                             message: "The file must start with front matter: a line '---', YAML fields such as 'title: …', and another '---'.")
        }
        guard let close = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingTrailingSpaces()) }) else {
            throw Diagnostic(path: file.path, position: .start, code: .frontMatter,
                             message: "The front matter is not closed: add a line '---' after its last field.")
        }
        try self.init(file: file, yaml: lines[1..<close].joined(separator: "\n"), firstLine: 2, name: "The front matter",
                      body: Self.text(of: lines[(close + 1)...], in: file), bodyLineOffset: close + 1)
    }

    /// Reads a file that holds YAML fields only, such as site.yml: its messages name the file, not front matter.
    package init(settings file: SourceFile) throws(Diagnostic) {
        let name = String(file.path.split(separator: "/").last ?? Substring(file.path))
        try self.init(file: file, yaml: file.text, firstLine: 1, name: name, body: "", bodyLineOffset: file.lineCount)
    }

    /// Parses `yaml`, whose first line is line `firstLine` of `file`; `name` names the fields in messages.
    private init(file: SourceFile, yaml: String, firstLine: Int, name: String, body: String, bodyLineOffset: Int) throws(Diagnostic) {
        self.file = file
        self.name = name
        self.fenced = firstLine > 1
        self.lineOffset = firstLine - 1
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        let node: Node?
        do {
            // UTF-8 named here: Yams's `.default` reads the whole process environment on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, in: file, firstLine: firstLine, name: name)
        } catch {
            throw Diagnostic(path: file.path, position: SourcePosition(line: firstLine, column: 1), code: .frontMatter,
                             message: "\(name) is not valid YAML: \(error).")
        }
        var mapping: [String: (value: Node, line: Int, column: Int)] = [:]
        if let node {
            guard let pairs = node.mapping else {
                throw Diagnostic(path: file.path, position: SourcePosition(line: firstLine, column: 1), code: .frontMatter,
                                 message: "\(name) must be a list of 'key: value' fields.")
            }
            for (key, value) in pairs {
                guard let name = key.string else { continue }
                let mark = key.mark
                mapping[name] = (value, (mark?.line ?? 1) + firstLine - 1, mark?.column ?? 1)
            }
        }
        self.mapping = mapping
    }

    /// The last lines of `file` joined with line feeds: the rest of its text itself when no line lost a carriage return.
    private static func text(of lines: ArraySlice<Substring>, in file: SourceFile) -> String {
        guard let first = lines.first, !file.hasCarriageReturns else { return lines.joined(separator: "\n") }
        return String(first.base[first.startIndex...])
    }

    /// Turns a Yams error into a diagnostic at the file's own line (the YAML starts on line `firstLine`).
    private static func diagnostic(for error: YamlError, in file: SourceFile, firstLine: Int, name: String) -> Diagnostic {
        var problem = "\(error)"
        var mark: Mark?
        var hint: String?
        switch error {
        case .scanner(let context, let text, let at, _), .parser(let context, let text, let at, _), .composer(let context, let text, let at, _):
            problem = text
            mark = at
            // The parser notices a problem where it stops; the mistake is often where the construct began.
            if let context, context.mark.line != at.line || context.mark.column != at.column {
                hint = "\(context.text), which begins at line \(context.mark.line + firstLine - 1), column \(max(1, context.mark.column))"
            }
        case .duplicatedKeysInMapping(let duplicates, _):
            problem = "the key '\(duplicates.joined(separator: "', '"))' appears twice"
        default:
            break
        }
        let position = SourcePosition(line: (mark?.line ?? 1) + firstLine - 1, column: max(1, mark?.column ?? 1))
        return Diagnostic(path: file.path, position: position, code: .frontMatter,
                          message: "\(name) is not valid YAML: \(problem).", hint: hint)
    }

    /// The names of the fields present.
    package var keys: [String] { mapping.keys.sorted() }

    /// Where a field's key stands in the file, or the start of the front matter.
    package func position(of key: String) -> SourcePosition {
        guard let entry = mapping[key] else { return SourcePosition(line: 1, column: 1) }
        return SourcePosition(line: entry.line, column: entry.column)
    }

    /// Where a value stands in the file: its own line and column (a quoted value's first character, past the
    /// quote), or its key's when YAML gives it no place.
    func position(of node: Node, key: String) -> SourcePosition {
        guard let mark = node.mark else { return position(of: key) }
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        return SourcePosition(line: mark.line + lineOffset, column: max(1, mark.column) + (quoted ? 1 : 0))
    }

    /// Where a field's value stands in the file: the value of `key`, or, with `text`, the item of its list (or its
    /// single value) that reads `text` (trimmed, as ``strings(_:)`` reads it); the key's position when there is no
    /// such value. For messages about a value, such as a slug in `related` that names no concept.
    package func position(ofValue key: String, text: String? = nil) -> SourcePosition {
        guard let node = mapping[key]?.value else { return position(of: key) }
        let nodes = node.sequence.map(Array.init) ?? [node]
        let match = nodes.first { node in
            guard let scalar = node.scalar else { return false }
            return text == nil || scalar.string.trimmingCharacters(in: .whitespacesAndNewlines) == text
        }
        return match.map { position(of: $0, key: key) } ?? position(of: key)
    }

    /// The error for a field whose value is not what it must be, at the value (`node`, the field's own when `nil`).
    func invalid(_ key: String, _ expectation: String, at node: Node? = nil, hint: String? = nil) -> Diagnostic {
        let place = (node ?? mapping[key]?.value).map { position(of: $0, key: key) } ?? position(of: key)
        return Diagnostic(path: file.path, position: place, code: .invalidField,
                          message: "The field '\(key)' must be \(expectation).", hint: hint)
    }

    /// The trimmed text of a scalar field; `nil` when absent, empty or null; an error when the value is a list or
    /// fields of its own (`expectation` says what it must be).
    private func scalarText(_ key: String, _ expectation: String) throws(Diagnostic) -> String? {
        guard let node = mapping[key]?.value else { return nil }
        guard case .scalar(let scalar) = node else { throw invalid(key, expectation) }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || (scalar.style == .plain && ["~", "null"].contains(text)) ? nil : text
    }

    /// Whether YAML reads a value as a number or as true or false rather than as text: `title: 5`, `tags: 7`. (Words
    /// YAML 1.1 also reads as booleans, such as `no` or `on`, stay text: a title may be one.)
    static func isNumberOrTruth(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        if node.tag == Tag(.int) || node.tag == Tag(.float) { return true }
        return ["true", "false"].contains(scalar.string.lowercased())
    }

    /// The hint for a number or truth where text belongs.
    private static func quoteHint(_ node: Node) -> String {
        "YAML reads \(node.scalar?.string ?? "it") as a number or as true/false; write it in quotes, \"\(node.scalar?.string ?? "")\", if it is text"
    }

    /// A text field; `nil` when absent or empty. A number or true/false is no text (YAML reads `title: 5` as a number).
    package func string(_ key: String) throws(Diagnostic) -> String? {
        guard let node = mapping[key]?.value else { return nil }
        if Self.isNumberOrTruth(node) { throw invalid(key, "text", hint: Self.quoteHint(node)) }
        return try scalarText(key, "text")
    }

    /// A required text field.
    package func requiredString(_ key: String) throws(Diagnostic) -> String {
        guard let value = try string(key) else {
            let place = fenced ? " between the '---' lines" : ""
            // A misspelt key (`titel:`) is the likely reason.
            let misspelt = mapping[key] == nil ? Suggestions.closest(to: key, among: keys) : nil
            throw Diagnostic(path: file.path, position: misspelt.map(position(of:)) ?? (mapping[key] == nil ? .start : position(of: key)),
                             code: .missingField, message: "\(name) has no '\(key)'; add a line '\(key): …'\(place).",
                             hint: misspelt.map { "the field '\($0)' is there: did you mean '\(key)'?" })
        }
        return value
    }

    /// A list of texts; a single text counts as a list of one. A number, true/false, or a list or fields inside the
    /// list is no text; the error points at the first such value.
    package func strings(_ key: String) throws(Diagnostic) -> [String] {
        guard let node = mapping[key]?.value else { return [] }
        if case .scalar = node {
            if Self.isNumberOrTruth(node) { throw invalid(key, "a list of texts", hint: Self.quoteHint(node)) }
            return try scalarText(key, "a list of texts").map { [$0] } ?? []
        }
        guard let sequence = node.sequence else { throw invalid(key, "a list of texts") }
        var result: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines) else {
                throw invalid(key, "a list of texts", at: item)
            }
            if Self.isNumberOrTruth(item) { throw invalid(key, "a list of texts", at: item, hint: Self.quoteHint(item)) }
            if !text.isEmpty { result.append(text) }
        }
        return result
    }

    /// How a concept's names are linked: one word of ``ConceptLinkingRule/words``, or a list of them.
    package func conceptLinkingRule(_ key: String) throws(Diagnostic) -> ConceptLinkingRule {
        guard let rule = ConceptLinkingRule(words: try strings(key)) else {
            throw invalid(key, "one of \(ConceptLinkingRule.words.joined(separator: ", ")), or 'case-sensitive' with one of the others")
        }
        return rule
    }

    /// A whole number, at least `minimum` when one is given.
    package func int(_ key: String, minimum: Int? = nil) throws(Diagnostic) -> Int? {
        let expectation = minimum.map { "a whole number of \($0) or more, such as \($0 + 2)" } ?? "a whole number, such as 3"
        guard let text = try scalarText(key, expectation) else { return nil }
        guard let value = Int(text), value >= minimum ?? .min else { throw invalid(key, expectation) }
        return value
    }

    /// `true` or `false`.
    package func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let text = try scalarText(key, "true or false") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nee": return false
        default: throw invalid(key, "true or false")
        }
    }

    /// A date written `YYYY-MM-DD`, checked and returned as written.
    package func date(_ key: String) throws(Diagnostic) -> String? {
        guard let text = try scalarText(key, "a date written YYYY-MM-DD, such as 2025-03-14") else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), year > 0,
              parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month),
              parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else {
            throw invalid(key, "a date written YYYY-MM-DD, such as 2025-03-14")
        }
        return text
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
