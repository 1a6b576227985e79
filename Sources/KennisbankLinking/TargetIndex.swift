import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent

/// Finds content by any of its names: slug, title, or (for concepts and miniatures) an alias,
/// matched case-insensitively. Wikilinks and embeds resolve through it.
package struct TargetIndex: Equatable, Sendable {
    private var byName: [String: ContentID] = [:]
    private var titles: [ContentID: String] = [:]

    /// Builds the index and reports names that two items share.
    package init(items: [ContentItem]) {
        _ = Self.build(items: items, into: &self)
    }

    /// What an index is made from: each item's id, title, aliases and file (named in the messages), in order.
    /// Comparing two is cheap where the items are unchanged, as their strings share storage.
    struct Names: Equatable, Sendable {
        struct Entry: Equatable, Sendable {
            var id: ContentID, title: String, aliases: [String], path: String
        }
        var entries: [Entry]

        init(items: [ContentItem]) {
            entries = items.map { Entry(id: $0.id, title: $0.title, aliases: $0.aliases, path: $0.source.path) }
        }
    }

    /// Builds the index, returning an error diagnostic for each name two different items claim.
    package static func make(items: [ContentItem]) -> (TargetIndex, [Diagnostic]) {
        var index = TargetIndex(items: [])
        let diagnostics = build(items: items, into: &index)
        return (index, diagnostics)
    }

    private static func build(items: [ContentItem], into index: inout TargetIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Slugs first, so a slug always wins over another item's title or alias.
        for item in items {
            index.byName[key(item.id.slug)] = item.id
            index.titles[item.id] = item.title
        }
        for item in items {
            let names = [item.title] + (item.id.kind == .article ? [] : item.aliases)
            for name in names {
                let folded = key(name)
                if let other = index.byName[folded], other != item.id {
                    guard other.slug != folded else { continue }
                    diagnostics.append(Diagnostic(path: item.source.path, position: .start, code: .duplicateName,
                                                  message: "The name '\(name)' of \(item.id) is also a name of \(other); a [[link]] to it would be ambiguous.",
                                                  hint: "remove it from the aliases of one of them"))
                    continue
                }
                index.byName[folded] = item.id
            }
        }
        return diagnostics
    }

    /// The lookup key of a name: lowercased, whitespace folded, curly apostrophes made straight.
    static func key(_ name: String) -> String {
        var folded = name.lowercased()
        if folded.utf8.contains(0xE2) { folded = folded.replacingOccurrences(of: "’", with: "'") }  // ’ is E2 80 99
        // Most names are ASCII words with single spaces between them: already folded.
        var previous: UInt8 = 0x20
        let isFolded = folded.utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte > 0x20 && byte < 0x80 || byte == 0x20 && previous != 0x20
        } && previous != 0x20
        if isFolded { return folded }
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The item a name refers to, or `nil`.
    package func resolve(_ name: String) -> ContentID? { byName[Self.key(name)] }

    /// The title of an item.
    package func title(of id: ContentID) -> String? { titles[id] }

    /// All names, for "did you mean" hints.
    package var names: [String] { Array(byName.keys) }
}
