import Foundation
import Cstemmer

/// Snowball's Dutch stemmer (libstemmer's `dutch` algorithm, UTF-8). This is the only file that calls libstemmer.
///
/// An `sb_stemmer` is not thread-safe, and the search index stems the pages on all cores: ``stem(_:)`` borrows
/// a stemmer from a pool for the call (each lives as long as the process), so no two threads share one.
package enum DutchStemmer {
    /// One libstemmer stemmer; used by one thread at a time.
    private final class Handle: @unchecked Sendable {
        let stemmer: OpaquePointer

        init() {
            guard let stemmer = sb_stemmer_new("dutch", "UTF_8") else {
                preconditionFailure("libstemmer has no 'dutch' stemmer for UTF-8")
            }
            self.stemmer = stemmer
        }

        deinit { sb_stemmer_delete(stemmer) }

        func stem(_ word: String) -> String {
            var bytes = Array(word.utf8)
            let count = bytes.count
            return bytes.withUnsafeMutableBufferPointer { buffer -> String in
                guard let result = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(count)) else {
                    preconditionFailure("libstemmer ran out of memory stemming '\(word)'")
                }
                let length = Int(sb_stemmer_length(stemmer))
                return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
        }
    }

    /// The stemmers not in use.
    private final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [Handle] = []

        func borrow() -> Handle {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast() ?? Handle()
        }

        func giveBack(_ handle: Handle) {
            lock.lock()
            idle.append(handle)
            lock.unlock()
        }
    }

    private static let pool = Pool()

    /// The stem of each word, in order: the words are folded lowercase forms (see ``SearchText``).
    package static func stems(_ words: [String]) -> [String] {
        let handle = pool.borrow()
        defer { pool.giveBack(handle) }
        return words.map(handle.stem)
    }
}
