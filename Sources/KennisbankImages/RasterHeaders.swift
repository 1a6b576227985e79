/// The size of a PNG, JPEG or WebP file from its header, and the check that the file reaches the end its format
/// marks: a walk over chunk or segment headers, never a decode.
enum RasterHeaders {
    /// The eight bytes every PNG starts with.
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The largest width or height taken as real: PNG's own limit (2³¹ − 1).
    static let largestSide = 0x7FFF_FFFF

    // MARK: PNG

    /// A PNG's size from its IHDR chunk, which must come first; then the chunk headers are walked to IEND.
    static func png(_ bytes: ByteReader) throws(ImageInfoError) -> ImageInfo {
        guard let length = bytes.bigEndian(8, size: 4), bytes.count >= 8 + 8 + 13 + 4 else { throw .truncated(.png) }
        guard length == 13, bytes.matches("IHDR", at: 12) else {
            throw .corrupt(.png, "its first chunk is not a 13-byte IHDR")
        }
        let width = bytes.bigEndian(16, size: 4)!, height = bytes.bigEndian(20, size: 4)!
        guard (1...largestSide).contains(width), (1...largestSide).contains(height) else {
            throw .corrupt(.png, "its header gives a size of \(width) × \(height) pixels")
        }
        // Chunks are length, type, data, CRC; the last is IEND. A file cut anywhere ends inside one.
        var offset = 8
        while true {
            guard let chunkLength = bytes.bigEndian(offset, size: 4), chunkLength <= largestSide else { throw .truncated(.png) }
            let end = offset + 12 + chunkLength
            guard end <= bytes.count else { throw .truncated(.png) }
            if bytes.matches("IEND", at: offset + 4) { break }
            offset = end
        }
        return ImageInfo(format: .png, width: width, height: height)
    }

    // MARK: JPEG

