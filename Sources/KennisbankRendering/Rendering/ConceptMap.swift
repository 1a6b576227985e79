import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// A map of concepts and the links between them, laid out in Swift at build time and drawn as SVG,
/// so readers see it without JavaScript.
///
/// The layout is a force-directed one (Fruchterman–Reingold) started from a circle, with a fixed
/// number of iterations: the same concepts always give the same picture, byte for byte.
public struct ConceptMap: Sendable {
    /// A concept on the map.
    public struct Node: Hashable, Sendable {
        /// The concept's slug.
        public var slug: String
        /// Its title, drawn as the label.
        public var title: String
        /// Its group, which colours the node.
        public var group: String?
        /// Creates a node.
        public init(slug: String, title: String, group: String? = nil) {
            self.slug = slug
            self.title = title
            self.group = group
        }
    }

    /// The concepts.
    public var nodes: [Node]
    /// Undirected links between concepts, by index into ``nodes``.
    public var edges: [(Int, Int)]
    /// The concept drawn as the centre (on a concept's own page), if any.
    public var focus: String?

    /// Creates a map from concepts and links named by slug; links to unknown slugs are left out.
    public init(nodes: [Node], links: [(String, String)], focus: String? = nil) {
        self.nodes = nodes
        self.focus = focus
        let position = Dictionary(nodes.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<[Int]>()
        var edges: [(Int, Int)] = []
        for (a, b) in links {
            guard let i = position[a], let j = position[b], i != j else { continue }
            if seen.insert([min(i, j), max(i, j)]).inserted { edges.append((min(i, j), max(i, j))) }
        }
        self.edges = edges
    }

    /// Positions in a unit square, one per node.
    func layout(iterations: Int = 300) -> [(x: Double, y: Double)] {
        let count = nodes.count
        guard count > 1 else { return Array(repeating: (0.5, 0.5), count: count) }
        var points = (0..<count).map { index -> (x: Double, y: Double) in
            if nodes[index].slug == focus { return (0.5, 0.5) }
            let angle = 2 * Double.pi * Double(index) / Double(count)
            return (0.5 + 0.4 * cos(angle), 0.5 + 0.4 * sin(angle))
        }
        let k = 0.9 * sqrt(1.0 / Double(count))
        var temperature = 0.1
        for _ in 0..<iterations {
            var shift = Array(repeating: (x: 0.0, y: 0.0), count: count)
            for i in 0..<count {
                for j in (i + 1)..<count {
                    var dx = points[i].x - points[j].x, dy = points[i].y - points[j].y
                    var distance = sqrt(dx * dx + dy * dy)
                    if distance < 1e-6 { dx = 1e-3 * Double(i - j); dy = 1e-3; distance = sqrt(dx * dx + dy * dy) }
                    let force = k * k / distance
                    shift[i].x += dx / distance * force; shift[i].y += dy / distance * force
                    shift[j].x -= dx / distance * force; shift[j].y -= dy / distance * force
                }
            }
            for (i, j) in edges {
                let dx = points[i].x - points[j].x, dy = points[i].y - points[j].y
                let distance = max(1e-6, sqrt(dx * dx + dy * dy))
                let force = distance * distance / k
                shift[i].x -= dx / distance * force; shift[i].y -= dy / distance * force
                shift[j].x += dx / distance * force; shift[j].y += dy / distance * force
            }
            for i in 0..<count where nodes[i].slug != focus {
                let length = max(1e-9, sqrt(shift[i].x * shift[i].x + shift[i].y * shift[i].y))
                let step = min(length, temperature)
                points[i].x = min(0.95, max(0.05, points[i].x + shift[i].x / length * step))
                points[i].y = min(0.95, max(0.05, points[i].y + shift[i].y / length * step))
            }
            temperature = max(0.002, temperature * 0.985)
        }
        return points
    }

    /// The map as an inline SVG element; concept links are relative to the page at `pagePath`.
    public func svg(from pagePath: String, width: Int = 720, height: Int = 480, title: String) -> String {
        let points = layout()
        let margin = 70.0
        func x(_ i: Int) -> String { String(format: "%.1f", margin + points[i].x * (Double(width) - 2 * margin)) }
        func y(_ i: Int) -> String { String(format: "%.1f", 24 + points[i].y * (Double(height) - 48)) }
        var svg = "<svg class=\"concept-map\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"kaart-titel\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"kaart-titel\">\(HTML.escape(title))</title>\n<g class=\"edges\">\n"
        for (i, j) in edges {
            svg += "<line x1=\"\(x(i))\" y1=\"\(y(i))\" x2=\"\(x(j))\" y2=\"\(y(j))\"/>\n"
        }
        svg += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in nodes.enumerated() {
            let classes = ["node"] + (node.group.map { ["group-\(Slug.make(from: $0))"] } ?? []) + (node.slug == focus ? ["focus"] : [])
            let href = SiteLink(path: "begrippen/\(node.slug)/").relative(from: pagePath)
            svg += "<a href=\"\(HTML.escape(href))\" class=\"\(classes.joined(separator: " "))\">"
            svg += "<circle cx=\"\(x(index))\" cy=\"\(y(index))\" r=\"\(node.slug == focus ? 9 : 6)\"/>"
            svg += "<text x=\"\(x(index))\" y=\"\(y(index))\" dy=\"-12\" text-anchor=\"middle\">\(HTML.escape(node.title))</text></a>\n"
        }
        return svg + "</g>\n</svg>"
    }
}
