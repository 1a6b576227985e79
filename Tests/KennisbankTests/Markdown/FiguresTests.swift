import Testing
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankLinking

/// The figure rule: an image alone in its paragraph is a figure, the italic "Figuur N." paragraph after it its caption.
struct FiguresTests {
    private func grouped(_ markdown: String) -> [BlockNode] {
        Figures.group(Cmark.parse(markdown)).blocks
    }

    private func figureOf(_ block: BlockNode?) -> Figure? {
        if case .figure(let figure)? = block?.kind { return figure }
        return nil
    }

    @Test func anImageAloneWithAnItalicNumberedCaptionIsAFigure() throws {
        let blocks = grouped("Tekst ervoor.\n\n![Een model](../images/model.png \"Het model\")\n\n*Figuur 2. Het model van de ruimte.*\n\nTekst erna.\n")
        #expect(blocks.count == 3)
        let figure = try #require(figureOf(blocks[1]))
        #expect(figure.source == "../images/model.png")
        #expect(figure.alt == "Een model")
        #expect(figure.title == "Het model")
        #expect(figure.number == 2)
        #expect(blocks[1].children.count == 1)
        #expect(blocks[1].children[0].inlines.plainText == "Figuur 2. Het model van de ruimte.")
        #expect(blocks[1].range.start == SourcePosition(line: 3, column: 1))
    }

    @Test func aCaptionMustBeWhollyItalicAndNumbered() {
        // Text after the italics: an ordinary paragraph.
        var blocks = grouped("![a](x.png)\n\n*Figuur 1. Onderschrift.* En meer tekst.\n")
        #expect(blocks.count == 2 && blocks[0].children.isEmpty && figureOf(blocks[0])?.number == nil)
        // No number.
        blocks = grouped("![a](x.png)\n\n*Figuur zonder nummer.*\n")
        #expect(blocks.count == 2 && blocks[0].children.isEmpty)
        // Not italic.
        blocks = grouped("![a](x.png)\n\nFiguur 1. Onderschrift.\n")
        #expect(blocks.count == 2 && blocks[0].children.isEmpty)
    }

    @Test func anImageInASentenceOrBesideAnotherStaysInItsParagraph() {
        #expect(figureOf(grouped("Zie ![a](x.png) hier.\n").first) == nil)
        #expect(figureOf(grouped("![a](x.png) ![b](y.png)\n").first) == nil)
        // Only at the top level of a page.
        #expect(figureOf(grouped("> ![a](x.png)\n").first) == nil)
    }

    @Test func anEmptyDestinationIsAFigureStillWaitingForItsImage() throws {
        let blocks = grouped("![]()\n\n*Figuur 1. Hele professionele ruimte.*\n")
        let figure = try #require(figureOf(blocks.first))
        #expect(figure.isPlaceholder && figure.number == 1)
        let html = Cmark.renderHTML(blocks)
        #expect(html.contains("<p class=\"figure-note\" role=\"note\">Deze figuur is niet beschikbaar in deze editie.</p>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<figcaption>"))
    }

    @Test func figuresBelowTheTopOfThePageLoadLazily() throws {
        let blocks = grouped("![a](x.png)\n\nEen.\n\nTwee.\n\nDrie.\n\n![b](y.png)\n")
        #expect(try #require(figureOf(blocks.first)).isLazy == false)
        #expect(try #require(figureOf(blocks.last)).isLazy == true)
    }

    @Test func aFigureWithItsFileHasSizeCopiesAndCaption() throws {
        var blocks = grouped("Een.\n\nTwee.\n\nDrie.\n\n![Een model & meer](../images/model.png)\n\n*Figuur 3. Het model.*\n")
        guard case .figure(var figure) = blocks[3].kind else { Issue.record("no figure"); return }
        figure.source = "afbeeldingen/model.png"
        figure.anchor = "figuur-3"
        figure.file = FigureFile(width: 1600, height: 900, variants: [.init(path: "afbeeldingen/model.480w.png", width: 480)])
        blocks[3].kind = .figure(figure)
        let options = Cmark.RenderOptions { $0.relative(from: "artikelen/a/") }
        let html = Cmark.renderHTML([blocks[3]], options: options)
        #expect(html == """
            <figure id="figuur-3" class="figure">
            <img src="../../afbeeldingen/model.png" alt="Een model &amp; meer" width="1600" height="900" srcset="../../afbeeldingen/model.480w.png 480w, ../../afbeeldingen/model.png 1600w" sizes="\(HTMLWriter.figureSizes)" loading="lazy" decoding="async" />
            <figcaption>
            <p>Figuur 3. Het model.</p>
            </figcaption>
            </figure>

            """)
        var book = options
        book.webImages = false
        let bookHTML = Cmark.renderHTML([blocks[3]], options: book)
        #expect(!bookHTML.contains("srcset") && !bookHTML.contains("loading") && bookHTML.contains("width=\"1600\""))
    }

    @Test func aFigureIsAnchoredByItsNumberOrItsFile() {
        var document = Figures.group(Cmark.parse("![a](../images/Model-Kegan.png)\n\n![b](x.png)\n\n*Figuur 4. B.*\n\n## Figuur 4\n\nTekst.\n"))
        let assigned = Anchors.assign(in: &document)
        let anchors = document.blocks.compactMap { figureOf($0)?.anchor }
        #expect(anchors == ["figuur-model-kegan", "figuur-4"])
        #expect(assigned.headings["figuur-4"] == "figuur-4")
        // The heading "Figuur 4" yields to the figure, and the caption keeps a paragraph anchor of its own.
        #expect(assigned.headings[TargetIndex.key("Figuur 4")] == "figuur-4-2")
        if case .paragraph(let anchor?) = document.blocks[1].children.first?.kind { #expect(anchor.hasPrefix("figuur-4-b")) }
        else { Issue.record("the caption has no anchor") }
    }
}
