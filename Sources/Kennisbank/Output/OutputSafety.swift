import Foundation

/// Guards against a build that would write where it must not.
enum OutputSafety {
    /// The output folder may not be the content or templates folder, the working directory, or a parent of any of them.
    static func checkOutputFolder(_ output: String, content: String, templates: String) throws(BuildFailure) {
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [content, templates, FileManager.default.currentDirectoryPath].map {
            URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
        }
        for folder in protected where folder == out || folder.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
            throw BuildFailure(diagnostics: [Diagnostic(path: output, position: nil, code: .configuration,
                message: "The output folder '\(output)' contains or is '\(folder)'; building there would delete it. Choose another --output, such as Site.")])
        }
    }

    /// Article aliases (old URL paths) must stay inside the site.
    static func check(_ content: Content) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for article in content.articles {
            let fields = try? FrontMatter(file: article.item.source)
            for alias in article.redirectsFrom {
                let parts = alias.split(separator: "/")
                if parts.contains("..") || parts.contains(".") || alias.contains("\\") || alias.contains(":") || URLPath.directory(alias).isEmpty {
                    diagnostics.append(Diagnostic(path: article.item.source.path, position: fields?.position(of: "aliases"), code: .invalidField,
                        message: "The alias '\(alias)' is not a path inside the site; write an old path such as /artikelen/oude-naam/."))
                }
            }
        }
        return diagnostics
    }
}
