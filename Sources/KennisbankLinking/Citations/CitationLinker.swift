import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// A resolved citation on a page.
package struct CitationUse: Hashable, Sendable {
    /// The reference key it links to.
    package var key: String
    /// The text as the author wrote it.
    package var text: String
    /// Where it stands in the source file.
    package var position: SourcePosition
    /// The anchor of the paragraph it stands in, or `nil` in a paragraph without one (an item of a tight list).
    package var blockAnchor: String?
    /// The anchor of the section heading above it.
    package var sectionAnchor: String?
    /// The text of that heading.
    package var sectionTitle: String?
}

/// Turns citations in running text into links to their references on the literature page.
///
/// A name and year that match several references (Petriglieri 2011 names two works) prefer the one
/// whose number of authors fits the form (one name, two names, e.a./et al.); if several still fit,
/// the first is linked and a warning says so. Text that looks like a citation but matches no
/// reference stays plain text, with a warning at its place; a name and year that are no citation, such as a
/// birth year, are marked by the author with a backslash before the parenthesis (``CitationEscapes``).
package struct CitationLinker: Sendable {
    private let library: ReferenceLibrary
    private let bySurname: [String: [Reference]]
    /// The first authors' surnames, for suggestions.
    private let firstSurnames: [String]

    /// Creates a linker over a library.
    package init(library: ReferenceLibrary) {
        self.library = library
        self.bySurname = Dictionary(grouping: library.references) { ReferenceKey.fold($0.surnames.first ?? "") }
        self.firstSurnames = Array(Set(library.references.compactMap(\.surnames.first)))
    }

    /// Links the citations of a document; returns it with the citations found and the problems.
    package func link(_ document: MarkdownDocument, source: SourceFile) -> (MarkdownDocument, [CitationUse], [Diagnostic]) {
        var document = document
        var uses: [CitationUse] = []
        var diagnostics: [Diagnostic] = []
        document.rewriteBlocks { block, context in link(&block, context: context, source: source, uses: &uses, diagnostics: &diagnostics) }
        return (document, uses, diagnostics)
    }

    /// Links the citations of one block, adding those found and the problems: ``paragraph(_:context:source:)`` and
    /// ``link(_:in:uses:diagnostics:)`` for each of its texts.
    func link(_ block: inout BlockNode, context: BlockContext, source: SourceFile, uses: inout [CitationUse], diagnostics: inout [Diagnostic]) {
        guard var paragraph = paragraph(block, context: context, source: source) else { return }
        block.inlines = InlineRewriter.rewriteText(block.inlines) { text in link(text, in: &paragraph, uses: &uses, diagnostics: &diagnostics) }
    }

    /// Where the citations of one paragraph are linked, text by text.
    struct Paragraph {
        fileprivate var source: SourceFile
        fileprivate var context: BlockContext
        fileprivate var blockAnchor: String?
        /// Each citation is looked for in the file after the one before it: one pass over the paragraph's lines.
        fileprivate var cursor: SourceFile.SearchCursor
        fileprivate var lastLine: Int
    }

    /// The paragraph whose texts ``link(_:in:uses:diagnostics:)`` links, or `nil` when `block` has no running text
    /// that is linked (``RunningText``).
    func paragraph(_ block: BlockNode, context: BlockContext, source: SourceFile) -> Paragraph? {
        guard let blockAnchor = RunningText.paragraphAnchor(of: block, in: context) else { return nil }
        return Paragraph(source: source, context: context, blockAnchor: blockAnchor, cursor: SourceFile.SearchCursor(block.range.start),
                         lastLine: block.range.end.line)
    }

    /// The nodes that stand for one text node of `paragraph` with its citations linked, adding those found and the
    /// problems; `nil` when it links none.
    func link(_ text: String, in paragraph: inout Paragraph, uses: inout [CitationUse], diagnostics: inout [Diagnostic]) -> [InlineNode]? {
        let candidates = CitationScanner.scan(text)
        guard !candidates.isEmpty else { return nil }
        let (source, context) = (paragraph.source, paragraph.context)
        let slice = { (range: Range<Int>) in String(TextBytes.slice(text, range)) }
        var result: [InlineNode] = []
        var position = 0
        for candidate in candidates {
            let written = slice(candidate.range)
            let startsWithName = written.hasPrefix(candidate.name)
            let place = source.find(written, from: &paragraph.cursor, through: paragraph.lastLine) ?? paragraph.cursor.position
            switch resolve(candidate) {
            case .none(let sameName):
                diagnostics.append(Diagnostic(path: source.path, position: place, severity: .warning, code: .unresolvedCitation,
                    message: "The citation '\(written)' matches no reference in a Literatuur list or the bibliography.",
                    hint: hint(for: candidate, written: written, sameName: sameName)))
                continue
            case .found(let reference, let others, let dropped):
                // "van Kahneman (2011)": the particle that is not part of the surname stays outside the link,
                // when the link starts with the name (not for a year of "van den Berg (n. d., 2011)").
                let range = (candidate.range.lowerBound + (startsWithName ? dropped : 0))..<candidate.range.upperBound
                let written = slice(range)
                if !others.isEmpty {
                    diagnostics.append(Diagnostic(path: source.path, position: place, severity: .warning, code: .ambiguousCitation,
                        message: "The citation '\(written)' fits \(others.count + 1) references (\(([reference] + others).map(\.key).joined(separator: ", "))); it links to the first.",
                        hint: "write the year with its letter, such as \(candidate.year)a"))
                }
                if range.lowerBound > position { result.append(.text(slice(position..<range.lowerBound))) }
                result.append(.link(EngineLink(target: PageKind.literature.link(fragment: reference.key), cssClass: "citation",
                                               data: ["ref": reference.key]), [.text(written)]))
                position = candidate.range.upperBound
                uses.append(CitationUse(key: reference.key, text: written, position: place, blockAnchor: paragraph.blockAnchor,
                                        sectionAnchor: context.sectionAnchor, sectionTitle: context.sectionTitle))
            }
        }
        guard position > 0 else { return nil }
        return position < text.utf8.count ? result + [.text(slice(position..<text.utf8.count))] : result
    }

    private enum Resolution {
        /// `dropped` counts the UTF-8 bytes of the name's leading words that turned out not to be part of the surname.
        case found(Reference, others: [Reference], dropped: Int)
        /// Nothing matched; `sameName` holds the works of the name, when it is known but the year is not.
        case none(sameName: [Reference])
    }

    /// What the author may have meant by a citation that matches nothing: the years of the name's works or a
    /// similar name, and, for the narrative form, how to mark a name and year that are no citation.
    private func hint(for candidate: CitationCandidate, written: String, sameName: [Reference]) -> String? {
        var hints: [String] = []
        if let first = sameName.first {
            let years = Set(sameName.map { $0.year + ($0.yearSuffix ?? "") }).sorted()
            hints.append("the references name \(first.surnames[0]) with \(years.joined(separator: ", "))")
        } else if let closest = Suggestions.closest(to: candidate.name, among: firstSurnames) {
            hints.append("did you mean '\(closest)'?")
        }
        if candidate.form != .key, !candidate.isParenthetical {
            let marked = written.contains("(") ? ": '\(TextBytes.replacing("(", with: "\\(", in: written))'" : ""
            hints.append("if it is no citation, write a backslash before the parenthesis\(marked)")
        }
        return hints.isEmpty ? nil : hints.joined(separator: "; ")
    }

    private func resolve(_ candidate: CitationCandidate) -> Resolution {
        if candidate.form == .key {
            if let reference = library.reference(forKey: candidate.name) { return .found(reference, others: [], dropped: 0) }
            return .none(sameName: [])
        }
        // "van Kahneman": try the name without leading particles when the whole name is unknown.
        var words = candidate.name.split(separator: " ").map(String.init)
        var references: [Reference] = []
        var dropped = 0
        while !words.isEmpty {
            references = bySurname[ReferenceKey.fold(words.joined(separator: " "))] ?? []
            if !references.isEmpty { break }
            dropped += words.removeFirst().utf8.count + 1
        }
        guard !references.isEmpty else { return .none(sameName: []) }
        let year = candidate.year.lowercased()
        let digits = year.filter(\.isNumber)
        // Positions in `references`, so that no reference is copied while the choice is narrowed.
        let sameYear = references.indices.filter { index in
            let (written, suffix) = (references[index].year, references[index].yearSuffix)
            if year == written + (suffix ?? "") { return true }
            return year.count == 4 && written == digits
                || (year.hasPrefix("n") || year.hasPrefix("z")) && written == "n.d."
        }
        guard !sameYear.isEmpty else { return .none(sameName: references) }
        let fitting = sameYear.filter { index in
            let authors = references[index].surnames.count
            switch candidate.form {
            case .one: return authors == 1
            case .two: return authors == 2
            case .many: return authors >= 3
            case .key: return true
            }
        }
        let choice = fitting.isEmpty ? sameYear : fitting
        return .found(references[choice[0]], others: choice.dropFirst().map { references[$0] }, dropped: dropped)
    }
}
