import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering
import Kennisbank

/// The memo of `serve`'s incremental build: every step's tables, made the first time a step asks for them by
/// name, and kept from one build to the next. See ``Memo``.
final class MemoStore: Memo, @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [String: RoundedTable] = [:]
    private var slots: [String: Any] = [:]
    private let files = StampedFiles()

    /// The table named `name`, made by `make` the first time.
    private func table<T: RoundedTable>(_ name: String, make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[name] {
            guard let typed = table as? T else { preconditionFailure("the memo table '\(name)' is used with two types") }
            return typed
        }
        let table = make()
        tables[name] = table
        return table
    }

    func value<Inputs: Equatable & Sendable, Value>(_ table: MemoName<Inputs, Value>, key: String, inputs: Inputs,
                                                    make: () -> Value) -> Value {
        self.table(table.name) { MemoTable<Inputs, Value>() }.value(for: key, inputs: inputs, make: make)
    }

    func list<Key: Hashable & Sendable, Value: Sendable>(_ table: ListMemoName<Key, Value>, keys: [Key],
                                                         reuse: (Int, Value) -> Bool,
                                                         make: @escaping @Sendable (Int) -> Value) -> [Value] {
        self.table(table.name) { ListMemo<Key, Value>() }.map(keys: keys, reuse: reuse, make: make)
    }

    func generation<Value: Equatable & Sendable>(_ table: GenerationName<Value>, of value: Value) -> Int {
        self.table(table.name) { Generations<Value>() }.generation(of: value)
    }

    func take<Value: Sendable>(_ slot: SlotName<Value>) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots.removeValue(forKey: slot.name) as? Value
    }

    func keep<Value: Sendable>(_ value: Value, in slot: SlotName<Value>) {
        lock.lock()
        slots[slot.name] = value
        lock.unlock()
    }

    func bytes(at path: String, stamp: @autoclosure () -> FileStamp?, trusted: Bool,
               read: () throws(Diagnostic) -> Data) throws(Diagnostic) -> Data {
        if trusted, let bytes = files.trusted(path) { return bytes }
        return try files.bytes(at: path, stamp: stamp(), read: read)
    }

    /// Ends a build that was written: every table forgets what the build did not ask for. Returns how many
    /// values each table made in it, by name.
    @discardableResult
    func endRound() -> [String: Int] {
        lock.lock()
        let tables = self.tables
        lock.unlock()
        files.endRound()
        return tables.mapValues { $0.endRound() }
    }
}

/// A table of a ``MemoStore``, whatever its types, so that the store can end a round of all of them.
private protocol RoundedTable: AnyObject {
    /// Forgets what this build did not ask for; returns how many values this build made.
    func endRound() -> Int
}

extension MemoTable: RoundedTable {}
extension ListMemo: RoundedTable {}
extension Generations: RoundedTable {
    /// Generations keep only the last value: nothing to forget.
    func endRound() -> Int { 0 }
}
