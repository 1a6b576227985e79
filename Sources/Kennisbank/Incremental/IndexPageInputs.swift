import KennisbankCore
/// Everything the model of an overview page is made from (see `RenderJob`'s `.home`, `.conceptIndex` and
/// `.miniatureIndex` cases): what it shows of each item it lists, and the site-wide generations.
struct IndexPageInputs: Equatable, Sendable {
    /// The page's file.
    var path: String
    /// What the page shows of each item, in order.
    var items: [Item]
    /// The generation of the concept maps' inputs (the concept index draws the map).
    var map: Int
    /// The generation of what all article pages share (``ArticlePageInputs/Shared``): settings, templates,
    /// every concept's title and summary.
    var shared: Int

    /// What an overview shows of one item: its link, and per kind of page the rest.
    struct Item: Equatable, Sendable {
        var page: PageSignature
        var details: [String] = []
    }

    /// The inputs of the home page: the articles in order, with subtitle, series, authors and date, then the
    /// concepts and the miniatures.
    static func home(site: LinkedSite, shared: Int) -> IndexPageInputs {
        let none = "\u{0}"
        let articles = site.content.articles.map { article in
            Item(page: .of(article.item.id, in: site),
                 details: [article.subtitle ?? none, article.series.map(String.init) ?? none, article.authors.joined(separator: ", "), article.date ?? none])
        }
        let others = site.content.concepts.map { Item(page: .of($0.item.id, in: site)) } + site.content.miniatures.map { Item(page: .of($0.item.id, in: site)) }
        return IndexPageInputs(path: "index.html", items: articles + others, map: 0, shared: shared)
    }

    /// The inputs of the concept index: each concept with its group, and the map.
    static func concepts(site: LinkedSite, map: Int, shared: Int) -> IndexPageInputs {
        // The groups are in the map's inputs too.
        let items = site.content.concepts.map { Item(page: .of($0.item.id, in: site), details: [$0.group ?? "\u{0}"]) }
        return IndexPageInputs(path: "begrippen/index.html", items: items, map: map, shared: shared)
    }

    /// The inputs of the miniature overview: each miniature with its lenses (their titles are in ``shared``).
    static func miniatures(site: LinkedSite, shared: Int) -> IndexPageInputs {
        let items = site.content.miniatures.map { Item(page: .of($0.item.id, in: site), details: $0.lenses) }
        return IndexPageInputs(path: "miniaturen/index.html", items: items, map: 0, shared: shared)
    }
}
