import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// Names and years that the author marked as no citation with a backslash before the parenthesis:
/// `Charlotte Goedmakers \(1959)`, a birth year, shows as "Charlotte Goedmakers (1959)" and is neither linked
/// nor reported. The parenthetical form is marked the same way: `\(Nederland, 2015)`.
///
/// cmark reads `\(` as a plain parenthesis and joins it with the text around it, so the mark is read from the
/// source: on each line of a paragraph, read with its escaped parentheses as plain ones, the citations whose
/// opening parenthesis was escaped are marked. In the paragraph's text, the same citations (matched in order
/// by name, year and form) get their text node split just after their opening parenthesis, with an empty
/// raw-HTML node between the two halves: it renders as nothing and has no plain text, and it keeps the halves
/// apart where later steps join neighbouring texts (wikilinks do), so that no citation is read across it.
/// The page shows the same text.
enum CitationEscapes {
    /// The document with the text of every marked citation split, or the document itself when its source has no `\(`.
    static func apply(to document: MarkdownDocument, source: SourceFile) -> MarkdownDocument {
        guard TextBytes.firstIndex(of: "\\(", in: source.text[...]) != nil else { return document }
        var document = document
        document.rewriteBlocks { block, _ in
            guard case .paragraph = block.kind else { return }
            let citations = sourceCitations(in: source, lines: block.range.start.line...max(block.range.start.line, block.range.end.line))
            guard citations.contains(where: \.escaped) else { return }
            var next = 0
            block.inlines = InlineRewriter.rewriteText(block.inlines) { text in
                var splits = Set<Int>()
                for candidate in CitationScanner.scan(text) {
                    let signature = Signature(candidate)
                    guard let found = citations[next...].firstIndex(where: { $0.signature == signature }) else { continue }
                    next = found + 1
                    if citations[found].escaped, let open = lastOpeningParenthesis(in: text, before: candidate.range.upperBound) {
                        splits.insert(open + 1)
                    }
                }
                guard !splits.isEmpty else { return nil }
                let bounds = [0] + splits.sorted() + [text.utf8.count]
                let pieces = zip(bounds, bounds.dropFirst()).map { InlineNode.text(String(TextBytes.slice(text, $0..<$1))) }
                return Array(pieces.map { [$0] }.joined(separator: [Self.boundary]))
            }
        }
        return document
    }

    /// What stands between the halves of a marked citation's text: an empty raw-HTML node, which renders as nothing.
    static let boundary = InlineNode.html("")

    /// What tells one citation from another on a line: a curly apostrophe in a name (smart punctuation) is read as straight.
    private struct Signature: Equatable {
        var name: String
        var year: String
        var form: CitationCandidate.AuthorForm
        var parenthetical: Bool

        init(_ candidate: CitationCandidate) {
            name = TextBytes.replacing("’", with: "'", in: candidate.name)
            year = candidate.year
            form = candidate.form
            parenthetical = candidate.isParenthetical
        }
    }

    /// The citations of a paragraph's source lines, in order, each with whether the author escaped its parenthesis.
    private static func sourceCitations(in source: SourceFile, lines: ClosedRange<Int>) -> [(signature: Signature, escaped: Bool)] {
        var result: [(signature: Signature, escaped: Bool)] = []
        for number in lines {
            // Each `\(` read as ` (`, of the same length: the citations are found as in the text, at the same offsets.
            let (line, escaped) = unescapingParentheses(String(source.line(number)))
            result += CitationScanner.scan(line).map { candidate in
                (Signature(candidate), lastOpeningParenthesis(in: line, before: candidate.range.upperBound).map(escaped.contains) ?? false)
            }
        }
        return result
    }

    /// The line with each backslash that escapes a parenthesis (one not itself escaped) replaced by a space, and
    /// the UTF-8 offsets of those parentheses.
    private static func unescapingParentheses(_ line: String) -> (String, Set<Int>) {
        var bytes = Array(line.utf8)
        var escaped = Set<Int>()
        var backslashes = 0
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "("), backslashes % 2 == 1 {
                bytes[index - 1] = UInt8(ascii: " ")
                escaped.insert(index)
            }
            backslashes = bytes[index] == UInt8(ascii: "\\") ? backslashes + 1 : 0
        }
        return escaped.isEmpty ? (line, escaped) : (String(decoding: bytes, as: UTF8.self), escaped)
    }

    /// The UTF-8 offset of the last `(` before `end`.
    private static func lastOpeningParenthesis(in text: String, before end: Int) -> Int? {
        text.utf8.prefix(end).lastIndex(of: UInt8(ascii: "(")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
    }
}
