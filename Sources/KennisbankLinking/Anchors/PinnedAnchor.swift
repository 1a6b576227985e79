import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// An anchor the author pins on a paragraph or heading by ending it with `{#naam}`: the anchor of a passage the
/// author knows is cited, which no rewrite of the passage moves.
enum PinnedAnchor {
    /// Takes a pin off the end of a block's text and returns its name, or `nil` when the block ends without one.
    /// A pin whose name is not a slug (a-z, 0-9 and '-') stays in the text and is reported against `source`.
    static func take(from block: inout BlockNode, source: SourceFile?, diagnostics: inout [Diagnostic]) -> String? {
        guard case .text(let text)? = block.inlines.last, text.hasSuffix("}"),
              let open = text.range(of: "{#", options: .backwards) else { return nil }
        let name = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard Slug.isValid(name) else {
            if let source, !name.contains("}") {
                let position = source.position(of: "{#\(name)}", from: block.range.start) ?? block.range.start
                diagnostics.append(Diagnostic(path: source.path, position: position, severity: .warning, code: .invalidAnchor,
                                              message: "The pinned anchor '{#\(name)}' is not a valid name, so it is shown as text.",
                                              hint: "use lowercase letters a-z, digits and '-', for example {#\(Slug.make(from: name))}"))
            }
            return nil
        }
        var before = String(text[..<open.lowerBound])
        while let last = before.unicodeScalars.last, last.properties.isWhitespace { before.unicodeScalars.removeLast() }
        block.inlines.removeLast()
        if !before.isEmpty { block.inlines.append(.text(before)) }
        // `{#naam}` on a line of its own leaves the line break before it.
        while let last = block.inlines.last, last == .softBreak || last == .lineBreak { block.inlines.removeLast() }
        return name
    }
}
