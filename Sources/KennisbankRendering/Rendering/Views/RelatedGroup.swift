import KennisbankCore
import KennisbankContent

/// The related concepts of a concept page that share one relation type: "Is onderdeel van" and its concepts.
struct RelatedGroup: TemplateView {
    /// The type as the page says it, capitalised ("Is onderdeel van"); `nil` when the page has no typed relation, so
    /// that a list of related concepts alone stays one list without a heading.
    var label: String?
    /// The type's key (`partOf`), for a class.
    var type: String
    /// The concepts, in the order of the page's related list.
    var concepts: [ItemLink]

    static let fields = TemplateFields<RelatedGroup>([
        .init("label") { $0.label },
        .init("type") { $0.type },
        .init("concepts") { $0.concepts },
    ])

    /// The related concepts `links`, each with its type, grouped in the order of ``RelationType/keys``.
    static func grouped(_ links: [(RelationType, ItemLink)]) -> [RelatedGroup] {
        let (groups, typed) = RelationType.grouped(links)
        return groups.map { RelatedGroup(label: typed ? $0.type.heading : nil, type: $0.type.rawValue, concepts: $0.items) }
    }
}
