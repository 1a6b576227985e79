import Foundation
import KennisbankCore
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a file's bytes with `open`, `write` and `close`.
///
/// Foundation's `Data.write(to:)` calls `fsync` for every file, which makes a site of a few thousand pages
/// wait on the disk for seconds. The site is build output that can be made again, and it is swapped in
/// with a rename (``SiteWriter``) or each file renamed over the old one (``SiteUpdater``), so a reader
/// never sees half a file; like other site generators, Kennisbank leaves flushing to the system.
enum FileWriting {
    /// Why a file could not be written: the system's message for `errno`, with the path.
    struct Failure: Error, LocalizedError, Equatable {
        var path: String
        var reason: String
        var errorDescription: String? { "\(path): \(reason)" }
    }

    /// Writes `data` to `path`, replacing a file that is there. With `atomically`, the bytes go to a
    /// temporary file beside it first, which is then renamed over `path`.
    static func write(_ data: Data, to path: String, atomically: Bool = false) throws(Failure) {
        let target = atomically ? temporaryPath(beside: path) : path
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        var written = 0
        let result: Int32 = data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return 0
        }
        let closed = close(descriptor)
        if result != 0 || closed != 0 {
            let error = failure(path, code: result != 0 ? result : errno)
            if atomically { unlink(target) }
            throw error
        }
        if atomically, rename(target, path) != 0 {
            let error = failure(path)
            unlink(target)
            throw error
        }
    }

    /// A name in the same folder, so the rename stays on one file system.
    static func temporaryPath(beside path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return path[..<slash] + ".\(path[slash...]).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The name of the file a temporary file named `name` was written for (`index.html` for
    /// `.index.html.tmp-41-7`), or `nil` when `name` is not one: a write stopped before its rename leaves one behind.
    static func target(ofTemporary name: String) -> String? {
        guard name.hasPrefix(".") else { return nil }
        let rest = name.dropFirst()
        guard let marker = rest.range(of: ".tmp-", options: .backwards), marker.lowerBound > rest.startIndex else { return nil }
        let numbers = rest[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard numbers.count == 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return String(rest[..<marker.lowerBound])
    }

    /// The failure of a system call on `path`, with the system's message for `code`.
    static func failure(_ path: String, code: Int32 = errno) -> Failure {
        Failure(path: path, reason: String(cString: strerror(code)))
    }
}
