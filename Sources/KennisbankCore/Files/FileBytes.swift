import Foundation

/// A file's bytes as the input of a parse: equal when the bytes are. Bytes that the read step kept from
/// an earlier build are the same buffer as last time, so the usual comparison is of two addresses, not of
/// every byte of every file.
package struct FileBytes: Equatable, Sendable {
    /// The bytes.
    package let data: Data

    /// Wraps bytes.
    package init(_ data: Data) {
        self.data = data
    }

    package static func == (lhs: FileBytes, rhs: FileBytes) -> Bool {
        guard lhs.data.count == rhs.data.count else { return false }
        let sameBuffer = lhs.data.withUnsafeBytes { left in
            rhs.data.withUnsafeBytes { right in left.baseAddress == right.baseAddress }
        }
        return sameBuffer || lhs.data == rhs.data
    }
}
