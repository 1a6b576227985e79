import XCTest
@testable import Kennisbank
@testable import KennisbankMarkdown
@testable import KennisbankCore
@testable import KennisbankContent
@testable import KennisbankLinking

/// Concept links a reader can trust: no mention inside a compound, the author's `linking` rule per concept, and
/// the review list of every automatic mention.
final class ConceptTrustTests: XCTestCase {
    private func concept(_ slug: String, _ title: String, _ aliases: [String] = [], linking: ConceptLinkingRule = .automatic) -> Concept {
        LinkingFixtures.concept(slug, title, aliases, linking: linking)
    }

    /// The concepts mentioned in a markdown paragraph, as `slug:written`.
    private func mentions(_ markdown: String, _ concepts: [Concept]) -> [String] {
        let text = Cmark.parse(markdown).blocks[0].inlines.plainText
        let matcher = ConceptMatcher(names: concepts.flatMap { c in c.automaticNames.map { (name: $0, concept: c.item.id.slug) } },
                                     caseSensitive: Set(concepts.filter(\.linking.caseSensitive).map(\.item.id.slug)))
        let scalars = Array(text.unicodeScalars)
        return matcher.matches(in: text).map { "\($0.concept):\(String(String.UnicodeScalarView(scalars[$0.range])))" }
    }

    func testAQuotedNameJoinedToAWordByAHyphenIsPartOfACompound() {
        let box = [concept("box", "Box", ["containment"])]
        XCTAssertEqual(mentions("Ook pleit hij voor 'inside the box'-denken en -leven.", box), [])
        XCTAssertEqual(mentions("Het ‘niet-‘box’ denken’ en “box”-achtig.", box), [])
        // Quotes alone, or a hyphen with a space after it, leave a mention.
        XCTAssertEqual(mentions("De ‘box’ of ‘containment’ - veiligheid.", box), ["box:box", "box:containment"])
        XCTAssertEqual(mentions("Purpose, identiteit, box, drive en betekenis.", box), ["box:box"])
    }

    func testTheLinkingRuleLimitsWhichNamesLinkByThemselves() {
        let text = "De betekenis van betekenisgeving en Sensemaking, of sensemaking."
        XCTAssertEqual(mentions(text, [concept("betekenis", "Betekenis", ["betekenisgeving", "sensemaking"])]),
                       ["betekenis:betekenis", "betekenis:betekenisgeving", "betekenis:Sensemaking", "betekenis:sensemaking"])
        XCTAssertEqual(mentions(text, [concept("betekenis", "Betekenis", ["betekenisgeving", "sensemaking"],
                                               linking: ConceptLinkingRule(words: ["aliases-only"])!)]),
                       ["betekenis:betekenisgeving", "betekenis:Sensemaking", "betekenis:sensemaking"])
        XCTAssertEqual(mentions(text, [concept("betekenis", "Betekenis", ["betekenisgeving", "Sensemaking"],
                                               linking: ConceptLinkingRule(words: ["aliases-only", "case-sensitive"])!)]),
                       ["betekenis:betekenisgeving", "betekenis:Sensemaking"])
        XCTAssertEqual(mentions(text, [concept("betekenis", "Betekenis", ["betekenisgeving"], linking: ConceptLinkingRule(words: ["wikilinks-only"])!)]), [])
    }

    func testTheLinkingFieldIsReadFromFrontMatterAndCheckedThere() throws {
        XCTAssertEqual(ConceptLinkingRule(words: ["case-sensitive", "aliases-only"]), ConceptLinkingRule(names: .aliasesOnly, caseSensitive: true))
        XCTAssertNil(ConceptLinkingRule(words: ["aliases-only", "wikilinks-only"]))
        let good = try FrontMatter(file: SourceFile(path: "c.md", text: "---\ntitle: Box\nlinking: [aliases-only, case-sensitive]\n---\n"))
        XCTAssertEqual(try good.conceptLinkingRule("linking").description, "aliases-only, case-sensitive")
        let bad = try FrontMatter(file: SourceFile(path: "c.md", text: "---\ntitle: Box\nlinking: alleen-aliassen\n---\n"))
        XCTAssertThrowsError(try bad.conceptLinkingRule("linking")) { error in
            XCTAssertEqual(error as? Diagnostic, Diagnostic(path: "c.md", position: SourcePosition(line: 3, column: 10), code: .invalidField,
                message: "The field 'linking' must be one of automatic, aliases-only, case-sensitive, wikilinks-only, or 'case-sensitive' with one of the others."))
        }
    }

    /// On the real content, the two false mentions the issue names are gone, and the review lists every automatic
    /// mention at its line.
    func testTheRealContentHasNoFalseMentionsAndTheReviewListsTheRest() throws {
        let report = try Build(contentDirectory: Fixtures.repository.appendingPathComponent("Content").path,
                               templatesDirectory: Fixtures.repository.appendingPathComponent("Templates").path, outputDirectory: "").generate()
        let betekenis = report.site.mentions["betekenis"] ?? []
        XCTAssertFalse(betekenis.contains { $0.context.contains("de betekenis van identity workspaces") }, "\(betekenis.map(\.context))")
        XCTAssertFalse(betekenis.contains { $0.page == ContentID(.article, "de-kunst-van-het-leiden") && !$0.context.contains("betekenisgeving") })
        let box = report.site.mentions["box"] ?? []
        XCTAssertFalse(box.contains { $0.context.contains("inside the box") }, "\(box.map(\.context))")
        XCTAssertFalse(box.isEmpty, "the real mentions of box stay")
        XCTAssertFalse((report.site.related["betekenis"] ?? []).contains("niet-weten"))

        let review = MentionReview(site: report.site)
        let article = Fixtures.repository.appendingPathComponent("Content/articles/nieuw-leiderschap-in-de-professionele-ruimte.md").path
        let lines = try String(contentsOfFile: article, encoding: .utf8).components(separatedBy: "\n")
        for entry in review.entries where entry.path == article {
            // Each place is where the name is written (the file's text, before smart punctuation).
            let line = Array(lines[entry.position.line - 1])
            XCTAssertEqual(String(line[(entry.position.column - 1)...].prefix(entry.written.count)).lowercased(), entry.written.lowercased(), "\(entry)")
        }
        XCTAssertTrue(review.text.contains("Box (box): "))
        XCTAssertTrue(review.text.contains("nieuw-leiderschap-in-de-professionele-ruimte.md:"))
    }
}
