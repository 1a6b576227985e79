import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The files for machines: concepts.json for programme designers, the Atom feed, sitemap.xml and robots.txt.
struct MachineReadable {
    let site: LinkedSite

    private var baseURL: String? { site.content.site.baseURL }

    /// Each concept's entry and the feed as earlier builds made them (an incremental build), or nothing.
    var memo: Memo = .none
    /// The site on disk (an incremental build): `concepts.json` is left out when nothing it shows changed.
    var written: (any WrittenSite)? = nil

    /// Each concept's encoded entry of `concepts.json`, by slug.
    static let conceptEntries = MemoName<ConceptEntry.Inputs, ConceptEntry.Encoded>("output.conceptEntries")
    /// The Atom feed.
    static let feed = MemoName<FeedInputs, OutputFile?>("output.feed")

    /// What the Atom feed shows: the settings, and each article's slug, title, summary, date and authors.
    struct FeedInputs: Equatable, Sendable {
        var config: SiteConfig
        var articles: [[String]]
    }

    /// One concept in `concepts.json`.
    struct ConceptEntry: Codable, Equatable, Sendable {
        let slug: String, title: String, aliases: [String], summary: String?, group: String?
        let url: String, related: [String], relations: [ConceptRelation], mentions: [Mention]

        /// The entry as `JSONEncoder` would encode it. `relations` are those the authors stated, from both ends:
        /// `{"concept": slug, "label": "is onderdeel van", "type": "partOf"}`.
        var json: JSONValue {
            var members: [String: JSONValue] = [
                "slug": .string(slug), "title": .string(title), "aliases": .array(aliases.map(JSONValue.string)), "url": .string(url),
                "related": .array(related.map(JSONValue.string)), "mentions": .array(mentions.map(\.json)),
                "relations": .array(relations.map { relation in
                    .object(["concept": .string(relation.target), "type": .string(relation.type.rawValue), "label": .string(relation.type.label)])
                }),
            ]
            members["summary"] = .string(summary)
            members["group"] = .string(group)
            return .object(members)
        }

        /// What an entry is made from: the concept's slug, title and aliases, its summary and group, the
        /// related concepts, the places it is mentioned, and the base URL.
        struct Inputs: Equatable, Sendable {
            let names: [String], summary: String?, group: String?, related: [String], relations: [ConceptRelation]
            let mentions: [MentionPlace], baseURL: String?
        }

        /// An entry encoded at its depth in the document, with the digest of its bytes.
        struct Encoded: Sendable {
            let data: Data
            let digest: Digest
        }
    }

    /// The entry of `concept`, made from `inputs`.
    private static func entry(_ concept: Concept, inputs: ConceptEntry.Inputs) -> ConceptEntry {
        let url = { (link: SiteLink) in link.address(baseURL: inputs.baseURL) }
        return ConceptEntry(
            slug: concept.item.id.slug, title: concept.item.title, aliases: concept.item.aliases, summary: concept.item.summary,
            group: concept.group, url: url(concept.item.id.link), related: inputs.related, relations: inputs.relations,
            mentions: inputs.mentions.filter { $0.page != concept.item.id }.map {
                Mention(page: "\($0.page.kind.rawValue):\($0.page.slug)", title: $0.pageTitle, section: $0.sectionTitle,
                        url: url($0.link), context: $0.context)
            })
    }

    /// One place a concept is mentioned.
    struct Mention: Codable, Equatable, Sendable {
        let page: String, title: String, section: String?, url: String, context: String

        /// The mention as `JSONEncoder` would encode it.
        var json: JSONValue {
            var members: [String: JSONValue] = ["page": .string(page), "title": .string(title), "url": .string(url), "context": .string(context)]
            members["section"] = .string(section)
            return .object(members)
        }
    }

    /// `concepts.json`: every concept with slug, title, aliases, summary, URL, related concepts, the relations the authors
    /// stated and mentions.
    ///
    /// The bytes of `JSONEncoder` with pretty printing and sorted keys over the whole document, but each
    /// entry is encoded on its own, on all cores, and reused from `cache` while it is unchanged: at a few
    /// thousand articles the file is tens of megabytes of mentions.
    ///
    /// With a cache, the file is left out when no entry and no setting it shows changed.
    func conceptsJSON() -> SiteRenderer.RenderedFile {
        let site = self.site, memo = self.memo, baseURL = self.baseURL
        let fragments = site.content.concepts.parallelMap { concept -> ConceptEntry.Encoded in
            let slug = concept.item.id.slug
            // The mentions as the link graph keeps them: a list no edit touched is the same storage as last
            // time, so comparing the inputs costs nothing per mention (building the entry would).
            let inputs = ConceptEntry.Inputs(
                names: [slug, concept.item.title] + concept.item.aliases, summary: concept.item.summary, group: concept.group,
                related: site.related[slug] ?? [], relations: site.relations[slug] ?? [], mentions: site.mentions[slug] ?? [], baseURL: baseURL)
            return memo.value(Self.conceptEntries, key: slug, inputs: inputs) {
                // Pretty-printed at the depth the entry has in the document, as one `JSONEncoder` pass writes it.
                let data = Data("    ".utf8) + Self.entry(concept, inputs: inputs).json.data(pretty: true, level: 2)
                return ConceptEntry.Encoded(data: data, digest: data.withUnsafeBytes(Digest.init(bytes:)))
            }
        }
        let config = site.content.site
        let settings = JSONValue.array([.string(config.language), .string(config.title)]).data()
        return .assembled(path: "concepts.json", parts: fragments.map(\.digest) + [settings.withUnsafeBytes(Digest.init(bytes:))], written: written) {
            Self.assemble(fragments.map(\.data), config: config)
        }
    }

