import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering

/// Anchors made from the text they mark: headings without their numbers, paragraphs from their opening words,
/// and the anchors an author pins.
final class AnchorTests: XCTestCase {
    /// The `id`s of a markdown text's headings and paragraphs, in order, with the problems found.
    private func anchors(_ markdown: String) -> ([String], [Diagnostic]) {
        let source = SourceFile(path: "a.md", text: markdown)
        var document = Cmark.parse(markdown)
        let assigned = Anchors.assign(in: &document, source: source)
        var ids: [String] = []
        document.forEachBlock { block, _ in
            switch block.kind {
            case .heading(_, let anchor?), .paragraph(let anchor?): ids.append(anchor)
            default: break
            }
        }
        return (ids, assigned.diagnostics)
    }

    func testHeadingAnchorsLeaveOutSectionNumbers() {
        XCTAssertEqual(HeadingAnchors.anchor(of: "1. Leiderschap als wordingspraktijk"), "leiderschap-als-wordingspraktijk")
        XCTAssertEqual(HeadingAnchors.anchor(of: "2.3 Leiderschap als wordingspraktijk"), "leiderschap-als-wordingspraktijk")
        XCTAssertEqual(HeadingAnchors.anchor(of: "2.3. Ideeën"), "ideeen")
        XCTAssertEqual(HeadingAnchors.anchor(of: "1984 als metafoor"), "1984-als-metafoor")
        XCTAssertEqual(HeadingAnchors.anchor(of: "12."), "12")
        XCTAssertEqual(anchors("## 1. Inleiding\n\n## 2. Slot\n").0, ["inleiding", "slot"])
    }

    /// The ASCII fast path of slugs gives what Foundation's folding gives: every pair of ASCII characters, around a word.
    func testASCIISlugsAreTheFoldedSlugs() {
        for first in UInt8(0)..<0x80 {
            for second in UInt8(0)..<0x80 {
                let text = String(decoding: [first, 0x41, second, 0x20, 0x7A, first], as: UTF8.self)
                XCTAssertEqual(Slug.make(from: text, ifEmpty: ""), Slug.makeByFolding(text, ifEmpty: ""), "\(Array(text.utf8))")
            }
        }
        XCTAssertEqual(Slug.make(from: "--- !!"), "item")
    }

    func testParagraphAnchorsAreTheirOpeningWords() {
        let (ids, problems) = anchors("""
            Leiderschap wordt hier beschouwd als een wordingspraktijk: leiders worden niet alleen leider.

            Kort.

            ![](beeld.png)

            Identiteitsontwikkelingsprocessen organisatiepsychologisch bezien vragen geduld.
            """)
        // Five words, fewer where they would pass forty characters, but at least one.
        XCTAssertEqual(ids, ["leiderschap-wordt-hier-beschouwd-als", "kort", "alinea", "identiteitsontwikkelingsprocessen"])
        XCTAssertEqual(problems, [])
        // A long paragraph without a letter or digit (emphasised dashes, say).
        XCTAssertEqual(anchors(String(repeating: "— * ", count: 40) + "\n\n" + String(repeating: "— * ", count: 40)).0, ["alinea", "alinea-2"])
    }

    func testParagraphsThatShareTheirOpeningAllTakeMoreWords() {
        let twins = "In dit artikel kijken we naar de manager.\n\nIn dit artikel kijken we naar de professional.\n\n"
        XCTAssertEqual(anchors(twins).0, ["in-dit-artikel-kijken-we-naar-de-manager", "in-dit-artikel-kijken-we-naar-de-professional"])
        // Which of the two comes first does not matter, and a third paragraph changes neither.
        let swapped = "In dit artikel kijken we naar de professional.\n\nAnders.\n\nIn dit artikel kijken we naar de manager.\n"
        XCTAssertEqual(anchors(swapped).0, ["in-dit-artikel-kijken-we-naar-de-professional", "anders", "in-dit-artikel-kijken-we-naar-de-manager"])
        // The same text twice: numbered in order. A paragraph never takes a heading's anchor.
        XCTAssertEqual(anchors("Zelfde.\n\nZelfde.\n").0, ["zelfde", "zelfde-2"])
        XCTAssertEqual(anchors("## Tot slot\n\nTot slot.\n\nTot slot, nog iets.\n").0, ["tot-slot", "tot-slot-2", "tot-slot-nog-iets"])
        // Nor an id the page's template writes.
        var document = Cmark.parse("## Inhoud\n\nInhoud.\n")
        Anchors.assign(in: &document, reserved: ["inhoud"])
        XCTAssertEqual(LinkChecker.attributeValues("id", in: Cmark.renderHTML(document.blocks)), ["inhoud-2", "inhoud-3"])
    }

