import Mustache
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// HTML made by the engine (a page body, the previews JSON) with the digest of its text.
///
/// Templates use it like a string (`{{{body}}}`); the digest lets the render step tell that a page's
/// model is unchanged without reading the whole body again.
struct HTMLFragment: MustacheCustomRenderable, Sendable {
    /// The HTML.
    let html: String
    /// The digest of ``html``.
    let digest: Digest

    /// Wraps HTML, computing its digest once.
    init(_ html: String) {
        var builder = DigestBuilder()
        builder.combine(html)
        self.html = html
        self.digest = builder.finalize()
    }

    var renderText: String { html }
    var isNull: Bool { false }
}

extension HTMLFragment: Digestible {
    /// The HTML's digest, made once when the fragment was made.
    func digest(into builder: inout DigestBuilder) {
        builder.combine(7)
        builder.combine(digest)
    }
}
