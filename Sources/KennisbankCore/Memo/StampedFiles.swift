import Foundation

/// The bytes of the content files an incremental build read, each with the file's stamp (``FileStamp``),
/// so that the next build reads only the files whose stamp changed.
///
/// A stamp is trusted only for a file whose modification and change times lay more than two seconds (FAT's
/// timestamp step) in the past when it was taken: a file written again within the same tick of the file
/// system's clock, with the same size, would otherwise look unchanged (git's "racy" files). A file just
/// saved is therefore read by every build until one runs two seconds after the save, and trusted from then on.
package final class StampedFiles: Sendable {
    /// The bytes last read of each file, keyed by path, with the stamp they were read under.
    private let table = MemoTable<FileStamp, Data>()

    /// How long before the stamp was taken a file must have last changed for its stamp to be trusted.
    package static let settled: Int64 = 2_000_000_000

    /// The clock stamps are taken by: the system's, which a test may stop at a chosen time.
    package let clock = StampClock()

    /// The bytes of the file at `path`: those read earlier when its stamp is the same, else `read()`'s.
    package func bytes(at path: String, stamp: FileStamp?, read: () throws(Diagnostic) -> Data) throws(Diagnostic) -> Data {
        guard let stamp else { return try read() }
        let taken = clock.now
        if let bytes = table.cached(for: path, inputs: stamp) { return bytes }
        let bytes = try read()
        if max(stamp.modified, stamp.changed) < taken - Self.settled {
            table.store(bytes, for: path, inputs: stamp)
        } else {
            table.forget(path)
        }
        return bytes
    }

    /// The bytes last read from `path`, when its stamp was settled then, without looking at the file: for a
    /// file the watcher says is unchanged since (a file saved less than two seconds before it was read is
    /// never here, so it is read again).
    package func trusted(_ path: String) -> Data? {
        table.value(for: path)
    }

    /// Ends a build: forgets the files it did not ask for.
    package func endRound() {
        table.endRound()
    }
}

/// The time, in nanoseconds since 1970, at which ``StampedFiles`` takes a stamp: the system's real-time clock
/// (the clock file times are kept by), or, in a test, a time it set, so that whether a save counts as settled
/// does not depend on how fast the machine runs the test.
package final class StampClock: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped: Int64?

    /// The current time: the stopped time, if a test set one.
    package var now: Int64 {
        lock.lock()
        defer { lock.unlock() }
        if let stopped { return stopped }
        return Self.system
    }

    /// The system's real-time clock.
    package static var system: Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Stops the clock at `time` (nanoseconds since 1970): it reads `time` until stopped again.
    package func stop(at time: Int64) {
        lock.lock()
        stopped = time
        lock.unlock()
    }
}
