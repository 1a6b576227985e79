import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// Guards against a build that would write where it must not.
package enum OutputSafety {
    /// The output folder may not be the content or templates folder, the working directory, or a parent of any of them.
    package static func checkOutputFolder(_ output: String, content: String, templates: String) throws(BuildFailure) {
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [content, templates, FileManager.default.currentDirectoryPath].map {
            URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
        }
        for folder in protected where folder == out || folder.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
            throw BuildFailure(diagnostics: [Diagnostic(path: output, position: nil, code: .configuration,
                message: "The output folder '\(output)' contains or is '\(folder)'; building there would delete it. Choose another --output, such as Site.")])
        }
    }

    /// No item's page may be at the path of one of the site's own pages (a concept `kaarten` at the card deck's
    /// `begrippen/kaarten/`). Article and route aliases (old URL paths) must stay inside the site, and each must
    /// name a path no page and no other alias already takes: the redirect would overwrite that page, or two
    /// redirects one another.
    package static func check(_ content: Content) -> [Diagnostic] {
        var diagnostics = reservedPaths(content)
        guard content.redirects.contains(where: { !$0.aliases.isEmpty }) else { return diagnostics }
        // The page at each path: the source file that makes it, or nil for a page the site always has.
        var pages: [String: String?] = [:]
        for path in PageKind.reservedFolders { pages[path] = .some(nil) }
        func add(_ item: ContentItem) { pages[item.id.link.path] = item.source.path }
        content.articles.forEach { add($0.item) }
        content.concepts.forEach { add($0.item) }
        for concept in content.concepts { pages[PageKind.cardLink(of: concept.item.id).path] = concept.item.source.path }
        content.miniatures.forEach { add($0.item) }
        content.routes.forEach { add($0.item) }
        var aliases: [String: String] = [:]
        for (article, redirects) in content.redirects {
            for alias in redirects {
                let path = URLPath.directory(alias)
                if let reason = URLPath.problem(withAlias: alias) {
                    diagnostics.append(problem(article, alias, "The alias '\(Self.shown(alias))' is not a path of the site a redirect can be written at: \(reason). Write an old path such as /artikelen/oude-naam/."))
                } else if let source = pages[path] {
                    let page = source.map { "the page of '\($0)'" } ?? "a page of the site"
                    diagnostics.append(problem(article, alias, "The alias '\(alias)' is the path of \(page) (/\(path)); its redirect would replace that page. Remove the alias or choose another old path."))
                } else if let other = aliases[path] {
                    diagnostics.append(problem(article, alias, "The alias '\(alias)' gives the redirect path /\(path), which \(other) already has; an old path can redirect to one place only."))
                } else {
                    aliases[path] = "the alias '\(alias)' of '\(article.source.path)'"
                }
            }
        }
        return diagnostics
    }

    /// An alias's redirect is a folder with an `index.html`: no alias may lead through a file the site writes
    /// (`/feed.xml`, `/search/0.js`, an asset) or the manifest, where that folder cannot be. Checked once the
    /// site's `files` (their paths) are known, after the aliases passed ``check(_:)``.
    package static func check(_ content: Content, files: [String]) -> [Diagnostic] {
        guard content.redirects.contains(where: { !$0.aliases.isEmpty }) else { return [] }
        let files = Set(files).union([SiteManifest.manifestName, SiteManifest.journalName])
        var diagnostics: [Diagnostic] = []
        for (article, redirects) in content.redirects {
            for alias in redirects {
                let path = URLPath.directory(alias)
                let components = path.split(separator: "/")
                let folders = components.indices.map { components[...$0].joined(separator: "/") }
                guard let file = folders.first(where: files.contains) else { continue }
                diagnostics.append(problem(article, alias, "The alias '\(alias)' would put its redirect at /\(path)index.html, but /\(file) is a file the site writes. Remove the alias or choose another old path."))
            }
        }
        return diagnostics
    }

    /// The error about an alias of an article or route, at the alias's value in its front matter.
    /// An error for each item whose page would be written where one of the site's own pages is.
    private static func reservedPaths(_ content: Content) -> [Diagnostic] {
        let reserved = Set(PageKind.reservedFolders)
        let items = content.articles.map(\.item) + content.concepts.map(\.item) + content.miniatures.map(\.item) + content.routes.map(\.item)
        return items.filter { reserved.contains($0.id.link.path) }.map { item in
            Diagnostic(path: item.source.path, position: nil, code: .invalidSlug,
                       message: "The \(item.id.kind.rawValue) '\(item.id.slug)' would be written at /\(item.id.link.path), where the site has a page of its own; rename the file.")
        }
    }

    private static func problem(_ item: ContentItem, _ alias: String, _ message: String) -> Diagnostic {
        let fields = try? FrontMatter(file: item.source)
        return Diagnostic(path: item.source.path, position: fields?.position(ofValue: "aliases", text: alias),
                          code: .invalidField, message: message)
    }

    /// An alias as a message shows it: control characters as `\u{…}`, and at most 80 characters.
    private static func shown(_ alias: String) -> String {
        let visible = alias.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return visible.count > 80 ? visible.prefix(77) + "..." : visible
    }
}
