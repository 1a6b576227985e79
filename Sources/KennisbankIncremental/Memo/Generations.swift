import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering
import Kennisbank

/// Numbers the distinct values a site-wide input takes, build after build, so that each page compares one
/// number instead of the whole value. Safe to use from the build's parallel workers.
final class Generations<Value: Equatable>: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Value?
    private var number = 0

    /// The number of `value`: unchanged while the value is, a new one when it differs from the last.
    func generation(of value: Value) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if current != value {
            current = value
            number += 1
        }
        return number
    }
}