    /// The document around the encoded entries.
    private static func assemble(_ fragments: [Data], config: SiteConfig) -> Data {
        var json = Data("{\n  \"concepts\" : [".utf8)
        if fragments.isEmpty {
            json += Data("\n\n  ]".utf8)
        } else {
            json += Data("\n".utf8)
            for (number, fragment) in fragments.enumerated() {
                if number > 0 { json += Data(",\n".utf8) }
                json += fragment
            }
            json += Data("\n  ]".utf8)
        }
        json += Data(",\n  \"generator\" : \"Kennisbank\",\n  \"language\" : ".utf8) + JSONValue.string(config.language).data()
        json += Data(",\n  \"site\" : ".utf8) + JSONValue.string(config.title).data() + Data("\n}\n".utf8)
        return json
    }

    /// `feed.xml`: an Atom feed of the articles that have a date, newest first (links absolute when baseURL is
    /// set); none when no article has a date. An entry's `<updated>` is its file's last commit (``LastModified``), or
    /// without one its front matter `date`; `<published>` is its `date`, written only beside a commit's date (alone it
    /// would say what `<updated>` says). The feed's `<updated>` is its newest entry's. An article with neither is
    /// left out (the loader warns, `missing-date`), never given one.
    ///
    /// With a memo, the feed is made again only when the settings or what it shows of an article changed.
    func atomFeed() -> OutputFile? {
        let none = "\u{0}"
        let inputs = FeedInputs(config: site.content.site, articles: site.content.articles.map { article in
            [article.item.id.slug, article.item.title, article.item.summary ?? none, article.date ?? none,
             article.item.lastModified?.text ?? none] + article.authors
        })
        return memo.value(Self.feed, key: "feed.xml", inputs: inputs, make: makeAtomFeed)
    }

    private func makeAtomFeed() -> OutputFile? {
        let config = site.content.site
        // Newest first; articles of one moment in series order.
        let dated = site.content.articles.enumerated().compactMap { index, article -> (LastModified, Int, Article)? in
            (article.item.lastModified ?? article.date.flatMap(LastModified.init(day:))).map { ($0, index, article) }
        }
        let entries = dated.sorted { ($0.0.seconds, $1.1) > ($1.0.seconds, $0.1) }
        guard let updated = entries.first?.0 else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XML.escape(config.language))\">\n"
        xml += "  <title>\(XML.escape(config.title))</title>\n"
        if let description = config.description { xml += "  <subtitle>\(XML.escape(description))</subtitle>\n" }
        xml += "  <id>\(XML.escape(baseURL ?? "urn:kennisbank:\(Slug.make(from: config.title))"))</id>\n"
        xml += "  <link rel=\"alternate\" href=\"\(XML.escape(baseURL ?? "./"))\"/>\n"
        if let baseURL { xml += "  <link rel=\"self\" href=\"\(XML.escape(baseURL))feed.xml\"/>\n" }
        xml += "  <updated>\(updated.utc)</updated>\n"
        if let author = config.author { xml += "  <author><name>\(XML.escape(author))</name></author>\n" }
        for (entryUpdated, _, article) in entries {
            let link = baseURL.map { $0 + article.item.id.link.path } ?? article.item.id.link.path
            xml += "  <entry>\n    <title>\(XML.escape(article.item.title))</title>\n"
            xml += "    <link rel=\"alternate\" href=\"\(XML.escape(link))\"/>\n"
            xml += "    <id>\(XML.escape(baseURL.map { $0 + article.item.id.link.path } ?? "urn:kennisbank:artikel:\(article.item.id.slug)"))</id>\n"
            if article.item.lastModified != nil, let published = article.date.flatMap(LastModified.init(day:)) {
                xml += "    <published>\(published.utc)</published>\n"
            }
            xml += "    <updated>\(entryUpdated.utc)</updated>\n"
            for author in article.authors { xml += "    <author><name>\(XML.escape(author))</name></author>\n" }
            if let summary = article.item.summary { xml += "    <summary>\(XML.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }

    /// `sitemap.xml`, only when the absolute base URL is known. The page of an item whose file has a last commit
    /// (``ContentItem/lastModified``) gets its `<lastmod>`; other pages have none.
    func sitemap(pages: () -> [String]) -> OutputFile? {
        guard let baseURL else { return nil }
        let pages = pages()
        let items = site.content.items + site.content.routes.map(\.item)
        let modified = Dictionary(items.compactMap { item in item.lastModified.map { (item.id.link.path, $0.utc) } },
                                  uniquingKeysWith: { first, _ in first })
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            let lastmod = modified[page].map { "<lastmod>\($0)</lastmod>" } ?? ""
            xml += "  <url><loc>\(XML.escape(baseURL + page))</loc>\(lastmod)</url>\n"
        }
        return OutputFile(path: "sitemap.xml", text: xml + "</urlset>\n")
    }

    /// `robots.txt`, pointing at the sitemap when there is one.
    func robots() -> OutputFile {
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL { text += "Sitemap: \(baseURL)sitemap.xml\n" }
        return OutputFile(path: "robots.txt", text: text)
    }
}

/// Escaping for XML text and attributes.
enum XML {
    static func escape(_ text: String) -> String { TextBytes.replacing("&#39;", with: "&apos;", in: HTML.escape(text)) }
}
