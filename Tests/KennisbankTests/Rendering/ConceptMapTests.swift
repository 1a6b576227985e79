import XCTest
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering

/// The concept map: labels that never overlap a label or node, on the real Content's maps and on generated
/// ones, on the side of their node fewer lines cross; a drawing centred on the focus; the same bytes from the
/// same concepts; one link per node; the legend.
final class ConceptMapTests: XCTestCase {
    /// The real Content's map of all concepts and each concept's own map, as the site draws them.
    private static let realMaps: [(String, ConceptMap, Double)] = DeepStack.run {
        let content = try! ContentLoader(directory: Fixtures.repository.appendingPathComponent("Content").path).load()
        let site = SiteLinker(content: content).link()
        let groups = Set(content.concepts.compactMap(\.group)).sorted()
        let nodes = content.concepts.map { ConceptMap.Node(slug: $0.item.id.slug, title: $0.item.title, group: $0.group) }
        let links = content.concepts.flatMap { concept in (site.related[concept.item.id.slug] ?? []).map { (concept.item.id.slug, $0) } }
        var maps = [("begrippen/", ConceptMap(nodes: nodes, links: links, groups: groups), 560.0)]
        for concept in content.concepts {
            let focus = concept.item.id.slug
            let near = Set([focus] + (site.related[focus] ?? []) + links.filter { $0.1 == focus }.map(\.0))
            maps.append((focus, ConceptMap(nodes: nodes.filter { near.contains($0.slug) },
                                           links: links.filter { near.contains($0.0) && near.contains($0.1) }, focus: focus, groups: groups), 360))
        }
        return maps
    }

    private func assertPlacedApart(_ map: ConceptMap, height: Double, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let placed = map.placed(width: Double(ConceptMap.canvasWidth), height: height)
        let pairs = placed.overlappingPairs().map { "\(map.nodes[$0.0].title) / \(map.nodes[$0.1].title)" }
        XCTAssertEqual(pairs, [], name, file: file, line: line)
        // No label's box overlaps another label or another node's circle, whichever side of its node it stands on.
        for i in map.nodes.indices {
            for j in map.nodes.indices where j != i {
                let (p, r) = (placed.points[j], placed.sizes[j].radius)
                let circle = MapLabels.Box(minX: p.x - r, minY: p.y - r, maxX: p.x + r, maxY: p.y + r)
                XCTAssertFalse(placed.labelBox(i).overlaps(circle), "\(name): label \(map.nodes[i].title) over node \(map.nodes[j].title)", file: file, line: line)
                if j > i {
                    XCTAssertFalse(placed.labelBox(i).overlaps(placed.labelBox(j)), "\(name): \(map.nodes[i].title) / \(map.nodes[j].title)", file: file, line: line)
                }
            }
        }
        // Every node with its label stays on the canvas.
        for index in map.nodes.indices {
            let box = placed.footprint(index)
            XCTAssertTrue(box.minX >= -0.01 && box.minY >= -0.01 && box.maxX <= placed.width + 0.01 && box.maxY <= placed.height + 0.01,
                          "\(name): \(map.nodes[index].title) at \(box) outside \(placed.width)×\(placed.height)", file: file, line: line)
        }
        // The drawing's frame holds every node with its label, and is centred on the focus.
        let frame = map.frame(placed)
        for index in map.nodes.indices {
            let box = placed.footprint(index)
            XCTAssertTrue(box.minX >= frame.minX && box.minY >= frame.minY && box.maxX <= frame.maxX && box.maxY <= frame.maxY,
                          "\(name): \(map.nodes[index].title) outside the frame", file: file, line: line)
        }
        if let focus = map.focus, let index = map.nodes.firstIndex(where: { $0.slug == focus }) {
            let point = placed.points[index]
            XCTAssertEqual(point.x, (frame.minX + frame.maxX) / 2, accuracy: 0.01, name, file: file, line: line)
            XCTAssertEqual(point.y, (frame.minY + frame.maxY) / 2, accuracy: 0.01, name, file: file, line: line)
        }
    }

    func testNoLabelOverlapsALabelOrNodeOnTheRealMaps() {
        XCTAssertEqual(Self.realMaps.count, 21)
        for (name, map, height) in Self.realMaps { assertPlacedApart(map, height: height, name) }
    }

