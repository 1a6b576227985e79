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
    /// inside it are reachable by keyboard and screen reader. Each line names the nodes it joins
    /// (`data-ends="i j"`, their places among the links), so `assets/map.js` can light a node's neighbours.
    ///
    /// The canvas is `width` units wide and at least `height` high: taller where the labels need room
    /// (``MapLabels``); `width` is narrow enough that a phone shows the whole map with legible labels. The
    /// drawing (``frame(_:)``) shows only what the nodes and labels take, centred on the focus, and its `width`
    /// and `height` are those of the frame, so the stylesheet can draw it at that size on a wide screen and
    /// shrink it to fit a narrow one, one scale for every map's labels.
    func drawing(from pagePath: String, width: Int = Self.canvasWidth, height: Int = 480, title: String) -> DrawnMap {
        let placed = placed(width: Double(width), height: Double(height))
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        let frame = frame(placed)
        let size = "width=\"\(Int((frame.maxX - frame.minX).rounded()))\" height=\"\(Int((frame.maxY - frame.minY).rounded()))\""
        let canvas = "\(number(frame.minX)) \(number(frame.minY)) \(number(frame.maxX - frame.minX)) \(number(frame.maxY - frame.minY))"
        var svg = "<svg class=\"concept-map\" viewBox=\"\(canvas)\" \(size) aria-label=\"\(HTML.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<g class=\"edges\">\n"
        for ((i, j), family) in zip(edges, families) {
            let (a, b) = (placed.points[i], placed.points[j])
            // A typed relation's line has its kind's class, which gives it its own dashes (not a colour alone).
            svg += family == .related ? "<line x1=" : "<line class=\"\(family.rawValue)\" x1="
            svg += "\"\(number(a.x))\" y1=\"\(number(a.y))\" x2=\"\(number(b.x))\" y2=\"\(number(b.y))\" data-ends=\"\(i) \(j)\"/>\n"
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

    /// The width of every map's canvas, in units the page draws as CSS pixels: a phone's column (358 px at
    /// 390) shows it whole, margins included, with labels of 11 px and more.
    static let canvasWidth = 420

    /// The part of the canvas the drawing shows: every node with its label and a margin (half a font size at the
    /// sides, room for the labels' halo; a font size above and below), widened on the short side so that the
    /// focus, if any, is its centre. The focus stays at the canvas's centre, so the frame is at most the
    /// canvas's width and the side margins.
    func frame(_ placed: MapLabels) -> MapLabels.Box {
        let boxes = nodes.indices.map(placed.footprint)
        let (side, margin) = (MapLabels.fontSize / 2, MapLabels.fontSize)
        var frame = MapLabels.Box(minX: (boxes.map(\.minX).min() ?? 0) - side, minY: (boxes.map(\.minY).min() ?? 0) - margin,
                                  maxX: (boxes.map(\.maxX).max() ?? placed.width) + side,
                                  maxY: (boxes.map(\.maxY).max() ?? placed.height) + margin)
        if let focus, let index = nodes.firstIndex(where: { $0.slug == focus }) {
            let centre = placed.points[index]
            let half = (x: max(centre.x - frame.minX, frame.maxX - centre.x), y: max(centre.y - frame.minY, frame.maxY - centre.y))
            frame = MapLabels.Box(minX: centre.x - half.x, minY: centre.y - half.y, maxX: centre.x + half.x, maxY: centre.y + half.y)
        }
        return frame
    }

    /// A node's classes: `node`, its group's shade and slug, `focus` for the centre.
    private func classes(of node: Node) -> String {
        var classes = ["node"]
        if let group = node.group { classes += ["shade-\(shade(of: group))", "group-\(Slug.make(from: group))"] }
        if node.slug == focus { classes.append("focus") }
        return classes.joined(separator: " ")
    }

    /// What the map's marks mean: the focus, each group it shows (in shade order), a concept without a group,
    /// and each kind of line it draws (related concepts, then the typed relations in the vocabulary's order).
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
        for family in RelationFamily.lineOrder where families.contains(family) {
            entries.append(MapLegendEntry(label: family.legendLabel, swatch: family == .related ? "edge" : "edge \(family.rawValue)", line: true))
        }
        return entries
    }
}

extension RelationFamily {
    /// The order of the legend's lines.
    static let lineOrder: [RelationFamily] = [.related, .kind, .part, .opposite]

    /// What the legend says a line of the kind means: both directions of a typed relation, since a line has no
    /// arrow (the pages say which concept is the whole or the broader one).
    var legendLabel: String {
        switch self {
        case .related: return "Verwante begrippen"
        case .kind: return "Is een soort van / omvat"
        case .part: return "Is onderdeel van / heeft als onderdeel"
        case .opposite: return "Staat tegenover"
        }
    }
}
