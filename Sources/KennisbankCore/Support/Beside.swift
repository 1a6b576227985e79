import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A value made on a deep-stack thread of its own (``DeepStack``) while the caller goes on with other work, for two
/// stretches of a build that share nothing and are partly serial: each fills the cores the other leaves idle.
///
/// ```swift
/// let feed = Beside { makeFeed() }      // starts at once
/// let index = makeSearchIndex()         // meanwhile, here
/// let files = feed.value()              // waits for the feed
/// ```
///
/// The work may map in parallel (``Swift/Array/parallelMap(_:)``): its maps share ``WorkerPool`` with the caller's.
/// ``value()`` must be called once, and is what ends the thread.
package final class Beside<Value>: @unchecked Sendable {
    /// Where the thread leaves the value.
    private let box = ValueBox<Value>()
    private let thread: pthread_t

    /// Starts `work` on a thread of its own.
    package init(_ work: @escaping () -> Value) {
        let box = self.box
        thread = DeepStack.start { box.value = work() }
    }

    /// Waits for the work to end and returns its value.
    package func value() -> Value {
        pthread_join(thread, nil)
        return box.value!
    }
}
