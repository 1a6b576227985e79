import Foundation
import KennisbankCore
import KennisbankContent

/// A concept map as a page shows it: the SVG and the legend of what its marks mean.
struct DrawnMap: Equatable, Sendable {
    /// The inline SVG element.
    var svg: String
    /// One entry per kind of mark the map shows.
    var legend: [MapLegendEntry]
}

extension ConceptMap {
    /// The map as an inline SVG element with its legend; concept links are relative to the page at `pagePath`.
    ///
    /// Each node is one link (`<a>` around its circle and label, named by the label), in the order of
    /// ``nodes``; the SVG is named but has no role of an image (whose children are presentational), so the links
    /// inside it are reachable by keyboard and screen reader. The canvas is `width` units wide and at least `height` high: taller where the labels
    /// need room (``MapLabels``). The drawing shows the canvas's full width, so every map draws its labels at one
    /// scale, but only the height its nodes and labels take: a map of two concepts is a strip, not a square.
    func drawing(from pagePath: String, width: Int = 720, height: Int = 480, title: String) -> DrawnMap {
        let placed = placed(width: Double(width), height: Double(height))
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        let boxes = nodes.indices.map(placed.footprint)
        let margin = 2 * MapLabels.fontSize
        let top = max(0, (boxes.map(\.minY).min() ?? 0) - margin)
        let bottom = min(placed.height, (boxes.map(\.maxY).max() ?? placed.height) + margin)
        let canvas = "0 \(number(top)) \(number(placed.width)) \(number(bottom - top))"
        var svg = "<svg class=\"concept-map\" viewBox=\"\(canvas)\" aria-label=\"\(HTML.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<g class=\"edges\">\n"
        for (i, j) in edges {
            let (a, b) = (placed.points[i], placed.points[j])
            svg += "<line x1=\"\(number(a.x))\" y1=\"\(number(a.y))\" x2=\"\(number(b.x))\" y2=\"\(number(b.y))\"/>\n"
        }
        svg += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in nodes.enumerated() {
            let point = placed.points[index]
            let href = ContentID(.concept, node.slug).link.relative(from: pagePath)
            let current = node.slug == focus ? " aria-current=\"page\"" : ""
            svg += "<a href=\"\(HTML.escape(href))\" class=\"\(classes(of: node))\"\(current)>"
            svg += "<circle cx=\"\(number(point.x))\" cy=\"\(number(point.y))\" r=\"\(number(placed.sizes[index].radius))\"/>"
            svg += "<text x=\"\(number(point.x))\" y=\"\(number(placed.baseline(index)))\" text-anchor=\"middle\">\(HTML.escape(node.title))</text></a>\n"
        }
        return DrawnMap(svg: svg + "</g>\n</svg>", legend: legend())
    }

    /// A node's classes: `node`, its group's shade and slug, `focus` for the centre.
    private func classes(of node: Node) -> String {
        var classes = ["node"]
        if let group = node.group { classes += ["shade-\(shade(of: group))", "group-\(Slug.make(from: group))"] }
        if node.slug == focus { classes.append("focus") }
        return classes.joined(separator: " ")
    }

    /// What the map's marks mean: the focus, each group it shows (in shade order), a concept without a group,
    /// and the lines.
    func legend() -> [MapLegendEntry] {
        var entries: [MapLegendEntry] = []
        if let focus, let node = nodes.first(where: { $0.slug == focus }) {
            entries.append(MapLegendEntry(label: "\(node.title) (deze pagina)", swatch: "node focus", line: false))
        }
        let others = nodes.filter { $0.slug != focus }
        for group in groups where others.contains(where: { $0.group == group }) {
            entries.append(MapLegendEntry(label: GroupNames.display(group), swatch: "node shade-\(shade(of: group))", line: false))
        }
        if others.contains(where: { $0.group == nil }) {
            entries.append(MapLegendEntry(label: "Begrip zonder groep", swatch: "node", line: false))
        }
        if !edges.isEmpty {
            entries.append(MapLegendEntry(label: "Verwante begrippen", swatch: "edge", line: true))
        }
        return entries
    }
}
