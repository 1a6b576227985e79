import Foundation

/// The values made for a list of items in the last build, reused item by item: the incremental build's
/// memo for a step that maps every page.
///
/// Where a ``MemoTable`` is asked once per item, from the parallel workers, under a lock, a list memo is
/// asked once per list: it checks the items in order on the calling thread, finding last build's value
/// of an item at the same position (or, when items were added or removed, by key), and makes only the
/// values it cannot reuse, on all cores. Most items of an incremental build are unchanged, and their check
/// is a comparison of values that share their storage with last time's, so the step costs little more
/// than one pass over the list.
package final class ListMemo<Key: Hashable, Value: Sendable>: @unchecked Sendable {
    /// An empty table.
    package init() {}

    @usableFromInline let lock = NSLock()
    @usableFromInline var keys: [Key] = []
    @usableFromInline var values: [Value] = []
    @usableFromInline var made = 0

    /// The value of each item, in order. `keys` name the items (each once); `reuse(index, old)` says whether
    /// `old`, last build's value for the item's key, still holds for the item at `index`; `make(index)`
    /// makes a value that does not.
    @inlinable
    package func map(keys newKeys: [Key], reuse: (Int, Value) -> Bool, make: @escaping @Sendable (Int) -> Value) -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        // For each item, the position of last build's value that still holds, or -1: the values are copied once,
        // into the result, not through optionals.
        var reused = [Int](repeating: -1, count: newKeys.count)
        var missing: [Int] = []
        var positions: [Key: Int]?
        // Whether every key is at last build's position, and every value kept is too.
        var samePlaces = keys.count == newKeys.count
        let keys = self.keys
        // Read in place: a value is handed to `reuse` without a copy of it.
        values.withUnsafeBufferPointer { values in
            for index in newKeys.indices {
                var old: Int? = index < keys.count && keys[index] == newKeys[index] ? index : nil
                if old == nil {
                    samePlaces = false
                    // Items were added, removed or reordered: find the rest by key.
                    if positions == nil { positions = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
                    old = positions?[newKeys[index]]
                }
                if let old, reuse(index, values[old]) {
                    reused[index] = old
                } else {
                    missing.append(index)
                }
            }
        }
        let fresh = missing.parallelMap(make)
        made += missing.count
        if samePlaces {
            // The new values replace the others in place: the values kept are not copied (a copy of a value is a
            // retain of each of its fields, for every item of the list), nor last build's list let go.
            for (index, value) in zip(missing, fresh) { values[index] = value }
            return values
        }
        var result: [Value] = []
        result.reserveCapacity(newKeys.count)
        var next = 0
        for index in newKeys.indices {
            if reused[index] >= 0 {
                result.append(values[reused[index]])
            } else {
                result.append(fresh[next])
                next += 1
            }
        }
        self.keys = newKeys
        values = result
        return values
    }

    /// Ends a build: returns how many values were made in it.
    @discardableResult
    package func endRound() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let count = made
        made = 0
        return count
    }
}