    /// Maps of 2 to 150 concepts with titles of 1 to 40 characters and random links, from a fixed seed.
    func testNoLabelOverlapsOnGeneratedMaps() {
        var generator = SeededGenerator(seed: 17)
        let letters = Array("abcdefghijklmnopqrstuvwxyzWM ")
        for count in [2, 3, 8, 20, 40, 80, 150] {
            let nodes = (0..<count).map { index in
                let length = Int.random(in: 1...40, using: &generator)
                let title = String((0..<length).map { _ in letters[Int.random(in: 0..<letters.count, using: &generator)] })
                return ConceptMap.Node(slug: "c\(index)", title: title, group: index % 3 == 0 ? "g\(index % 5)" : nil)
            }
            let links = (0..<(count * 2)).map { _ in ("c\(Int.random(in: 0..<count, using: &generator))", "c\(Int.random(in: 0..<count, using: &generator))") }
            assertPlacedApart(ConceptMap(nodes: nodes, links: links), height: 560, "\(count) concepts")
            assertPlacedApart(ConceptMap(nodes: nodes, links: links, focus: "c0"), height: 360, "\(count) concepts around c0")
        }
    }

    /// Two nodes at the same place with the same long label: pushed apart, never left on top of each other.
    func testCoincidentNodesArePushedApart() {
        let nodes = (0..<6).map { ConceptMap.Node(slug: "n\($0)", title: "Een heel lang begrip met veel woorden") }
        let placed = MapLabels(unitPoints: Array(repeating: (0.5, 0.5), count: 6), sizes: nodes.map { MapLabels.Size(label: $0.title, radius: 6) },
                               fixed: Array(repeating: false, count: 6), width: 320, height: 100)
        XCTAssertEqual(placed.overlappingPairs().count, 0)
    }

    func testTheSameConceptsGiveTheSameBytes() {
        for (name, map, height) in Self.realMaps {
            let copy = ConceptMap(nodes: map.nodes, links: map.edges.map { (map.nodes[$0.0].slug, map.nodes[$0.1].slug) }, focus: map.focus, groups: map.groups)
            XCTAssertEqual(map.drawing(from: "begrippen/", height: Int(height), title: "t"),
                           copy.drawing(from: "begrippen/", height: Int(height), title: "t"), name)
        }
    }

    /// Each node is one link holding its circle and label; the SVG is named, with no image role whose children
    /// would be presentational (axe's nested-interactive).
    func testEveryNodeIsOneNamedLink() {
        let map = ConceptMap(nodes: [.init(slug: "a", title: "Aap & co", group: "lens"), .init(slug: "b", title: "Beer")],
                             links: [("a", "b")], focus: "a", groups: ["lens"])
        let svg = map.drawing(from: "begrippen/a/", height: 200, title: "Kaart van Aap").svg
        XCTAssertTrue(svg.hasPrefix("<svg class=\"concept-map\" viewBox=\""), svg)
        XCTAssertTrue(svg.contains(" aria-label=\"Kaart van Aap\" xmlns="), svg)
        XCTAssertFalse(svg.contains("role=\"img\""))
        XCTAssertEqual(svg.components(separatedBy: "<a ").count - 1, 2)
        XCTAssertTrue(svg.contains("<a href=\"./\" class=\"node shade-1 group-lens focus\" aria-current=\"page\"><circle "), svg)
        XCTAssertTrue(svg.contains(">Aap &amp; co</text></a>"), svg)
        XCTAssertTrue(svg.contains("<a href=\"../b/\" class=\"node\"><circle "), svg)
        // The line names the nodes it joins, by their places among the links.
        XCTAssertTrue(svg.contains(" data-ends=\"0 1\"/>"), svg)
    }

