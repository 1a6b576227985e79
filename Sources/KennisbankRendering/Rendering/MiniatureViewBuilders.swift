import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

// The views of miniatures: their pages, the overview, and what a lens's page lists of them.
extension PageModels {
    /// The page of `site.content.miniatures[index]`: its opening, article, lenses, concepts, and the miniatures
    /// before and after it.
    func miniatureView(_ index: Int) -> MiniatureView {
        let miniature = site.miniature(at: index)
        let id = miniature.item.id
        let path = id.link.path
        let page = site.page(id)!
        let (sequence, position) = (miniatureSequence(), site.miniatureSequence.position[id.slug])
        func neighbour(_ offset: Int) -> ItemLink? {
            guard let position, sequence.indices.contains(position + offset) else { return nil }
            return itemLink(ContentID(.miniature, sequence[position + offset]), from: path)
        }
        let opening = page.item.summary ?? Self.firstSentence(of: miniature.item.document)
        return MiniatureView(
            frame: frame(path: path, title: page.item.title, kind: .miniature, description: opening,
                         breadcrumbs: PageKind.miniature.breadcrumbs(title: page.item.title, link: id.link)),
            title: page.item.title, summary: page.item.summary, opening: opening, updated: UpdatedLine(page.item),
            body: body(page, path: path), previewsJSON: previewsJSON(for: page, path: path),
            article: miniature.article.flatMap { placeLink(of: id, in: ContentID(.article, $0), from: path) },
            lenses: miniature.lenses.compactMap { itemLink(ContentID(.concept, $0), from: path) },
            // A lens is listed once, under "Lenzen": the other concepts the miniature names follow it.
            concepts: conceptsUsed(on: page, from: path).filter { !miniature.lenses.contains($0.slug) },
            previous: neighbour(-1), next: neighbour(1),
            // The article it belongs to is named above; the other pages that link to it or embed it here.
            backlinks: site.backlinks(to: id).filter { $0.page != miniature.article.map { ContentID(.article, $0) } }
                .map { mentionEntry($0, from: path) },
            routes: routeUses(of: id, from: path))
    }

    /// The miniature overview: each miniature once, in the order of the series, with its lenses.
    func miniatureIndexView(path: String) -> MiniatureIndexView {
        let entries = site.miniatureSequence.sequence.compactMap { slug -> MiniatureEntry? in
            let id = ContentID(.miniature, slug)
            guard let link = itemLink(id, from: path), let signature = site.signature(id) else { return nil }
            return MiniatureEntry(link: link, lenses: signature.lenses.compactMap { itemLink(ContentID(.concept, $0), from: path) })
        }
        return MiniatureIndexView(
            frame: frame(of: .miniatureIndex),
            miniatures: entries)
    }

    /// The miniatures that name the concept `slug` among their lenses, in title order.
    func miniatures(throughLens slug: String, from path: String) -> [ItemLink] {
        site.miniatures(throughLens: slug).compactMap { itemLink($0, from: path) }
    }

    /// Every miniature's slug in the order a reader of the series meets them (``LinkedSite/miniatureSequence``),
    /// made once per build.
    func miniatureSequence() -> [String] {
        site.miniatureSequence.sequence
    }

    /// The first sentence of a document's first paragraph, or `nil` without one.
    static func firstSentence(of document: MarkdownDocument) -> String? {
        guard let paragraph = document.blocks.first(where: { if case .paragraph = $0.kind { return true } else { return false } }) else { return nil }
        let text = Array(paragraph.inlines.plainText.unicodeScalars)
        guard !text.isEmpty else { return nil }
        return ConceptLinker.sentence(around: 0..<0, in: text)
    }
}
