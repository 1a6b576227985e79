import KennisbankCore

/// One kind of mark on a concept map, for its legend: a node's fill (a group, the page's own concept, no
/// group) or the line between related concepts.
struct MapLegendEntry: TemplateView, Equatable {
    /// What the mark means.
    var label: String
    /// The classes that draw the mark as the map draws it (`node shade-1`, `node focus`, `edge`).
    var swatch: String
    /// Whether the mark is a line rather than a node.
    var line: Bool

    static let fields = TemplateFields<MapLegendEntry>([
        .init("label") { $0.label },
        .init("swatch") { $0.swatch },
        .init("line") { $0.line },
    ])
}
