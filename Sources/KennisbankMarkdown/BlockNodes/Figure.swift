/// An image that stands alone in its paragraph, shown as a `<figure>`: the block's children are its caption (one
/// paragraph, or none).
package struct Figure: Hashable, Sendable {
    /// The image's destination: as the author wrote it until the link step, then a path from the site root
    /// (`afbeeldingen/figuur-1.png`) for an image of the content folder, or an address (`https://…`) left as it is.
    /// Empty for a figure whose image is not there yet, which the page shows as not available.
    package var source: String
    /// The image's description (its `alt` text), as plain text.
    package var alt: String
    /// The image's title (`![…](x.png "title")`), or empty.
    package var title: String
    /// The number its caption gives it ("*Figuur 2. …*"), or `nil` without one.
    package var number: Int?
    /// The figure's `id` once the engine has given it one (`figuur-2`).
    package var anchor: String?
    /// Whether the image is loaded only when it comes near the screen (every figure but one at the top of a page).
    package var isLazy: Bool
    /// What the link step learned from the file, or `nil` for an image that is no file of the site.
    package var file: FigureFile?

    /// Creates a figure.
    package init(source: String, alt: String, title: String = "", number: Int? = nil, anchor: String? = nil,
                 isLazy: Bool = true, file: FigureFile? = nil) {
        self.source = source
        self.alt = alt
        self.title = title
        self.number = number
        self.anchor = anchor
        self.isLazy = isLazy
        self.file = file
    }

    /// Whether the figure waits for its image: the author left its destination empty (`![](…)` with nothing
    /// between the parentheses).
    package var isPlaceholder: Bool { source.isEmpty }
}

/// The size of a figure's image and its smaller copies, so the page reserves its place before it loads and the
/// browser picks the copy that fits the screen.
package struct FigureFile: Hashable, Sendable {
    /// The width of the image in CSS pixels.
    package var width: Int
    /// The height of the image in CSS pixels.
    package var height: Int
    /// Smaller copies of a raster image, narrowest first: each a path from the site root and its width.
    package var variants: [Variant]

    /// A smaller copy of an image.
    package struct Variant: Hashable, Sendable {
        /// Its path from the site root.
        package var path: String
        /// Its width in pixels.
        package var width: Int

        /// Creates a variant.
        package init(path: String, width: Int) {
            self.path = path
            self.width = width
        }
    }

    /// Creates what is known of a figure's file.
    package init(width: Int, height: Int, variants: [Variant] = []) {
        self.width = width
        self.height = height
        self.variants = variants
    }
}
