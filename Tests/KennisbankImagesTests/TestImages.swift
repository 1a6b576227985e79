import Foundation
@testable import KennisbankImages

/// Real image files for the tests, made by libvips from computed pixels (so no binary fixtures are committed),
/// and byte-level edits of them.
enum TestImages {
    /// A `width` × `height` image with a gradient and a diagonal (so scaling has something to do), encoded by the
    /// saver `suffix` names (`.png`, `.jpg`, `.webp[lossless]`); `bands` 3 for RGB, 4 for RGBA.
    static func make(width: Int, height: Int, suffix: String, bands: Int = 3) throws -> Data {
        var pixels = [UInt8](repeating: 0, count: width * height * bands)
        for y in 0..<height {
            for x in 0..<width {
                let base = (y * width + x) * bands
                pixels[base] = UInt8(x * 255 / max(1, width - 1))
                pixels[base + 1] = UInt8(y * 255 / max(1, height - 1))
                pixels[base + 2] = abs(x - y) < 3 ? 255 : 40
                if bands == 4 { pixels[base + 3] = 200 }
            }
        }
        return try Vips.encode(pixels: pixels, width: width, height: height, bands: bands, suffix: suffix)
    }

    /// A JPEG with an EXIF APP1 segment that gives `orientation` (1 to 8) put right after its start-of-image marker.
    static func withOrientation(_ jpeg: Data, _ orientation: UInt8, bigEndian: Bool = false) -> Data {
        let tiff: [UInt8] = bigEndian
            ? [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
            : [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        let segment: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        var result = Data(jpeg.prefix(2))
        result.append(contentsOf: segment)
        result.append(jpeg.dropFirst(2))
        return result
    }

    /// A WebP in the simple format (RIFF header and one VP8 or VP8L chunk) made from the extended one libvips
    /// writes (VP8X first, then the image chunk): the same image data, as many other encoders write it.
    static func simpleWebP(_ extended: Data) -> Data {
        let bytes = [UInt8](extended)
        var offset = 12
        while offset + 8 <= bytes.count {
            let kind = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            if kind == "VP8 " || kind == "VP8L" {
                let chunk = bytes[offset..<end]
                let riff = 4 + chunk.count
                let length = [UInt8(riff & 0xFF), UInt8(riff >> 8 & 0xFF), UInt8(riff >> 16 & 0xFF), UInt8(riff >> 24)]
                return Data(Array("RIFF".utf8) + length + Array("WEBP".utf8) + chunk)
            }
            offset = end
        }
        preconditionFailure("a WebP holds a VP8 or VP8L chunk")
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
