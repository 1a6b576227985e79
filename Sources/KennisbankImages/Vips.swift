import CVips
import Foundation

/// Every call into libvips (and GLib, which it links): the one file that imports CVips.
///
/// libvips is thread-safe once initialized; ``start()`` initializes it once per process, whichever thread asks first.
package enum Vips {
    /// Why libvips could not do what was asked, with its own message.
    package struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// libvips's message (its error buffer), or ours where it gave none.
        package var message: String

        /// The message.
        package var description: String { message }
    }

    /// Whether `vips_init` succeeded; run once, on first use.
    private static let started: Bool = {
        guard vips_init("kennisbank") == 0 else { return false }
        // Each image is scaled once: libvips's cache of operations would only keep decoded images alive.
        vips_cache_set_max(0)
        return true
    }()

    /// Initializes libvips if no call has yet.
    package static func start() throws(Failure) {
        guard started else { throw Failure(message: "libvips could not start: \(takeError())") }
    }

    /// `data` (a PNG, JPEG or WebP file) scaled down to `width` pixels wide, upright by its EXIF orientation, and
    /// encoded by the saver `suffix` names, options in brackets (`.jpg[Q=82,strip]`).
    package static func thumbnail(_ data: Data, width: Int, suffix: String) throws(Failure) -> (bytes: Data, width: Int, height: Int) {
        try start()
        let result: Result<(Data, Int, Int), Failure> = data.withUnsafeBytes { raw in
            var image: UnsafeMutablePointer<VipsImage>?
            guard let base = raw.baseAddress,
                  kb_vips_thumbnail_buffer(UnsafeMutableRawPointer(mutating: base), raw.count, &image, Int32(width)) == 0,
                  let image else {
                return .failure(Failure(message: takeError()))
            }
            defer { g_object_unref(image) }
            let size = (Int(vips_image_get_width(image)), Int(vips_image_get_height(image)))
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
            vips_image_new_from_memory_copy(raw.baseAddress, raw.count, Int32(width), Int32(height), Int32(bands), VIPS_FORMAT_UCHAR)
        }
        guard let made else { throw Failure(message: takeError()) }
        defer { g_object_unref(made) }
        return try encode(made, suffix: suffix).get()
    }

    /// The SHA-256 of `data` as 64 lowercase hexadecimal digits (GLib's): a name for the bytes that is the same in
    /// every process, unlike ``Digest``, so it can name files that outlive the build.
    package static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { raw in
            guard let hex = kb_sha256_hex(raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, raw.count) else {
                preconditionFailure("GLib computes a SHA-256 of any bytes")
            }
            defer { g_free(hex) }
            return String(cString: hex)
        }
    }

    /// An image encoded by a saver.
    private static func encode(_ image: UnsafeMutablePointer<VipsImage>, suffix: String) -> Result<Data, Failure> {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard kb_vips_write_to_buffer(image, suffix, &buffer, &length) == 0, let buffer else {
            return .failure(Failure(message: takeError()))
        }
        defer { g_free(buffer) }
        return .success(Data(bytes: buffer, count: length))
    }

    /// libvips's error message, emptied for the next call (its buffer is shared by all threads, so under several
    /// threads the message may be another call's as well).
    private static func takeError() -> String {
        guard let text = vips_error_buffer_copy() else { return "libvips gave no reason" }
        defer { g_free(text) }
        let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? "libvips gave no reason" : message
    }
}
