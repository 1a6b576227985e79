import KennisbankCore

/// Line and column (1-based; columns in characters, as ``SourcePosition`` counts them) of byte offsets in a file.
struct BytePositions {
    /// The file.
    let bytes: ByteReader
    /// The offset of the first byte of each line.
    private let lineStarts: [Int]

    /// Indexes the lines of `bytes`.
    init(_ bytes: ByteReader) {
        self.bytes = bytes
        var starts = [0]
        for offset in 0..<bytes.count where bytes.bytes[offset] == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The position of the byte at `offset`.
    func position(of offset: Int) -> SourcePosition {
        // The last line start at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let prefix = UnsafeRawBufferPointer(rebasing: bytes.bytes[lineStarts[low]..<offset])
        return SourcePosition(line: low + 1, column: String(decoding: prefix, as: UTF8.self).count + 1)
    }
}
