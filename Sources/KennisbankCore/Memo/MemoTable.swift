import Foundation

/// A table of values remembered between builds, each with the inputs it was made from.
///
/// ``value(for:inputs:make:)`` returns the remembered value when the inputs are equal to last time's,
/// and otherwise makes, remembers and returns a new one. Safe to use from the build's parallel workers.
/// Inputs are compared with `==`: unchanged values share their storage with last time's, so most
/// comparisons end at the first, identity, check.
///
/// Each entry carries the number of the last round (build) that asked for it, so that ending a round
/// costs nothing when every entry was asked for, which is the usual case: no set of used keys is kept.
package final class MemoTable<Inputs: Equatable, Value>: @unchecked Sendable {
    /// An empty table.
    package init() {}

    @usableFromInline
    struct Entry {
        @usableFromInline var inputs: Inputs
        @usableFromInline var value: Value

        @usableFromInline
        init(inputs: Inputs, value: Value) {
            (self.inputs, self.value) = (inputs, value)
        }
    }

    @usableFromInline let lock = NSLock()
    /// The slot of each key in ``entries``, ``rounds`` and ``keys``.
    @usableFromInline var slots: [String: Int] = [:]
    @usableFromInline var entries: [Entry] = []
    /// The key of each slot; `nil` for a slot whose key was forgotten.
    @usableFromInline var keys: [String?] = []
    /// The last round that asked for each entry, by slot: kept apart so that marking an entry asked for
    /// writes one integer instead of copying the entry out and back.
    @usableFromInline var rounds: [Int] = []
    /// The current round.
    @usableFromInline var round = 0
    /// How many entries the current round asked for (those whose round is the current one).
    @usableFromInline var asked = 0
    @usableFromInline var made = 0

    /// The value for `key`: remembered when `inputs` are unchanged, made by `make` otherwise.
    @inlinable
    package func value(for key: String, inputs: Inputs, keepingNewest: Bool = false, make: () -> Value) -> Value {
        if let value = cached(for: key, inputs: inputs, keepingNewest: keepingNewest) { return value }
        let value = make()
        store(value, for: key, inputs: inputs)
        return value
    }

    /// The value remembered for `key` if it was made from `inputs`, without making one. With `keepingNewest`, equal
    /// inputs replace the remembered ones: for inputs whose `==` first checks for shared storage (``FileBytes``), the
    /// next build then passes the same storage again, and its comparison is that check instead of every byte.
    @inlinable
    package func cached(for key: String, inputs: Inputs, keepingNewest: Bool = false) -> Value? {
        lock.lock()
        guard let slot = slots[key] else {
            lock.unlock()
            return nil
        }
        markAsked(slot)
        let entry = entries[slot]
        lock.unlock()
        guard entry.inputs == inputs else { return nil }
        if keepingNewest {
            lock.lock()
            if slots[key] == slot { entries[slot].inputs = inputs }
            lock.unlock()
        }
        return entry.value
    }

    /// The value remembered for `key`, whatever it was made from.
    @inlinable
    package func value(for key: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let slot = slots[key] else { return nil }
        markAsked(slot)
        return entries[slot].value
    }

    /// Remembers a value made from `inputs`, for when it is made elsewhere than in ``value(for:inputs:make:)``.
    @inlinable
    package func store(_ value: Value, for key: String, inputs: Inputs) {
        lock.lock()
        if let slot = slots[key] {
            markAsked(slot)
            entries[slot] = Entry(inputs: inputs, value: value)
        } else {
            slots[key] = entries.count
            entries.append(Entry(inputs: inputs, value: value))
            keys.append(key)
            rounds.append(round)
            asked += 1
        }
        made += 1
        lock.unlock()
    }

    /// Forgets the value remembered for `key`, for one that must not be trusted next time.
    package func forget(_ key: String) {
        lock.lock()
        if let slot = slots.removeValue(forKey: key) {
            // The slot stays, unreachable and not asked for, until the end of the round removes it.
            if rounds[slot] == round { asked -= 1 }
            rounds[slot] = round - 1
            keys[slot] = nil
        }
        lock.unlock()
    }

    /// Counts the entry in `slot` as asked for in this round. The lock must be held.
    @usableFromInline
    func markAsked(_ slot: Int) {
        if rounds[slot] != round {
            rounds[slot] = round
            asked += 1
        }
    }

    /// Ends a build: forgets the keys not asked for since the last round (deleted files, pages that are
    /// gone) and returns how many values had to be made in this round.
    @discardableResult
    package func endRound() -> Int {
        lock.lock()
        defer { lock.unlock() }
        precondition(asked <= entries.count, "a round asks for at most every entry")
        if asked < entries.count {
            // Remove each entry not asked for by moving the last entry into its slot: from the last slot down,
            // so the entry moved in was asked for. Only the moved entries' keys are looked up again (a file
            // saved a moment ago is forgotten every round, and renumbering every key cost milliseconds).
            for slot in entries.indices.reversed() where rounds[slot] != round {
                if let key = keys[slot] { slots[key] = nil }
                let last = entries.count - 1
                if slot != last {
                    entries[slot] = entries[last]
                    rounds[slot] = rounds[last]
                    keys[slot] = keys[last]
                    if let moved = keys[slot] { slots[moved] = slot }
                }
                entries.removeLast()
                rounds.removeLast()
                keys.removeLast()
            }
        }
        precondition(entries.count == asked && slots.count == asked, "the entries left are those asked for")
        round += 1
        asked = 0
        let count = made
        made = 0
        return count
    }
}