    func testAnAuthorPinsAnAnchorThatSurvivesARewrite() {
        let (ids, problems) = anchors("De kern van het betoog. {#kernzin}\n\nNog een zin\n{#tweede}\n\n## Een kop {#eigen-kop}\n")
        XCTAssertEqual(ids, ["kernzin", "tweede", "eigen-kop"])
        XCTAssertEqual(problems, [])
        XCTAssertEqual(anchors("Een heel andere formulering van de kern. {#kernzin}\n").0, ["kernzin"])
        var document = Cmark.parse("De kern. {#kernzin}\n\nNog een zin\n{#tweede}\n")
        Anchors.assign(in: &document)
        XCTAssertEqual(Cmark.renderHTML(document.blocks), "<p id=\"kernzin\">\nDe kern.\n</p>\n<p id=\"tweede\">\nNog een zin\n</p>\n")
        // A pin takes its name before any paragraph does.
        XCTAssertEqual(anchors("Kernzin.\n\nIets anders. {#kernzin}\n").0, ["kernzin-2", "kernzin"])
    }

    func testBadAndRepeatedPinsAreWarningsAtTheirPlace() {
        let (ids, problems) = anchors("Eerste regel.\n\nTekst {#Mijn Naam}\n\nA. {#x}\n\nB. {#x}\n")
        XCTAssertEqual(ids, ["eerste-regel", "tekst-mijn-naam", "x", "b"])
        XCTAssertEqual(problems, [
            Diagnostic(path: "a.md", position: SourcePosition(line: 3, column: 7), severity: .warning, code: .invalidAnchor,
                       message: "The pinned anchor '{#Mijn Naam}' is not a valid name, so it is shown as text.",
                       hint: "use lowercase letters a-z, digits and '-', for example {#mijn-naam}"),
            Diagnostic(path: "a.md", position: SourcePosition(line: 7, column: 1), severity: .warning, code: .duplicateAnchor,
                       message: "The anchor '#x' is pinned twice on this page, or is an id the page's template writes; this paragraph keeps an anchor made from its text.",
                       hint: "pin another name here"),
        ])
    }

    func testWikilinksReachHeadingsWithOrWithoutTheirNumberAndParagraphs() {
        var page = Cmark.parse("## 1. Leiderschap als wordingspraktijk\n\nLeiderschap wordt hier beschouwd als een praktijk.\n")
        let anchors = Anchors.assign(in: &page)
        let article = ContentItem(id: ContentID(.article, "kunst"), title: "Kunst", source: SourceFile(path: "kunst.md", text: ""),
                                  document: page)
        let resolver = WikilinkResolver(index: TargetIndex(items: [article]), headings: [article.id: anchors.headings],
                                        paragraphs: [article.id: anchors.paragraphs])
        func href(_ link: String) -> (String?, [Diagnostic.Code]) {
            let (document, _, problems) = resolver.resolve(Cmark.parse(link), source: SourceFile(path: "b.md", text: link))
            return (LinkChecker.attributeValues("href", in: Cmark.renderHTML(document.blocks)).first, problems.map(\.code))
        }
        XCTAssertEqual(href("[[kunst#1. Leiderschap als wordingspraktijk]]").0, "artikelen/kunst/#leiderschap-als-wordingspraktijk")
        XCTAssertEqual(href("[[kunst#Leiderschap als wordingspraktijk]]").0, "artikelen/kunst/#leiderschap-als-wordingspraktijk")
        XCTAssertEqual(href("[[kunst#2. Leiderschap als wordingspraktijk]]").0, "artikelen/kunst/#leiderschap-als-wordingspraktijk")
        XCTAssertEqual(href("[[kunst#leiderschap-wordt-hier-beschouwd-als]]").0, "artikelen/kunst/#leiderschap-wordt-hier-beschouwd-als")
        XCTAssertEqual(href("[[kunst#verdwenen-alinea]]").1, [.unresolvedHeading])
    }
}
