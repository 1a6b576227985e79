import Mustache
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// HTML made by the engine (a page body, the previews JSON), which a template shows as it is.
///
/// Templates use it like a string (`{{{body}}}`). Its digest is made only when a page's digest is asked for
/// (an incremental build), not in every build.
struct HTMLFragment: MustacheCustomRenderable, Sendable {
    /// The HTML.
    let html: String

    /// Wraps HTML.
    init(_ html: String) {
        self.html = html
    }

    var renderText: String { html }
    var isNull: Bool { false }
}

extension HTMLFragment: Digestible {
    /// The HTML, as a kind of value of its own.
    func digest(into builder: inout DigestBuilder) {
        builder.combine(7)
        builder.combine(html)
    }
}
