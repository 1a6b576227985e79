import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The typed page views: each lists its template names once, and that list must cover what it holds and
/// what Templates/README.md promises the author.
final class TemplateViewTests: XCTestCase {
    /// Every view of the real Content's pages, and every view nested in them (entries of lists, links, frames).
    private static let views: [any TemplateView] = {
        DeepStack.run {
            let root = Fixtures.repository
            // With drafts: the real Content's routes are drafts until the author publishes them.
            var loader = ContentLoader(directory: root.appendingPathComponent("Content").path)
            loader.includesDrafts = true
            let content = try! loader.load()
            let models = PageModels(site: SiteLinker(content: content).link())
            var views: [any TemplateView] = []
            func collect(_ value: Any) {
                if let view = value as? any TemplateView { views.append(view) }
                for child in Mirror(reflecting: value).children { collect(child.value) }
            }
            for job in RenderJob.all(of: content) { collect(job.page(models).view) }
            return views
        }
    }()

    /// The names of a view's stored properties that hold template values. `ArticleEntry` and `MiniatureEntry` show
    /// their `link`'s fields as their own.
    private func storedNames(of view: any TemplateView) -> Set<String> {
        var names = Set(Mirror(reflecting: view).children.compactMap(\.label))
        if view is ArticleEntry || view is MiniatureEntry, names.remove("link") != nil { names.formUnion(["title", "url", "slug", "summary"]) }
        return names
    }

    private func fieldNames(of view: any TemplateView) -> [String] {
        func names<View: TemplateView>(_ view: View) -> [String] { View.fields.ordered.map(\.name) }
        return names(view)
    }

    /// Every kind but `ReferenceEntry`: only an article without a Literatuur list of its own shows its sources after
    /// the text, and the real Content's articles all have one (`ArticleReferenceListTests` renders such an article).
    func testEveryKindOfViewIsReached() {
        let kinds = Set(Self.views.map { String(describing: type(of: $0)) })
        for kind in ["PageFrame", "NavEntry", "Breadcrumb", "HomeView", "ArticleView", "ConceptView", "MiniatureView",
                     "ConceptIndexView", "MiniatureIndexView", "LiteratureView", "SearchView", "NotFoundView",
                     "ItemLink", "ArticleEntry", "TocEntry", "MentionEntry", "CitationEntry",
                     "LiteratureEntry", "LetterGroup", "ConceptGroup", "MiniatureEntry", "MapLegendEntry",
                     "RouteView", "RouteIndexView", "RouteStepEntry", "RouteEntry", "RouteUse",
                     "CardDeckView", "ConceptCardView", "ConceptCardEntry", "ConceptCardLinks"] {
            XCTAssertTrue(kinds.contains(kind), "the real Content has no \(kind)")
        }
    }

    /// A property missing from `fields` would be neither shown nor digested: the incremental build would keep
    /// a page whose view changed only there.
    func testEveryStoredPropertyIsATemplateNameAndEveryNameIsListedOnce() {
        for view in Self.views {
            let fields = fieldNames(of: view)
            XCTAssertEqual(Set(fields), storedNames(of: view), "\(type(of: view))")
            XCTAssertEqual(fields.count, Set(fields).count, "\(type(of: view)) lists a name twice")
        }
    }

    func testTemplatesReadmeNamesEveryField() throws {
        let readme = try String(contentsOf: Fixtures.repository.appendingPathComponent("Templates/README.md"), encoding: .utf8)
        for view in Self.views {
            for name in fieldNames(of: view) where name != "frame" {
                XCTAssertTrue(readme.contains("`\(name)`"), "Templates/README.md does not name `\(name)` of \(type(of: view))")
            }
        }
    }

    func testAPageFindsItsFrameAndAMissingValueIsNotFound() throws {
        let article = try XCTUnwrap(Self.views.compactMap { $0 as? ArticleView }.first)
        XCTAssertEqual(article.child(named: "siteTitle") as? String, article.frame.siteTitle)
        XCTAssertEqual(article.child(named: "title") as? String, article.title)
        XCTAssertNil(article.child(named: "no-such-name"))
        var withoutSubtitle = article
        withoutSubtitle.subtitle = nil
        // Not found (so Mustache looks further up its context), rather than found holding nil.
        XCTAssertNil(withoutSubtitle.child(named: "subtitle"))
    }

    func testTheDigestFollowsEveryField() throws {
        let article = try XCTUnwrap(Self.views.compactMap { $0 as? ArticleView }.first { $0.previous == nil })
        func digest(_ view: ArticleView) -> Digest {
            var builder = DigestBuilder()
            view.digest(into: &builder)
            return builder.finalize()
        }
        var changed = article
        XCTAssertEqual(digest(changed), digest(article))
        changed.frame.breadcrumbs[0].title += "!"
        XCTAssertNotEqual(digest(changed), digest(article))
        changed = article
        changed.toc.append(TocEntry(title: "Nieuw", anchor: "nieuw", level: 2))
        XCTAssertNotEqual(digest(changed), digest(article))
        changed = article
        changed.previous = article.next
        XCTAssertNotEqual(digest(changed), digest(article))
        // A missing value is not an empty one, and the same text in another field is another view.
        func digest(_ link: ItemLink) -> Digest {
            var builder = DigestBuilder()
            link.digest(into: &builder)
            return builder.finalize()
        }
        let link = ItemLink(title: "Niet-weten", url: "../niet-weten/", slug: "niet-weten", summary: nil)
        var empty = link
        empty.summary = ""
        XCTAssertNotEqual(digest(empty), digest(link))
        var swapped = link
        (swapped.title, swapped.slug) = (link.slug, link.title)
        XCTAssertNotEqual(digest(swapped), digest(link))
    }
}
