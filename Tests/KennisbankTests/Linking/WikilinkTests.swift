import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

final class WikilinkTests: XCTestCase {
    private func item(_ kind: ContentKind, _ slug: String, _ title: String, aliases: [String] = [], body: String = "") -> ContentItem {
        ContentItem(id: ContentID(kind, slug), title: title, aliases: aliases, source: SourceFile(path: "\(slug).md", text: body),
                    document: Cmark.parse(body))
    }

    private lazy var index = TargetIndex(items: [
        item(.concept, "niet-weten", "Niet-weten", aliases: ["not-knowing"]),
        item(.article, "kunst", "De kunst van het leiden"),
        item(.miniature, "de-vergadering", "De vergadering"),
    ])

    private func resolve(_ markdown: String) -> (String, [Diagnostic]) {
        let source = SourceFile(path: "a.md", text: markdown)
        let resolver = WikilinkResolver(index: index, headings: [ContentID(.article, "kunst"): ["slot": "slot", "1. leiderschap": "1-leiderschap"]])
        let (document, _, diagnostics) = resolver.resolve(Cmark.parse(markdown), source: source)
        return (Cmark.renderHTML(document.blocks), diagnostics)
    }

    func testParsesTargetHeadingAndLabel() {
        XCTAssertEqual(Wikilink(raw: " kunst # Slot | het slot "), Wikilink(raw: " kunst # Slot | het slot "))
        let link = Wikilink(raw: " kunst # Slot | het slot ")
        XCTAssertEqual(link.target, "kunst")
        XCTAssertEqual(link.heading, "Slot")
        XCTAssertEqual(link.label, "het slot")
    }

    func testResolvesSlugTitleAndAliasCaseInsensitively() {
        XCTAssertEqual(resolve("Zie [[niet-weten]].").0, "<p>Zie <a class=\"wikilink concept\" href=\"begrippen/niet-weten/\">Niet-weten</a>.</p>\n")
        XCTAssertEqual(resolve("[[NOT-KNOWING|dit]]").0, "<p><a class=\"wikilink concept\" href=\"begrippen/niet-weten/\">dit</a></p>\n")
        XCTAssertEqual(resolve("[[de kunst van het leiden#1. Leiderschap]]").0,
                       "<p><a class=\"wikilink article\" href=\"artikelen/kunst/#1-leiderschap\">de kunst van het leiden › 1. Leiderschap</a></p>\n")
    }

    func testHandlesEmphasisSoftBreaksAndReferenceDefinitions() {
        XCTAssertEqual(resolve("[[niet-*weten*]]").0, "<p><a class=\"wikilink concept\" href=\"begrippen/niet-weten/\">Niet-weten</a></p>\n")
        XCTAssertEqual(resolve("a [[De\nvergadering]] b").0, "<p>a <a class=\"wikilink miniature\" href=\"miniaturen/de-vergadering/\">De vergadering</a> b</p>\n")
        XCTAssertEqual(resolve("[[kunst]]\n\n[kunst]: https://example.org").0,
                       "<p><a class=\"wikilink article\" href=\"artikelen/kunst/\">De kunst van het leiden</a></p>\n")
        XCTAssertEqual(resolve("`[[kunst]]`").0, "<p><code>[[kunst]]</code></p>\n")
    }

    func testUnresolvedLinkIsAWarningWithLineColumnAndHint() {
        let (html, diagnostics) = resolve("---\n\nEerste regel.\nDan [[niet-wetn]] hier.")
        XCTAssertTrue(html.contains("niet-wetn"))
        XCTAssertEqual(diagnostics, [Diagnostic(path: "a.md", position: SourcePosition(line: 4, column: 5), severity: .warning,
                                                code: .unresolvedWikilink, message: "The link '[[niet-wetn]]' names no article, concept or miniature.",
                                                hint: "did you mean 'niet-weten'?")])
        XCTAssertEqual(resolve("[[kunst#Nergens]]").1.map(\.code), [.unresolvedHeading])
    }

