import KennisbankCore

/// One content document of the book, for the package document and the navigation.
package struct EpubDocument: Sendable, Equatable {
    /// Its file, relative to the package document.
    package var file: String
    /// Its manifest id.
    package var id: String
    /// Its title in the table of contents.
    package var title: String
    /// Its sections (file#fragment and title) in the table of contents.
    package var sections: [(href: String, title: String)]
    /// The XHTML.
    package var xhtml: String

    package static func == (lhs: EpubDocument, rhs: EpubDocument) -> Bool {
        lhs.file == rhs.file && lhs.id == rhs.id && lhs.title == rhs.title && lhs.xhtml == rhs.xhtml
            && lhs.sections.map(\.href) == rhs.sections.map(\.href) && lhs.sections.map(\.title) == rhs.sections.map(\.title)
    }
}

/// The book's metadata, from site.yml and the articles.
package struct EpubMetadata: Sendable, Equatable {
    /// `urn:uuid:…`, the same for every export of the site.
    package var identifier: String
    package var title: String
    package var language: String
    package var creator: String?
    package var description: String?
    /// `YYYY-MM-DDT00:00:00Z`.
    package var modified: String
    /// Whether the book holds images (its figures'), which its accessibility metadata then names.
    package var hasImages = false
}

/// The package files of an EPUB 3: `META-INF/container.xml`, the package document (OPF) with its EPUB
/// Accessibility metadata, the navigation document and the NCX for older readers.
package enum EpubPackage {
    /// The folder of the book's files inside the archive.
    package static let folder = "EPUB"
    /// The package document's path inside the archive.
    package static let opfPath = folder + "/package.opf"
    /// The NCX's file.
    package static let ncxFile = "toc.ncx"

    /// `META-INF/container.xml`, pointing at the package document.
    package static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
      <rootfiles>
        <rootfile full-path="\(opfPath)" media-type="application/oebps-package+xml"/>
      </rootfiles>
    </container>

    """

    /// The accessibility summary written into the package document.
    package static let accessibilitySummary = "Deze publicatie bestaat alleen uit tekst, zonder afbeeldingen, audio of video. "
        + "Ze heeft een inhoudsopgave met de artikelen en hun paragrafen, koppen in een logische volgorde en een vaste leesvolgorde; "
        + "begrippen in de tekst verwijzen naar een noot en een begrippenlijst, bronvermeldingen naar de literatuurlijst. "
        + "De opmaak legt geen lettertype, lettergrootte of kleuren vast."

    /// The accessibility summary of a book with figures.
    package static let accessibilitySummaryWithImages = "Deze publicatie bestaat uit tekst en figuren. "
        + "Ze heeft een inhoudsopgave met de artikelen en hun paragrafen, koppen in een logische volgorde en een vaste leesvolgorde; "
        + "begrippen in de tekst verwijzen naar een noot en een begrippenlijst, bronvermeldingen naar de literatuurlijst. "
        + "De opmaak legt geen lettertype, lettergrootte of kleuren vast."

    /// The package document: metadata, manifest and spine (documents in reading order: the title page, the table of
    /// contents, the rest).
    package static func opf(_ metadata: EpubMetadata, documents: [EpubDocument], images: [EpubImage] = []) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="boek-id" xml:lang="\(HTML.escape(metadata.language))">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="boek-id">\(metadata.identifier)</dc:identifier>
            <dc:title>\(HTML.escape(metadata.title))</dc:title>
            <dc:language>\(HTML.escape(metadata.language))</dc:language>

        """
        if let creator = metadata.creator { xml += "    <dc:creator>\(HTML.escape(creator))</dc:creator>\n" }
        if let description = metadata.description { xml += "    <dc:description>\(HTML.escape(description))</dc:description>\n" }
        xml += "    <meta property=\"dcterms:modified\">\(metadata.modified)</meta>\n"
        xml += "    <meta property=\"schema:accessMode\">textual</meta>\n"
        if metadata.hasImages { xml += "    <meta property=\"schema:accessMode\">visual</meta>\n" }
        xml += "    <meta property=\"schema:accessModeSufficient\">textual</meta>\n"
        for feature in ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"] {
            xml += "    <meta property=\"schema:accessibilityFeature\">\(feature)</meta>\n"
        }
        xml += "    <meta property=\"schema:accessibilityHazard\">none</meta>\n"
        let summary = metadata.hasImages ? accessibilitySummaryWithImages : accessibilitySummary
        xml += "    <meta property=\"schema:accessibilitySummary\">\(HTML.escape(summary))</meta>\n"
        xml += "  </metadata>\n  <manifest>\n"
        xml += "    <item id=\"nav\" href=\"\(EpubLinks.navigationFile)\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
        xml += "    <item id=\"ncx\" href=\"\(ncxFile)\" media-type=\"application/x-dtbncx+xml\"/>\n"
        xml += "    <item id=\"stijl\" href=\"\(EpubStyle.file)\" media-type=\"text/css\"/>\n"
        for document in documents {
            xml += "    <item id=\"\(document.id)\" href=\"\(HTML.escape(document.file))\" media-type=\"application/xhtml+xml\"/>\n"
        }
        for image in images {
            xml += "    <item id=\"\(image.id)\" href=\"\(HTML.escape(image.file))\" media-type=\"\(image.mediaType)\"/>\n"
        }
        xml += "  </manifest>\n  <spine toc=\"ncx\">\n"
        // The table of contents is read after the title page.
        for (index, document) in documents.enumerated() {
            xml += "    <itemref idref=\"\(document.id)\"/>\n"
            if index == 0 { xml += "    <itemref idref=\"nav\"/>\n" }
        }
        xml += "  </spine>\n</package>\n"
        return xml
    }

    /// The navigation document: the table of contents (every document, an article with its sections) and the landmarks.
    package static func navigation(title: String, language: String, documents: [EpubDocument]) -> String {
        var body = "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"inhoud\">\n<h1>Inhoud</h1>\n<ol>\n"
        for document in documents {
            body += "<li><a href=\"\(HTML.escape(document.file))\">\(HTML.escape(document.title))</a>"
            if !document.sections.isEmpty {
                body += "\n<ol>\n"
                for section in document.sections {
                    body += "<li><a href=\"\(HTML.escape(section.href))\">\(HTML.escape(section.title))</a></li>\n"
                }
                body += "</ol>\n"
            }
            body += "</li>\n"
        }
        body += "</ol>\n</nav>\n"
        body += "<nav epub:type=\"landmarks\" hidden=\"hidden\" aria-label=\"Oriëntatiepunten\">\n<h2>Oriëntatiepunten</h2>\n<ol>\n"
        body += "<li><a epub:type=\"toc\" href=\"#inhoud\">Inhoud</a></li>\n"
        if let first = documents.first(where: { $0.id.hasPrefix("artikel-") }) {
            body += "<li><a epub:type=\"bodymatter\" href=\"\(HTML.escape(first.file))\">\(HTML.escape(first.title))</a></li>\n"
        }
        body += "</ol>\n</nav>"
        return EpubPages.document(title: title, language: language, body: body)
    }

    /// The NCX (EPUB 2's table of contents) for readers that do not read the navigation document.
    package static func ncx(_ metadata: EpubMetadata, documents: [EpubDocument]) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(HTML.escape(metadata.language))">
          <head>
            <meta name="dtb:uid" content="\(metadata.identifier)"/>
            <meta name="dtb:depth" content="2"/>
            <meta name="dtb:totalPageCount" content="0"/>
            <meta name="dtb:maxPageNumber" content="0"/>
          </head>
          <docTitle><text>\(HTML.escape(metadata.title))</text></docTitle>
          <navMap>

        """
        var order = 0
        func point(_ href: String, _ title: String, indent: String) -> String {
            order += 1
            return "\(indent)<navPoint id=\"punt-\(order)\" playOrder=\"\(order)\">\n\(indent)  <navLabel><text>\(HTML.escape(title))</text></navLabel>\n"
                + "\(indent)  <content src=\"\(HTML.escape(href))\"/>\n"
        }
        for document in documents {
            xml += point(document.file, document.title, indent: "    ")
            for section in document.sections {
                xml += point(section.href, section.title, indent: "      ") + "      </navPoint>\n"
            }
            xml += "    </navPoint>\n"
        }
        xml += "  </navMap>\n</ncx>\n"
        return xml
    }
}
