import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work on threads with large stacks.
///
/// Markdown trees are at most ``Cmark/maximumNesting`` containers deep (deeper input is flattened when it
/// is copied from cmark), so the engine's walkers and Swift's own comparisons and deinitialisers, which
/// follow trees recursively, need only a bounded stack: a test runs a 100,000-deep block quote through
/// parsing, linking and rendering on a 512 KiB thread. The build's threads still get large stacks, as a
/// second line of defence that costs only address space (the memory is reserved, not used, until needed).
enum DeepStack {
    /// The stack size of the build's threads: 1 GiB of address space each.
    static let size = 1 << 30

    /// Holds a thread's work; the thread releases it before it ends, so after `pthread_join`
    /// nothing refers to the work any more.
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts a thread with a large stack running `body`.
    static func start(_ body: @escaping () -> Void) -> pthread_t {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            work.body()
            return nil
        }, work)
        precondition(status == 0, "pthread_create failed with \(status)")
        return thread
    }

    /// Runs `work` on a thread with a large stack and waits for its result.
    static func run<T>(_ work: @escaping () -> T) -> T {
        let box = ValueBox<T>()
        pthread_join(start { box.value = work() }, nil)
        return box.value!
    }
}

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order; each worker is a thread with a large stack.
    ///
    /// Workers claim runs of indexes from a shared counter and hand their results back under its lock, once
    /// each. A run is a share of what is left (guided scheduling): long while much is left, so that cheap
    /// transforms (an incremental build's lookups) do not queue on the lock, and down to one index at the
    /// end, so that costly ones (rendering pages of different lengths) end together.
    func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return DeepStack.run { self.map(transform) } }
        let shared = SharedResults<T>(count: count, workers: workers)
        let input = self
        let threads = (0..<workers).map { _ in
            DeepStack.start {
                var local: [(Int, T)] = []
                while case let run = shared.claim(), !run.isEmpty {
                    for index in run { local.append((index, transform(input[index]))) }
                }
                shared.lock.lock()
                for (index, value) in local { shared.results[index] = value }
                shared.lock.unlock()
            }
        }
        for thread in threads { pthread_join(thread, nil) }
        return shared.results.map { $0! }
    }
}

/// A value handed back from a worker thread.
private final class ValueBox<T>: @unchecked Sendable {
    var value: T?
}

/// The results of a parallel map and the counter that hands out indexes.
private final class SharedResults<T>: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var results: [T?]
    /// How many parts what is left is cut into at each claim: a few per worker.
    private let parts: Int

    init(count: Int, workers: Int) {
        results = Array(repeating: nil, count: count)
        parts = 4 * workers
    }

    /// The next run of indexes to work on; empty when all are taken.
    func claim() -> Range<Int> {
        lock.lock()
        defer { lock.unlock() }
        let size = Swift.max(1, (results.count - next) / parts)
        let run = next..<Swift.min(results.count, next + size)
        next = run.upperBound
        return run
    }
}
