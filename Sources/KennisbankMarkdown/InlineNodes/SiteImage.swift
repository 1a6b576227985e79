import KennisbankCore

/// An image of the content's `images/` folder that the build found for an image inside running text: where the
/// site serves it and the size it is shown at.
package struct SiteImage: Hashable, Sendable {
    /// Its file from the site root (`afbeeldingen/logo.png`); the renderer makes it relative to the page.
    package var path: String
    /// The title the author gave it (`![…](… "titel")`), or empty.
    package var title: String
    /// Its width and height in pixels, as shown (after EXIF rotation), so the line keeps its place while it loads.
    package var width: Int, height: Int

    /// Creates a site image.
    package init(path: String, title: String, width: Int, height: Int) {
        self.path = path
        self.title = title
        self.width = width
        self.height = height
    }
}
