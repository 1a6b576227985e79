import KennisbankCore

/// What a hit in each block of a page shows in a file of stems besides its position and score, digested once per
/// page: the page's title, URL and kind, the anchor the hit links to, and the text its excerpt is cut from; and the
/// heading of each section.
///
/// A file of stems is digested from what its hits show rather than from their pages' whole digests, so a
/// one-paragraph edit changes only the files that show a hit in that paragraph (or in a block whose excerpt it is):
/// the others keep their digests and are not encoded again.
struct SearchShown: Sendable {
    /// The page's title, URL and kind.
    let page: Digest
    /// By block: its anchor and the text its excerpt comes from (``SearchPage/shownBlock(of:)``).
    let blocks: [Digest]
    /// By section: its heading.
    let headings: [Digest]
    /// Everything a hit in the page can show (``SearchPage/digest``), made from the same digests of its texts.
    let whole: Digest
    /// What the page's entry in a file of sections shows (``SearchMore``): its title, URL and kind, and each
    /// section's heading and anchor.
    let sections: Digest

    /// What the hits of `page` show.
    init(_ page: SearchPage) {
        var header = DigestBuilder()
        for text in [page.title, page.url, page.kind] { header.combine(text) }
        self.page = header.finalize()
        // Each block's text digested once, whichever blocks show it.
        let texts = page.blocks.map { block in
            var builder = DigestBuilder()
            builder.combine(block.text)
            return builder.finalize()
        }
        blocks = page.blocks.indices.map { number in
            var builder = DigestBuilder()
            builder.combine(page.blocks[number].anchor ?? "\u{0}")
            let shown = page.shownBlock(of: number)
            builder.combine(shown == number ? 0 : 1)
            builder.combine(texts[shown])
            return builder.finalize()
        }
        headings = page.sections.map { section in
            var builder = DigestBuilder()
            builder.combine(section.heading ?? "\u{0}")
            return builder.finalize()
        }
        var sections = DigestBuilder()
        sections.combine(self.page)
        sections.combine(headings.count)
        for (heading, anchor) in zip(headings, page.sectionAnchors) {
            sections.combine(heading)
            sections.combine(anchor ?? "\u{0}")
        }
        self.sections = sections.finalize()
        var whole = DigestBuilder()
        whole.combine(self.page)
        whole.combine(page.summaryBlock ?? -1)
        whole.combine(headings.count)
        for heading in headings { whole.combine(heading) }
        whole.combine(page.blocks.count)
        for (block, text) in zip(page.blocks, texts) {
            whole.combine(text)
            whole.combine(block.role.rawValue)
            whole.combine(block.anchor ?? "\u{0}")
            whole.combine(block.section)
        }
        self.whole = whole.finalize()
    }

    /// Adds what `hit` shows to a file's digest.
    func combine(_ hit: SearchPage.Hit, into builder: inout DigestBuilder) {
        builder.combine(page)
        builder.combine(blocks[Int(hit.block)])
        builder.combine(headings[Int(hit.section)])
    }
}
