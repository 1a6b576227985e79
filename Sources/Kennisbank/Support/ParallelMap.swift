import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order.
    ///
    /// Each index is written by exactly one worker, so the results need no lock.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            output[index] = transform(input[index])
        }
        return results.map { $0! }
    }
}
