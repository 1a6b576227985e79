import Foundation
import KennisbankCore
import KennisbankMarkdown

/// Gives each figure of the content its image file: where the site serves it, its size and its smaller copies; and
/// says what is wrong: an image that is not there, one without a description, a figure still waiting for its
/// image, an image no page shows.
///
/// A figure names its image as any markdown editor previews it, relative to its own file
/// (`![…](../images/figuur-1.png)` in `articles/…md`), or from the content folder (`/images/figuur-1.png`). The
/// image must lie in `images/`.
enum FigureFiles {
    /// The content with every figure's file found, and the problems.
    static func attach(to content: inout Content, images: [String: ContentImage], directory: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var used = Set<String>()
        func attach(_ item: inout ContentItem) {
            guard item.document.blocks.contains(where: \.isFigure) else { return }
            for index in item.document.blocks.indices {
                guard case .figure(var figure) = item.document.blocks[index].kind else { continue }
                let position = item.document.blocks[index].range.start
                attach(&figure, at: position, of: item.source.path)
                item.document.blocks[index].kind = .figure(figure)
            }
        }
        func attach(_ figure: inout Figure, at position: SourcePosition, of path: String) {
            func report(_ severity: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String, hint: String? = nil) {
                problems.append(Diagnostic(path: path, position: position, severity: severity, code: code, message: message, hint: hint))
            }
            let label = figure.number.map { "Figuur \($0)" } ?? "The figure"
            if figure.isPlaceholder {
                report(.warning, .unavailableFigure, "\(label) has no image yet: the page says that it is not available in this edition.",
                       hint: "put the image in \(ContentImage.folder)/ and its path between the parentheses, as in ![beschrijving](../\(ContentImage.folder)/figuur.png)")
                return
            }
            guard !isAddress(figure.source) else { return }
            guard let name = name(of: figure.source, in: path, directory: directory), let image = images[name] else {
                let hint = Suggestions.closest(to: figure.source.split(separator: "/").last.map(String.init) ?? "", among: images.keys.sorted())
                    .map { "did you mean '\($0)'?" }
                report(.error, .missingImage,
                       "The image '\(figure.source)' is not in the content folder's \(ContentImage.folder)/ folder.", hint: hint ?? "put the file in \(ContentImage.folder)/")
                return
            }
            used.insert(name)
            if figure.alt.allSatisfy(\.isWhitespace) {
                report(.warning, .missingAlt, "The image '\(figure.source)' has no description for readers who cannot see it.",
                       hint: "write what the image shows between the brackets: ![beschrijving](\(figure.source))")
            }
            guard image.isPublished, let info = image.info else { return }
            figure.source = image.sitePath
            figure.file = FigureFile(width: info.width, height: info.height,
                                     variants: image.variantWidths.map { FigureFile.Variant(path: image.variantPath(width: $0), width: $0) })
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
