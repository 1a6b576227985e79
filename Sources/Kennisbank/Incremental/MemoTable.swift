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
        if let value = cached(for: key, inputs: inputs) { return value }
        let value = make()
        store(value, for: key, inputs: inputs)
        return value
    }

    /// The value remembered for `key` if it was made from `inputs`, without making one.
    func cached(for key: String, inputs: Inputs) -> Value? {
        lock.lock()
        used.insert(key)
        let cached = entries[key]
        lock.unlock()
        guard let cached, cached.inputs == inputs else { return nil }
        return cached.value
    }

    /// Remembers a value made from `inputs`, for when it is made elsewhere than in ``value(for:inputs:make:)``.
    func store(_ value: Value, for key: String, inputs: Inputs) {
        lock.lock()
        used.insert(key)
        entries[key] = (inputs, value)
        made += 1
        lock.unlock()
    }

    /// Ends a build: forgets the keys not asked for since the last round (deleted files, pages that are
    /// gone) and returns how many values had to be made in this round.
    @discardableResult
    func endRound() -> Int {
        lock.lock()
        defer { lock.unlock() }
        // Most rounds ask for every key: then nothing is removed, and the table is not copied.
        let kept = used.reduce(0) { $0 + (entries[$1] == nil ? 0 : 1) }
        if kept < entries.count { entries = entries.filter { used.contains($0.key) } }
        used.removeAll()
        let count = made
        made = 0
        return count
    }
}
