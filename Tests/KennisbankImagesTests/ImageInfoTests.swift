import Foundation
import Testing
@testable import KennisbankImages

/// ``ImageInfo`` reads format and size from headers: real files made by libvips in each format, hand-made headers
/// for the cases libvips does not write, and files cut short or damaged.
@Suite struct ImageInfoTests {
    @Test(arguments: [
        (".png", ImageFormat.png, 3), (".png", .png, 4), (".jpg", .jpeg, 3), (".jpg[interlace]", .jpeg, 3),
        (".webp", .webp, 3), (".webp[lossless]", .webp, 3), (".webp", .webp, 4),
    ])
    func aRealFileGivesItsFormatAndSize(suffix: String, format: ImageFormat, bands: Int) throws {
        let data = try TestImages.make(width: 123, height: 45, suffix: suffix, bands: bands)
        #expect(try ImageInfo.read(data) == ImageInfo(format: format, width: 123, height: 45))
    }

    /// The three kinds of WebP: lossy (VP8) and lossless (VP8L) in the simple format, and the extended one (VP8X),
    /// which libvips writes.
    @Test func theWebPKindsAreEachRead() throws {
        let extended = try [".webp", ".webp[lossless]"].map { try TestImages.make(width: 20, height: 10, suffix: $0) }
        let kinds = extended.map(TestImages.simpleWebP) + [extended[0]]
        #expect(kinds.map { String(decoding: $0[12..<16], as: UTF8.self) } == ["VP8 ", "VP8L", "VP8X"])
        for data in kinds { #expect(ImageInfo(data: data) == ImageInfo(format: .webp, width: 20, height: 10)) }
    }

    /// Orientations 5 to 8 turn the image a quarter: width and height are the upright image's. The segment is put
    /// before the EXIF that libvips writes (orientation 1): the first one counts.
    @Test(arguments: 1...8)
    func anEXIFOrientationTurnsTheSize(orientation: Int) throws {
        let jpeg = try TestImages.make(width: 60, height: 20, suffix: ".jpg")
        let turned = orientation >= 5
        for bigEndian in [false, true] {
            let info = try ImageInfo.read(TestImages.withOrientation(jpeg, UInt8(orientation), bigEndian: bigEndian))
            #expect(info == ImageInfo(format: .jpeg, width: turned ? 20 : 60, height: turned ? 60 : 20))
        }
    }

    /// A hand-made JPEG: fill bytes before a marker, a DHT segment (whose code, C4, lies among the SOF codes)
    /// before the frame, and an SOF15 frame.
    @Test func otherSegmentsBeforeTheFrameAreSkipped() throws {
        let dht: [UInt8] = [0xFF, 0xC4, 0x00, 0x05, 0x00, 0x01, 0x02]
        let sof15: [UInt8] = [0xFF, 0xCF, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x01, 0x01, 0x11, 0x00]
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFF] + [0xE0, 0x00, 0x04, 0x00, 0x00] + dht + sof15 + [0xFF, 0xD9]
        #expect(try ImageInfo.read(Data(bytes)) == ImageInfo(format: .jpeg, width: 600, height: 300))
    }

    /// A file cut anywhere after its signature is reported as cut short, never given a size.
    @Test(arguments: [".png", ".jpg", ".webp", "simple .webp", "simple .webp[lossless]"])
    func aFileCutShortIsTruncated(suffix: String) throws {
        let simple = suffix.hasPrefix("simple ")
        let made = try TestImages.make(width: 64, height: 64, suffix: simple ? String(suffix.dropFirst(7)) : suffix)
        let data = simple ? TestImages.simpleWebP(made) : made
        let format = try ImageInfo.read(data).format
        for length in [12, 20, 30, data.count / 2, data.count - 1] {
            #expect(throws: ImageInfoError.truncated(format), "cut at \(length) of \(data.count)") {
                try ImageInfo.read(data.prefix(length))
            }
        }
    }

    @Test func damagedHeadersAreReported() throws {
        var png = try TestImages.make(width: 8, height: 8, suffix: ".png")
        png[16...19] = Data([0, 0, 0, 0])
        #expect(throws: ImageInfoError.corrupt(.png, "its header gives a size of 0 × 8 pixels")) { try ImageInfo.read(png) }

        // The byte after the first segment (APP0) is not a marker.
        var jpeg = try TestImages.make(width: 8, height: 8, suffix: ".jpg")
        jpeg[4 + Int(jpeg[4]) << 8 + Int(jpeg[5])] = 0x12
        #expect(throws: ImageInfoError.corrupt(.jpeg, "a segment does not start with a marker")) { try ImageInfo.read(jpeg) }

        let scanFirst = Data([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9])
        #expect(throws: ImageInfoError.corrupt(.jpeg, "its image data starts before a frame header")) { try ImageInfo.read(scanFirst) }

        var webp = try TestImages.make(width: 8, height: 8, suffix: ".webp")
        webp[12...15] = Data("ABCD".utf8)
        #expect(throws: ImageInfoError.corrupt(.webp, "its first chunk is none of VP8, VP8L and VP8X")) { try ImageInfo.read(webp) }
    }

    @Test func otherFilesAreNoImage() {
        for text in ["", "GIF89a......", "hello <svg>", "<html><svg width='3' height='4'/></html>", "<?xml version='1.0'?>\n<!-- <svg> --><p/>"] {
            #expect(throws: ImageInfoError.unknownFormat, "\(text)") { try ImageInfo.read(Data(text.utf8)) }
        }
        #expect(ImageInfo(data: Data([0x47, 0x49, 0x46])) == nil)
    }

    @Test(arguments: [
        ("<svg xmlns='http://www.w3.org/2000/svg' width='240' height='120'/>", 240, 120),
        ("<svg width=\"240px\" height=\" 120.4px \"></svg>", 240, 120),
        ("<svg viewBox='0 0 300 150'/>", 300, 150),
        ("<svg viewBox='-10,-10,  40.6,20'/>", 41, 20),
        ("<svg width='100%' height='100%' viewBox='0 0 80 60'/>", 80, 60),
        ("<svg width='400' viewBox='0 0 80 60'/>", 400, 300),
        ("<svg height='30' viewBox='0 0 80 60'/>", 40, 30),
        ("\u{FEFF}<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'>\n<!-- <svg width='1'> -->\n<svg:svg xmlns:svg='http://www.w3.org/2000/svg' width='&#55;0' height='20'/>", 70, 20),
    ])
    func anSVGGivesItsSize(text: String, width: Int, height: Int) throws {
        #expect(try ImageInfo.read(Data(text.utf8)) == ImageInfo(format: .svg, width: width, height: height))
    }

    @Test(arguments: ["<svg/>", "<svg width='10em' height='5em'/>", "<svg width='10'/>", "<svg viewBox='0 0 0 10'/>", "<svg viewBox='0 0 nan 10'/>"])
    func anSVGWithoutAPixelSizeIsReported(text: String) {
        #expect(throws: ImageInfoError.svgWithoutSize) { try ImageInfo.read(Data(text.utf8)) }
    }

    @Test func formatsByExtension() {
        #expect(ImageFormat(fileExtension: "JPG") == .jpeg)
        #expect(ImageFormat(fileExtension: "jpeg") == .jpeg)
        #expect(ImageFormat(fileExtension: "gif") == nil)
        #expect(ImageFormat.allCases.map(\.mediaType) == ["image/png", "image/jpeg", "image/webp", "image/svg+xml"])
    }
}
