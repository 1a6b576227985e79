import Foundation
import KennisbankCore

/// One resized copy of a raster image, in the cache folder.
package struct ImageVariant: Hashable, Sendable {
    /// Its width in pixels: a width of the ladder.
    package var width: Int
    /// Its height in pixels, in the source's proportions.
    package var height: Int
    /// The source's format, which the variant keeps.
    package var format: ImageFormat
    /// The file in the cache folder; copy it into the site (its name is the cache's, not one for readers).
    package var file: URL

    /// Creates a variant.
    package init(width: Int, height: Int, format: ImageFormat, file: URL) {
        self.width = width
        self.height = height
        self.format = format
        self.file = file
    }

    /// The file's bytes.
    package func bytes() throws -> Data { try Data(contentsOf: file) }
}

/// One candidate of an `<img srcset>`: the source itself or a variant, with its width descriptor.
package struct SrcsetCandidate: Hashable, Sendable {
    /// The candidate's width in pixels.
    package var width: Int
    /// The variant, or `nil` for the source file itself.
    package var variant: ImageVariant?

    /// Creates a candidate.
    package init(width: Int, variant: ImageVariant?) {
        self.width = width
        self.variant = variant
    }

    /// The width descriptor that follows the candidate's URL in `srcset` (`480w`).
    package var descriptor: String { "\(width)w" }
}

/// Why the variants of an image could not be made.
package enum ImageVariantError: Error, Hashable, Sendable, CustomStringConvertible {
    /// libvips could not read or write the image.
    case libvips(Vips.Failure)
    /// The cache folder or a file in it could not be written.
    case cache(String)

    /// A sentence for the author.
    package var description: String {
        switch self {
        case .libvips(let failure): "The image could not be resized: \(failure.message)"
        case .cache(let reason): "The resized image could not be stored in the cache: \(reason)"
        }
    }
}

