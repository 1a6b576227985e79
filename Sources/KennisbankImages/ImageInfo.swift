import Foundation

/// The kinds of image file a figure can be.
package enum ImageFormat: String, Hashable, Sendable, CaseIterable {
    case png
    case jpeg
    case webp
    case svg

    /// The format a file name's extension stands for (`.png`, `.jpg`/`.jpeg`, `.webp`, `.svg`; any case), or `nil`.
    package init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "webp": self = .webp
        case "svg": self = .svg
        default: return nil
        }
    }

    /// The extension Kennisbank gives files of this format, without the dot.
    package var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .webp: "webp"
        case .svg: "svg"
        }
    }

    /// The media type, as the EPUB manifest and a server name it.
    package var mediaType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        case .svg: "image/svg+xml"
        }
    }

    /// The name an author knows the format by, for messages.
    package var displayName: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .webp: "WebP"
        case .svg: "SVG"
        }
    }

    /// Whether the format is pixels (and so gets resized variants), rather than a drawing that scales itself.
    package var isRaster: Bool { self != .svg }
}

/// Why a file's format and size could not be read.
package enum ImageInfoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are none of PNG, JPEG, WebP or SVG.
    case unknownFormat
    /// The file starts as the format but ends before its header, or (rasters) before the end the format marks.
    case truncated(ImageFormat)
    /// The header is there but does not make sense, for the reason given.
    case corrupt(ImageFormat, String)
    /// An SVG whose root element gives neither a width and height in pixels nor a usable viewBox.
    case svgWithoutSize

    /// A sentence for the author.
    package var description: String {
        switch self {
        case .unknownFormat:
            "The file is not a PNG, JPEG, WebP or SVG image."
        case .truncated(let format):
            "The \(format.displayName) file is cut short: it ends before the end of the image."
        case .corrupt(let format, let reason):
            "The \(format.displayName) file is damaged: \(reason)."
        case .svgWithoutSize:
            "The SVG gives no size: its <svg> element has no width and height in pixels and no viewBox."
        }
    }
}

/// An image file's format and intrinsic size, as a page's `<img width height>` needs them: read from the file's
/// header, never by decoding its pixels.
///
/// `width` and `height` are the size the image is shown at: a JPEG whose EXIF orientation turns it a quarter
/// (orientations 5 to 8) has them swapped from its stored frame, as browsers and libvips show it upright.
/// An SVG's size is its root element's `width` and `height` in pixels (or unitless), else its viewBox's.
package struct ImageInfo: Hashable, Sendable {
    /// The file's format, from its bytes (not its name).
    package var format: ImageFormat
    /// The width in CSS pixels, at least 1.
    package var width: Int
    /// The height in CSS pixels, at least 1.
    package var height: Int

    /// Creates an info from known values.
    package init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// The info of a whole file's bytes, or `nil` when ``read(_:)`` throws.
    package init?(data: Data) {
        guard let info = try? Self.read(data) else { return nil }
        self = info
    }

    /// Reads the format and size of a whole file's bytes. A raster file must also reach the end its format marks
    /// (PNG's IEND chunk, JPEG's end-of-image marker, WebP's RIFF length), so that a file cut short is caught here,
    /// without decoding it.
    package static func read(_ data: Data) throws(ImageInfoError) -> ImageInfo {
        let result: Result<ImageInfo, ImageInfoError> = data.withUnsafeBytes { raw in
            let bytes = ByteReader(raw)
            do throws(ImageInfoError) {
                if bytes.starts(with: RasterHeaders.pngSignature) { return .success(try RasterHeaders.png(bytes)) }
                if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .success(try RasterHeaders.jpeg(bytes)) }
                if bytes.matches("RIFF", at: 0), bytes.count >= 12, bytes.matches("WEBP", at: 8) {
                    return .success(try RasterHeaders.webp(bytes))
                }
                if let size = try SVGSize.read(bytes) { return .success(size) }
                return .failure(.unknownFormat)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
