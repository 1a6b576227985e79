import KennisbankContent

/// When a page's file was last committed (``ContentItem/lastModified``), for its "Bijgewerkt op …" line:
/// `{{#updated}}Bijgewerkt op <time datetime="{{datetime}}">{{text}}</time>{{/updated}}`.
struct UpdatedLine: TemplateView {
    /// The moment as git wrote it, in the committer's offset (RFC 3339): the `<time>`'s `datetime`.
    var datetime: String
    /// Its day in Dutch: "29 november 2026".
    var text: String

    static let fields = TemplateFields<UpdatedLine>([
        .init("datetime") { $0.datetime },
        .init("text") { $0.text },
    ])

    /// The line of `item`, or `nil` when it has no date.
    init?(_ item: ContentItem) {
        guard let date = item.lastModified else { return nil }
        datetime = date.text
        text = date.dutch
    }
}
