import CVips
import Foundation

/// Every call into libvips (and GLib, which it links): the one file that imports CVips.
///
/// libvips is loaded on first use, not linked, so a build without raster figures never maps it; ``start()`` loads
/// and initializes it once per process, whichever thread asks first. libvips is thread-safe once initialized.
package enum Vips {
    /// Why libvips could not do what was asked, with its own message.
    package struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// libvips's message (its error buffer), or ours where it gave none.
        package var message: String

        /// The message.
        package var description: String { message }
    }

    /// Why libvips could not be loaded or started, or `nil` once it is ready; tried once, on first use.
    private static let loadFailure: String? = {
        var reason = [CChar](repeating: 0, count: 512)
        guard kb_vips_load(&reason, reason.count) != 0 else { return nil }
        return String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// Loads and initializes libvips if no call has yet.
    package static func start() throws(Failure) {
        if let loadFailure { throw Failure(message: loadFailure) }
    }

    /// `data` (a PNG, JPEG or WebP file) scaled down to `width` pixels wide, upright by its EXIF orientation, and
    /// encoded by the saver `suffix` names, options in brackets (`.jpg[Q=82,strip]`).
    package static func thumbnail(_ data: Data, width: Int, suffix: String) throws(Failure) -> (bytes: Data, width: Int, height: Int) {
        try start()
        let result: Result<(Data, Int, Int), Failure> = data.withUnsafeBytes { raw in
            var image: OpaquePointer?
            guard let base = raw.baseAddress, kb_vips_thumbnail_buffer(base, raw.count, &image, Int32(width)) == 0,
                  let image else {
                return .failure(Failure(message: takeError()))
            }
            defer { kb_vips_image_release(image) }
            let size = (Int(kb_vips_image_width(image)), Int(kb_vips_image_height(image)))
            return encode(image, suffix: suffix).map { ($0, size.0, size.1) }
        }
        return try result.get()
    }

    /// An image made from 8-bit pixels (`bands` of 1 to 4 per pixel, rows top to bottom) and encoded by the saver
    /// `suffix` names: how the tests make real PNG, JPEG and WebP files without binary fixtures.
    package static func encode(pixels: [UInt8], width: Int, height: Int, bands: Int, suffix: String) throws(Failure) -> Data {
        try start()
        precondition(pixels.count == width * height * bands, "one value per band of every pixel")
        let made = pixels.withUnsafeBytes { raw in
            kb_vips_image_from_pixels(raw.baseAddress, raw.count, Int32(width), Int32(height), Int32(bands))
        }
        guard let made else { throw Failure(message: takeError()) }
        defer { kb_vips_image_release(made) }
        return try encode(made, suffix: suffix).get()
    }

    /// The SHA-256 of `data` as 64 lowercase hexadecimal digits (GLib's): a name for the bytes that is the same in
    /// every process, unlike ``Digest``, so it can name files that outlive the build.
    package static func sha256(_ data: Data) throws(Failure) -> String {
        try start()
        return data.withUnsafeBytes { raw in
            guard let hex = kb_vips_sha256_hex(raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, raw.count) else {
                preconditionFailure("GLib computes a SHA-256 of any bytes")
            }
            defer { kb_vips_free(hex) }
            return String(cString: hex)
        }
    }

    /// An image encoded by a saver.
    private static func encode(_ image: OpaquePointer, suffix: String) -> Result<Data, Failure> {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard kb_vips_write_to_buffer(image, suffix, &buffer, &length) == 0, let buffer else {
            return .failure(Failure(message: takeError()))
        }
        defer { kb_vips_free(buffer) }
        return .success(Data(bytes: buffer, count: length))
    }

    /// libvips's error message, emptied for the next call (its buffer is shared by all threads, so under several
    /// threads the message may be another call's as well).
    private static func takeError() -> String {
        guard let text = kb_vips_error_copy() else { return "libvips gave no reason" }
        defer { kb_vips_free(text) }
        let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? "libvips gave no reason" : message
    }
}
