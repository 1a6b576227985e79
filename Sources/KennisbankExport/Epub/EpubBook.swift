import Foundation
import KennisbankCore
import KennisbankContent
import KennisbankLinking

/// The EPUB 3 of a linked site: its files in the archive's order and the archive's bytes.
package struct EpubBook: Sendable {
    /// The metadata.
    package var metadata: EpubMetadata
    /// The content documents in reading order: the title page, the articles in series order, the glossary, the
    /// miniatures and the literature (each of the last three only when the site has any).
    package var documents: [EpubDocument]
    /// The images its figures show.
    package var images: [EpubImage]

    /// The book of `site`, modified at `modified` (`YYYY-MM-DDThh:mm:ssZ`, ``modified(content:fallback:siteConfigPath:offersOption:)``).
    package init(site: LinkedSite, modified: String) {
        let config = site.content.site
        metadata = EpubMetadata(identifier: EpubIdentifier.urn(of: config.baseURL ?? config.title), title: config.title,
                                language: config.language, creator: Self.author(of: config), description: config.description,
                                modified: modified)
        let articleFiles = Dictionary(uniqueKeysWithValues: site.content.articles.map { ($0.item.id.slug, EpubLinks.articleFile($0.item.id.slug)) })
        let pages = EpubPages(site: site, links: EpubLinks(articleFiles: articleFiles, baseURL: config.baseURL))
        var documents = [EpubDocument(file: EpubLinks.coverFile, id: "titelpagina", title: "Titelpagina", sections: [], xhtml: pages.cover())]
        documents += site.content.articles.parallelMap { article in
            let file = EpubLinks.articleFile(article.item.id.slug)
            let sections = (site.pages[article.item.id]?.tableOfContents ?? [])
                .filter { $0.level == 2 && !ReferenceLibrary.isReferenceHeading($0.title) }
                .map { (href: file + "#" + $0.anchor, title: $0.title) }
            return EpubDocument(file: file, id: "artikel-\(article.item.id.slug)", title: article.item.title, sections: sections,
                                xhtml: pages.chapter(article))
        }
        if !site.content.concepts.isEmpty {
            documents.append(EpubDocument(file: EpubLinks.glossaryFile, id: "begrippen", title: "Begrippen", sections: [], xhtml: pages.glossary()))
        }
        if !site.content.miniatures.isEmpty {
            documents.append(EpubDocument(file: EpubLinks.miniaturesFile, id: "miniaturen", title: "Miniaturen", sections: [],
                                          xhtml: pages.miniatures()))
        }
        if !site.references.references.isEmpty {
            documents.append(EpubDocument(file: EpubLinks.literatureFile, id: "literatuur", title: "Literatuur", sections: [],
                                          xhtml: pages.literature()))
        }
        self.documents = documents
        images = EpubImage.shown(in: site)
        metadata.hasImages = !images.isEmpty
    }

    /// The author of the book: site.yml's `author`, or else its `seriesAuthor`.
    package static func author(of config: SiteConfig) -> String? { config.author ?? config.seriesAuthor }

    /// The archive's entries: `mimetype` first and stored, then the container, the package document, the
    /// navigation, the NCX, the stylesheet and the content documents, each deflated.
    package func entries() -> [ZipEntry] {
        let folder = EpubPackage.folder + "/"
        var entries = [
            ZipEntry(path: "mimetype", data: Data("application/epub+zip".utf8), compressed: false),
            ZipEntry(path: "META-INF/container.xml", data: Data(EpubPackage.container.utf8)),
            ZipEntry(path: EpubPackage.opfPath, data: Data(EpubPackage.opf(metadata, documents: documents, images: images).utf8)),
            ZipEntry(path: folder + EpubLinks.navigationFile,
                     data: Data(EpubPackage.navigation(title: metadata.title, language: metadata.language, documents: documents).utf8)),
            ZipEntry(path: folder + EpubPackage.ncxFile, data: Data(EpubPackage.ncx(metadata, documents: documents).utf8)),
            ZipEntry(path: folder + EpubStyle.file, data: Data(EpubStyle.css.utf8)),
        ]
        entries += documents.map { ZipEntry(path: folder + $0.file, data: Data($0.xhtml.utf8)) }
        // Images are compressed already: stored.
        entries += images.map { ZipEntry(path: folder + $0.file, data: $0.data, compressed: $0.mediaType == "image/svg+xml") }
        return entries
    }

    /// The `.epub` file's bytes.
    package func data() throws -> Data { try ZipArchive.data(of: entries()) }

    /// The moment the book was last modified, `YYYY-MM-DDThh:mm:ssZ` as `dcterms:modified` wants it: `fallback` when
    /// given (the command's `--modified`, which overrides); else the newest of what the book holds, the articles'
    /// `date`s and the last commits of its articles, concepts and miniatures (``ContentItem/lastModified``); without
    /// any, site.yml's `updated`. Never the clock, so two exports of the same content are the same bytes. Fails when
    /// there is none, or when `fallback` is not a date; the hint names `--modified` when `offersOption` (the export
    /// command has it, `build` has not).
    package static func modified(content: Content, fallback: String?, siteConfigPath: String,
                                 offersOption: Bool = true) throws(Diagnostic) -> String {
        if let fallback {
            guard isDate(fallback), let date = LastModified(day: fallback) else {
                throw Diagnostic(path: siteConfigPath, position: nil, code: .configuration,
                                 message: "The modified date '\(fallback)' is not a date of the form YYYY-MM-DD.")
            }
            return date.utc
        }
        let items = content.articles.map(\.item) + content.concepts.map(\.item) + content.miniatures.map(\.item)
        let dates = content.articles.compactMap { $0.date.flatMap(LastModified.init(day:)) } + items.compactMap(\.lastModified)
        if let newest = dates.max() { return newest.utc }
        if let updated = content.site.updated, let date = LastModified(day: updated) { return date.utc }
        throw Diagnostic(path: siteConfigPath, position: nil, code: .configuration,
                         message: "An e-book needs the date it was last modified, and no article has a 'date' and no file a commit in git.",
                         hint: "add a line such as 'updated: 2026-11-29' to site.yml" + (offersOption ? ", or give --modified 2026-11-29" : ""))
    }

    /// Whether `text` is `YYYY-MM-DD` with a month 01–12 and a day 01–31.
    package static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