    /// A JPEG's size from its first start-of-frame segment (SOF0 to SOF15; DHT, JPG and DAC share their codes and
    /// are skipped), turned by the orientation of the first EXIF APP1 segment before it that gives one; then the end-of-image marker
    /// must be near the end of the file.
    static func jpeg(_ bytes: ByteReader) throws(ImageInfoError) -> ImageInfo {
        var offset = 2
        var orientation: Int?
        while true {
            // A marker is 0xFF, any number of fill bytes 0xFF, and its code.
            guard bytes.byte(offset) != nil else { throw .truncated(.jpeg) }
            guard bytes.byte(offset) == 0xFF else { throw .corrupt(.jpeg, "a segment does not start with a marker") }
            while bytes.byte(offset) == 0xFF { offset += 1 }
            guard let marker = bytes.byte(offset) else { throw .truncated(.jpeg) }
            offset += 1
            // Markers without a length: TEM and the restart markers.
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
            if marker == 0xD9 || marker == 0xDA { throw .corrupt(.jpeg, "its image data starts before a frame header") }
            guard let length = bytes.bigEndian(offset, size: 2) else { throw .truncated(.jpeg) }
            guard length >= 2 else { throw .corrupt(.jpeg, "a segment has a length below 2") }
            guard offset + length <= bytes.count else { throw .truncated(.jpeg) }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard length >= 8, let height = bytes.bigEndian(offset + 3, size: 2), let width = bytes.bigEndian(offset + 5, size: 2) else {
                    throw .corrupt(.jpeg, "its frame header is too short")
                }
                guard width > 0, height > 0 else {
                    throw .corrupt(.jpeg, "its frame header gives a size of \(width) × \(height) pixels")
                }
                guard jpegEnds(bytes) else { throw .truncated(.jpeg) }
                let turned = (5...8).contains(orientation ?? 1)
                return ImageInfo(format: .jpeg, width: turned ? height : width, height: turned ? width : height)
            }
            // The first EXIF segment counts, as in browsers and libvips (a later one, such as an editor's, does not).
            if marker == 0xE1, orientation == nil, let found = exifOrientation(bytes, segment: offset + 2, length: length - 2) {
                orientation = found
            }
            offset += length
        }
    }

    /// How many bytes at the end of a JPEG may follow its end-of-image marker (padding some writers add).
    static let jpegTrailerAllowance = 4096

    /// Whether the end-of-image marker (FF D9) is among the last bytes of the file.
    static func jpegEnds(_ bytes: ByteReader) -> Bool {
        var offset = bytes.count - 2
        let lowest = max(2, bytes.count - 2 - jpegTrailerAllowance)
        while offset >= lowest {
            if bytes.byte(offset) == 0xFF, bytes.byte(offset + 1) == 0xD9 { return true }
            offset -= 1
        }
        return false
    }

    /// The orientation (1 to 8) in an APP1 segment's EXIF data (IFD0's tag 0x0112), or `nil` when the segment is
    /// not EXIF or has none.
    static func exifOrientation(_ bytes: ByteReader, segment: Int, length: Int) -> Int? {
        guard length >= 14, bytes.matches("Exif\0\0", at: segment) else { return nil }
        let tiff = segment + 6, end = segment + length
        let little: Bool
        if bytes.matches([0x49, 0x49, 0x2A, 0x00], at: tiff) {
            little = true
        } else if bytes.matches([0x4D, 0x4D, 0x00, 0x2A], at: tiff) {
            little = false
        } else {
            return nil
        }
        func number(_ offset: Int, _ size: Int) -> Int? {
            guard offset + size <= end else { return nil }
            return little ? bytes.littleEndian(offset, size: size) : bytes.bigEndian(offset, size: size)
        }
        guard let ifd = number(tiff + 4, 4), let entries = number(tiff + ifd, 2) else { return nil }
        for entry in 0..<entries {
            let place = tiff + ifd + 2 + entry * 12
            guard let tag = number(place, 2) else { return nil }
            if tag == 0x0112 {
                // A SHORT, stored in the first two bytes of the value field.
                guard number(place + 2, 2) == 3, let value = number(place + 8, 2), (1...8).contains(value) else { return nil }
                return value
            }
        }
        return nil
    }

    // MARK: WebP

    /// A WebP's size from its first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended, with a canvas size);
    /// the RIFF header's length must fit the file.
    static func webp(_ bytes: ByteReader) throws(ImageInfoError) -> ImageInfo {
        guard let riffLength = bytes.littleEndian(4, size: 4), bytes.count >= 30 else { throw .truncated(.webp) }
        guard riffLength + 8 <= bytes.count else { throw .truncated(.webp) }
        let width: Int, height: Int
        if bytes.matches("VP8 ", at: 12) {
            // A frame tag of three bytes (bit 0 clear on a key frame), the start code 9D 01 2A, then 14-bit sizes.
            guard bytes.byte(20).map({ $0 & 1 == 0 }) == true, bytes.matches([0x9D, 0x01, 0x2A], at: 23) else {
                throw .corrupt(.webp, "its VP8 frame does not start with a key frame")
            }
            width = bytes.littleEndian(26, size: 2)! & 0x3FFF
            height = bytes.littleEndian(28, size: 2)! & 0x3FFF
        } else if bytes.matches("VP8L", at: 12) {
            // The signature 0x2F, then width − 1 and height − 1 in 14 bits each.
            guard bytes.byte(20) == 0x2F, let packed = bytes.littleEndian(21, size: 4) else {
                throw .corrupt(.webp, "its VP8L stream has no signature")
            }
            width = (packed & 0x3FFF) + 1
            height = ((packed >> 14) & 0x3FFF) + 1
        } else if bytes.matches("VP8X", at: 12) {
            // Flags and three reserved bytes, then the canvas's width − 1 and height − 1 in 24 bits each.
            width = bytes.littleEndian(24, size: 3)! + 1
            height = bytes.littleEndian(27, size: 3)! + 1
        } else {
            throw .corrupt(.webp, "its first chunk is none of VP8, VP8L and VP8X")
        }
        guard width > 0, height > 0 else { throw .corrupt(.webp, "its header gives a size of \(width) × \(height) pixels") }
        return ImageInfo(format: .webp, width: width, height: height)
    }
}
