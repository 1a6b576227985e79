import Foundation

/// Where a build step's results are remembered from one build to the next.
///
/// A step makes its values through a memo, the same way in every build: a clean build passes ``Memo/none``,
/// which remembers nothing and always makes the value; `serve`'s incremental build passes a memo that
/// remembers (``init(remembers:)``), which returns what an earlier build made from equal inputs. So the steps
/// have one code path, and caching lives outside them.
///
/// Tables are named by constants of the steps that use them (``MemoName``, ``ListMemoName``, …), each with the
/// types of its inputs and values; a name is used for one table only. The methods are inlinable, so that each
/// step's tables work on its own types without going through generic witness tables.
package final class Memo: @unchecked Sendable {
    /// Whether values are kept between builds.
    package let remembers: Bool
    @usableFromInline let lock = NSLock()
    @usableFromInline var tables: [String: MemoRound] = [:]
    @usableFromInline var slots: [String: Any] = [:]
    @usableFromInline let files = StampedFiles()

    /// The memo of a clean build: it remembers nothing.
    package static let none = Memo(remembers: false)

    /// A memo that keeps values between builds (`remembers`), or one that makes every value.
    package init(remembers: Bool) {
        self.remembers = remembers
    }

    /// The table named `name`, made by `make` the first time.
    @inlinable
    func table<Table: MemoRound>(_ name: String, make: () -> Table) -> Table {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[name] {
            precondition(table is Table, "the memo table '\(name)' is used with two types")
            return unsafeDowncast(table, to: Table.self)
        }
        let table = make()
        tables[name] = table
        return table
    }

    /// The value for `key`: the one remembered when it was made from equal `inputs`, else `make()`'s.
    @inlinable
    package func value<Inputs: Equatable & Sendable, Value>(_ table: MemoName<Inputs, Value>, key: String, inputs: Inputs,
                                                            make: () -> Value) -> Value {
        guard remembers else { return make() }
        return self.table(table.name) { MemoTable<Inputs, Value>() }.value(for: key, inputs: inputs, keepingNewest: table.keepsNewestInputs,
                                                                          make: make)
    }

    /// One value per key, in order. `reuse(index, old)` says whether `old`, the value remembered for the key
    /// of the item at `index`, still holds; `make(index)` makes a value, on all cores, for the items with none.
    @inlinable
    package func list<Key: Hashable & Sendable, Value: Sendable>(_ table: ListMemoName<Key, Value>, keys: [Key],
                                                                 reuse: (Int, Value) -> Bool,
                                                                 make: @escaping @Sendable (Int) -> Value) -> [Value] {
        guard remembers else { return Array(keys.indices).parallelMap(make) }
        return self.table(table.name) { ListMemo<Key, Value>() }.map(keys: keys, reuse: reuse, make: make)
    }

    /// A number that stays the same while `value` does, build after build: what depends on a site-wide value
    /// keeps the number instead of a copy of the value. Always 0 in a memo that remembers nothing.
    @inlinable
    package func generation<Value: Equatable & Sendable>(_ table: GenerationName<Value>, of value: Value) -> Int {
        guard remembers else { return 0 }
        return self.table(table.name) { Generations<Value>() }.generation(of: value)
    }

    /// The value the last build kept in `slot`, handed over (the memo no longer holds it, so it can be
    /// brought up to date in place).
    package func take<Value: Sendable>(_ slot: SlotName<Value>) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots.removeValue(forKey: slot.name) as? Value
    }

    /// Keeps `value` in `slot` for the next build (nothing, in a memo that remembers nothing).
    package func keep<Value: Sendable>(_ value: Value, in slot: SlotName<Value>) {
        guard remembers else { return }
        lock.lock()
        slots[slot.name] = value
        lock.unlock()
    }

    /// The bytes of the file at `path`, with its `stamp` (`nil` when the file system has none). `trusted`
    /// says that the caller knows the file unchanged since the last build read it (a watcher does): then the
    /// bytes read then may be returned without a look at the file.
    package func bytes(at path: String, stamp: @autoclosure () -> FileStamp?, trusted: Bool,
                       read: () throws(Diagnostic) -> Data) throws(Diagnostic) -> Data {
        guard remembers else { return try read() }
        if trusted, let bytes = files.trusted(path) { return bytes }
        return try files.bytes(at: path, stamp: stamp(), read: read)
    }

    /// Ends a build that was written: every table forgets what the build did not ask for. Returns how many
    /// values each table made in it, by name.
    @discardableResult
    package func endRound() -> [String: Int] {
        lock.lock()
        let tables = self.tables
        lock.unlock()
        files.endRound()
        return tables.mapValues { $0.endRound() }
    }
}

/// A table of a ``Memo``, whatever its types, so that the memo can end a round of all of them.
package protocol MemoRound: AnyObject {
    /// Forgets what this build did not ask for; returns how many values this build made.
    func endRound() -> Int
}

extension MemoTable: MemoRound {}
extension ListMemo: MemoRound {}
extension Generations: MemoRound {
    /// Generations keep only the last value: nothing to forget.
    package func endRound() -> Int { 0 }
}

/// The name of a table of values, each made from inputs of type `Inputs`.
package struct MemoName<Inputs: Equatable & Sendable, Value>: Sendable {
    /// The name, unique among the tables of a memo.
    package let name: String
    /// Whether equal inputs replace the remembered ones (``MemoTable/cached(for:inputs:keepingNewest:)``): for a
    /// file's bytes, which the read step may hand over in a new buffer once the file has settled, so that later
    /// builds compare two addresses instead of every byte of every file.
    package let keepsNewestInputs: Bool
    /// Names a table.
    package init(_ name: String, keepsNewestInputs: Bool = false) {
        self.name = name
        self.keepsNewestInputs = keepsNewestInputs
    }
}

/// The name of a list memo: one value per item of a list, found by the item's key.
package struct ListMemoName<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The name, unique among the tables of a memo.
    package let name: String
    /// Names a list memo.
    package init(_ name: String) { self.name = name }
}

/// The name of the generations of a site-wide value.
package struct GenerationName<Value: Equatable & Sendable>: Sendable {
    /// The name, unique among the tables of a memo.
    package let name: String
    /// Names the generations of a value.
    package init(_ name: String) { self.name = name }
}

/// The name of a value kept whole from one build to the next and handed over.
package struct SlotName<Value: Sendable>: Sendable {
    /// The name, unique among the tables of a memo.
    package let name: String
    /// Names a slot.
    package init(_ name: String) { self.name = name }
}
