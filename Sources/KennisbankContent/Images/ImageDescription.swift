import Foundation
import KennisbankCore
import KennisbankImages

/// What a file of `images/` is, read from its header, and what is wrong with it.
enum ImageDescription {
    /// The image at `path` (`name` below `images/`) with its format, size and problems.
    static func describe(path: String, name: String, bytes: Data) -> ContentImage {
        var problems: [Diagnostic] = []
        var info: ImageInfo?
        do throws(ImageInfoError) { info = try ImageInfo.read(bytes) } catch {
            // The header reader says what it found wrong (an unknown format, a file cut short, no size in an SVG).
            problems.append(Diagnostic(path: path, position: nil, severity: .error, code: .unreadableImage,
                                       message: "The image '\(name)' cannot be read: \(error.description)",
                                       hint: "save it again as PNG, JPEG, WebP or SVG"))
        }
        let format = info?.format
        if format == .svg {
            for problem in SVGSafety.problems(in: bytes) {
                problems.append(Diagnostic(path: path, position: problem.position, severity: .error, code: .unsafeImage,
                                           message: "\(problem.description) The site does not copy an SVG that can run script: '\(name)' is left out.",
                                           hint: "remove it from the SVG, or save the image as PNG"))
            }
        }
        if bytes.count > ContentImage.sizeLimit {
            problems.append(Diagnostic(path: path, position: nil, severity: .warning, code: .largeImage,
                                       message: "The image '\(name)' is \(bytes.count / 1000) kB, more than \(ContentImage.sizeLimit / 1000) kB: pages that show it load slowly.",
                                       hint: format?.isRaster == true ? "save it smaller, or as JPEG or WebP" : "simplify it"))
        }
        return ContentImage(path: path, name: name, bytes: bytes, info: info, problems: problems)
    }
}
