import Foundation

/// Bounds-checked reads of a file's bytes for the header parsers: every read past the end gives `nil`, so a parser
/// turns a short file into an error instead of a crash.
struct ByteReader {
    /// The bytes, valid for as long as the reader is used.
    let bytes: UnsafeRawBufferPointer

    /// Wraps bytes.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The number of bytes.
    var count: Int { bytes.count }

    /// The byte at `offset`, or `nil` past the end.
    func byte(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// An unsigned big-endian number of `size` bytes (at most 8) at `offset`, or `nil` when they are not all there.
    func bigEndian(_ offset: Int, size: Int) -> Int? {
        guard offset >= 0, size <= 8, offset <= bytes.count - size else { return nil }
        var value = 0
        for index in offset..<(offset + size) { value = value << 8 | Int(bytes[index]) }
        return value
    }

    /// An unsigned little-endian number of `size` bytes (at most 8) at `offset`, or `nil` when they are not all there.
    func littleEndian(_ offset: Int, size: Int) -> Int? {
        guard offset >= 0, size <= 8, offset <= bytes.count - size else { return nil }
        var value = 0
        for index in (offset..<(offset + size)).reversed() { value = value << 8 | Int(bytes[index]) }
        return value
    }

    /// Whether the bytes at `offset` are `expected`.
    func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= bytes.count - expected.count else { return false }
        for (index, byte) in expected.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }

    /// Whether the bytes at `offset` are the UTF-8 of `text` (a literal: compared without making an array).
    func matches(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard count > 0, offset >= 0, offset <= bytes.count - count, let base = bytes.baseAddress else { return count == 0 }
        return memcmp(base + offset, text.utf8Start, count) == 0
    }

    /// The offset of the first `byte` at or after `start` and before `end` (the end of the bytes when `nil`).
    func firstIndex(of byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        guard start >= 0, start < end, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// The offset of the first `text` at or after `start`.
    func firstIndex(of text: StaticString, from start: Int) -> Int? {
        guard let first = text.utf8CodeUnitCount > 0 ? text.utf8Start.pointee : nil else { return start }
        var index = start
        while let found = firstIndex(of: first, from: index) {
            if matches(text, at: found) { return found }
            index = found + 1
        }
        return nil
    }

    /// Whether the bytes start with `prefix`.
    func starts(with prefix: [UInt8]) -> Bool { matches(prefix, at: 0) }
}
