/// A small, fast, seeded random number generator (SplitMix64) whose sequence is the same on every
/// platform and Swift version, so a generated corpus is byte-identical for the same seed.
///
/// Only its own methods are used to draw numbers (never the standard library's `random(in:using:)`,
/// whose algorithm may change between releases).
package struct SeededRandom: Sendable {
    private var state: UInt64

    /// Creates a generator from a seed and an optional stream number (for example a file's index),
    /// so each file has its own independent sequence.
    package init(seed: UInt64, stream: UInt64 = 0) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 1) &* 0xBF58_476D_1CE4_E5B9
        _ = next()
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next() % UInt64(bound))
    }

    /// A number in a closed range.
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// `true` with the given probability (0...1).
    package mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty array.
    package mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Up to `count` distinct elements of an array, in a random order.
    package mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        var result: [T] = []
        let wanted = min(count, pool.count)
        result.reserveCapacity(wanted)
        for index in 0..<wanted {
            let chosen = index + below(pool.count - index)
            pool.swapAt(index, chosen)
            result.append(pool[index])
        }
        return result
    }
}
