import Foundation
import Yams
import KennisbankCore

/// How one concept relates to another: the small vocabulary of a concept's `relations:` map.
///
/// Each type reads from the concept that names it to the concept it names ("Systemische lens *is onderdeel van*
/// Vijf lenzen") and has an inverse that the other concept's page shows without the author writing it twice
/// ("Vijf lenzen *heeft als onderdeel* Systemische lens"). `opposite` and `related` are their own inverses.
package enum RelationType: String, CaseIterable, Hashable, Sendable, Codable {
    case broader, narrower, partOf, hasPart, opposite, related

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
    /// type, as written, with every problem of the map at once in `problems`: a key that is no relation type is an
    /// `unknown-relation` error at the key, with "did you mean"; a value that is no list of slugs is an
    /// `invalid-field` error at the value. A type in error is left out.
    package func relations(_ key: String, problems: inout [Diagnostic]) -> [ConceptRelation] {
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
                problems.append(Diagnostic(path: file.path, position: position(of: typeNode, key: key), code: .unknownRelation,
                                           message: "'\(name)' in '\(key)' is no relation type; the types are \(RelationType.keys.joined(separator: ", ")).",
                                           hint: Suggestions.hint(for: name, among: RelationType.keys)))
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
