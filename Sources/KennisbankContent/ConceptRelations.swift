import Foundation
import Yams
import KennisbankCore

/// How one concept relates to another: the small vocabulary of a concept's `relations:` map.
///
/// Each type reads from the concept that names it to the concept it names ("Systemische lens *is onderdeel van*
/// Vijf lenzen") and has an inverse that the other concept's page shows without the author writing it twice
/// ("Vijf lenzen *heeft als onderdeel* Systemische lens"). `opposite` and `related` are their own inverses.
package enum RelationType: String, CaseIterable, Hashable, Sendable, Codable {
    /// "is een soort van": the concept is a kind of the other.
    case broader
    /// "omvat": the other concept is a kind of this one.
    case narrower
    /// "is onderdeel van": the concept is a part of the other.
    case partOf
    /// "heeft als onderdeel": the other concept is a part of this one.
    case hasPart
    /// "staat tegenover": the two are opposites.
    case opposite
    /// "hangt samen met": the untyped relation of `related:`.
    case related

    /// The type the other concept has towards this one.
    package var inverse: RelationType {
        switch self {
        case .broader: return .narrower
        case .narrower: return .broader
        case .partOf: return .hasPart
        case .hasPart: return .partOf
        case .opposite, .related: return self
        }
    }

    /// What the page of the concept that has the relation says before the other concept: Dutch, lowercase.
    package var label: String {
        switch self {
        case .broader: return "is een soort van"
        case .narrower: return "omvat"
        case .partOf: return "is onderdeel van"
        case .hasPart: return "heeft als onderdeel"
        case .opposite: return "staat tegenover"
        case .related: return "hangt samen met"
        }
    }

    /// ``label`` capitalised, as the heading of the concepts a page lists under it.
    package var heading: String { label.prefix(1).uppercased() + label.dropFirst() }

    /// `items` with their types, grouped in the order of ``allCases``, each group in the order of `items`, empty
    /// groups left out; and whether the groups should say their types: only when some item's type is not
    /// ``related``, so that concepts related without a type stay one list without a heading.
    package static func grouped<Item>(_ items: [(RelationType, Item)]) -> (groups: [(type: RelationType, items: [Item])], typed: Bool) {
        let groups = allCases.compactMap { type -> (type: RelationType, items: [Item])? in
            let members = items.filter { $0.0 == type }.map(\.1)
            return members.isEmpty ? nil : (type, members)
        }
        return (groups, items.contains { $0.0 != .related })
    }

    /// The type of each concept that `relations` name, by slug (the first, where one is named twice).
    package static func types(in relations: [ConceptRelation]) -> [String: RelationType] {
        Dictionary(relations.map { ($0.target, $0.type) }, uniquingKeysWith: { first, _ in first })
    }

    /// The kind of line the concept map draws for the relation and its inverse: one per pair of types.
    package var family: RelationFamily {
        switch self {
        case .broader, .narrower: return .kind
        case .partOf, .hasPart: return .part
        case .opposite: return .opposite
        case .related: return .related
        }
    }

    /// The keys of the `relations:` map, in the order pages list the types.
    package static let keys = allCases.map(\.rawValue)

    /// The type a Dutch key names (`onderdeelVan`, `is-onderdeel-van`, `soortVan`, `tegenover`, `verwant`), for the
    /// hint of an author who wrote the page's words instead of the key; `nil` for any other word.
    static func dutch(_ name: String) -> RelationType? {
        let folded = String(name.lowercased().filter(\.isLetter))
        let words: [String: RelationType] = [
            "soortvan": .broader, "eensoortvan": .broader, "issoortvan": .broader, "iseensoortvan": .broader, "omvat": .narrower,
            "onderdeelvan": .partOf, "isonderdeelvan": .partOf, "deelvan": .partOf,
            "heeftalsonderdeel": .hasPart, "heeftonderdeel": .hasPart, "onderdelen": .hasPart, "heeftonderdelen": .hasPart,
            "tegenover": .opposite, "staattegenover": .opposite, "tegengesteld": .opposite,
            "hangtsamenmet": .related, "verwant": .related, "samenhang": .related,
        ]
        return words[folded]
    }
}