/// The resized variants of raster images, for `srcset`: at each width of a ladder below the source's width, in
/// the source's format (PNG stays PNG, JPEG is JPEG at quality ``quality``, WebP is WebP at it), upright, without
/// metadata (EXIF, ICC profile, comments), scaled by libvips.
///
/// Variants are cached as files in ``cacheFolder``, named by the SHA-256 of the source's bytes, the width and the
/// ``recipe``: a later build, in this process or another, reads them back without calling libvips. A cached file
/// that is not a whole image of the expected format and width is made again, and every file is written to a
/// temporary name and renamed into place, so a reader never sees half a file. Safe to call from several threads
/// at once (two threads making the same variant write the same bytes, and the last rename wins).
package final class ImageVariants: @unchecked Sendable {
    /// The widths variants are made at, in pixels: from a phone's column to twice the widest column.
    package static let standardLadder = [480, 720, 960, 1440]

    /// The quality of JPEG and WebP variants (libvips's `Q`).
    package static let quality = 82

    /// Names how variants are made; part of every cached file's name, so that a change to the encoding (a new
    /// quality, other options) is a new name and old files are not reused.
    package static let recipe = "q\(quality)-v1"

    /// The folder the variants are cached in (made when first needed).
    package let cacheFolder: URL
    /// The widths variants are made at, ascending.
    package let ladder: [Int]

    /// Guards ``calls`` and ``keys``.
    private let lock = NSLock()
    /// How many images libvips has scaled for this instance.
    private var calls = 0
    /// The SHA-256 of each source this instance has seen, by its in-process digest.
    private var keys: [Digest: String] = [:]

    /// Variants cached in `cacheFolder`, at the widths of `ladder`.
    package init(cacheFolder: URL, ladder: [Int] = ImageVariants.standardLadder) {
        self.cacheFolder = cacheFolder
        self.ladder = Array(Set(ladder.filter { $0 > 0 })).sorted()
    }

    /// How many times this instance has called libvips to scale an image (a cached variant costs none).
    package var libvipsCalls: Int { lock.withLock { calls } }

    /// The widths of the ladder strictly below the image's width; none for an SVG.
    package func widths(for info: ImageInfo) -> [Int] {
        Self.widths(for: info, ladder: ladder)
    }

    /// The widths of `ladder` (ascending) strictly below the image's width; none for an SVG. What a site links in
    /// `srcset` before any variant is made, and what ``variants(of:digest:info:)`` makes.
    package static func widths(for info: ImageInfo, ladder: [Int] = standardLadder) -> [Int] {
        info.format.isRaster ? ladder.filter { $0 < info.width } : []
    }

    /// The variants of an image, narrowest first, made or read from the cache: `data` is the source file's bytes,
    /// `digest` their ``Digest`` (it spares hashing the same bytes twice in one process) and `info` what
    /// ``ImageInfo/read(_:)`` said of them. An SVG, or a raster no wider than the narrowest width, has none.
    package func variants(of data: Data, digest: Digest, info: ImageInfo) throws(ImageVariantError) -> [ImageVariant] {
        let widths = widths(for: info)
        guard !widths.isEmpty else { return [] }
        let key = try contentKey(of: data, digest: digest)
        var variants: [ImageVariant] = []
        for width in widths {
            let file = cacheFolder.appendingPathComponent("\(key)-\(width)w-\(Self.recipe).\(info.format.fileExtension)")
            if let cached = Self.cachedVariant(at: file, width: width, format: info.format) {
                variants.append(cached)
                continue
            }
            let made: (bytes: Data, width: Int, height: Int)
            do {
                made = try Vips.thumbnail(data, width: width, suffix: Self.saverSuffix(for: info.format))
            } catch {
                throw .libvips(error)
            }
            lock.withLock { calls += 1 }
            // libvips reads the size itself; where it sees the image narrower than `info` said (another EXIF
            // reading), the variant is not the width its name says, and is left out rather than cached.
            guard made.width == width else { continue }
            try store(made.bytes, at: file)
            variants.append(ImageVariant(width: made.width, height: made.height, format: info.format, file: file))
        }
        return variants
    }

    /// The `srcset` candidates of an image, narrowest first: its variants, then the source at its own width.
    package static func srcset(source: ImageInfo, variants: [ImageVariant]) -> [SrcsetCandidate] {
        variants.sorted { $0.width < $1.width }.map { SrcsetCandidate(width: $0.width, variant: $0) }
            + [SrcsetCandidate(width: source.width, variant: nil)]
    }

    // MARK: Cache

    /// The saver and its options for a format: without metadata, JPEG and WebP at ``quality``.
    static func saverSuffix(for format: ImageFormat) -> String {
        switch format {
        case .png: ".png[strip]"
        case .jpeg: ".jpg[Q=\(quality),strip,optimize_coding]"
        case .webp: ".webp[Q=\(quality),strip]"
        case .svg: preconditionFailure("an SVG is not scaled")
        }
    }

    /// The SHA-256 of a source's bytes, computed once per digest.
    private func contentKey(of data: Data, digest: Digest) throws(ImageVariantError) -> String {
        if let known = lock.withLock({ keys[digest] }) { return known }
        let key: String
        do { key = try Vips.sha256(data) } catch { throw .libvips(error) }
        lock.withLock { keys[digest] = key }
        return key
    }

    /// The variant cached at `file`, or `nil` when there is none, or it is not a whole image of `format` that is
    /// `width` wide (a file cut short, or damaged).
    static func cachedVariant(at file: URL, width: Int, format: ImageFormat) -> ImageVariant? {
        guard let data = try? Data(contentsOf: file), let info = ImageInfo(data: data),
              info.format == format, info.width == width else { return nil }
        return ImageVariant(width: width, height: info.height, format: format, file: file)
    }

    /// Writes a variant's bytes to a temporary file beside `file` and renames it into place.
    private func store(_ bytes: Data, at file: URL) throws(ImageVariantError) {
        let temporary = cacheFolder.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
            try bytes.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cache("\(file.path): \(error.localizedDescription)")
        }
        guard rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cache("\(file.path): \(reason)")
        }
    }
}
