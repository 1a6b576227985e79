import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

// The view of each kind of page, made from the linked site (see `RenderJob`).
extension PageModels {
    /// The home page: the series in order, with summaries, then the concepts and the miniatures.
    func homeView() -> HomeView {
        let articles = Array(site.articleOrder).compactMap { id -> ArticleEntry? in
            guard let signature = site.signature(id) else { return nil }
            return ArticleEntry(link: itemLink(id, from: ""), subtitle: signature.subtitle, series: signature.series.map(String.init),
                                authors: signature.authorLine, date: signature.date)
        }
        return HomeView(frame: frame(path: "", title: nil, kind: .home, description: nil), articles: articles,
                        concepts: Array(site.conceptOrder).compactMap { itemLink($0, from: "") },
                        miniatures: Array(site.miniatureOrder).compactMap { itemLink($0, from: "") },
                        routes: routeEntries(from: ""), ebook: site.settings.epubPath)
    }

    /// The page of `site.content.articles[index]`.
    func articleView(_ index: Int) -> ArticleView {
        let article = site.article(at: index)
        let id = article.item.id
        let path = id.link.path
        let page = site.page(id)!
        let metadata = ArticleMetadata(article: article, site: site.settings)
        let shown = site.referenceKeys(forArticle: id.slug, cited: page.citations.map(\.key)).compactMap { site.reference($0) }
        // The article's own reference list is formatted where the author put it; only an article without one
        // gets the list of its sources after the text.
        let ownList = ArticleReferenceList(references: shown, path: article.item.source.path).format(page.document)
        let byline = Byline(of: ownList ?? page.document, authors: article.authors)
        let references = ownList != nil ? [] : shown.map { reference in
            ReferenceEntry(key: reference.key, html: referenceHTML(reference, from: path),
                           url: PageKind.literature.link(fragment: reference.key).relative(from: path))
        }
        let order = site.articleOrder
        let count = order.count
        return ArticleView(
            frame: frame(path: path, title: article.item.title, kind: .article, description: article.item.summary,
                         breadcrumbs: PageKind.article.breadcrumbs(title: article.item.title, link: id.link)),
            title: article.item.title, subtitle: article.subtitle,
            authors: article.authorLine, byline: byline?.text ?? article.authorLine,
            date: article.date, updated: UpdatedLine(article.item), series: article.series.map(String.init),
            jsonLD: jsonLD(of: metadata), citation: metadata.apaReference,
            ogURL: site.settings.baseURL.map { _ in metadata.url },
            body: body(page, path: path, document: byline?.rest ?? ownList), previewsJSON: previewsJSON(for: page, path: path),
            toc: page.tableOfContents.map { TocEntry(title: $0.title, anchor: $0.anchor, level: $0.level) },
            concepts: conceptsUsed(on: page, from: path), references: references,
            previous: index > 0 ? itemLink(order[index - 1], from: path) : nil,
            next: index + 1 < count ? itemLink(order[index + 1], from: path) : nil,
            backlinks: site.backlinks(to: id).map { mentionEntry($0, from: path) },
            routes: routeUses(of: id, from: path))
    }

    /// A place that mentions a concept or links to a page, as a concept's "Genoemd in" and every page's backlinks
    /// show it: the page (and section) linked to the paragraph, and the sentence around the mention or link.
    func mentionEntry(_ place: MentionPlace, from path: String) -> MentionEntry {
        MentionEntry(pageTitle: place.pageTitle, sectionTitle: place.sectionTitle, url: place.link.relative(from: path),
                     context: place.context.isEmpty ? nil : place.context, embeds: place.embeds)
    }

