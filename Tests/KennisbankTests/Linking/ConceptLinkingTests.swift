import XCTest
@testable import Kennisbank
@testable import KennisbankMarkdown
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

final class ConceptLinkingTests: XCTestCase {
    private func concept(_ slug: String, _ title: String, _ aliases: [String] = [], linking: ConceptLinkingRule = .automatic) -> Concept {
        LinkingFixtures.concept(slug, title, aliases, linking: linking)
    }

    private lazy var concepts = [
        concept("niet-weten", "Niet-weten", ["niet weten", "not-knowing"]),
        concept("weten", "Weten"),
        concept("professionele-identiteit", "Professionele identiteit"),
        concept("leiderschapsidentiteit", "Professionele identiteit als leider"),
        concept("identity-workspace", "Identity workspace", ["identity workspaces"]),
        concept("identiteit", "Identiteit"),
        concept("leider-zijn", "'Leider-zijn'"),
    ]

    private func matches(_ text: String) -> [String] {
        let matcher = ConceptMatcher(names: concepts.flatMap { c in ([c.item.title] + c.item.aliases).map { (name: $0, concept: c.item.id.slug) } })
        return matcher.matches(in: text).map { "\($0.concept)@\($0.range.lowerBound)" }
    }

    /// The fold's fast paths (ASCII, Latin-1, general punctuation) give what its definition gives, for every scalar
    /// of the first planes: white space a space, apostrophes ’, otherwise the scalar's lowercase mapping when that is one scalar.
    func testFoldingEveryScalarFollowsTheDefinition() {
        for value in UInt32(0)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            let expected: UInt32 = scalar.properties.isWhitespace ? 0x20
                : value == 0x27 || value == 0x2018 ? 0x2019
                : lower.count == 1 ? lower.first!.value : value
            let folded = ConceptMatcher.fold(String(scalar))
            if folded != [expected] { XCTFail("U+\(String(value, radix: 16)) folds to \(folded), not \(expected)"); return }
        }
    }

    private func link(_ markdown: String, scope: ConceptLinkingScope = .firstPerPage, page: ContentID = ContentID(.article, "a")) -> (String, [ConceptMention]) {
        var document = Cmark.parse(markdown)
        Anchors.assign(in: &document)
        let (linked, mentions) = ConceptLinker(concepts: concepts, scope: scope).link(document, on: page)
        return (Cmark.renderHTML(linked.blocks), mentions)
    }

    func testWholeWordsCaseInsensitiveWithDutchLetters() {
        XCTAssertEqual(matches("NIET-WETEN is geen weten."), ["niet-weten@0", "weten@19"])
        XCTAssertEqual(matches("identiteitë en ïdentiteit en identiteiten"), [])
        XCTAssertEqual(matches("(identiteit)"), ["identiteit@1"])
    }

    func testAHyphenIsPartOfTheWord() {
        XCTAssertEqual(matches("niet-weten"), ["niet-weten@0"])
        XCTAssertEqual(matches("weten-schap"), [])
    }

    func testLongestMatchWins() {
        XCTAssertEqual(matches("de professionele identiteit als leider groeit"), ["leiderschapsidentiteit@3"])
        XCTAssertEqual(matches("de professionele identiteit groeit"), ["professionele-identiteit@3"])
    }

    func testInflectionsGivenAsAliasesAndWhitespaceVariants() {
        XCTAssertEqual(matches("twee identity workspaces"), ["identity-workspace@5"])
        XCTAssertEqual(matches("het niet\nweten"), ["niet-weten@4"])
    }

    func testNamesMatchTextAfterSmartPunctuation() {
        let text = Cmark.parse("Het 'Leider-zijn' is").blocks[0].inlines.plainText
        XCTAssertEqual(text, "Het ‘Leider-zijn’ is")
        XCTAssertEqual(matches(text), ["leider-zijn@4"])
    }

    func testLinksFirstMentionPerPageOutsideHeadingsCodeAndLinks() {
        let (html, mentions) = link("# Niet-weten\n\nOver `niet-weten` en [niet-weten](x) en niet-weten.\n\nNog eens niet-weten.\n")
        XCTAssertEqual(html, """
            <h1 id="niet-weten">
            Niet-weten
            </h1>
            <p id="over-niet-weten-en-niet">
            Over <code>niet-weten</code> en <a href="x">niet-weten</a> en <a class="concept" href="begrippen/niet-weten/" data-concept="niet-weten">niet-weten</a>.
            </p>
            <p id="nog-eens-niet-weten">
            Nog eens niet-weten.
            </p>

            """)
        XCTAssertEqual(mentions.map(\.linked), [true, false])
        XCTAssertEqual(mentions.map(\.blockAnchor), ["over-niet-weten-en-niet", "nog-eens-niet-weten"])
        XCTAssertEqual(mentions[1].context, "Nog eens niet-weten.")
    }

    func testScopes() {
        let markdown = "## A\n\nniet-weten en niet-weten\n\n## B\n\nniet-weten\n"
        let count = { (scope: ConceptLinkingScope) in self.link(markdown, scope: scope).0.components(separatedBy: "class=\"concept\"").count - 1 }
        XCTAssertEqual(count(.firstPerPage), 1)
        XCTAssertEqual(count(.firstPerSection), 2)
        XCTAssertEqual(count(.every), 3)
    }

    func testNeverOnTheConceptsOwnPage() {
        let (html, mentions) = link("Niet-weten en weten.", page: ContentID(.concept, "niet-weten"))
        XCTAssertFalse(html.contains("begrippen/niet-weten/"))
        XCTAssertTrue(html.contains("begrippen/weten/"))
        XCTAssertEqual(mentions.map(\.concept), ["weten"])
    }

    func testMatchAcrossASoftBreakKeepsTheBreak() {
        let (html, _) = link("de identity\nworkspace hier")
        XCTAssertTrue(html.contains("<a class=\"concept\" href=\"begrippen/identity-workspace/\" data-concept=\"identity-workspace\">identity\nworkspace</a>"), html)
    }

    func testEmphasisIsEntered() {
        XCTAssertTrue(link("*over niet-weten*").0.contains("<em>over <a class=\"concept\""))
    }

    func testContextIsTheSentenceAroundTheMention() {
        let characters = Array("Eerste zin. Hier staat niet-weten centraal. Derde zin.".unicodeScalars)
        XCTAssertEqual(ConceptLinker.sentence(around: 23..<33, in: characters), "Hier staat niet-weten centraal.")
    }

    func testALargeTextWithManyConceptsIsMatchedCorrectly() {
        let many = (0..<300).map { concept("c\($0)", "begrip\($0) woord") }
        let matcher = ConceptMatcher(names: many.map { (name: $0.item.title, concept: $0.item.id.slug) })
        let sentence = "Hier staat begrip17 woord en begrip299 woord, maar niet begrip3000 woord. "
        let text = String(repeating: sentence, count: 14_000)
        XCTAssertGreaterThan(text.utf8.count, 1_000_000)
        let found = matcher.matches(in: text)
        XCTAssertEqual(found.count, 28_000)
        XCTAssertEqual(Set(found.map(\.concept)), ["c17", "c299"])
    }

    func testConflictingNamesAreReported() {
        let conflicts = ConceptMatcher.conflicts([(name: "Box", concept: "box"), (name: "box", concept: "doos")])
        XCTAssertEqual(conflicts.map(\.concepts), [["box", "doos"]])
    }
}
