import Foundation

/// The nodes of a concept map on its canvas, moved apart until no node's label overlaps another node or
/// label: a label is measured as its characters times an upper bound of a glyph's width at the map's font
/// size, so what the browser draws is never wider than what was placed.
///
/// Overlapping pairs are pushed apart along the axis that needs the shorter move (the focus node stays where
/// it is); where the canvas has no room left, it grows taller, and in the end, should pushing not settle,
/// the nodes are stacked top to bottom. Then each label goes above or below its node, whichever side fewer
/// of the map's lines cross, as long as it overlaps nothing there (``chooseSides(edges:)``). Every step is
/// arithmetic on the same inputs in the same order: the same map gives the same positions.
struct MapLabels: Sendable {
    /// The labels' font size, in canvas units (the stylesheet sets the same).
    static let fontSize = 14.0
    /// An upper bound of a glyph's advance, in font sizes, for the sans-serif fonts the stylesheet names.
    static let glyphWidth = 0.64
    /// A node's radius, and the focus node's.
    static let radius = 6.0, focusRadius = 9.0
    /// The room between a node and its label's baseline, and around every node with its label.
    static let gap = 5.0, padding = 3.0

    /// What a node takes on the canvas: its label's width at most, and its radius.
    struct Size: Sendable {
        /// The label's width at most: its characters times the upper bound of a glyph's width.
        let labelWidth: Double
        let radius: Double

        /// The size of a node with `label` and `radius`.
        init(label: String, radius: Double) {
            self.labelWidth = Double(label.count) * MapLabels.glyphWidth * MapLabels.fontSize
            self.radius = radius
        }
    }

    /// A rectangle on the canvas.
    struct Box: Equatable, Sendable {
        var minX, minY, maxX, maxY: Double

        /// Whether the two rectangles share more than an edge.
        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// The centre of each node.
    private(set) var points: [(x: Double, y: Double)]
    /// Each node's label and radius.
    let sizes: [Size]
    /// The canvas's width, and its height as it grew.
    private(set) var width: Double, height: Double
    private let fixed: [Bool]
    /// Which labels stand below their node rather than above it.
    private(set) var below: [Bool]

    /// Places nodes laid out in a unit square (`unitPoints`) on a canvas of `width` and at least `height`;
    /// `fixed` nodes move only when everything is stacked.
    init(unitPoints: [(x: Double, y: Double)], sizes: [Size], fixed: [Bool], width: Double, height: Double) {
        precondition(unitPoints.count == sizes.count && sizes.count == fixed.count, "one size and one flag per node")
        self.sizes = sizes
        self.fixed = fixed
        self.below = Array(repeating: false, count: sizes.count)
        self.width = max(width, (sizes.map(\.labelWidth).max() ?? 0) + 2 * Self.padding)
        // Room for every node with its label twice over, so crowded maps start tall enough.
        let area = sizes.reduce(0.0) { $0 + ($1.labelWidth + 2 * Self.padding) * (Self.fontSize * 1.3 + $1.radius * 2 + Self.gap + 2 * Self.padding) }
        self.height = max(height, (2 * area / self.width).rounded(.up))
        let (w, h) = (self.width, self.height)
        self.points = unitPoints.map { (x: $0.x * w, y: $0.y * h) }
        for index in points.indices { clamp(index) }
        place()
    }

    /// The label's box: the text's extent above (or below) the node, ascent and descent included.
    func labelBox(_ index: Int) -> Box {
        let (point, size, baseline) = (points[index], sizes[index], baseline(index))
        return Box(minX: point.x - size.labelWidth / 2, minY: baseline - Self.fontSize,
                   maxX: point.x + size.labelWidth / 2, maxY: baseline + 0.3 * Self.fontSize)
    }

    /// The baseline of a node's label: `gap` above the node, or as far below it as a capital's height and `gap`.
    func baseline(_ index: Int) -> Double {
        below[index] ? points[index].y + sizes[index].radius + Self.gap + Self.capHeight * Self.fontSize
            : points[index].y - sizes[index].radius - Self.gap
    }

    /// A capital's height, in font sizes, for a label below its node: its top is then `gap` under the node.
    static let capHeight = 0.75

    /// What a node takes with its label, with the padding around it.
    func footprint(_ index: Int) -> Box {
        let (label, point, r) = (labelBox(index), points[index], sizes[index].radius)
        return Box(minX: min(label.minX, point.x - r) - Self.padding, minY: min(label.minY, point.y - r) - Self.padding,
                   maxX: max(label.maxX, point.x + r) + Self.padding, maxY: max(label.maxY, point.y + r) + Self.padding)
    }

    /// Puts each label below its node where fewer of `edges` (pairs of node indices) cross it there than above,
    /// and the move makes no footprint overlap another or leave the canvas; nodes in order, each seeing the
    /// sides chosen before it. Lines that run under a label anyway are hidden by its halo (the stylesheet's).
    mutating func chooseSides(edges: [(Int, Int)]) {
        let segments = edges.map { (points[$0.0], points[$0.1]) }
        func crossings(_ box: Box) -> Int {
            segments.reduce(0) { $0 + (Self.segment($1.0, $1.1, crosses: box) ? 1 : 0) }
        }
        for index in points.indices {
            let above = crossings(labelBox(index))
            guard above > 0 else { continue }
            below[index] = true
            let box = footprint(index)
            let fits = box.minY >= 0 && box.maxY <= height
                && !points.indices.contains { $0 != index && footprint($0).overlaps(box) }
            if !fits || crossings(labelBox(index)) >= above { below[index] = false }
        }
    }

