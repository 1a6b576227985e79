import Foundation
import Testing
@testable import KennisbankImages

/// The calls into libvips and GLib, loaded on first use, with the option values Kennisbank passes.
@Suite struct VipsTests {
    /// GLib's checksum is SHA-256 (the test vector of FIPS 180-2), not another of its kinds.
    @Test func sha256IsSHA256() throws {
        #expect(try Vips.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// A thumbnail wider than its image keeps the image's size: libvips only scales down.
    @Test func aThumbnailNeverScalesUp() throws {
        let png = try TestImages.make(width: 120, height: 60, suffix: ".png")
        let made = try Vips.thumbnail(png, width: 480, suffix: ".png")
        #expect(made.width == 120 && made.height == 60)
        let smaller = try Vips.thumbnail(png, width: 60, suffix: ".png")
        #expect(smaller.width == 60 && smaller.height == 30)
        #expect(ImageInfo(data: smaller.bytes)?.width == 60)
    }
}
