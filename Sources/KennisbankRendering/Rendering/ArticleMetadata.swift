import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// What an article page tells machines and citing readers: schema.org JSON-LD (ScholarlyArticle),
/// Open Graph fields, and a ready APA reference to the article itself.
struct ArticleMetadata {
    let article: Article
    let site: SiteConfig

    /// The article's address: absolute when the site's base URL is known, otherwise from the site root.
    var url: String { (site.baseURL ?? "") + article.item.id.link.path }

    /// An author as APA writes them: "C.J. Goedmakers" → "Goedmakers, C. J.".
    static func apaName(_ name: String) -> String {
        if name.contains(",") { return name }
        var words = name.split(separator: " ").map(String.init)
        guard words.count > 1, let surname = words.popLast() else { return name }
        let initials = words.flatMap { word in
            word.split(separator: ".").compactMap { $0.first.map { "\($0)." } }
        }
        return "\(surname), \(initials.joined(separator: " "))"
    }

    /// The APA 7 reference to this article, as plain text. An article without authors is a work without an
    /// author in APA's sense: its title moves to the author's place ("Titel. (2024). Site."); the site's
    /// `author` is never credited with it.
    var apaReference: String {
        let names = article.authors.map(Self.apaName)
        let year = article.date.map { String($0.prefix(4)) } ?? "z.d."
        var title = article.item.title
        // APA 7 writes a subtitle after a colon with its first word capitalised, as the author wrote it.
        if let subtitle = article.subtitle { title += ": " + subtitle }
        let reference: String
        switch names.count {
        case 0: reference = "\(Self.sentence(title)) (\(year)). \(site.title)."
        default:
            let authors = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + ", & " + names.last!
            reference = "\(authors) (\(year)). \(Self.sentence(title)) \(site.title)."
        }
        return site.baseURL == nil ? reference : reference + " " + url
    }

    /// A title closed as APA closes the parts of a reference: with a full stop, unless it ends in a question or exclamation mark.
    private static func sentence(_ title: String) -> String {
        title.last.map { ".?!".contains($0) } == true ? title : title + "."
    }

    /// schema.org JSON-LD, safe to place inside a `<script>` element.
    var jsonLD: String {
        var object: [String: JSONValue] = [
            "@context": .string("https://schema.org"),
            "@type": .string("ScholarlyArticle"),
            "headline": .string(article.item.title),
            "inLanguage": .string(site.language),
            "isPartOf": .object(["@type": .string("CreativeWorkSeries"), "name": .string(site.title)]),
            "author": .array(article.authors.map { .object(["@type": .string("Person"), "name": .string($0)]) }),
        ]
        object["alternativeHeadline"] = .string(article.subtitle)
        object["abstract"] = .string(article.item.summary)
        object["datePublished"] = .string(article.date)
        if let position = article.series { object["position"] = .int(position) }
        if site.baseURL != nil { object["url"] = .string(url) }
        if !article.tags.isEmpty { object["keywords"] = .string(article.tags.joined(separator: ", ")) }
        let data = JSONValue.object(object).data()
        return HTML.scriptJSON(data)
    }
}
