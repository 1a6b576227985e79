import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// What every page shows around its own content (`layout.mustache`): the site's name and settings, the
/// navigation, the breadcrumbs and the page's title and description.
struct PageFrame: TemplateView {
    /// The site's language (`<html lang>`).
    var lang: String
    /// The site's title.
    var siteTitle: String
    /// The site's description, from site.yml.
    var siteDescription: String?
    /// The site's author, from site.yml.
    var siteAuthor: String?
    /// The page's title, for `<title>`; the home page has none.
    var pageTitle: String?
    /// The page's description, or the site's.
    var description: String?
    /// The page's absolute URL, when site.yml has a `baseURL`.
    var canonical: String?
    /// The way to the site root from this page (`../../`), empty on the home page.
    var root: String
    /// The kind of page (`article`, `concept`, …), for the `<body>` class.
    var kind: String
    /// The main sections of the site.
    var nav: [NavEntry]
    /// The way from the home page to this page; empty on the home page.
    var breadcrumbs: [Breadcrumb]
    /// Whether the site is built to be read from a folder (site.yml `portable`, `build --portable`): its links name
    /// `index.html`, and the script does the same for the links it makes.
    var portable: Bool
    /// Whether the site has a feed (`feed.xml`): any article has a date.
    var feed: Bool

    static let fields = TemplateFields<PageFrame>([
        .init("lang") { $0.lang },
        .init("siteTitle") { $0.siteTitle },
        .init("siteDescription") { $0.siteDescription },
        .init("siteAuthor") { $0.siteAuthor },
        .init("pageTitle") { $0.pageTitle },
        .init("description") { $0.description },
        .init("canonical") { $0.canonical },
        .init("root") { $0.root },
        .init("kind") { $0.kind },
        .init("nav") { $0.nav },
        .init("breadcrumbs") { $0.breadcrumbs },
        .init("portable") { $0.portable },
        .init("feed") { $0.feed },
    ])
}

/// A main section of the site in the navigation.
struct NavEntry: TemplateView {
    var title: String
    var url: String
    /// Whether this page is the section's own page.
    var current: Bool

    static let fields = TemplateFields<NavEntry>([
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("current") { $0.current },
    ])
}

/// One step of the breadcrumbs.
struct Breadcrumb: TemplateView {
    var title: String
    var url: String
    /// Whether this step is the page itself (the last; `aria-current="page"`).
    var current: Bool

    static let fields = TemplateFields<Breadcrumb>([
        .init("title") { $0.title },
        .init("url") { $0.url },
        .init("current") { $0.current },
    ])
}

/// The view of a whole page: its own fields, and around them those of its ``PageFrame``.
protocol PageView: TemplateView {
    /// The fields every page has.
    var frame: PageFrame { get }
}

extension PageView {
    /// The page's own field by that name, or else the frame's.
    func child(named name: String) -> Any? {
        if let field = Self.fields.byName[name] { return field.value(self) }
        return frame.child(named: name)
    }

    /// The page's own typed value by that name, or else the frame's.
    func templateValue(named name: String) -> TemplateValue? {
        if let field = Self.fields.byName[name] { return field.typed(self) }
        return frame.templateValue(named: name)
    }
}
