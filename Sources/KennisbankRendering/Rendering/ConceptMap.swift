import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// A map of concepts and the links between them, laid out in Swift at build time and drawn as SVG,
/// so readers see it without JavaScript.
///
/// The layout is a force-directed one (Fruchterman–Reingold) started from a circle, with a fixed
/// number of iterations, after which ``MapLabels`` moves nodes apart until no label overlaps another label
/// or node, and puts each label on the side of its node fewer lines cross: the same concepts always give the
/// same picture, byte for byte.
package struct ConceptMap: Sendable {
    /// A concept on the map.
    package struct Node: Hashable, Sendable {
        /// The concept's slug.
        package var slug: String
        /// Its title, drawn as the label.
        package var title: String
        /// Its group, which colours the node.
        package var group: String?
        /// Creates a node.
        package init(slug: String, title: String, group: String? = nil) {
            self.slug = slug
            self.title = title
            self.group = group
        }
    }

    /// The concepts.
    package var nodes: [Node]
    /// Undirected links between concepts, by index into ``nodes``.
    package var edges: [(Int, Int)]
    /// The kind of relation of each of ``edges``, which draws its line.
    package var families: [RelationFamily]
    /// The concept drawn as the centre (on a concept's own page), if any.
    package var focus: String?
    /// Every group of the site, in the order that gives each its shade (`shade-1` … `shade-4`, then again), so a
    /// group has the same colour on every map, whichever groups a map shows.
    package var groups: [String]

    /// Creates a map from concepts and links named by slug; links to unknown slugs are left out. `groups` are
    /// the site's groups in shade order; a node's group missing from it is added after them. `family` gives the
    /// kind of relation of a link (of its first direction given).
    package init(nodes: [Node], links: [(String, String)], focus: String? = nil, groups: [String] = [],
                 family: (String, String) -> RelationFamily = { _, _ in .related }) {
        self.nodes = nodes
        self.focus = focus
        var allGroups = groups
        for group in nodes.compactMap(\.group).sorted() where !allGroups.contains(group) { allGroups.append(group) }
        self.groups = allGroups
        let position = Dictionary(nodes.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<[Int]>()
        var edges: [(Int, Int)] = []
        var families: [RelationFamily] = []
        for (a, b) in links {
            guard let i = position[a], let j = position[b], i != j else { continue }
            if seen.insert([min(i, j), max(i, j)]).inserted {
                edges.append((min(i, j), max(i, j)))
                families.append(family(a, b))
            }
        }
        self.edges = edges
        self.families = families
    }

    /// The shade of a group: 1 to ``shadeCount``.
    func shade(of group: String) -> Int {
        (groups.firstIndex(of: group) ?? 0) % Self.shadeCount + 1
    }

    /// How many fills the stylesheet gives groups (`shade-1` … `shade-4`).
    static let shadeCount = 4

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

    /// The map laid out on a canvas `width` units wide and at least `height` high, labels placed apart
    /// (the canvas grows taller where they need the room).
    func placed(width: Double, height: Double) -> MapLabels {
        let points = layout()
        let sizes = nodes.map { MapLabels.Size(label: $0.title, radius: $0.slug == focus ? MapLabels.focusRadius : MapLabels.radius) }
        let fixed = nodes.map { $0.slug == focus }
        var placed = MapLabels(unitPoints: points, sizes: sizes, fixed: fixed, width: width, height: height)
        placed.chooseSides(edges: edges)
        return placed
    }
}
