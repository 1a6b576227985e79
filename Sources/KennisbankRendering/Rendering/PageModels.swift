import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// Makes the parts of page views: frames, links to items, bodies, formatted references, previews and maps,
/// from the linked site (and, in an incremental build, from what earlier builds made).
struct PageModels {
    /// The linked site as the views read it: each read is noted in the log of the page being made (an
    /// incremental build), by the accessor that reads it.
    private(set) var site: SiteReader
    /// The tables of the site made once per build.
    let tables: SiteReader.Tables
    /// Bodies, references and previews made by earlier builds (an incremental build), or nothing (``Memo/none``).
    let memo: Memo

    /// The generation of the concept maps' inputs (0 without a memo that remembers).
    let mapGeneration: Int
    /// The HTML of each reference that holds no link the engine made, by key. Such HTML reads the same from
    /// every page, so it is made once per build (once per change of the references, with a memo), not once
    /// for each page that lists the reference.
    private let pathIndependentReferences: [String: String]

    init(site linked: LinkedSite, memo: Memo = .none, trees: PageTrees? = nil) {
        let tables = SiteReader.Tables(linked, trees: trees)
        self.tables = tables
        self.site = SiteReader(tables, log: nil)
        self.memo = memo
        self.mapGeneration = memo.generation(Self.conceptMapInputs, of: tables.conceptMapInputs)
        let unsafe = linked.content.site.unsafeHTML
        let all = linked.references.references
        self.pathIndependentReferences = memo.value(Self.independentReferences, key: "site", inputs: .init(references: all, unsafe: unsafe)) {
            // A key two references share is left out: each is rendered where it is shown.
            let keys = Dictionary(all.map { ($0.key, 1) }, uniquingKeysWith: +)
            return Dictionary(uniqueKeysWithValues: all.filter { keys[$0.key] == 1 && !Self.holdsEngineLink($0.inlines) }.parallelMap { reference in
                (reference.key, Cmark.renderHTML(inlines: reference.shownInlines, options: Cmark.RenderOptions(unsafeHTML: unsafe)))
            })
        }
    }

    /// The same models, noting what their views read in `log`: one per page.
    func recording(into log: ReadLog?) -> PageModels {
        var copy = self
        copy.site = SiteReader(tables, log: log)
        return copy
    }

    /// The path of a job's page, which is not a read of the site: every page has one.
    func path(of job: RenderJob) -> String {
        job.path(of: tables.site.content)
    }

