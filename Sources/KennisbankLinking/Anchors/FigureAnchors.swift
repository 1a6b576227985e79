import KennisbankCore
import KennisbankMarkdown

/// A figure's anchor: `figuur-` and the number its caption gives it ("*Figuur 2. …*" gets `figuur-2`), so
/// `[[artikel#figuur-2]]` reads as the text cites it; a figure without a numbered caption is named by its file
/// (`../images/model-van-kegan.png` gets `figuur-model-van-kegan`). A second figure of a name gets `-2`.
enum FigureAnchors {
    /// The anchor `figure` asks for, before any other place of its page has taken it.
    static func name(of figure: Figure) -> String {
        if let number = figure.number { return "figuur-\(number)" }
        let file = figure.source.split(separator: "/").last.map { $0.split(separator: ".").first ?? $0 } ?? ""
        let slug = Slug.make(from: String(file), ifEmpty: "")
        return slug.isEmpty ? "figuur" : "figuur-" + slug
    }
}
