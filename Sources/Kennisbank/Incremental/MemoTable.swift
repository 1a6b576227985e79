import Foundation

/// A table of values remembered between builds, each with the inputs it was made from.
///
/// ``value(for:inputs:make:)`` returns the remembered value when the inputs are equal to last time's,
/// and otherwise makes, remembers and returns a new one. Safe to use from the build's parallel workers.
/// Inputs are compared with `==`: unchanged values share their storage with last time's, so most
/// comparisons end at the first, identity, check.
final class MemoTable<Inputs: Equatable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (inputs: Inputs, value: Value)] = [:]
    private var used = Set<String>()
    private var made = 0

    /// The value for `key`: remembered when `inputs` are unchanged, made by `make` otherwise.
    func value(for key: String, inputs: Inputs, make: () -> Value) -> Value {
        lock.lock()
        used.insert(key)
        let cached = entries[key]
        lock.unlock()
        if let cached, cached.inputs == inputs { return cached.value }
        let value = make()
        lock.lock()
        entries[key] = (inputs, value)
        made += 1
        lock.unlock()
        return value
    }

    /// Ends a build: forgets the keys not asked for since the last round (deleted files, pages that are
    /// gone) and returns how many values had to be made in this round.
    @discardableResult
    func endRound() -> Int {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { used.contains($0.key) }
        used.removeAll()
        let count = made
        made = 0
        return count
    }
}
