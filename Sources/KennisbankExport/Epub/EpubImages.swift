import Foundation
import KennisbankCore
import KennisbankContent
import KennisbankLinking
import KennisbankMarkdown

/// An image the book holds: the file a figure of one of its documents shows.
package struct EpubImage: Sendable, Equatable {
    /// Its file, relative to the package document (`afbeeldingen/figuur-1.png`, the path the site serves it at).
    package var file: String
    /// Its manifest id.
    package var id: String
    /// Its media type.
    package var mediaType: String
    /// Its bytes.
    package var data: Data

    /// The images the figures of the site's pages show, in the order of their files: each once, however many
    /// figures show it.
    static func shown(in site: LinkedSite) -> [EpubImage] {
        var paths = Set<String>()
        for page in site.pages.values {
            for block in page.document.blocks {
                if case .figure(let figure) = block.kind, figure.file != nil { paths.insert(figure.source) }
            }
        }
        let byPath = Dictionary(uniqueKeysWithValues: site.content.images.values.map { ($0.sitePath, $0) })
        return paths.sorted().enumerated().compactMap { index, path in
            guard let image = byPath[path], let format = image.info?.format else { return nil }
            return EpubImage(file: path, id: "afbeelding-\(index + 1)", mediaType: format.mediaType, data: image.bytes)
        }
    }
}