    func testEmbedsExpandAndCyclesAreErrors() {
        let a = Miniature(item: item(.miniature, "a", "A", body: "Scène A.\n\n![[b]]\n"))
        let b = Miniature(item: item(.miniature, "b", "B", body: "Scène B.\n\n![[a]]\n"))
        let own = Miniature(item: item(.miniature, "c", "C", body: "![[c]]\n"))
        let expander = EmbedExpander(miniatures: [a, b, own], index: TargetIndex(items: [a.item, b.item, own.item]))
        let page = SourceFile(path: "art.md", text: "Voor.\n\n![[a]]\n\n![[ontbreekt]]\n")
        let (document, diagnostics, embedded) = expander.expand(Cmark.parse(page.text), owner: ContentID(.article, "art"), source: page)
        XCTAssertEqual(embedded, ["a", "b"])
        // The cycle inside the embedded miniatures is theirs: their own pages report it, not every page that embeds them.
        XCTAssertEqual(diagnostics.map(\.code), [.missingEmbed])
        XCTAssertEqual(diagnostics.map(\.path), ["art.md"])
        XCTAssertEqual(diagnostics[0].position, SourcePosition(line: 5, column: 1))
        let html = Cmark.renderHTML(document.blocks)
        XCTAssertTrue(html.contains("<figure id=\"miniatuur-a\" class=\"miniature\">"))
        XCTAssertTrue(html.contains("Scène A.") && html.contains("Scène B."))
        let (_, selfProblems, _) = expander.expand(own.item.document, owner: own.item.id, source: own.item.source)
        XCTAssertEqual(selfProblems.map(\.code), [.embedCycle])
    }

    func testEachEmbedProblemIsReportedOnceAtItsPlace() {
        let a = Miniature(item: item(.miniature, "a", "A", body: "Scène A.\n\n![[b]]\n"))
        let b = Miniature(item: item(.miniature, "b", "B", body: "Scène B.\n\n![[a]]\n\n![[ontbreekt]]\n"))
        let own = Miniature(item: item(.miniature, "c", "C", body: "![[c]]\n"))
        let miniatures = [a, b, own]
        let expander = EmbedExpander(miniatures: miniatures, index: TargetIndex(items: miniatures.map(\.item)))
        let article = item(.article, "art", "Art", body: "![[a]]\n\n![[b]]\n\n![[c]]\n")
        // Every page of the site, as the linker expands them.
        let problems = ([article] + miniatures.map(\.item)).flatMap { expander.expand($0.document, owner: $0.id, source: $0.source).1 }
        XCTAssertEqual(problems.map { "\($0.path):\($0.position!.line):\($0.code.rawValue)" },
                       ["b.md:3:embed-cycle", "b.md:5:missing-embed", "c.md:1:embed-cycle"])
        XCTAssertEqual(problems[0].message, "The embed '![[a]]' embeds miniature 'a' inside itself (a → b → a).")
        XCTAssertEqual(problems[2].message, "The embed '![[c]]' embeds miniature 'c' inside itself (c → c).")
    }

    func testAnchorsAreUniqueAndSkipTightLists() {
        var document = Cmark.parse("## Kop\n\nEen.\n\n## Kop\n\n- los\n- lijst\n\n> Citaat.\n")
        let toc = Anchors.assign(in: &document).tableOfContents
        XCTAssertEqual(toc.map(\.anchor), ["kop", "kop-2"])
        XCTAssertEqual(Cmark.renderHTML(document.blocks),
                       "<h2 id=\"kop\">\nKop\n</h2>\n<p id=\"een\">\nEen.\n</p>\n<h2 id=\"kop-2\">\nKop\n</h2>\n<ul>\n<li>los</li>\n<li>lijst</li>\n</ul>\n<blockquote>\n<p id=\"citaat\">\nCitaat.\n</p>\n</blockquote>\n")
    }

    func testRelativeSiteLinks() {
        XCTAssertEqual(SiteLink(path: "begrippen/x/").relative(from: "artikelen/a/"), "../../begrippen/x/")
        XCTAssertEqual(SiteLink(path: "begrippen/x/", fragment: "p-1").relative(from: "begrippen/x/"), "#p-1")
        XCTAssertEqual(SiteLink(path: "").relative(from: "begrippen/"), "../")
        XCTAssertEqual(SiteLink(path: "literatuur/").relative(from: ""), "literatuur/")
        XCTAssertEqual(SiteLink(path: "").relative(from: ""), "./")
    }
}
