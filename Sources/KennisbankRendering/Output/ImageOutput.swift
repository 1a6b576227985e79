import Foundation
import KennisbankCore
import KennisbankContent
import KennisbankImages

/// The image files of the site: each image of `Content/images/` that may be published, as it is, at
/// `afbeeldingen/…`, and beside a raster image its smaller copies (``ContentImage/variantWidths``), which libvips
/// makes and the cache folder keeps between builds.
enum ImageOutput {
    /// The files, in path order. In an incremental build a file whose image is unchanged is the one on disk: its
    /// copies are not even looked up. Without a cache folder (a build in memory) the copies are kept in the
    /// system's temporary folder.
    static func files(of images: [String: ContentImage], cache: String?, written: (any WrittenSite)?) -> [SiteRenderer.RenderedFile] {
        let published = images.values.filter(\.isPublished).sorted { $0.name < $1.name }
        guard !published.isEmpty else { return [] }
        let folder = cache.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-afbeeldingen")
        let maker = ImageVariants(cacheFolder: folder)
        return published.parallelMap { image -> [SiteRenderer.RenderedFile] in
            let digest = image.bytes.withUnsafeBytes { Digest(bytes: $0) }
            var files: [SiteRenderer.RenderedFile] = [.assembled(path: image.sitePath, parts: [digest], written: written) { image.bytes }]
            guard let info = image.info else { return files }
            // Made at the first copy that is not on disk already, all widths at once (the same widths, in order).
            var made: [ImageVariant]?
            for (index, width) in image.variantWidths.enumerated() {
                files.append(.assembled(path: image.variantPath(width: width), parts: [digest, Digest(first: width, second: 0)], written: written) {
                    if made == nil { made = (try? maker.variants(of: image.bytes, digest: digest, info: info)) ?? [] }
                    // Where libvips cannot read the pixels (the header was readable), the image itself stands in.
                    guard let made, index < made.count, made[index].width == width, let bytes = try? made[index].bytes() else { return image.bytes }
                    return bytes
                })
            }
            return files
        }.flatMap { $0 }
    }
}
