import KennisbankCore
import KennisbankContent
import KennisbankLinking
import KennisbankMarkdown
import KennisbankRendering

/// The XHTML content documents of the book: the title page, a chapter per article, the glossary, the
/// miniatures and the literature. Bodies are the site's linked markdown trees written by the site's HTML writer
/// (which closes every void element, `<br />`, `<hr />`, `<img … />`, and writes raw HTML as text), with the
/// links led inside the book by ``EpubLinks``.
package struct EpubPages: Sendable {
    /// The linked site, with its markdown trees.
    package var site: LinkedSite
    /// Where links lead.
    package var links: EpubLinks

    /// A complete XHTML document, its content in one `main` landmark (so that a reader's screen reader can go to it,
    /// and axe-core's landmark rules, which DAISY Ace runs on an EPUB, pass).
    package static func document(title: String, language: String, body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(HTML.escape(language))" xml:lang="\(HTML.escape(language))">
        <head>
        <meta charset="UTF-8" />
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" type="text/css" href="\(EpubStyle.file)" />
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    private var language: String { site.content.site.language }

    /// The title page: the title, the author and the description.
    package func cover() -> String {
        let config = site.content.site
        var body = "<section epub:type=\"titlepage\" class=\"titelpagina\">\n<h1>\(HTML.escape(config.title))</h1>\n"
        if let author = EpubBook.author(of: config) { body += "<p class=\"auteur\">\(HTML.escape(author))</p>\n" }
        if let description = config.description { body += "<p class=\"beschrijving\">\(HTML.escape(description))</p>\n" }
        body += "</section>"
        return Self.document(title: config.title, language: language, body: body)
    }

    /// The chapter of `article`: its title, subtitle and authors, its body without its own reference list (its
    /// citations lead to the literature section), and a pop-up note for each concept it links to.
    package func chapter(_ article: Article) -> String {
        let file = EpubLinks.articleFile(article.item.id.slug)
        let page = site.pages[article.item.id]
        precondition(page != nil, "every article of the content is a linked page: \(article.item.id)")
        var body = "<section epub:type=\"chapter\" role=\"doc-chapter\">\n<h1>\(HTML.escape(article.item.title))</h1>\n"
        if let subtitle = article.subtitle { body += "<p class=\"ondertitel\">\(HTML.escape(subtitle))</p>\n" }
        // A byline the text opens with stands in place of the bare authors, as on the site.
        let byline = Byline(of: page!.document, authors: article.authors)
        if let line = byline?.text ?? article.authorLine { body += "<p class=\"auteurs\">\(HTML.escape(line))</p>\n" }
        let blocks = (byline?.rest ?? page!.document).blocks
        var html = Cmark.renderHTML(Self.withoutReferenceList(blocks), options: links.renderOptions(in: file, notes: true))
        let notePrefix = " href=\"#\(EpubLinks.noteID(""))"
        html = TextBytes.replacing(notePrefix, with: " epub:type=\"noteref\" role=\"doc-noteref\"" + notePrefix, in: html)
        body += EpubText.uniquingIDs(in: html)
        body += notes(for: Self.notedConcepts(in: html))
        body += "</section>"
        return Self.document(title: article.item.title, language: language, body: body)
    }

    /// The slugs of the concepts whose notes `html` links to, each once, in the order first linked.
    static func notedConcepts(in html: String) -> [String] {
        var seen = Set<String>()
        return EpubText.values(after: "href=\"#\(EpubLinks.noteID(""))", in: html).filter { seen.insert($0).inserted }
    }

    /// The pop-up notes of a chapter: each concept's title as the note's heading (which names the note for a screen
    /// reader, and stands above it where a reader shows the notes at the chapter's end), its summary, and a link to
    /// its glossary entry.
    private func notes(for slugs: [String]) -> String {
        slugs.compactMap { slug -> String? in
            guard let concept = site.pages[ContentID(.concept, slug)] else { return nil }
            let heading = EpubLinks.noteID(slug) + "-titel"
            return """
            <aside epub:type="footnote" role="doc-footnote" id="\(EpubLinks.noteID(slug))" class="begripsnoot" aria-labelledby="\(heading)">
            <h2 id="\(heading)">\(HTML.escape(concept.item.title))</h2>
            <p>\(HTML.escape(summary(of: concept)))</p>
            <p><a href="\(EpubLinks.glossaryFile)#\(EpubLinks.glossaryID(slug))">Meer in de begrippenlijst</a></p>
            </aside>

            """
        }.joined()
    }

    /// The glossary: every concept with its summary, definition and related concepts.
    package func glossary() -> String {
        let file = EpubLinks.glossaryFile
        var body = "<section epub:type=\"glossary\" role=\"doc-glossary\">\n<h1>Begrippen</h1>\n<dl>\n"
        for concept in site.content.concepts {
            let slug = concept.item.id.slug
            body += "<dt id=\"\(EpubLinks.glossaryID(slug))\" epub:type=\"glossterm\"><dfn>\(HTML.escape(concept.item.title))</dfn></dt>\n"
            body += "<dd epub:type=\"glossdef\">\n"
            if let summary = concept.item.summary { body += "<p class=\"samenvatting\">\(HTML.escape(summary))</p>\n" }
            if let page = site.pages[concept.item.id] {
                body += Self.withoutIDs(Cmark.renderHTML(Self.withoutReferenceList(page.document.blocks),
                                                         options: links.renderOptions(in: file, notes: false)))
            }
            // Grouped by how they relate, as on the concept's page: a line per type when some relation is typed.
            let types = RelationType.types(in: site.relations[slug] ?? [])
            let related = (site.related[slug] ?? []).compactMap { other in
                site.pages[ContentID(.concept, other)].map {
                    (types[other] ?? .related, "<a href=\"#\(EpubLinks.glossaryID(other))\">\(HTML.escape($0.item.title))</a>")
                }
            }
            let (groups, typed) = RelationType.grouped(related)
            for group in groups {
                body += "<p class=\"verwant\">\(typed ? HTML.escape(group.type.heading) : "Verwant"): \(group.items.joined(separator: ", "))</p>\n"
            }
            body += "</dd>\n"
        }
        body += "</dl>\n</section>"
        return Self.document(title: "Begrippen", language: language, body: body)
    }

    /// The miniatures in the order a reader of the series meets them (``LinkedSite/miniatureSequence``), each with
    /// its text and the article it belongs to.
    package func miniatures() -> String {
        let file = EpubLinks.miniaturesFile
        var body = "<section class=\"miniaturen\">\n<h1>Miniaturen</h1>\n"
        let bySlug = Dictionary(uniqueKeysWithValues: site.content.miniatures.map { ($0.item.id.slug, $0) })
        for miniature in site.miniatureSequence.compactMap({ bySlug[$0] }) {
            body += "<section id=\"\(EpubLinks.miniatureID(miniature.item.id.slug))\" class=\"miniatuur\">\n"
            body += "<h2>\(HTML.escape(miniature.item.title))</h2>\n"
            if let page = site.pages[miniature.item.id] {
                body += Self.withoutIDs(Self.demotedHeadings(Cmark.renderHTML(Self.withoutReferenceList(page.document.blocks),
                                                                              options: links.renderOptions(in: file, notes: false))))
            }
            if let slug = miniature.article, let chapter = links.articleFiles[slug], let article = site.pages[ContentID(.article, slug)] {
                body += "<p class=\"bij-artikel\">Bij het artikel <a href=\"\(chapter)\">\(HTML.escape(article.item.title))</a></p>\n"
            }
            body += "</section>\n"
        }
        body += "</section>"
        return Self.document(title: "Miniaturen", language: language, body: body)
    }

    /// The literature: every reference of the site, in APA order, each as a reader sees it (``Reference/shownInlines``),
    /// after the sentence that says how many give only their authors and year.
    package func literature() -> String {
        let file = EpubLinks.literatureFile
        var body = "<section epub:type=\"bibliography\" role=\"doc-bibliography\">\n<h1>Literatuur</h1>\n"
        if let summary = site.references.references.incompletenessSummary { body += "<p class=\"onvolledig\">\(HTML.escape(summary))</p>\n" }
        body += "<ul class=\"literatuur\">\n"
        for reference in site.references.references {
            body += "<li id=\"\(EpubLinks.referenceID(reference.key))\" epub:type=\"biblioentry\">"
            body += Cmark.renderHTML(inlines: reference.shownInlines, options: links.renderOptions(in: file, notes: false))
            body += "</li>\n"
        }
        body += "</ul>\n</section>"
        return Self.document(title: "Literatuur", language: language, body: body)
    }

    /// A concept's summary, or else the text of its definition's first paragraph.
    private func summary(of concept: LinkedPage) -> String {
        if let summary = concept.item.summary { return summary }
        for block in concept.document.blocks { if case .paragraph = block.kind { return block.inlines.plainText } }
        return ""
    }

    /// The blocks without a reference list: a heading such as 'Literatuur' and everything under it, up to the
    /// next heading of the same or a higher level.
    static func withoutReferenceList(_ blocks: [BlockNode]) -> [BlockNode] {
        var kept: [BlockNode] = []
        var skippingBelow: Int?
        for block in blocks {
            if case .heading(let level, _) = block.kind {
                if let skipped = skippingBelow, level > skipped { continue }
                skippingBelow = ReferenceLibrary.isReferenceHeading(block.inlines.plainText) ? level : nil
            }
            if skippingBelow == nil { kept.append(block) }
        }
        return kept
    }

    /// HTML without its elements' `id`s: the anchors of a concept's or miniature's paragraphs and headings are
    /// unique on its own page, not among the others in the one file of the glossary or the miniatures, and a link
    /// into such a page leads to its entry there.
    static func withoutIDs(_ html: String) -> String {
        EpubText.removingAttribute("id", from: html)
    }

    /// HTML whose `h2`…`h5` are one level lower, for a text that stands under an `h2` of its own.
    static func demotedHeadings(_ html: String) -> String {
        var result = html
        for level in (2...5).reversed() {
            result = TextBytes.replacing("</h\(level)>", with: "</h\(level + 1)>", in: TextBytes.replacing("<h\(level)", with: "<h\(level + 1)", in: result))
        }
        return result
    }
}
