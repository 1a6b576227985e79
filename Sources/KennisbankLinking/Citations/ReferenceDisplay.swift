import KennisbankMarkdown

/// How a reference is shown to a reader: a complete entry exactly as the author wrote it in APA form; an entry that
/// gives only its authors and year as the site cites the work in running text, followed by a quiet note that says
/// so (`Bion (1967) — alleen auteur en jaar bekend`), instead of a bare surname with a stray full stop that reads
/// as a finished APA reference. Nothing is added that the entry does not say.
extension Reference {
    /// The CSS class of the note that follows an entry of which only the authors and year are known.
    package static let noteClass = "reference-note"

    /// The authors as the site cites them in running text: one surname (`Bion`), two joined by `&`
    /// (`Collins & Porras`), the first followed by `e.a.` for three or more or when the list ends in an ellipsis
    /// (`McAuley e.a.`).
    package var citedAuthors: String {
        if surnames.count > 2 || authorsAbbreviated && !surnames.isEmpty { return "\(surnames[0]) e.a." }
        return surnames.joined(separator: " & ")
    }

    /// The year as it is cited: with its letter, given or assigned (`2011a`), so that it matches the citations.
    package var citedYear: String { year + (yearSuffix ?? "") }

    /// The authors and year as the site cites them in running text: `Collins & Porras (1991)`.
    package var citation: String { "\(citedAuthors) (\(citedYear))" }

    /// The note after an entry of which only the authors and year are known (without its dash): what the reader
    /// can know of the work. A work without a date (`n.d.`) has only its authors.
    package var incompletenessNote: String? {
        guard isAuthorAndYearOnly else { return nil }
        return year == "n.d." ? "alleen auteur bekend" : "alleen auteur en jaar bekend"
    }

    /// The entry as a reader sees it, wherever it is shown (the literature page, an article's list, a citation's
    /// preview, the EPUB): the author's own inlines for an entry with a title, and for one that gives only its
    /// authors and year ``citation`` followed by the note in a `<span class="reference-note">`.
    package var shownInlines: [InlineNode] {
        guard let note = incompletenessNote else { return inlines }
        return [.text(citation + " "), .span(cssClass: Self.noteClass, [.text("— " + note)])]
    }
}

extension Array where Element == Reference {
    /// The sentence that says how many of these references give only their authors and year
    /// (`22 van de 40 bronnen zijn onvolledig: alleen auteur en jaar bekend.`), or `nil` when none does.
    package var incompletenessSummary: String? {
        let incomplete = filter(\.isAuthorAndYearOnly)
        guard !incomplete.isEmpty else { return nil }
        let verb = incomplete.count == 1 ? "is" : "zijn"
        let known = incomplete.contains { $0.year == "n.d." }
            ? (incomplete.allSatisfy { $0.year == "n.d." } ? "alleen auteur bekend" : "alleen auteur en jaar, of alleen auteur, bekend")
            : "alleen auteur en jaar bekend"
        return "\(incomplete.count) van de \(count) bronnen \(verb) onvolledig: \(known)."
    }
}
