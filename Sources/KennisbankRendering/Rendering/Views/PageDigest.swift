import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The digest of a page: its view, its template and every template's text. Equal digests render to the
/// same bytes, so a page whose digest is that of the file on disk is not rendered again.
enum PageDigest {
    /// The digest of `view` rendered with `template`, given the digest of all template sources (any
    /// template may include any other as a partial).
    static func of(_ view: any PageView, template: PageTemplate, templates: Digest) -> Digest {
        var builder = DigestBuilder()
        builder.combine(templates)
        builder.combine(template.rawValue)
        view.digest(into: &builder)
        return builder.finalize()
    }
}
