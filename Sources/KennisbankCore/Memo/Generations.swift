import Foundation

/// Numbers the distinct values a site-wide input takes, build after build, so that each page compares one
/// number instead of the whole value. Safe to use from the build's parallel workers.
package final class Generations<Value: Equatable>: @unchecked Sendable {
    /// An empty table.
    package init() {}

    @usableFromInline let lock = NSLock()
    @usableFromInline var current: Value?
    @usableFromInline var number = 0

    /// The number of `value`: unchanged while the value is, a new one when it differs from the last.
    @inlinable
    package func generation(of value: Value) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if current != value {
            current = value
            number += 1
        }
        return number
    }
}
