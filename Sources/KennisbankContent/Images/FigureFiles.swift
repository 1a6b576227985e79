import Foundation
import KennisbankCore
import KennisbankMarkdown

/// Gives each figure of the content its image file: where the site serves it, its size and its smaller copies; gives
/// an image inside running text its file and size the same way (without smaller copies: it is shown small); and says
/// what is wrong: an image that is not there, one without a description, a figure still waiting for its image, an
/// image no page shows.
///
/// A figure names its image as any markdown editor previews it, relative to its own file
/// (`![…](../images/figuur-1.png)` in `articles/…md`), or from the content folder (`/images/figuur-1.png`). The
/// image must lie in `images/`.
enum FigureFiles {
    /// The content with every figure's file found, and every image inside running text that names a file of
    /// `images/` turned into a ``SiteImage``, and the problems.
    static func attach(to content: inout Content, images: [String: ContentImage], directory: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var used = Set<String>()
        func attach(_ item: inout ContentItem) {
            if item.hasFigures {
                for index in item.document.blocks.indices {
                    guard case .figure(var figure) = item.document.blocks[index].kind else { continue }
                    let position = item.document.blocks[index].range.start
                    attach(&figure, at: position, of: item.source.path)
                    item.document.blocks[index].kind = .figure(figure)
                }
            }
            // The inlines are rewritten only where the file holds such an image: a rewrite copies the document, which
            // the build otherwise shares with what it remembers of the file.
            guard item.hasInlineImages else { return }
            let path = item.source.path
            item.document.rewriteBlocks { block, _ in
                guard block.inlines.contains(where: Self.holdsImage) else { return }
                let position = block.range.start
                block.inlines = block.inlines.map { resolveImages(in: $0, at: position, of: path) }
            }
        }
        /// An image of running text made a ``SiteImage`` where its file is one of `images/`, within any inline.
        func resolveImages(in inline: InlineNode, at position: SourcePosition, of path: String) -> InlineNode {
            switch inline {
            case .image(let source, let title, let children):
                guard let image = image(source, alt: children.plainText, at: position, of: path), let info = image.info else { return inline }
                return .siteImage(SiteImage(path: image.sitePath, title: title, width: info.width, height: info.height), children)
            case .emphasis(let children): return .emphasis(children.map { resolveImages(in: $0, at: position, of: path) })
            case .strong(let children): return .strong(children.map { resolveImages(in: $0, at: position, of: path) })
            case .markdownLink(let destination, let title, let children):
                return .markdownLink(destination: destination, title: title, children: children.map { resolveImages(in: $0, at: position, of: path) })
            case .link(let link, let children): return .link(link, children.map { resolveImages(in: $0, at: position, of: path) })
            case .span(let cssClass, let children): return .span(cssClass: cssClass, children.map { resolveImages(in: $0, at: position, of: path) })
            case .text, .softBreak, .lineBreak, .code, .html, .siteImage: return inline
            }
        }
        func attach(_ figure: inout Figure, at position: SourcePosition, of path: String) {
            if figure.isPlaceholder {
                let label = figure.number.map { "Figuur \($0)" } ?? "The figure"
                problems.append(Diagnostic(path: path, position: position, severity: .warning, code: .unavailableFigure,
                    message: "\(label) has no image yet: the page says that it is not available in this edition.",
                    hint: "put the image in \(ContentImage.folder)/ and its path between the parentheses, as in ![beschrijving](../\(ContentImage.folder)/figuur.png)"))
                return
            }
            guard let image = image(figure.source, alt: figure.alt, at: position, of: path), let info = image.info else { return }
            figure.source = image.sitePath
            figure.file = FigureFile(width: info.width, height: info.height,
                                     variants: image.variantWidths.map { FigureFile.Variant(path: image.variantPath(width: $0), width: $0) })
        }
        /// The published image of `images/` a destination names, marked as used; `nil` for an address of its own, an
        /// image that is missing (an error) or one the site does not publish. A missing description is a warning.
        func image(_ source: String, alt: String, at position: SourcePosition, of path: String) -> ContentImage? {
            func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String, hint: String? = nil) {
                problems.append(Diagnostic(path: path, position: position, severity: severity, code: code, message: message, hint: hint))
            }
            guard !isAddress(source) else { return nil }
            guard let name = name(of: source, in: path, directory: directory), let image = images[name] else {
                let hint = Suggestions.closest(to: source.split(separator: "/").last.map(String.init) ?? "", among: images.keys.sorted())
                    .map { "did you mean '\($0)'?" }
                report(.error, .missingImage,
                       "The image '\(source)' is not in the content folder's \(ContentImage.folder)/ folder.", hint: hint ?? "put the file in \(ContentImage.folder)/")
                return nil
            }
            used.insert(name)
            if alt.allSatisfy(\.isWhitespace) {
                report(.warning, .missingAlt, "The image '\(source)' has no description for readers who cannot see it.",
                       hint: "write what the image shows between the brackets: ![beschrijving](\(source))")
            }
            return image.isPublished ? image : nil
        }
        for index in content.articles.indices { attach(&content.articles[index].item) }
        for index in content.concepts.indices { attach(&content.concepts[index].item) }
        for index in content.miniatures.indices { attach(&content.miniatures[index].item) }
        for image in images.values.sorted(by: { $0.name < $1.name }) {
            problems += image.problems
            if !used.contains(image.name) {
                problems.append(Diagnostic(path: image.path, position: nil, severity: .warning, code: .unusedImage,
                                           message: "No page shows the image '\(image.name)'; the site copies it all the same.",
                                           hint: "show it in a figure, or remove it"))
            }
        }
        return problems
    }

    /// Whether a file's text has `![` not followed by another `[` (which opens an embed, `![[miniatuur]]`): only
    /// then may its running text hold an image. A figure's own `![` counts too; its tree then tells.
    static func mayHoldImage(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 2, let base = bytes.baseAddress else { return false }
            // From one "!" to the next with memchr: most text has few, so the scan runs at memchr's speed, as it
            // runs over every file read.
            var index = 0
            while index < bytes.count - 2, let found = memchr(base + index, Int32(UInt8(ascii: "!")), bytes.count - 2 - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == UInt8(ascii: "["), bytes[index + 2] != UInt8(ascii: "[") { return true }
                index += 1
            }
            return false
        }
    }

    /// Whether a block, its children or its inlines hold an image of running text (a figure's is its own kind).
    static func holdsImage(_ block: BlockNode) -> Bool {
        block.inlines.contains(where: holdsImage) || block.children.contains(where: holdsImage)
    }

    /// Whether an inline is an image or holds one.
    static func holdsImage(_ inline: InlineNode) -> Bool {
        switch inline {
        case .image: return true
        case .emphasis(let children), .strong(let children), .markdownLink(_, _, let children), .link(_, let children),
             .span(_, let children):
            return children.contains(where: holdsImage)
        case .text, .softBreak, .lineBreak, .code, .html, .siteImage: return false
        }
    }

    /// Whether a destination is an address of its own (`https://…`, `data:…`, `//host/…`) rather than a file.
    static func isAddress(_ source: String) -> Bool {
        source.hasPrefix("//") || URLPath.hasScheme(source)
    }

    /// The name below `images/` of a figure's destination, written relative to the file at `path` or from the content
    /// folder (a leading `/`), or `nil` for a destination outside `images/`.
    static func name(of source: String, in path: String, directory: String) -> String? {
        let decoded = source.removingPercentEncoding ?? source
        let base: [Substring]
        if decoded.hasPrefix("/") {
            base = []
        } else {
            // The folder of the file, below the content folder.
            let relative = path.hasPrefix(directory + "/") ? path.dropFirst(directory.count + 1) : Substring(path)
            base = relative.split(separator: "/").dropLast()
        }
        var parts = base
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(part)
            }
        }
        guard parts.count >= 2, parts[0] == Substring(ContentImage.folder) else { return nil }
        return parts.dropFirst().joined(separator: "/")
    }
}

extension BlockNode {
    /// Whether the block is a figure.
    var isFigure: Bool { if case .figure = kind { return true } else { return false } }
}
