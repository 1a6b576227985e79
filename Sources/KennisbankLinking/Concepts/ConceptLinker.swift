import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// Links mentions of concepts in running text to their pages, and records every mention.
///
/// Headings, code, raw HTML, existing links and images are left alone, and a concept is never
/// linked on its own page. How many mentions become links is the site's ``ConceptLinkingScope``.
package struct ConceptLinker: Sendable {
    private let matcher: ConceptMatcher
    private let scope: ConceptLinkingScope

    /// Builds the matcher once from every concept's title and aliases, as each concept's ``ConceptLinkingRule`` allows.
    package init(concepts: [Concept], scope: ConceptLinkingScope) {
        self.matcher = ConceptMatcher(names: concepts.flatMap { concept in
            concept.automaticNames.map { (name: $0, concept: concept.item.id.slug) }
        }, caseSensitive: Set(concepts.filter(\.linking.caseSensitive).map(\.item.id.slug)))
        self.scope = scope
    }

    /// The document with concept links, and every mention found.
    package func link(_ document: MarkdownDocument, on page: ContentID, source: SourceFile? = nil) -> (MarkdownDocument, [ConceptMention]) {
        var document = document
        var state = PageState()
        document.rewriteBlocks { block, context in link(&block, context: context, on: page, source: source, state: &state) }
        return (document, state.mentions)
    }

    /// What linking a page's blocks one by one carries from block to block.
    struct PageState {
        /// Every mention found so far.
        var mentions: [ConceptMention] = []
        /// Every resolved wikilink in running text found so far, with its sentence's place.
        var wikilinks: [WikilinkUse] = []
        /// The concepts linked so far (in the section, with ``ConceptLinkingScope/firstPerSection``).
        var linked = Set<String>()
        /// The anchor of the section the last block was in.
        var section: String?
    }

    /// Links the concept mentions of one block: a step of the one walk over a page that links it (``SiteLinker``).
    ///
    /// `texts` links what comes before the mentions in the same pass (the citations): it gets each text node of
    /// the block's running text (``RunningText``), in order, and returns the nodes that replace it, or `nil` to keep
    /// it. Mentions are then found in the texts it returns, so its links are left alone, as a second walk over
    /// its output would leave them.
    ///
    /// `wikilinks`, when given, links the block's wikilinks before both, in the same pass: each level of the running
    /// text's inlines is read through ``WikilinkScanner/walk(_:_:emit:)``, which hands on the level with its wikilinks
    /// replaced by the nodes `wikilinks` returns and its neighbouring texts joined, as ``WikilinkScanner/rewrite(_:_:)``
    /// would give it. A block without running text (a heading) gets its wikilinks alone. Each wikilink in running
    /// text that `wikilinks` resolves (it returns the page it leads to, and one link) is noted in the state with the
    /// sentence around the link's text, as a mention is.
    func link(_ block: inout BlockNode, context: BlockContext, on page: ContentID, source: SourceFile?, state: inout PageState,
              texts: (String) -> [InlineNode]? = { _ in nil },
              wikilinks: ((Wikilink) -> (nodes: [InlineNode], target: ContentID?))? = nil) {
        if scope == .firstPerSection, context.sectionAnchor != state.section {
            state.section = context.sectionAnchor
            state.linked.removeAll()
        }
        // Running text only: headings, a miniature's label and the titles in a reference list hold no mentions.
        guard let anchor = RunningText.paragraphAnchor(of: block, in: context) else {
            if let wikilinks, !block.inlines.isEmpty { block.inlines = WikilinkScanner.rewrite(block.inlines) { wikilinks($0).nodes } }
            return
        }
        let place = Place(page: page, blockAnchor: anchor, sectionAnchor: context.sectionAnchor, sectionTitle: context.sectionTitle,
                          paragraph: Paragraph(),
                          source: context.wrapperClasses.isEmpty ? source : nil, blockStart: block.range.start, blockEnd: block.range.end)
        var offset = 0
        let first = state.mentions.count
        block.inlines = rewrite(block.inlines, place: place, offset: &offset, linked: &state.linked, mentions: &state.mentions,
                                texts: texts, wikilinks: wikilinks)
        place.paragraph.placeMentions(in: block.inlines, from: first, of: &state.mentions)
        state.wikilinks += place.paragraph.wikilinks
    }

    private struct Place {
        var page: ContentID
        var blockAnchor: String?
        var sectionAnchor: String?
        var sectionTitle: String?
        /// The paragraph, where each mention's place in its text is noted.
        var paragraph: Paragraph
        /// The page's file, where mentions get their line and column; `nil` in an embedded miniature.
        var source: SourceFile?
        var blockStart: SourcePosition
        var blockEnd: SourcePosition

        /// The place of the next mention, `written`, in the paragraph: after the one before it.
        func position(of written: String, in source: SourceFile) -> SourcePosition {
            if paragraph.cursor == nil { paragraph.cursor = SourceFile.SearchCursor(blockStart) }
            return source.find(written, from: &paragraph.cursor!, through: blockEnd.line) ?? paragraph.cursor!.position
        }
    }

    /// What the mentions of one paragraph need beyond the pass: where each stands in the paragraph's text. The text
    /// is known whole only once the pass has linked the paragraph's wikilinks, so a mention gets its sentence's place
    /// (``MentionContext``) after the pass; most paragraphs mention no concept, and then their text is never made.
    private final class Paragraph {
        /// Where in the file the next mention's place is looked for: after the last one found.
        var cursor: SourceFile.SearchCursor?
        /// Each mention's or wikilink's UTF-8 offset into the paragraph's text, its length in scalars and whether it
        /// is a wikilink, in order.
        var places: [(byte: Int, scalars: Int, isWikilink: Bool)] = []
        /// The paragraph's resolved wikilinks, placed with its mentions.
        var wikilinks: [WikilinkUse] = []
        /// The page the wikilink just resolved leads to, until its link is reached in the pass.
        var awaitedTarget: ContentID?

        /// The context every mention gets until ``placeMentions(in:from:of:)`` places it.
        static let unplaced = MentionContext(paragraph: MentionContext.Paragraph([]), range: 0..<0)

        /// Gives `mentions[first...]` and ``wikilinks``, the paragraph's, their places in its text, `inlines` as linked
        /// (links keep their text, so it is the text the mentions were found in). All of them take one pass over the text.
        func placeMentions(in inlines: [InlineNode], from first: Int, of mentions: inout [ConceptMention]) {
            guard !places.isEmpty else { return }
            var plainText = inlines.plainText
            let text = MentionContext.Paragraph(Array(plainText.unicodeScalars))
            var counted = (bytes: 0, scalars: 0)
            var (mention, wikilink) = (first, 0)
            plainText.withUTF8 { bytes in
                for place in places {
                    // A scalar starts at every byte that is not a continuation byte (10xxxxxx).
                    counted.scalars += bytes[counted.bytes..<place.byte].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                    counted.bytes = place.byte
                    let around = MentionContext(paragraph: text, range: counted.scalars..<(counted.scalars + place.scalars))
                    if place.isWikilink {
                        wikilinks[wikilink].around = around
                        wikilink += 1
                    } else {
                        mentions[mention].around = around
                        mention += 1
                    }
                }
            }
            // A sentence is about 240 characters, a scalar of the paragraph's text 4 bytes: with fewer places than a
            // sixtieth of the paragraph's length, their sentences take less room than the text, and are made now.
            if places.count * 60 <= text.scalars.count {
                for index in first..<mentions.count { mentions[index].around = mentions[index].around.made() }
                for index in wikilinks.indices { wikilinks[index].around = wikilinks[index].around.made() }
            }
        }
    }

    /// Rewrites runs of text and soft breaks, each text first as `texts` replaces it; enters emphasis; leaves
    /// everything else as it is. With `wikilinks`, each level is read through ``WikilinkScanner/walk(_:_:emit:)``.
    /// `offset` counts the UTF-8 bytes of the paragraph's text before the current node (`texts` keeps a text's
    /// characters: it only wraps some in links).
    private func rewrite(_ inlines: [InlineNode], place: Place, offset: inout Int, linked: inout Set<String>, mentions: inout [ConceptMention],
                         texts: (String) -> [InlineNode]?,
                         wikilinks: ((Wikilink) -> (nodes: [InlineNode], target: ContentID?))?) -> [InlineNode] {
        var result: [InlineNode] = []
        var run: [InlineNode] = []
        var runStart = offset
        func flush() {
            if !run.isEmpty { result += link(run: run, at: runStart, place: place, linked: &linked, mentions: &mentions) }
            run.removeAll()
        }
        func add(_ inline: InlineNode) {
            switch inline {
            case .text, .softBreak:
                if run.isEmpty { runStart = offset }
                run.append(inline)
            default:
                flush()
                result.append(inline)
            }
            offset += inline.plainText.utf8.count
        }
        func visit(_ inline: InlineNode) {
            switch inline {
            case .text(let text):
                if let replaced = texts(text) {
                    for node in replaced { add(node) }
                } else {
                    add(inline)
                }
            case .emphasis(let children):
                flush()
                result.append(.emphasis(rewrite(children, place: place, offset: &offset, linked: &linked, mentions: &mentions,
                                                texts: texts, wikilinks: wikilinks)))
            case .strong(let children):
                flush()
                result.append(.strong(rewrite(children, place: place, offset: &offset, linked: &linked, mentions: &mentions,
                                              texts: texts, wikilinks: wikilinks)))
            case .link(_, let children):
                // The link a wikilink just became (the scanner hands it on next): noted with its place in the text.
                guard let target = place.paragraph.awaitedTarget else { return add(inline) }
                place.paragraph.awaitedTarget = nil
                let start = offset
                add(inline)
                place.paragraph.places.append((byte: start, scalars: children.plainText.unicodeScalars.count, isWikilink: true))
                place.paragraph.wikilinks.append(WikilinkUse(target: target, blockAnchor: place.blockAnchor, sectionAnchor: place.sectionAnchor,
                                                             sectionTitle: place.sectionTitle, around: Paragraph.unplaced))
            default:
                add(inline)
            }
        }
        if let wikilinks {
            WikilinkScanner.walk(inlines, { wikilink in
                let (nodes, target) = wikilinks(wikilink)
                place.paragraph.awaitedTarget = target
                return nodes
            }, emit: visit)
        } else {
            for inline in inlines { visit(inline) }
        }
        flush()
        return result
    }

    /// Matches names in one run of text (soft breaks read as line breaks), which starts `start` UTF-8 bytes into the
    /// paragraph's text, and splits it around the links.
    private func link(run: [InlineNode], at start: Int, place: Place, linked: inout Set<String>, mentions: inout [ConceptMention]) -> [InlineNode] {
        let text: String
        if run.count == 1, case .text(let string) = run[0] {
            text = string
        } else {
            text = run.map { if case .text(let string) = $0 { return string } else { return "\n" } }.joined()
        }
        let matches = matcher.found(in: text)
        guard !matches.isEmpty else { return run }
        let slice = { (range: Range<Int>) in TextBytes.slice(text, range) }
        var result: [InlineNode] = []
        var position = 0
        for match in matches where ContentID(.concept, match.concept) != place.page {
            let makeLink = scope == .every || !linked.contains(match.concept)
            let written = String(slice(match.bytes))
            place.paragraph.places.append((byte: start + match.bytes.lowerBound, scalars: match.scalars.count, isWikilink: false))
            mentions.append(ConceptMention(concept: match.concept, page: place.page, blockAnchor: place.blockAnchor,
                                           sectionAnchor: place.sectionAnchor, sectionTitle: place.sectionTitle,
                                           around: Paragraph.unplaced,
                                           linked: makeLink, written: written,
                                           position: place.source.map { place.position(of: written, in: $0) }))
            guard makeLink else { continue }
            linked.insert(match.concept)
            result += Self.nodes(slice(position..<match.bytes.lowerBound))
            let target = ContentID(.concept, match.concept).link
            result.append(.link(EngineLink(target: target, cssClass: "concept", data: ["concept": match.concept]),
                                Self.nodes(slice(match.bytes))))
            position = match.bytes.upperBound
        }
        result += Self.nodes(slice(position..<text.utf8.count))
        return result
    }

    /// Text nodes and soft breaks (the line feeds) for a stretch of the run.
    private static func nodes(_ text: Substring) -> [InlineNode] {
        // Most stretches are one line: one text node, found without splitting.
        if TextBytes.firstIndex(of: "\n", in: text) == nil { return text.isEmpty ? [] : [.text(String(text))] }
        var nodes: [InlineNode] = []
        for (index, part) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if index > 0 { nodes.append(.softBreak) }
            if !part.isEmpty { nodes.append(.text(String(Substring(part)))) }
        }
        return nodes
    }

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "!" || scalar == "?" }

    /// The sentence that holds the range, trimmed to about 240 characters around the mention.
    ///
    /// The sentence's edges are looked for no further than the trim would keep (121 characters out), so the cost
    /// does not grow with the paragraph: a paragraph of one long sentence with many mentions stays linear.
    package static func sentence(around range: Range<Int>, in characters: [Unicode.Scalar]) -> String {
        var start = range.lowerBound
        let farthestStart = max(0, range.lowerBound - 121)
        while start > farthestStart, !(TextBytes.isWhitespace(characters[start - 1]) && start >= 2 && isSentenceEnd(characters[start - 2])) { start -= 1 }
        var end = range.upperBound
        let farthestEnd = min(characters.count, range.upperBound + 121)
        while end < farthestEnd, !(isSentenceEnd(characters[end]) && (end + 1 == characters.count || TextBytes.isWhitespace(characters[end + 1]))) { end += 1 }
        end = min(characters.count, end + 1)
        var prefix = "", suffix = ""
        if range.lowerBound - start > 120 {
            start = range.lowerBound - 110
            while start < range.lowerBound, !TextBytes.isWhitespace(characters[start - 1]) { start += 1 }
            prefix = "…"
        }
        if end - range.upperBound > 120 {
            end = range.upperBound + 110
            while end > range.upperBound, !TextBytes.isWhitespace(characters[end]) { end -= 1 }
            suffix = "…"
        }
        // Encoded into one buffer: appending scalars to a string one by one costs several times more.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((end - start) * 2)
        for scalar in characters[start..<end] {
            if scalar.value < 0x80 {
                bytes.append(scalar == "\n" ? 0x20 : UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return prefix + TextBytes.trimmingSpaces(String(decoding: bytes, as: UTF8.self)) + suffix
    }
}
