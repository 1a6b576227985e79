import KennisbankCore
/// Everything the model of a page is made from, for the pages whose models are costly to build only to find
/// them unchanged: the article, concept and miniature pages (nearly all pages of a large site), the
/// overviews that list them, and the literature page (every reference with every place it is cited). When a page's inputs are those of the
/// page on disk, the incremental build skips its model, its digest and its rendering.
enum PageInputs: Equatable, Sendable {
    /// An article page.
    case article(ArticlePageInputs)
    /// A concept page.
    case concept(ConceptPageInputs)
    /// A miniature page.
    case miniature(MiniaturePageInputs)
    /// The home page, the concept index or the miniature overview.
    case overview(IndexPageInputs)
    /// The literature page: the site's settings and templates, every reference, and where each is cited.
    case literature(LiteraturePageInputs)

    /// The inputs of a job's page, for the kinds of page that have them.
    /// - Parameters:
    ///   - shared: the generation of what article pages share (``ArticlePageInputs/Shared``);
    ///   - map: the generation of the concept maps' inputs.
    init?(job: RenderJob, site: LinkedSite, templates: Digest, shared: Int, map: Int) {
        switch job {
        case .article(let index):
            self = .article(ArticlePageInputs(index: index, site: site, shared: shared))
        case .concept(let index):
            self = .concept(ConceptPageInputs(index: index, site: site, map: map, shared: shared))
        case .miniature(let index):
            self = .miniature(MiniaturePageInputs(index: index, site: site, shared: shared))
        case .home:
            self = .overview(.home(site: site, shared: shared))
        case .conceptIndex:
            self = .overview(.concepts(site: site, map: map, shared: shared))
        case .miniatureIndex:
            self = .overview(.miniatures(site: site, shared: shared))
        case .literature:
            self = .literature(LiteraturePageInputs(site: site, templates: templates))
        default:
            return nil
        }
    }

    /// The page's file.
    var path: String {
        switch self {
        case .article(let inputs): return inputs.path
        case .concept(let inputs): return inputs.path
        case .miniature(let inputs): return inputs.path
        case .overview(let inputs): return inputs.path
        case .literature: return "literatuur/index.html"
        }
    }
}

/// What the literature page's model is made from (see `RenderJob`'s `.literature` case).
struct LiteraturePageInputs: Equatable, Sendable {
    /// The settings of site.yml (title, navigation, whether raw HTML is kept).
    var config: SiteConfig
    /// The templates' digest.
    var templates: Digest
    /// Every reference's key and text, in APA order.
    var references: [ArticlePageInputs.Shared.ReferenceSignature]
    /// Where each reference is cited.
    var citedIn: [String: [CitationPlace]]

    init(site: LinkedSite, templates: Digest) {
        self.config = site.content.site
        self.templates = templates
        self.references = site.references.references.map { .init(key: $0.key, inlines: $0.inlines) }
        self.citedIn = site.citedIn
    }
}
