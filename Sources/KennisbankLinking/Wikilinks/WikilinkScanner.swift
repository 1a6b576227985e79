import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// A `[[target]]`, `[[target|label]]` or `[[target#Heading]]` found in inline content.
package struct Wikilink: Hashable, Sendable {
    /// The written target (slug, title or alias), trimmed.
    package var target: String
    /// The heading after `#`, or `nil`.
    package var heading: String?
    /// The label after `|`, or `nil`.
    package var label: String?
    /// The source text as written between the brackets, for locating it in the file.
    package var raw: String

    /// Parses the text between `[[` and `]]`.
    package init(raw: String) {
        self.raw = raw
        var body = Substring(raw)
        if let bar = body.firstIndex(of: "|") {
            let label = body[body.index(after: bar)...].trimmingSpaces()
            self.label = label.isEmpty ? nil : label
            body = body[..<bar]
        }
        if let hash = body.firstIndex(of: "#") {
            let heading = body[body.index(after: hash)...].trimmingSpaces()
            self.heading = heading.isEmpty ? nil : heading
            body = body[..<hash]
        }
        self.target = body.trimmingSpaces()
    }
}

/// Finds wikilinks in a sequence of sibling inline nodes and replaces them.
///
/// cmark hands `[[…]]` back inside one text node in the common case, but emphasis or a code span
/// inside the brackets, a soft line break, or a link reference definition matching `[target]`
/// split it over several siblings. The scanner joins those siblings back into one wikilink.
package enum WikilinkScanner {
    /// Replaces every wikilink in `inlines` (recursing into emphasis) with what `replace` returns.
    package static func rewrite(_ inlines: [InlineNode], _ replace: (Wikilink) -> [InlineNode]) -> [InlineNode] {
        // Most paragraphs hold no bracket: they are returned as they are, not rebuilt.
        guard mayChange(inlines) else { return inlines }
        var output: [InlineNode] = []
        walk(inlines, replace) { node in
            switch node {
            case .emphasis(let children): output.append(.emphasis(rewrite(children, replace)))
            case .strong(let children): output.append(.strong(rewrite(children, replace)))
            default: output.append(node)
            }
        }
        return output
    }

    /// Finds the wikilinks of one level of sibling inlines, in order, and hands `emit` the nodes of that level with
    /// each wikilink replaced by what `replace` returns and neighbouring texts joined (``InlineRewriter/consolidate(_:)``).
    ///
    /// Emphasis is handed over as it stands, its children not yet walked: the caller walks them (with this function),
    /// so that one walk over a block's inlines can link its wikilinks and whatever else it links as it reaches each
    /// text (``ConceptLinker``). ``rewrite(_:_:)`` is this walk collecting the nodes.
    static func walk(_ inlines: [InlineNode], _ replace: (Wikilink) -> [InlineNode], emit: (InlineNode) -> Void) {
        // A text is held until the next node that is not text: joined texts are handed over whole.
        var text: String?
        func add(_ node: InlineNode) {
            if case .text(let next) = node {
                if text == nil { text = next } else { text!.append(next) }
                return
            }
            if let held = text {
                text = nil
                emit(.text(held))
            }
            emit(node)
        }
        var pending = inlines[...]
        while let node = pending.popFirst() {
            guard case .text(let string) = node else {
                add(node)
                continue
            }
            if let (before, link, rest) = splitLinkReference(string, &pending) ?? scan(string, &pending) {
                for node in textNode(before) + replace(link) { add(node) }
                pending.insert(contentsOf: textNode(rest), at: pending.startIndex)
            } else {
                add(node)
            }
        }
        if let held = text { emit(.text(held)) }
    }

    /// All wikilinks in `inlines`, in order.
    package static func find(in inlines: [InlineNode]) -> [Wikilink] {
        var found: [Wikilink] = []
        _ = rewrite(inlines) { link in found.append(link); return [] }
        return found
    }

    /// Whether ``rewrite(_:_:)`` could give other nodes: a text (outside links and code) holds a bracket, or two
    /// texts stand side by side, which it joins.
    private static func mayChange(_ inlines: [InlineNode]) -> Bool {
        var previousIsText = false
        for node in inlines {
            switch node {
            case .text(let text):
                if previousIsText || TextBytes.contains(UInt8(ascii: "["), in: text) { return true }
                previousIsText = true
                continue
            case .emphasis(let children), .strong(let children):
                if mayChange(children) { return true }
            default:
                break
            }
            previousIsText = false
        }
        return false
    }

    private static func textNode(_ text: Substring) -> [InlineNode] { text.isEmpty ? [] : [.text(String(text))] }

    /// `…[` + link + `]…`: the form cmark produces when `[target]` matches a link reference definition.
    private static func splitLinkReference(_ text: String, _ pending: inout ArraySlice<InlineNode>) -> (Substring, Wikilink, Substring)? {
        guard text.hasSuffix("["), !text.hasSuffix("[["), pending.count >= 2,
              case .markdownLink(_, _, let children) = pending[pending.startIndex],
              case .text(let after) = pending[pending.startIndex + 1], after.hasPrefix("]") else { return nil }
        pending.removeFirst(2)
        return (text.dropLast(), Wikilink(raw: children.plainText), after.dropFirst())
    }

    /// The first place of `needle` (two ASCII brackets) in `text`, or the last one when `backwards`: what Foundation's
    /// `range(of:)` finds. Found in the bytes where the match stands between ASCII characters (or the text's ends),
    /// where it cannot be part of a longer character; next to any other scalar (a combining mark, say), Foundation
    /// searches, so that a character is never cut.
    static func find(_ needle: String, in text: Substring, backwards: Bool = false) -> Range<String.Index>? {
        let bytes = text.utf8
        let (first, second) = (needle.utf8.first!, needle.utf8.dropFirst().first!)
        let found = bytes.withContiguousStorageIfAvailable { buffer -> Int?? in
            var match: Int?
            var offset = 0
            while offset + 1 < buffer.count {
                if buffer[offset] == first, buffer[offset + 1] == second {
                    match = offset
                    if !backwards { break }
                }
                offset += 1
            }
            guard let match else { return .some(nil) }
            let asciiBefore = match == 0 || buffer[match - 1] < 0x80
            let asciiAfter = match + 2 == buffer.count || buffer[match + 2] < 0x80
            return asciiBefore && asciiAfter ? .some(match) : nil
        }
        guard let found = found ?? nil else { return text.range(of: needle, options: backwards ? .backwards : []) }
        return found.map { offset in
            let lower = bytes.index(bytes.startIndex, offsetBy: offset)
            return lower..<bytes.index(lower, offsetBy: 2)
        }
    }

    /// `[[` … `]]` in this text node, or starting here and closing in a later sibling text node.
    private static func scan(_ text: String, _ pending: inout ArraySlice<InlineNode>) -> (Substring, Wikilink, Substring)? {
        // Most text has no bracket at all: test the bytes before searching.
        guard TextBytes.contains(UInt8(ascii: "["), in: text), let open = find("[[", in: text[...]) else { return nil }
        var start = open
        // Use the last `[[` before the first `]]`, so "[[a [[b]]" links b.
        let afterOpen = text[open.upperBound...]
        if let close = find("]]", in: afterOpen) {
            if let inner = find("[[", in: text[open.upperBound..<close.lowerBound], backwards: true) { start = inner }
            let raw = text[start.upperBound..<close.lowerBound]
            guard !raw.contains("\n") else { return nil }
            return (text[..<start.lowerBound], Wikilink(raw: String(raw)), text[close.upperBound...])
        }
        // The closing brackets may stand in a later sibling: join plain text up to it.
        var raw = String(afterOpen)
        var consumed = 0
        for node in pending {
            consumed += 1
            switch node {
            case .text(let later):
                if let close = find("]]", in: later[...]) {
                    raw += later[..<close.lowerBound]
                    guard !raw.contains("[[") else { return nil }
                    pending.removeFirst(consumed)
                    return (text[..<open.lowerBound], Wikilink(raw: raw), later[close.upperBound...])
                }
                raw += later
            case .softBreak: raw += " "
            case .emphasis, .strong, .code, .markdownLink: raw += node.plainText
            default: return nil
            }
        }
        return nil
    }
}

extension Substring {
    /// The text without the characters at either end that are white space (`Character.isWhitespace`).
    func trimmingSpaces() -> String {
        // A character is white space when its first scalar is. When the first and the last byte are ASCII and no
        // white space, neither end's character is (no white-space scalar joins a following ASCII one), and nothing
        // is trimmed: the common case, answered without reading the text as characters.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last) {
            return String(self)
        }
        return String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
