import Foundation
import KennisbankCore
import KennisbankImages

/// An image file of the content folder's `images/` folder, which the site copies to `afbeeldingen/`.
package struct ContentImage: Hashable, Sendable {
    /// The file as the build read it (`Content/images/figuur-1.png`).
    package var path: String
    /// Its path below `images/` (`figuur-1.png`, `hoofdstuk-2/model.svg`).
    package var name: String
    /// Its bytes.
    package var bytes: Data
    /// What it is and how large (an SVG in CSS pixels), read from its header; `nil` for a file that is no PNG, JPEG,
    /// WebP or SVG image Kennisbank can read.
    package var info: ImageInfo?
    /// What is wrong with the file itself: not an image the site can show, a script in an SVG (the site then leaves
    /// the file out), too large to load quickly.
    package var problems: [Diagnostic]

    /// Whether the site copies the file: it is an image, and no SVG with a script.
    package var isPublished: Bool { info != nil && !problems.contains { $0.severity == .error } }

    /// The folder of the content folder that holds the images.
    package static let folder = "images"
    /// The folder of the site the images are copied to.
    package static let siteFolder = "afbeeldingen"
    /// The file size above which `check` warns that an image makes its page slow (bytes).
    package static let sizeLimit = 2_000_000

    /// Where the site serves the image, from its root (`afbeeldingen/figuur-1.png`).
    package var sitePath: String { Self.siteFolder + "/" + name }
}

extension ContentImage {
    /// The widths of the smaller copies a raster image gets: those of the ladder below its own width.
    package var variantWidths: [Int] {
        info.map { ImageVariants.widths(for: $0) } ?? []
    }

    /// Where the site serves the copy `width` pixels wide: beside the image, the width before its extension
    /// (`afbeeldingen/figuur-1.480w.png`).
    package func variantPath(width: Int) -> String {
        let path = sitePath
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + ".\(width)w" }
        return path[..<dot] + ".\(width)w" + path[dot...]
    }
}
