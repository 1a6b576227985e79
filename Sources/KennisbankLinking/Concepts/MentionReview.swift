import KennisbankCore
import KennisbankContent

/// Every mention the engine found by itself (not through a `[[wikilink]]`), with its sentence, for the author to
/// review: `kennisbank check --mentions`. A concept named by an ordinary word shows here where the word is used in
/// its ordinary sense; the concept's `linking` rule then keeps it out.
package struct MentionReview: Sendable {
    /// One automatic mention.
    package struct Entry: Hashable, Sendable {
        /// The concept's slug and title.
        package var concept: String, conceptTitle: String
        /// The file it stands in, and where.
        package var path: String, position: SourcePosition
        /// The name as written, and the sentence around it.
        package var written: String, context: String
        /// Whether it became a link.
        package var linked: Bool
    }

    /// The mentions, by concept title, then file and place.
    package var entries: [Entry]

    /// The automatic mentions of a linked site. Mentions inside an embedded miniature are listed once, at the
    /// miniature's own file.
    package init(site: LinkedSite) {
        var entries: [Entry] = []
        for page in site.pages.values {
            for mention in page.mentions {
                guard let position = mention.position else { continue }
                let title = site.pages[ContentID(.concept, mention.concept)]?.item.title ?? mention.concept
                entries.append(Entry(concept: mention.concept, conceptTitle: title, path: page.item.source.path, position: position,
                                     written: mention.written, context: mention.context, linked: mention.linked))
            }
        }
        self.entries = entries.sorted { ($0.conceptTitle.lowercased(), $0.concept, $0.path, $0.position) < ($1.conceptTitle.lowercased(), $1.concept, $1.path, $1.position) }
    }

    /// The review as text: a heading per concept, then a line per mention in the `path:line:column:` form editors
    /// jump to.
    package var text: String {
        var lines: [String] = []
        var current: String?
        let counts = Dictionary(entries.map { ($0.concept, 1) }, uniquingKeysWith: +)
        for entry in entries {
            if entry.concept != current {
                current = entry.concept
                let count = counts[entry.concept]!
                lines.append("\(lines.isEmpty ? "" : "\n")\(entry.conceptTitle) (\(entry.concept)): \(count) automatic mention\(count == 1 ? "" : "s")")
            }
            lines.append("  \(entry.path):\(entry.position.line):\(entry.position.column): “\(entry.written)”\(entry.linked ? " (linked)" : ""): \(entry.context)")
        }
        return lines.isEmpty ? "No automatic concept mentions.\n" : lines.joined(separator: "\n") + "\n"
    }

    /// The review as a JSON array: the `mentions` of `check --mentions --format json`'s object.
    package var jsonValue: JSONValue {
        .array(entries.map { entry in
            .object(["concept": .string(entry.concept), "conceptTitle": .string(entry.conceptTitle), "path": .string(entry.path),
                     "line": .int(entry.position.line), "column": .int(entry.position.column),
                     "written": .string(entry.written), "context": .string(entry.context), "linked": .bool(entry.linked)])
        })
    }
}
