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

    /// The images the figures and the running text of the site's pages show, in the order of their files: each
    /// once, however many places show it.
    static func shown(in site: LinkedSite) -> [EpubImage] {
        var paths = Set<String>()
        func collect(_ inlines: [InlineNode]) {
            for inline in inlines {
                switch inline {
                case .siteImage(let image, _): paths.insert(image.path)
                case .emphasis(let children), .strong(let children), .markdownLink(_, _, let children), .image(_, _, let children),
                     .link(_, let children), .span(_, let children):
                    collect(children)
                case .text, .softBreak, .lineBreak, .code, .html: break
                }
            }
        }
        for page in site.pages.values {
            page.document.forEachBlock { block, _ in
                if case .figure(let figure) = block.kind, figure.file != nil { paths.insert(figure.source) }
                collect(block.inlines)
            }
        }
        let byPath = Dictionary(uniqueKeysWithValues: site.content.images.values.map { ($0.sitePath, $0) })
        return paths.sorted().enumerated().compactMap { index, path in
            guard let image = byPath[path], let format = image.info?.format else { return nil }
            return EpubImage(file: path, id: "afbeelding-\(index + 1)", mediaType: format.mediaType, data: image.bytes)
        }
    }
}
