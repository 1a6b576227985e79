import Foundation
import KennisbankCore

/// One page to render: which template, which model.
enum RenderJob: Sendable {
    case home, conceptIndex, miniatureIndex, literature, notFound, search
    case article(Int)
    /// The concept page of `site.content.concepts[index]`.
    case concept(Int)
    /// The miniature page of `site.content.miniatures[index]`.
    case miniature(Int)
    case redirect(from: String, to: ContentID)

    /// The page's file, template and model.
    func page(_ models: PageModels) -> (file: String, template: PageTemplate, model: [String: Any]) {
        let (path, template, model) = build(models)
        return (SiteLink(path: path).file, template, model)
    }

    private func build(_ models: PageModels) -> (String, PageTemplate, [String: Any]) {
        let site = models.site
        switch self {
        case .home:
            var model = models.base(path: "", title: nil, kind: "home", description: nil)
            model["articles"] = site.content.articles.map { article -> [String: Any] in
                var entry = models.itemLink(article.item.id, from: "") ?? [:]
                entry["subtitle"] = article.subtitle
                entry["series"] = article.series.map(String.init)
                entry["authors"] = article.authors.isEmpty ? nil : article.authors.joined(separator: ", ")
                entry["date"] = article.date
                return entry
            }
            model["concepts"] = site.content.concepts.compactMap { models.itemLink($0.item.id, from: "") }
            model["miniatures"] = site.content.miniatures.compactMap { models.itemLink($0.item.id, from: "") }
            return ("", .home, model)

        case .article(let index):
            let article = site.content.articles[index]
            let id = article.item.id
            let path = id.link.path
            let page = site.pages[id]!
            var model = models.base(path: path, title: article.item.title, kind: "article", description: article.item.summary,
                                    breadcrumbs: [("Artikelen", SiteLink(path: "")), (article.item.title, id.link)])
            model["title"] = article.item.title
            model["subtitle"] = article.subtitle
            model["authors"] = article.authors.isEmpty ? nil : article.authors.joined(separator: ", ")
            model["date"] = article.date
            model["series"] = article.series.map(String.init)
            let metadata = ArticleMetadata(article: article, site: site.content.site)
            model["jsonLD"] = models.jsonLD(of: metadata)
            model["citation"] = metadata.apaReference
            model["ogURL"] = site.content.site.baseURL.map { _ in metadata.url }
            model["body"] = models.body(page, path: path)
            model["previewsJSON"] = models.previewsJSON(for: page, path: path)
            model["toc"] = page.tableOfContents.map { ["title": $0.title, "anchor": $0.anchor, "level": $0.level] as [String: Any] }
            model["concepts"] = models.conceptsUsed(on: page, from: path)
            model["references"] = site.references.keys(forArticle: id.slug, cited: page.citations.map(\.key)).compactMap { key -> [String: Any]? in
                guard let reference = models.references[key] else { return nil }
                return ["key": key, "html": models.referenceHTML(reference, from: path),
                        "url": SiteLink(path: "literatuur/", fragment: key).relative(from: path)]
            }
            if index > 0 { model["previous"] = models.itemLink(site.content.articles[index - 1].item.id, from: path) }
            if index + 1 < site.content.articles.count { model["next"] = models.itemLink(site.content.articles[index + 1].item.id, from: path) }
            return (path, .article, model)

        case .concept(let index):
            let concept = site.content.concepts[index]
            let id = concept.item.id
            let path = id.link.path
            let page = site.pages[id]!
            var model = models.base(path: path, title: page.item.title, kind: "concept", description: page.item.summary,
                                    breadcrumbs: [("Begrippen", SiteLink(path: "begrippen/")), (page.item.title, id.link)])
            model["title"] = page.item.title
            model["summary"] = page.item.summary
            model["group"] = concept.group.map(GroupNames.display)
            model["aliases"] = page.item.aliases.isEmpty ? nil : page.item.aliases.joined(separator: ", ")
            model["body"] = models.body(page, path: path)
            model["previewsJSON"] = models.previewsJSON(for: page, path: path)
            model["related"] = (site.related[id.slug] ?? []).compactMap { models.itemLink(ContentID(.concept, $0), from: path) }
            model["mentions"] = (site.mentions[id.slug] ?? []).filter { $0.page != id }.map { place -> [String: Any] in
                var entry: [String: Any] = ["pageTitle": place.pageTitle, "url": place.link.relative(from: path), "context": place.context]
                entry["sectionTitle"] = place.sectionTitle
                return entry
            }
            model["backlinks"] = (site.backlinks[id] ?? []).compactMap { models.itemLink($0, from: path) }
            model["map"] = models.conceptMap(focus: id.slug, from: path)
            return (path, .concept, model)

        case .miniature(let index):
            let miniature = site.content.miniatures[index]
            let id = miniature.item.id
            let path = id.link.path
            let page = site.pages[id]!
            var model = models.base(path: path, title: page.item.title, kind: "miniature", description: page.item.summary,
                                    breadcrumbs: [("Miniaturen", SiteLink(path: "miniaturen/")), (page.item.title, id.link)])
            model["title"] = page.item.title
            model["summary"] = page.item.summary
            model["body"] = models.body(page, path: path)
            model["previewsJSON"] = models.previewsJSON(for: page, path: path)
            model["article"] = miniature.article.flatMap { models.itemLink(ContentID(.article, $0), from: path) }
            model["lenses"] = miniature.lenses.compactMap { models.itemLink(ContentID(.concept, $0), from: path) }
            model["concepts"] = models.conceptsUsed(on: page, from: path)
            return (path, .miniature, model)

        case .conceptIndex:
            let path = "begrippen/"
            var model = models.base(path: path, title: "Begrippen", kind: "concepts", description: nil,
                                    breadcrumbs: [("Begrippen", SiteLink(path: path))])
            let concepts = site.content.concepts
            let letters = Dictionary(grouping: concepts) { GroupNames.letter(of: $0.item.title) }
            model["letters"] = letters.keys.sorted().map { letter -> [String: Any] in
                ["letter": letter, "concepts": letters[letter]!.compactMap { models.itemLink($0.item.id, from: path) }]
            }
            let groups = Dictionary(grouping: concepts.filter { $0.group != nil }) { $0.group! }
            model["groups"] = groups.keys.sorted().map { group -> [String: Any] in
                ["name": GroupNames.display(group), "slug": Slug.make(from: group),
                 "concepts": groups[group]!.compactMap { models.itemLink($0.item.id, from: path) }]
            }
            model["map"] = models.conceptMap(focus: nil, from: path)
            return (path, .conceptIndex, model)

        case .miniatureIndex:
            let path = "miniaturen/"
            var model = models.base(path: path, title: "Miniaturen", kind: "miniatures", description: nil,
                                    breadcrumbs: [("Miniaturen", SiteLink(path: path))])
            var byLens: [String: [Miniature]] = [:]
            for miniature in site.content.miniatures {
                for lens in miniature.lenses.isEmpty ? [""] : miniature.lenses { byLens[lens, default: []].append(miniature) }
            }
            model["groups"] = byLens.keys.sorted().map { lens -> [String: Any] in
                let title = lens.isEmpty ? "Zonder lens" : (site.pages[ContentID(.concept, lens)]?.item.title ?? lens)
                return ["name": title, "slug": lens.isEmpty ? "zonder-lens" : lens,
                        "miniatures": byLens[lens]!.compactMap { models.itemLink($0.item.id, from: path) }]
            }
            return (path, .miniatureIndex, model)

        case .literature:
            let path = "literatuur/"
            var model = models.base(path: path, title: "Literatuur", kind: "literature", description: nil,
                                    breadcrumbs: [("Literatuur", SiteLink(path: path))])
            model["references"] = site.references.references.map { reference -> [String: Any] in
                let places = site.citedIn[reference.key] ?? []
                return ["key": reference.key, "html": models.referenceHTML(reference, from: path),
                        "citedIn": places.enumerated().map { index, place -> [String: Any] in
                            var entry: [String: Any] = ["pageTitle": place.pageTitle, "url": place.link.relative(from: path),
                                                        "last": index == places.count - 1]
                            entry["sectionTitle"] = place.sectionTitle
                            return entry
                        }]
            }
            return (path, .literature, model)

        case .notFound:
            var model = models.base(path: "", title: "Pagina niet gevonden", kind: "not-found", description: nil)
            let absoluteRoot = site.content.site.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
            model["root"] = absoluteRoot
            model["nav"] = (model["nav"] as? [[String: Any]] ?? []).map { entry in
                var fixed = entry
                fixed["url"] = absoluteRoot + (entry["url"] as? String ?? "").replacingOccurrences(of: "./", with: "")
                return fixed
            }
            return ("404.html", .notFound, model)

        case .search:
            let path = "zoeken/"
            var model = models.base(path: path, title: "Zoeken", kind: "search", description: nil,
                                    breadcrumbs: [("Zoeken", SiteLink(path: path))])
            model["searchShards"] = SearchIndex.shardCount(for: site)
            return (path, .search, model)

        case .redirect(let from, let to):
            let path = URLPath.directory(from)
            var model = models.base(path: path, title: site.pages[to]?.item.title, kind: "redirect", description: nil)
            model["target"] = to.link.relative(from: path)
            return (path, .redirect, model)
        }
    }
}

/// Display names for concept groups and A–Z letters.
enum GroupNames {
    /// `lens` → "De vijf lenzen"; other groups are shown with a capital.
    static func display(_ group: String) -> String {
        switch group {
        case "lens", "lenzen": return "De vijf lenzen"
        case "professionele-ruimte": return "Sleutelbegrippen van de professionele ruimte"
        default: return group.prefix(1).uppercased() + group.dropFirst().replacingOccurrences(of: "-", with: " ")
        }
    }

    /// The index letter of a title: its first letter without diacritics, uppercased.
    static func letter(of title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        guard let first = folded.first(where: { $0.isLetter || $0.isNumber }) else { return "#" }
        return first.isLetter ? String(first).uppercased() : "#"
    }
}

