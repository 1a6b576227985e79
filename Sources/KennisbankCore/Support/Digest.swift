/// A 128-bit digest: two independent 64-bit hashes of the same bytes.
///
/// Used to tell, within one process, whether a page's inputs or a file's bytes are the same as last
/// time. The hashes are seeded per process (Swift's `Hasher`), so digests are never stored on disk.
package struct Digest: Hashable, Sendable {
    package var first: Int
    package var second: Int

    /// The digest of some bytes.
    package init(bytes: UnsafeRawBufferPointer) {
        var builder = DigestBuilder()
        builder.combine(bytes: bytes)
        self = builder.finalize()
    }

    package init(first: Int, second: Int) {
        self.first = first
        self.second = second
    }
}

/// Feeds values into a ``Digest``.
package struct DigestBuilder {
    private var first = Hasher()
    private var second = Hasher()

    package init() {
        // The second hash starts from a different state, so the two are independent.
        second.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
    }

    /// Adds raw bytes, and their count, so that the boundaries between values are part of the digest.
    package mutating func combine(bytes: UnsafeRawBufferPointer) {
        first.combine(bytes.count)
        second.combine(bytes.count)
        first.combine(bytes: bytes)
        second.combine(bytes: bytes)
    }

    /// Adds a string's UTF-8 bytes.
    package mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Adds an integer.
    package mutating func combine(_ value: Int) {
        first.combine(value)
        second.combine(value)
    }

    /// Adds a digest made earlier.
    package mutating func combine(_ digest: Digest) {
        combine(digest.first)
        combine(digest.second)
    }

    package func finalize() -> Digest {
        Digest(first: first.finalize(), second: second.finalize())
    }
}

/// A value that can feed itself into a ``DigestBuilder``: equal values give equal digests, and the encoding
/// is canonical (each kind of value is tagged, and strings and arrays carry their length), so values of
/// different shapes do not collide by construction.
package protocol Digestible {
    /// Adds the value to `builder`.
    func digest(into builder: inout DigestBuilder)
}

extension String: Digestible {
    package func digest(into builder: inout DigestBuilder) {
        builder.combine(1)
        builder.combine(self)
    }
}

extension Bool: Digestible {
    package func digest(into builder: inout DigestBuilder) {
        builder.combine(2)
        builder.combine(self ? 1 : 0)
    }
}

extension Int: Digestible {
    package func digest(into builder: inout DigestBuilder) {
        builder.combine(3)
        builder.combine(self)
    }
}

extension Optional: Digestible where Wrapped: Digestible {
    package func digest(into builder: inout DigestBuilder) {
        switch self {
        case .none:
            builder.combine(4)
        case .some(let value):
            builder.combine(5)
            value.digest(into: &builder)
        }
    }
}

extension Array: Digestible where Element: Digestible {
    package func digest(into builder: inout DigestBuilder) {
        builder.combine(6)
        builder.combine(count)
        for element in self { element.digest(into: &builder) }
    }
}
