import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering

/// Miniatures as pages of their own, on the real Content: the opening, previous and next in the order of the
/// series, the overview listing each once with its lenses, and the lens pages listing their miniatures.
final class MiniatureViewTests: XCTestCase {
    private static let models: PageModels = DeepStack.run {
        let content = try! ContentLoader(directory: Fixtures.repository.appendingPathComponent("Content").path).load()
        return PageModels(site: SiteLinker(content: content).link())
    }

    private func links(_ links: [ItemLink]) -> [String] { links.map { "\($0.title) → \($0.url)" } }

    private func miniature(_ slug: String) -> MiniatureView {
        let index = Self.models.site.miniatureOrder.firstIndex { $0.slug == slug }!
        return DeepStack.run { Self.models.miniatureView(index) }
    }

    /// The article embeds them in this order; the miniatures are listed by title, which is another order.
    func testTheSequenceIsTheOrderOfTheSeries() {
        XCTAssertEqual(Self.models.miniatureSequence(),
                       ["de-cfo-en-het-dashboard", "het-te-grote-pak", "de-ceo-die-mee-wil-met-ai", "de-afdelingsmanager-in-de-zorg"])
    }

    func testPreviousAndNext() {
        let first = miniature("de-cfo-en-het-dashboard"), second = miniature("het-te-grote-pak"), last = miniature("de-afdelingsmanager-in-de-zorg")
        XCTAssertNil(first.previous)
        XCTAssertEqual(first.next.map { links([$0]) }, ["Het te grote pak → ../het-te-grote-pak/"])
        XCTAssertEqual(second.previous.map { links([$0]) }, ["De CFO en het dashboard → ../de-cfo-en-het-dashboard/"])
        XCTAssertEqual(second.next.map { links([$0]) }, ["De CEO die mee wil met AI → ../de-ceo-die-mee-wil-met-ai/"])
        XCTAssertEqual(last.previous.map { links([$0]) }, ["De CEO die mee wil met AI → ../de-ceo-die-mee-wil-met-ai/"])
        XCTAssertNil(last.next)
    }

    /// The page opens with the summary, not the article's transition sentence that starts the text.
    func testTheOpeningIsTheSummary() {
        let view = miniature("de-cfo-en-het-dashboard")
        XCTAssertEqual(view.opening, "Een CFO merkt dat hij trouwer is aan zijn dashboard dan aan zijn eigen waarneming, en leert data te gebruiken als ingang voor dialoog.")
    }

    /// Without a summary, the miniature's own first sentence.
    func testWithoutASummaryTheOpeningIsTheFirstSentence() {
        let document = Cmark.parse("Een teamleider oefent met niet-weten. Ze zwijgt.\n\nEen tweede alinea.\n")
        XCTAssertEqual(PageModels.firstSentence(of: document), "Een teamleider oefent met niet-weten.")
        XCTAssertNil(PageModels.firstSentence(of: Cmark.parse("## Alleen een kop\n")))
    }

    /// Concept names in a miniature's text link to their pages, as in articles.
    func testConceptsInTheTextAreLinked() {
        let view = miniature("het-te-grote-pak")
        XCTAssertTrue(view.body.html.contains("<a class=\"concept\" href=\"../../begrippen/psychodynamische-lens/\""), view.body.html)
        // The lens it names is listed once, under "Lenzen" (`lenses`), not again among the concepts of its text.
        XCTAssertEqual(links(view.lenses), ["Psychodynamische lens → ../../begrippen/psychodynamische-lens/"])
        XCTAssertEqual(links(view.concepts), ["Professionele identiteit als leider → ../../begrippen/leiderschapsidentiteit/"])
    }

    func testTheOverviewListsEachMiniatureOnceWithItsLenses() {
        let view = DeepStack.run { Self.models.miniatureIndexView(path: "miniaturen/") }
        XCTAssertEqual(view.miniatures.map { "\($0.link.title): " + $0.lenses.map(\.title).joined(separator: ", ") }, [
            "De CFO en het dashboard: Systemische lens, Relationeel-ethische lens",
            "Het te grote pak: Psychodynamische lens",
            "De CEO die mee wil met AI: Culturele lens, Archetypische lens, Relationeel-ethische lens",
            "De afdelingsmanager in de zorg: Systemische lens, Relationeel-ethische lens",
        ])
        XCTAssertEqual(view.miniatures[1].lenses.map(\.url), ["../begrippen/psychodynamische-lens/"])
    }

    func testALensPageListsItsMiniatures() {
        func listed(_ slug: String) -> [String] {
            let index = Self.models.site.conceptOrder.firstIndex { $0.slug == slug }!
            return links(DeepStack.run { Self.models.conceptView(index) }.miniatures)
        }
        XCTAssertEqual(listed("relationeel-ethische-lens"), [
            "De afdelingsmanager in de zorg → ../../miniaturen/de-afdelingsmanager-in-de-zorg/",
            "De CEO die mee wil met AI → ../../miniaturen/de-ceo-die-mee-wil-met-ai/",
            "De CFO en het dashboard → ../../miniaturen/de-cfo-en-het-dashboard/",
        ])
        XCTAssertEqual(listed("psychodynamische-lens"), ["Het te grote pak → ../../miniaturen/het-te-grote-pak/"])
        XCTAssertEqual(listed("niet-weten"), [])
    }
}