    /// The drawing shows only what its nodes and labels take, with a margin, at the size its `width` and `height`
    /// say (one scale for every map's labels), centred on the focus: a map of two concepts is a strip, and
    /// nothing drawn falls outside it.
    func testTheDrawingIsAsLargeAsWhatItShowsAndCentredOnTheFocus() throws {
        let map = ConceptMap(nodes: [.init(slug: "a", title: "Aap"), .init(slug: "b", title: "Beer")], links: [("a", "b")], focus: "a")
        let svg = map.drawing(from: "begrippen/a/", height: 480, title: "t").svg
        let box = try XCTUnwrap(svg.components(separatedBy: "viewBox=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let numbers = box.split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 4)
        let (left, top, width, height) = (numbers[0], numbers[1], numbers[2], numbers[3])
        XCTAssertTrue(svg.contains(" width=\"\(Int(width.rounded()))\" height=\"\(Int(height.rounded()))\" "), svg)
        // At most the canvas with its side margins (half a font size each): the focus is the canvas's centre.
        XCTAssertLessThanOrEqual(width, Double(ConceptMap.canvasWidth) + MapLabels.fontSize + 0.1)
        XCTAssertLessThan(height, 240, "two concepts on a 480-unit canvas")
        func values(_ attribute: String) -> [Double] {
            svg.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        }
        for y in values("cy") + values("y") {
            XCTAssertGreaterThanOrEqual(y - MapLabels.fontSize, top)
            XCTAssertLessThanOrEqual(y + MapLabels.radius * 2, top + height)
        }
        for x in values("cx") {
            XCTAssertGreaterThan(x, left)
            XCTAssertLessThan(x, left + width)
        }
        // The focus (the first circle) is the centre.
        XCTAssertEqual(values("cx")[0], left + width / 2, accuracy: 0.1)
        XCTAssertEqual(values("cy")[0], top + height / 2, accuracy: 0.1)
    }

    /// A label a line would cross above its node goes below it, where none does; one no line crosses stays above.
    func testALabelMovesBelowItsNodeAwayFromALine() {
        let sizes = [MapLabels.Size(label: "Onder", radius: 6), MapLabels.Size(label: "Boven", radius: 6)]
        var placed = MapLabels(unitPoints: [(0.5, 0.7), (0.5, 0.2)], sizes: sizes, fixed: [false, false], width: 400, height: 300)
        XCTAssertTrue(MapLabels.segment(placed.points[0], placed.points[1], crosses: placed.labelBox(0)))
        placed.chooseSides(edges: [(0, 1)])
        XCTAssertEqual(placed.below, [true, false])
        XCTAssertFalse(MapLabels.segment(placed.points[0], placed.points[1], crosses: placed.labelBox(0)))
        XCTAssertGreaterThan(placed.labelBox(0).minY, placed.points[0].y + sizes[0].radius)
        XCTAssertEqual(placed.overlappingPairs().count, 0)
    }

    func testASegmentCrossesABoxOnlyThroughItsInside() {
        let box = MapLabels.Box(minX: 0, minY: 0, maxX: 10, maxY: 10)
        XCTAssertTrue(MapLabels.segment((-5, 5), (15, 5), crosses: box))
        XCTAssertTrue(MapLabels.segment((5, 5), (50, 50), crosses: box))
        XCTAssertFalse(MapLabels.segment((-5, -5), (-1, 20), crosses: box))
        XCTAssertFalse(MapLabels.segment((11, 0), (30, 10), crosses: box))
        XCTAssertFalse(MapLabels.segment((-5, 12), (15, 12), crosses: box))
    }

    func testTheLegendNamesEveryKindOfMarkOnTheMap() {
        let map = ConceptMap(nodes: [.init(slug: "a", title: "Aap", group: "lens"), .init(slug: "b", title: "Beer", group: "lens"),
                                     .init(slug: "c", title: "Cavia", group: "professionele-ruimte"), .init(slug: "d", title: "Das")],
                             links: [("a", "b")], focus: "a", groups: ["lens", "professionele-ruimte"])
        XCTAssertEqual(map.legend(), [
            MapLegendEntry(label: "Aap (deze pagina)", swatch: "node focus", line: false),
            MapLegendEntry(label: "De vijf lenzen", swatch: "node shade-1", line: false),
            MapLegendEntry(label: "Sleutelbegrippen van de professionele ruimte", swatch: "node shade-2", line: false),
            MapLegendEntry(label: "Begrip zonder groep", swatch: "node", line: false),
            MapLegendEntry(label: "Verwante begrippen", swatch: "edge", line: true),
        ])
        // A group keeps its shade on a map that does not show the groups before it.
        let other = ConceptMap(nodes: [.init(slug: "c", title: "Cavia", group: "professionele-ruimte"), .init(slug: "d", title: "Das")],
                               links: [], groups: ["lens", "professionele-ruimte"])
        XCTAssertEqual(other.legend(), [
            MapLegendEntry(label: "Sleutelbegrippen van de professionele ruimte", swatch: "node shade-2", line: false),
            MapLegendEntry(label: "Begrip zonder groep", swatch: "node", line: false),
        ])
    }
}

/// A small deterministic random number generator (SplitMix64) for generated maps.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