    /// Whether the segment from `a` to `b` passes through the inside of `box` (clipped to it, Liang–Barsky).
    static func segment(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), crosses box: Box) -> Bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        var (low, high) = (0.0, 1.0)
        for (p, q) in [(-dx, a.x - box.minX), (dx, box.maxX - a.x), (-dy, a.y - box.minY), (dy, box.maxY - a.y)] {
            if p == 0 {
                if q <= 0 { return false }
            } else {
                let t = q / p
                if p < 0 { low = max(low, t) } else { high = min(high, t) }
                if low >= high { return false }
            }
        }
        return true
    }

    /// The pairs of nodes whose footprints overlap.
    func overlappingPairs() -> [(Int, Int)] {
        let boxes = points.indices.map(footprint)
        var pairs: [(Int, Int)] = []
        for i in boxes.indices {
            for j in (i + 1)..<boxes.count where boxes[i].overlaps(boxes[j]) { pairs.append((i, j)) }
        }
        return pairs
    }

    private mutating func place() {
        for _ in 0..<30 {
            if settle(rounds: 100) { return }
            let grown = (height * 1.2).rounded(.up)
            for index in points.indices { points[index].y *= grown / height }
            height = grown
            for index in points.indices { clamp(index) }
        }
        if overlappingPairs().isEmpty { return }
        stack()
    }

    /// Pushes overlapping pairs apart, `rounds` times at most; whether no pair overlaps.
    ///
    /// Each pass sweeps the boxes from left to right as they stood at its start, comparing a box only with those
    /// that start before it ends. Boxes moved during a pass may be missed until the next, but a pass that moves
    /// nothing saw every box where it is, so it finds every overlap there is.
    private mutating func settle(rounds: Int) -> Bool {
        for _ in 0..<rounds {
            var moved = false
            var boxes = points.indices.map(footprint)
            let order = points.indices.sorted { (boxes[$0].minX, $0) < (boxes[$1].minX, $1) }
            for (position, first) in order.enumerated() {
                for second in order[(position + 1)...] {
                    if boxes[second].minX >= boxes[first].maxX { break }
                    guard boxes[first].overlaps(boxes[second]) else { continue }
                    let (i, j) = (min(first, second), max(first, second))
                    separate(i, j)
                    boxes[i] = footprint(i)
                    boxes[j] = footprint(j)
                    moved = true
                }
            }
            if !moved { return true }
        }
        return overlappingPairs().isEmpty
    }

    /// Moves two overlapping nodes apart: sideways when that is the shorter move and the canvas has room for it,
    /// otherwise up and down.
    private mutating func separate(_ i: Int, _ j: Int) {
        let (a, b) = (footprint(i), footprint(j))
        let dx = min(a.maxX, b.maxX) - max(a.minX, b.minX) + 0.5
        let dy = min(a.maxY, b.maxY) - max(a.minY, b.minY) + 0.5
        let saved = points
        if dx < dy {
            let iLeft = points[i].x < points[j].x || (points[i].x == points[j].x && i < j)
            push(i, j, by: (iLeft ? -dx : dx, 0))
            if !footprint(i).overlaps(footprint(j)) { return }
            points = saved
        }
        let iAbove = points[i].y < points[j].y || (points[i].y == points[j].y && i < j)
        push(i, j, by: (0, iAbove ? -dy : dy))
    }

    /// Moves `i` by part of `shift` and `j` by the rest the other way: half each, all of it for one when the
    /// other is fixed.
    private mutating func push(_ i: Int, _ j: Int, by shift: (x: Double, y: Double)) {
        let share = fixed[i] ? 0.0 : fixed[j] ? 1.0 : 0.5
        points[i].x += shift.x * share; points[i].y += shift.y * share
        points[j].x -= shift.x * (1 - share); points[j].y -= shift.y * (1 - share)
        clamp(i)
        clamp(j)
    }

    /// Keeps a node with its label on the canvas.
    private mutating func clamp(_ index: Int) {
        let size = sizes[index]
        let half = max(size.labelWidth / 2, size.radius) + Self.padding
        let above = size.radius + Self.gap + Self.fontSize + Self.padding
        let below = size.radius + Self.padding
        points[index].x = half > width - half ? width / 2 : min(width - half, max(half, points[index].x))
        points[index].y = min(height - below, max(above, points[index].y))
    }

    /// The last resort: every node below the one above it, in the order of their heights, the canvas as tall as they need.
    private mutating func stack() {
        let order = points.indices.sorted { (points[$0].y, $0) < (points[$1].y, $1) }
        var next = 0.0
        for index in order {
            let box = footprint(index)
            points[index].y += next - box.minY
            next = footprint(index).maxY
        }
        height = max(height, next.rounded(.up))
    }
}
