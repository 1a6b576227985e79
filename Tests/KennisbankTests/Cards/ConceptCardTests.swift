import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankRendering

/// Concept cards on small in-memory sites: the deck, a card's own page, and the concept page's way to both, with and
/// without a `baseURL`.
final class ConceptCardTests: XCTestCase {
    private func build(baseURL: String?) throws -> BuildReport {
        let files = InMemoryFileSystem([
            "C/site.yml": "title: Proef & co\n" + (baseURL.map { "baseURL: \($0)\n" } ?? ""),
            "C/articles/een.md": "---\ntitle: Een\n---\nOver niet-weten.\n",
            "C/concepts/niet-weten.md": "---\ntitle: Niet-weten\nsummary: Open <blijven>.\ngroup: houding\n---\nUitleg.\n",
            "C/concepts/box.md": "---\ntitle: Box\n---\nUitleg zonder samenvatting.\n",
        ])
        return try Build(contentDirectory: "C", templatesDirectory: "T", outputDirectory: "", fileSystem: files).generate()
    }

    private func page(_ report: BuildReport, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(report.files.first { $0.path == path }, "\(path) is written").contents, as: UTF8.self)
    }

    func testTheDeckHasEveryConceptInTitleOrderWithItsGroupAndAddress() throws {
        let deck = try page(build(baseURL: "https://kb.example.nl/"), "begrippen/kaarten/index.html")
        let titles = deck.components(separatedBy: #"<h2 class="concept-card-title"><a href=""#).dropFirst().map { $0.prefix { $0 != "<" } }
        XCTAssertEqual(titles.map(String.init), [#"../box/">Box"#, #"../niet-weten/">Niet-weten"#])
        XCTAssertTrue(deck.contains(#"<li class="concept-card" id="kaart-niet-weten">"#), deck)
        XCTAssertTrue(deck.contains(#"<p class="concept-card-group">Houding</p>"#), deck)
        XCTAssertTrue(deck.contains(#"<p class="concept-card-summary">Open &lt;blijven&gt;.</p>"#), deck)
        XCTAssertTrue(deck.contains(#"<p class="concept-card-address">kb.example.nl/begrippen/niet-weten</p>"#), deck)
        XCTAssertTrue(deck.contains(#"<li><a href="../">Begrippen</a>"#) || deck.contains(#"href="../">Begrippen"#), "the breadcrumbs lead to the concepts")
    }

    func testACardsPageStandsAloneAndLeadsToTheConceptAtTheTop() throws {
        let card = try page(build(baseURL: "https://kb.example.nl/"), "begrippen/niet-weten/kaart/index.html")
        XCTAssertTrue(card.contains(#"<h1 class="concept-card-title">Niet-weten</h1>"#), card)
        XCTAssertTrue(card.contains(#"<a href="../" target="_top">Lees verder over Niet-weten →</a>"#), card)
        XCTAssertTrue(card.contains(#"<link rel="canonical" href="https://kb.example.nl/begrippen/niet-weten/">"#), "the concept's page is canonical")
        XCTAssertTrue(card.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertFalse(card.contains("site-header"), "no site header in an embed")
        XCTAssertFalse(card.lowercased().contains("frame-ancestors") || card.lowercased().contains("x-frame-options"), "any site may embed it")
    }

    func testTheConceptPageOffersTheEmbedCodeOnlyWithABaseURL() throws {
        let with = try page(build(baseURL: "https://kb.example.nl/"), "begrippen/niet-weten/index.html")
        XCTAssertTrue(with.contains(#"<a href="kaart/">De kaart van dit begrip</a> · <a href="../kaarten/#kaart-niet-weten">"#), with)
        XCTAssertTrue(with.contains(#"<pre class="embed-code"><code>&lt;iframe src=&quot;https://kb.example.nl/begrippen/niet-weten/kaart/&quot; title=&quot;Begrip: Niet-weten&quot;"#), with)
        let without = try build(baseURL: nil)
        let concept = try page(without, "begrippen/niet-weten/index.html")
        XCTAssertTrue(concept.contains(#"<a href="kaart/">De kaart van dit begrip</a>"#), concept)
        XCTAssertFalse(concept.contains("embed-code"), "no address another site could load")
        XCTAssertFalse(try page(without, "begrippen/kaarten/index.html").contains("concept-card-address"), "no address to print")
    }

    func testShortAddressDropsTheSchemeAndTheFinalSlash() {
        XCTAssertEqual(PageModels.shortAddress("https://kb.example.nl/begrippen/box/"), "kb.example.nl/begrippen/box")
        XCTAssertEqual(PageModels.shortAddress("http://localhost:8000/kb/begrippen/box/"), "localhost:8000/kb/begrippen/box")
    }
}
