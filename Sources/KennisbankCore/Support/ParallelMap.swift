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
package enum DeepStack {
    /// The stack size of the build's threads: 1 GiB of address space each.
    package static let size = 1 << 30

    /// Holds a thread's work; the thread releases it before it ends, so after `pthread_join`
    /// nothing refers to the work any more.
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts a thread with a large stack running `body`. A thread started from one of ``WorkerPool``'s
    /// threads counts as the pool's: the pool thread waits for it, so a map it calls must not wait for the pool.
    package static func start(_ body: @escaping () -> Void) -> pthread_t {
        if WorkerPool.isWorkerThread {
            return spawn {
                WorkerPool.markWorkerThread()
                body()
            }
        }
        return spawn(body)
    }

    private static func spawn(_ body: @escaping () -> Void) -> pthread_t {
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

    /// Lets `value` go on a thread of its own (with a large stack, as a tree's deinitialisers recurse) that nobody
    /// waits for. Freeing a large value, such as the link checker's scans of every page or a linked site, takes a
    /// moment that a caller who ends right after, as `kennisbank build` does, need not spend: the process ends
    /// whether or not the thread is done.
    package static func letGo<T>(_ value: consuming T) {
        let box = ValueBox<T>()
        box.value = value
        pthread_detach(start { box.value = nil })
    }

    /// Runs `work` on a thread with a large stack and waits for its result.
    package static func run<T>(_ work: @escaping () -> T) -> T {
        Beside(work).value()
    }
}

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order; each worker is a thread with a large stack.
    ///
    /// Workers claim runs of indexes from a shared counter and hand their results back under its lock, once
    /// each. A run is a share of what is left (guided scheduling): long while much is left, so that cheap
    /// transforms (an incremental build's lookups) do not queue on the lock, and down to one index at the
    /// end, so that costly ones (rendering pages of different lengths) end together.
    ///
    /// The workers are the threads of ``WorkerPool``, started once: a map called from one of them (a
    /// transform that maps again) runs on that thread alone.
    package func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        guard !WorkerPool.isWorkerThread else { return map(transform) }
        guard !isEmpty else { return [] }
        let workers = Swift.min(count, WorkerPool.shared.size)
        let shared = SharedResults<T>(count: count, workers: workers)
        let input = self
        WorkerPool.shared.run(times: workers) {
            var local: [(Int, T)] = []
            while case let run = shared.claim(), !run.isEmpty {
                for index in run { local.append((index, transform(input[index]))) }
            }
            shared.lock.lock()
            for (index, value) in local { shared.results[index] = value }
            shared.lock.unlock()
        }
        return shared.results.map { $0! }
    }
}

/// Threads with large stacks (``DeepStack``), one per core, started the first time they are needed and kept
/// for the life of the process. A build maps its pages many times; a thread made for each map (its stack
/// reserved, its first pages faulted in, released at its end) cost an incremental build milliseconds.
package final class WorkerPool: @unchecked Sendable {
    /// The pool of the process.
    package static let shared = WorkerPool(size: ProcessInfo.processInfo.activeProcessorCount)

    /// The number of threads.
    package let size: Int
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []

    /// Marks the pool's threads, so that a map called from one of them does not wait for the others.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed with \(status)")
        return key
    }()

    /// Whether the calling thread is one of the pool's (or was started by one).
    package static var isWorkerThread: Bool { pthread_getspecific(key) != nil }

    /// Counts the calling thread as the pool's.
    package static func markWorkerThread() {
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
    }

    private init(size: Int) {
        self.size = Swift.max(1, size)
        for _ in 0..<self.size {
            let thread = DeepStack.start { [self] in
                Self.markWorkerThread()
                work()
            }
            pthread_detach(thread)
        }
    }

    /// Runs `job` `times` times at once on the pool's threads (at most ``size``) and waits until every run has ended.
    package func run(times: Int, _ job: @escaping @Sendable () -> Void) {
        precondition(times <= size && !Self.isWorkerThread, "a pool thread never waits for the pool, and one job runs per thread")
        let done = DispatchSemaphore(value: 0)
        condition.lock()
        for _ in 0..<times {
            jobs.append {
                job()
                done.signal()
            }
        }
        condition.broadcast()
        condition.unlock()
        for _ in 0..<times { done.wait() }
    }

    /// A thread's life: take a job, run it, and again.
    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}

/// A value handed over between threads: read only after the thread that wrote it was joined.
final class ValueBox<T>: @unchecked Sendable {
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
