import Foundation

/// Where a build step's results are remembered from one build to the next.
///
/// A step calls its own functions through a memo, the same way in every build: a clean build passes
/// ``NoMemo``, which remembers nothing and always makes the value; `serve`'s incremental build passes its
/// store (`MemoStore`, target KennisbankIncremental), which returns what an earlier build made from equal
/// inputs. So the steps have one code path, and caching lives outside them.
///
/// Tables are named by constants of the steps that use them (``MemoName``, ``ListMemoName``, …), each with
/// the types of its inputs and values; a name is used for one table only.
package protocol Memo: Sendable {
    /// The value for `key`: the one remembered when it was made from equal `inputs`, else `make()`'s.
    func value<Inputs: Equatable & Sendable, Value>(_ table: MemoName<Inputs, Value>, key: String, inputs: Inputs,
                                                    make: () -> Value) -> Value

    /// One value per key, in order. `reuse(index, old)` says whether `old`, the value remembered for the key
    /// of the item at `index`, still holds; `make(index)` makes a value, on all cores, for the items with none.
    func list<Key: Hashable & Sendable, Value: Sendable>(_ table: ListMemoName<Key, Value>, keys: [Key],
                                                         reuse: (Int, Value) -> Bool,
                                                         make: @escaping @Sendable (Int) -> Value) -> [Value]

    /// A number that stays the same while `value` does, build after build: what depends on a site-wide value
    /// keeps the number instead of a copy of the value.
    func generation<Value: Equatable & Sendable>(_ table: GenerationName<Value>, of value: Value) -> Int

    /// The value the last build kept in `slot`, handed over (the memo no longer holds it, so it can be
    /// brought up to date in place).
    func take<Value: Sendable>(_ slot: SlotName<Value>) -> Value?

    /// Keeps `value` in `slot` for the next build.
    func keep<Value: Sendable>(_ value: Value, in slot: SlotName<Value>)

    /// The bytes of the file at `path`, with its `stamp` (`nil` when the file system has none). `trusted`
    /// says that the caller knows the file unchanged since the last build read it (a watcher does): then the
    /// bytes read then may be returned without a look at the file.
    func bytes(at path: String, stamp: @autoclosure () -> FileStamp?, trusted: Bool,
               read: () throws(Diagnostic) -> Data) throws(Diagnostic) -> Data
}

/// A memo that remembers nothing: every value is made. The memo of a clean build.
package struct NoMemo: Memo {
    /// The memo that remembers nothing.
    package init() {}

    package func value<Inputs: Equatable & Sendable, Value>(_ table: MemoName<Inputs, Value>, key: String, inputs: Inputs,
                                                            make: () -> Value) -> Value {
        make()
    }

    package func list<Key: Hashable & Sendable, Value: Sendable>(_ table: ListMemoName<Key, Value>, keys: [Key],
                                                                 reuse: (Int, Value) -> Bool,
                                                                 make: @escaping @Sendable (Int) -> Value) -> [Value] {
        Array(keys.indices).parallelMap(make)
    }

    package func generation<Value: Equatable & Sendable>(_ table: GenerationName<Value>, of value: Value) -> Int { 0 }

    package func take<Value: Sendable>(_ slot: SlotName<Value>) -> Value? { nil }

    package func keep<Value: Sendable>(_ value: Value, in slot: SlotName<Value>) {}

    package func bytes(at path: String, stamp: @autoclosure () -> FileStamp?, trusted: Bool,
                       read: () throws(Diagnostic) -> Data) throws(Diagnostic) -> Data {
        try read()
    }
}

/// The name of a table of values, each made from inputs of type `Inputs`.
package struct MemoName<Inputs: Equatable & Sendable, Value>: Sendable {
    /// The name, unique among the tables of a memo.
    package let name: String
    /// Names a table.
    package init(_ name: String) { self.name = name }
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
