import ArgumentParser
import Foundation
import Kennisbank

/// `kennisbank build`: the whole pipeline, replacing the output folder only on success.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var folders: Folders

    @Option(help: "The output folder; replaced only when the build succeeds.")
    var output = "Site"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let start = Date()
        let build = Build(contentDirectory: folders.content, templatesDirectory: folders.templates, outputDirectory: output, strict: strict)
        do {
            let result = try build.run()
            report(result.diagnostics)
            let pages = result.files.filter { $0.path.hasSuffix(".html") }.count
            let elapsed = Date().timeIntervalSince(start)
            let warnings = result.diagnostics.count
            print("Built \(pages) pages (\(result.site.content.articles.count) articles, \(result.site.content.concepts.count) concepts, "
                  + "\(result.site.content.miniatures.count) miniatures, \(result.site.references.references.count) references) "
                  + "into \(output)/ in \(String(format: "%.2f", elapsed)) s" + (warnings > 0 ? " with \(warnings) warning\(warnings == 1 ? "" : "s")." : "."))
        } catch {
            report(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("Build failed with \(errors) error\(errors == 1 ? "" : "s"); \(output)/ was not changed.\n".utf8))
            throw ExitCode(1)
        }
    }
}
