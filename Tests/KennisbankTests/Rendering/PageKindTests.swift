import XCTest
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankRendering

/// The table of page kinds: each template belongs to one kind, and the paths it gives are the site's.
final class PageKindTests: XCTestCase {
    /// Every template the site needs is the template of exactly one kind of page.
    func testEveryTemplateBelongsToOneKind() {
        let templates = PageKind.allCases.map(\.template)
        XCTAssertEqual(templates.count, Set(templates).count, "two kinds share a template")
        XCTAssertEqual(Set(templates), Set(PageTemplate.allCases))
    }

    /// The folders an alias may not take are the site's own single pages' folders.
    func testReservedFolders() {
        XCTAssertEqual(Set(PageKind.reservedFolders), ["begrippen/", "begrippen/kaarten/", "miniaturen/", "literatuur/", "zoeken/", "leerroutes/"])
    }

    /// An item's page lies in its kind's folder, and an overview at the folder of the items it lists.
    func testItemFoldersAndOverviews() {
        XCTAssertEqual(ContentID(.concept, "niet-weten").link.path, "begrippen/niet-weten/")
        XCTAssertEqual(ContentKind.article.sitePath, "artikelen")
        for (overview, item) in [(PageKind.conceptIndex, ContentKind.concept), (.miniatureIndex, .miniature), (.routeIndex, .route)] {
            XCTAssertEqual(overview.path, PageKind.folder(of: item))
            XCTAssertEqual(PageKind(item).path, PageKind.folder(of: item))
        }
        XCTAssertEqual(PageKind.literature.link(fragment: "kegan1994"), SiteLink(path: "literatuur/", fragment: "kegan1994"))
    }

    /// The navigation: articles, concepts, miniatures, the routes only when there are any, literature.
    func testNavigation() {
        XCTAssertEqual(PageKind.navigation(hasRoutes: false).map(\.path), ["", "begrippen/", "miniaturen/", "literatuur/"])
        XCTAssertEqual(PageKind.navigation(hasRoutes: true).map(\.title), ["Artikelen", "Begrippen", "Miniaturen", "Leerroutes", "Literatuur"])
    }

    /// The breadcrumbs after "Start" (the home page): an article's lead straight to it, since its overview is the
    /// home page ("Start" and "Artikelen" were two links to one page); a concept's pass its overview.
    func testBreadcrumbsHaveOneLinkPerLevel() {
        let article = PageKind.article.breadcrumbs(title: "Een", link: ContentID(.article, "een").link)
        XCTAssertEqual(article.map { $0.0 }, ["Een"])
        let concept = PageKind.concept.breadcrumbs(title: "Purpose", link: ContentID(.concept, "purpose").link)
        XCTAssertEqual(concept.map { $0.0 }, ["Begrippen", "Purpose"])
        XCTAssertEqual(concept.map { $0.1.path }, ["begrippen/", "begrippen/purpose/"])
        XCTAssertEqual(PageKind.breadcrumbRoot, "Start")
    }
}