/// A relation and its inverse, as one line on the concept map.
package enum RelationFamily: String, CaseIterable, Hashable, Sendable {
    /// broader / narrower.
    case kind = "soort"
    /// partOf / hasPart.
    case part = "onderdeel"
    /// opposite.
    case opposite = "tegenover"
    /// related, and concepts that share paragraphs.
    case related = "verwant"
}

/// One typed relation of a concept to another, named by slug.
package struct ConceptRelation: Hashable, Sendable, Codable {
    /// How the concept relates to ``target``.
    package var type: RelationType
    /// The other concept's slug.
    package var target: String

    /// Creates a relation.
    package init(_ type: RelationType, _ target: String) {
        self.type = type
        self.target = target
    }
}

extension FrontMatter {
    /// A concept's `relations:` map (`partOf: [vijf-lenzen]`), in the order of ``RelationType/keys`` and, within a
    /// type, as written. A key that is no relation type is left out and added to `unknownTypes` (reported with the
    /// file's dangling slugs, ``FieldReferences``, so that the author hears of both at once); a value that is no
    /// list of slugs is an `invalid-field` error at the value, in `problems`.
    package func relations(_ key: String, unknownTypes: inout [String], problems: inout [Diagnostic]) -> [ConceptRelation] {
        guard let node = mapping[key]?.value else { return [] }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.style == .plain && ["~", "null"].contains(scalar.string) { return [] }
        guard let pairs = node.mapping else {
            problems.append(invalid(key, "a map of relation types to lists of concept slugs, such as 'partOf: [vijf-lenzen]'"))
            return []
        }
        var byType: [RelationType: [String]] = [:]
        for (typeNode, value) in pairs {
            let name = typeNode.string ?? ""
            guard let type = RelationType(rawValue: name) else {
                unknownTypes.append(name)
                continue
            }
            let items = value.sequence.map(Array.init) ?? [value]
            var slugs: [String] = []
            for item in items {
                guard let text = item.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !Self.isNumberOrTruth(item) else {
                    problems.append(invalid("\(key).\(name)", "a list of concept slugs", at: item))
                    slugs = []
                    break
                }
                if !text.isEmpty, !(item.scalar?.style == .plain && ["~", "null"].contains(text)) { slugs.append(text) }
            }
            byType[type, default: []] += slugs
        }
        return RelationType.allCases.flatMap { type in (byType[type] ?? []).map { ConceptRelation(type, $0) } }
    }

    /// The `unknown-relation` error for the key `name` of the map `key` (`relations:`) that is no relation type, at
    /// the key, with "did you mean".
    package func unknownRelation(_ key: String, name: String) -> Diagnostic {
        let typeNode = mapping[key]?.value.mapping?.first { $0.key.string == name }?.key
        return Diagnostic(path: file.path, position: typeNode.map { position(of: $0, key: key) } ?? position(of: key), code: .unknownRelation,
                          message: "'\(name)' in '\(key)' is no relation type; the types are \(RelationType.keys.joined(separator: ", ")).",
                          hint: RelationType.dutch(name).map { "did you mean '\($0.rawValue)' (\($0.label))?" }
                            ?? Suggestions.hint(for: name, among: RelationType.keys))
    }

    /// Where the slug `text` stands in the list of `type` in the map `key` (`relations:`), or the type's key, or
    /// the map's key.
    package func position(ofRelation key: String, type: RelationType, text: String) -> SourcePosition {
        guard let pairs = mapping[key]?.value.mapping else { return position(of: key) }
        guard let (typeNode, value) = pairs.first(where: { $0.key.string == type.rawValue }) else { return position(of: key) }
        let items = value.sequence.map(Array.init) ?? [value]
        let match = items.first { $0.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines) == text }
        return position(of: match ?? typeNode, key: key)
    }
}
