import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
/// An index from keys to values gathered page by page: each key's values in page order, and within a page in
/// the order the page gave them. One page's part can be replaced without gathering the others again, which
/// is what an incremental build does after an edit to one page.
struct PageOrderedIndex<Key: Hashable, Value> {
    /// Each key's values, in page order; a key without values is absent.
    private(set) var values: [Key: [Value]] = [:]
    /// The page position of each value, parallel to ``values``: sorted.
    private var positions: [Key: [Int]] = [:]

    /// The index of the pages' parts, given in page order.
    init(_ parts: [[(key: Key, value: Value)]]) {
        for (position, part) in parts.enumerated() {
            for (key, value) in part {
                values[key, default: []].append(value)
                positions[key, default: []].append(position)
            }
        }
    }

    /// Replaces the part of the page at `position`, which was `old`, by `new`.
    mutating func replace(at position: Int, old: [(key: Key, value: Value)], new: [(key: Key, value: Value)]) {
        for key in Set(old.map(\.key)) {
            guard var places = positions.removeValue(forKey: key), var list = values.removeValue(forKey: key) else {
                preconditionFailure("a page's old part is in the index")
            }
            let range = Self.lowerBound(of: position, in: places)..<Self.lowerBound(of: position + 1, in: places)
            places.removeSubrange(range)
            list.removeSubrange(range)
            if !places.isEmpty { (positions[key], values[key]) = (places, list) }
        }
        var order: [Key] = []
        var grouped: [Key: [Value]] = [:]
        for (key, value) in new {
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(value)
        }
        for key in order {
            let group = grouped[key]!
            var places = positions.removeValue(forKey: key) ?? []
            var list = values.removeValue(forKey: key) ?? []
            let at = Self.lowerBound(of: position, in: places)
            places.insert(contentsOf: repeatElement(position, count: group.count), at: at)
            list.insert(contentsOf: group, at: at)
            (positions[key], values[key]) = (places, list)
        }
    }

    /// The first index of `sorted` whose element is not less than `value`.
    private static func lowerBound(of value: Int, in sorted: [Int]) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
