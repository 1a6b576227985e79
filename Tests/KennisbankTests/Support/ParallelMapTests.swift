import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// `parallelMap` on the worker pool: results in order, and maps inside maps (directly, or from a thread a pool
/// thread started, as a build inside a transform does) finish instead of waiting for a pool that waits for them.
final class ParallelMapTests: XCTestCase {
    /// Runs `work` on a thread of its own and fails if it has not finished in `seconds` (a hang fails, not stalls, the suite).
    private func finishes(within seconds: Double, _ work: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            work()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }

    func testResultsKeepTheirOrder() {
        let numbers = Array(0..<10_000)
        XCTAssertEqual(numbers.parallelMap { $0 * 2 }, numbers.map { $0 * 2 })
        XCTAssertEqual([Int]().parallelMap { $0 }, [])
    }

    func testMapsInsideMapsFinish() {
        let outer = Array(0..<(4 * WorkerPool.shared.size))
        XCTAssertTrue(finishes(within: 20) {
            let direct = outer.parallelMap { value in Array(0..<50).parallelMap { $0 + value }.reduce(0, +) }
            // A build inside a transform starts a deep-stack thread and waits for it; that thread maps again.
            let started = outer.parallelMap { value in DeepStack.run { Array(0..<50).parallelMap { $0 + value }.reduce(0, +) } }
            precondition(direct == started && direct == outer.map { 50 * $0 + 1225 }, "nested maps give every result")
        }, "a map inside a map did not finish")
    }
}
