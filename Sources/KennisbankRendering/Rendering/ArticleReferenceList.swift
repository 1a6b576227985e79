import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// An article's reference list, shown once: where the author put it (the lists under its Literatuur heading),
/// formatted and in APA order, each entry with the id `bron-<key>` and a link to its place on the literature page.
///
/// The works the article cites but does not list (from the bibliography or another article's list) join its
/// first list, so that the list holds every work the article cites. List items that are no reference stay
/// as they were, in a list of their own after the formatted one.
struct ArticleReferenceList {
    /// The reference of each key the article shows, in APA order: what it cites and what it lists.
    let references: [Reference]
    /// The article's source file, whose list items are the listed references' sources.
    let path: String

    /// The article's document with its reference lists formatted, or `nil` when it has no reference list of its own.
    func format(_ document: MarkdownDocument) -> MarkdownDocument? {
        let lists = ReferenceLibrary.referenceLists(in: document)
        guard let first = lists.first else { return nil }
        // The key of each list item that is a reference, by the item's place in the file.
        var keys: [SourcePosition: String] = [:]
        for reference in references {
            for source in reference.sources where source.path == path && source.articleSlug != nil { keys[source.position] = reference.key }
        }
        var listed = Set<String>()
        var itemsByList: [Int: (keys: Set<String>, others: [BlockNode])] = [:]
        for index in lists {
            var entry: (keys: Set<String>, others: [BlockNode]) = ([], [])
            for item in document.blocks[index].children {
                if let key = keys[item.range.start] { entry.keys.insert(key) } else { entry.others.append(item) }
            }
            listed.formUnion(entry.keys)
            itemsByList[index] = entry
        }
        var formatted = document
        // From the last list to the first, so that the indexes of the lists before stay valid.
        for index in lists.reversed() {
            guard let entry = itemsByList[index] else { continue }
            let shown = references.filter { entry.keys.contains($0.key) || index == first && !listed.contains($0.key) }
            var blocks = [BlockNode(kind: .section(element: "ul", id: nil, cssClass: "references"), children: shown.map(Self.entry),
                                    range: document.blocks[index].range)]
            if !entry.others.isEmpty {
                var rest = document.blocks[index]
                rest.children = entry.others
                blocks.append(rest)
            }
            formatted.blocks.replaceSubrange(index...index, with: blocks)
        }
        return formatted
    }

    /// One entry: the reference as a reader sees it (``Reference/shownInlines``), then a link to its place on the literature page, marked
    /// "→" (a place on this site; "↗" would promise another site) and underlined as every link in running text is.
    private static func entry(_ reference: Reference) -> BlockNode {
        let link = EngineLink(target: PageKind.literature.link(fragment: reference.key), cssClass: "reference-link",
                              ariaLabel: "Volledige vermelding in de literatuurlijst")
        return BlockNode(kind: .section(element: "li", id: "bron-\(reference.key)", cssClass: ""),
                         inlines: reference.shownInlines + [.text(" "), .link(link, [.text("→")])])
    }
}