    /// Whether inline content holds a link the engine made, or an image of the site, whose address depends on the
    /// page it is shown on.
    private static func holdsEngineLink(_ inlines: [InlineNode]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .link, .siteImage: return true
            case .emphasis(let children), .strong(let children), .markdownLink(_, _, let children), .image(_, _, let children),
                 .span(_, let children):
                return holdsEngineLink(children)
            case .text, .softBreak, .lineBreak, .code, .html: return false
            }
        }
    }

    /// The frame every page has: site, navigation, breadcrumbs, relative root.
    func frame(path: String, title: String?, kind: PageKind, description: String?, breadcrumbs: [(String, SiteLink)] = []) -> PageFrame {
        let config = site.settings
        let root = SiteLink(path: "").relative(from: path) == "./" ? "" : SiteLink(path: "").relative(from: path)
        let sections = PageKind.navigation(hasRoutes: site.hasRoutes)
        return PageFrame(
            lang: config.language, siteTitle: config.title, siteDescription: config.description, siteAuthor: config.author,
            pageTitle: title, description: description ?? config.description, canonical: config.baseURL.map { $0 + path },
            root: root, kind: kind.name,
            // The page's own entry by its kind, not its path: the 404 page is written with the home page's path.
            nav: sections.map { name, target, section in
                NavEntry(title: name, url: SiteLink(path: target).relative(from: path), current: section == kind)
            },
            breadcrumbs: breadcrumbs.isEmpty ? [] : ([(PageKind.breadcrumbRoot, SiteLink(path: ""))] + breadcrumbs).enumerated().map { index, step in
                Breadcrumb(title: step.0, url: step.1.relative(from: path), current: index == breadcrumbs.count)
            },
            portable: config.portable, feed: site.hasFeed)
    }

    /// The frame of the kind's one page (an overview, the literature, search): its path and title from the table of
    /// page kinds, and a breadcrumb to it.
    func frame(of kind: PageKind) -> PageFrame {
        let path = kind.path ?? ""
        let title = kind.title ?? ""
        return frame(path: path, title: title, kind: kind, description: nil, breadcrumbs: kind.breadcrumbs(title: title, link: SiteLink(path: path)))
    }

    /// A link to an item, relative to the page at `path`, with its title and summary.
    func itemLink(_ id: ContentID, from path: String) -> ItemLink? {
        guard let signature = site.signature(id) else { return nil }
        return ItemLink(title: signature.title, url: id.link.relative(from: path), slug: id.slug, summary: signature.summary)
    }

    /// The concepts a page uses, in order of first mention.
    func conceptsUsed(on page: LinkedPage, from path: String) -> [ItemLink] {
        var seen = Set<String>()
        return page.mentions.compactMap { mention in
            guard seen.insert(mention.concept).inserted else { return nil }
            return itemLink(ContentID(.concept, mention.concept), from: path)
        }
    }

    /// A reference (read through ``site``) rendered as HTML as a reader sees it (``Reference/shownInlines``), with
    /// links relative to `path`.
    func referenceHTML(_ reference: Reference, from path: String) -> String {
        let unsafe = unsafeHTML
        if let html = pathIndependentReferences[reference.key] { return html }
        let shown = reference.shownInlines
        return memo.value(Self.references, key: path + "#" + reference.key, inputs: .init(inlines: shown, unsafe: unsafe)) {
            Cmark.renderHTML(inlines: shown, options: renderOptions(from: path))
        }
    }

    /// An article's schema.org JSON-LD (its article and settings read through ``site``), made again only when the
    /// article or the site settings changed.
    func jsonLD(of metadata: ArticleMetadata) -> String {
        memo.value(Self.jsonLD, key: metadata.article.item.id.slug, inputs: .init(article: metadata.article, site: metadata.site)) {
            metadata.jsonLD
        }
    }

    /// A page body (of a page read through ``site``): anchor links added, rendered by cmark with links relative to
    /// the page. `document`, when given, is the page's document as the view shows it (an article's with its
    /// reference list formatted).
    func body(_ page: LinkedPage, path: String, document: MarkdownDocument? = nil) -> HTMLFragment {
        let document = document ?? page.document
        return memo.value(Self.bodies, key: path, inputs: .init(document: document, unsafe: unsafeHTML)) {
            HTMLFragment(Cmark.renderHTML(AnchorLinks.add(to: document, pagePath: path).blocks, options: renderOptions(from: path)))
        }
    }

    /// The preview data of a page for the script: the summaries of the concepts it links and
    /// the formatted references it cites, as JSON safe inside a `<script>` element.
    func previewsJSON(for page: LinkedPage, path: String) -> HTMLFragment? {
        var concepts: [String: [String: String]] = [:]
        for mention in page.mentions where mention.linked {
            guard let concept = site.signature(ContentID(.concept, mention.concept)) else { continue }
            concepts[mention.concept] = ["title": concept.title, "summary": concept.summary ?? ""]
        }
        var cited: [String: Reference] = [:]
        for use in page.citations where cited[use.key] == nil {
            cited[use.key] = site.reference(use.key)
        }
        guard !concepts.isEmpty || !cited.isEmpty else { return nil }
        let inputs = PreviewInputs(
            concepts: concepts.keys.sorted().map { [$0, concepts[$0]!["title"]!, concepts[$0]!["summary"]!] },
            references: cited.keys.sorted().map { cited[$0]!.shownInlines }, keys: cited.keys.sorted(), unsafe: unsafeHTML)
        return memo.value(Self.previews, key: path, inputs: inputs) { previewsJSON(concepts: concepts, references: cited, path: path) }
    }

    private func previewsJSON(concepts: [String: [String: String]], references cited: [String: Reference], path: String) -> HTMLFragment {
        let references = cited.mapValues { JSONValue.string(referenceHTML($0, from: path)) }
        let json = JSONValue.object([
            "concepts": .object(concepts.mapValues { .object($0.mapValues(JSONValue.string)) }),
            "references": .object(references),
        ])
        return HTMLFragment(HTML.scriptJSON(json.data()))
    }

    /// The map of all concepts, or of one concept and its neighbours, with its legend.
    func conceptMap(focus: String?, from path: String) -> DrawnMap? {
        let inputs = site.conceptMapInputs
        return memo.value(Self.conceptMaps, key: (focus ?? "") + "|" + path, inputs: mapGeneration) {
            Self.drawConceptMap(inputs, focus: focus, from: path)
        }
    }

    private static func drawConceptMap(_ inputs: ConceptMapInputs, focus: String?, from path: String) -> DrawnMap? {
        let concepts = inputs.concepts
        var links: [(String, String)] = []
        for concept in concepts {
            for other in inputs.related[concept.slug] ?? [] { links.append((concept.slug, other)) }
        }
        var nodes = concepts.map { ConceptMap.Node(slug: $0.slug, title: $0.title, group: $0.group) }
        var title = "Kaart van alle begrippen en hun verbanden"
        if let focus {
            let neighbours = Set([focus] + (inputs.related[focus] ?? []) + links.filter { $0.1 == focus }.map(\.0))
            nodes = nodes.filter { neighbours.contains($0.slug) }
            links = links.filter { neighbours.contains($0.0) && neighbours.contains($0.1) }
            title = "Kaart van \(concepts.first { $0.slug == focus }?.title ?? focus) en verwante begrippen"
        }
        guard nodes.count > 1 else { return nil }
        let groups = Set(concepts.compactMap(\.group)).sorted()
        let relations = inputs.relations
        return ConceptMap(nodes: nodes, links: links, focus: focus, groups: groups) { a, b in
            relations[a]?.first { $0.target == b }?.type.family ?? .related
        }
            .drawing(from: path, height: focus == nil ? 560 : 360, title: title)
    }

    /// Render options whose engine links are relative to the page at `path`.
    func renderOptions(from path: String) -> Cmark.RenderOptions {
        Cmark.RenderOptions(unsafeHTML: unsafeHTML) { $0.relative(from: path) }
    }

    private var unsafeHTML: Bool { site.settings.unsafeHTML }
}