    /// The page of `site.content.concepts[index]`: where it is mentioned, related concepts, backlinks, its map.
    func conceptView(_ index: Int) -> ConceptView {
        let concept = site.concept(at: index)
        let id = concept.item.id
        let path = id.link.path
        let page = site.page(id)!
        let map = conceptMap(focus: id.slug, from: path)
        let mentions = site.mentions(of: id.slug).filter { $0.page != id }.map { mentionEntry($0, from: path) }
        let otherNames = OtherNames.shown(title: page.item.title, aliases: page.item.aliases)
        let types = RelationType.types(in: site.relations(of: id.slug))
        let related = site.related(to: id.slug).compactMap { slug in
            itemLink(ContentID(.concept, slug), from: path).map { (types[slug] ?? .related, $0) }
        }
        return ConceptView(
            frame: frame(path: path, title: page.item.title, kind: .concept, description: page.item.summary,
                         breadcrumbs: PageKind.concept.breadcrumbs(title: page.item.title, link: id.link)),
            title: page.item.title, summary: page.item.summary, group: concept.group.map(GroupNames.display),
            aliases: otherNames.isEmpty ? nil : otherNames.joined(separator: ", "), updated: UpdatedLine(concept.item),
            body: body(page, path: path), previewsJSON: previewsJSON(for: page, path: path),
            related: related.map(\.1), relatedGroups: RelatedGroup.grouped(related),
            mentions: mentions,
            backlinks: site.backlinks(to: id).map { mentionEntry($0, from: path) },
            miniatures: miniatures(throughLens: id.slug, from: path),
            map: map?.svg, mapLegend: map?.legend ?? [], routes: routeUses(of: id, from: path),
            card: cardLinks(of: id, title: page.item.title))
    }

    /// A link to the article a miniature belongs to: to the place where the article embeds it, or to the article's
    /// top when it does not embed it.
    func placeLink(of miniature: ContentID, in article: ContentID, from path: String) -> ItemLink? {
        guard var link = itemLink(article, from: path) else { return nil }
        if site.embeds(of: article)?.contains(miniature.slug) == true {
            link.url = article.link.with(fragment: EmbedExpander.anchor(ofEmbedded: miniature.slug)).relative(from: path)
        }
        return link
    }

    /// The concept index: A–Z, by group, and the map of all concepts.
    func conceptIndexView(path: String) -> ConceptIndexView {
        let concepts = Array(site.conceptOrder).compactMap { id in site.signature(id).map { (id: id, signature: $0) } }
        let letters = Dictionary(grouping: concepts) { GroupNames.letter(of: $0.signature.title) }
        let groups = Dictionary(grouping: concepts.filter { $0.signature.group != nil }) { $0.signature.group! }
        let map = conceptMap(focus: nil, from: path)
        return ConceptIndexView(
            frame: frame(of: .conceptIndex),
            letters: letters.keys.sorted().map { letter in
                LetterGroup(letter: letter, concepts: letters[letter]!.compactMap { itemLink($0.id, from: path) })
            },
            groups: groups.keys.sorted().map { group in
                ConceptGroup(name: GroupNames.display(group), slug: Slug.make(from: group),
                             concepts: groups[group]!.compactMap { itemLink($0.id, from: path) })
            },
            map: map?.svg, mapLegend: map?.legend ?? [])
    }

    /// The literature page: every reference, with the places that cite it.
    func literatureView(path: String) -> LiteratureView {
        let references = site.references.map { reference in
            let places = site.citedIn(reference.key)
            return LiteratureEntry(key: reference.key, html: referenceHTML(reference, from: path),
                                   citedIn: places.enumerated().map { index, place in
                                       CitationEntry(pageTitle: place.pageTitle, sectionTitle: place.sectionTitle,
                                                     url: place.link.relative(from: path), last: index == places.count - 1)
                                   })
        }
        return LiteratureView(
            frame: frame(of: .literature),
            references: references, incompleteness: site.references.incompletenessSummary)
    }

    /// The 404 page: served at any path, so its links start at the site's absolute root.
    func notFoundView() -> NotFoundView {
        var frame = frame(path: "", title: PageKind.notFound.title, kind: .notFound, description: nil)
        let absoluteRoot = site.settings.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
        frame.root = absoluteRoot
        frame.nav = frame.nav.map { entry in
            var fixed = entry
            fixed.url = absoluteRoot + entry.url.replacingOccurrences(of: "./", with: "")
            return fixed
        }
        return NotFoundView(frame: frame)
    }

    /// The search page: its script finds the index from the site's root (`search/keys.js`).
    func searchView(path: String) -> SearchView {
        SearchView(frame: frame(of: .search))
    }
}
