import ArgumentParser
import Foundation
import Kennisbank
import KennisbankCore
import KennisbankExport

/// `kennisbank build`: the whole pipeline, replacing the output folder only on success.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "Exit status: 0 when built, 1 on errors, 2 on warnings with --strict. The output folder is replaced only when the build succeeds.")

    @OptionGroup var folders: Folders

    @Option(help: "The output folder; replaced only when the build succeeds.")
    var output = "Site"

    @Flag(help: "Treat warnings as fatal (exit 2) and leave the output folder as it is.")
    var strict = false

    @Flag(help: "Write every internal link to its index.html, for a site read from a folder without a server (also site.yml 'portable: true').")
    var portable = false

    @Flag(help: "Build drafts too: articles and routes with 'draft: true' (a plain build leaves them out; serve always shows them).")
    var drafts = false

    @Flag(help: "Print how long each step took (read and parse, link, render, check links, write).")
    var timings = false

    func run() throws {
        let start = Date()
        var build = Build(contentDirectory: folders.content, templatesDirectory: folders.templatesDirectory, outputDirectory: output, strict: strict)
        build.portable = portable
        build.includesDrafts = drafts
        build.offerEpub(deferred: false)
        do {
            let result = try build.run()
            folders.report(result.diagnostics)
            for note in result.notes { standardError(note + "\n") }
            if timings { standardError(result.times.summary + "\n") }
            let content = result.site.content
            let pages = result.pages
            let warnings = result.diagnostics.count
            standardError("Built \(pages) pages (\(content.articles.count) articles, \(content.concepts.count) concepts, "
                          + "\(content.miniatures.count) miniatures, "
                          + (content.routes.isEmpty ? "" : "\(content.routes.count) route\(content.routes.count == 1 ? "" : "s"), ")
                          + "\(result.site.references.references.count) references) into \(FolderName.shown(output)) in "
                          + String(format: "%.2f s", Date().timeIntervalSince(start))
                          + (warnings > 0 ? " with \(warnings) warning\(warnings == 1 ? "" : "s").\n" : ".\n"))
            if let summary = IgnoredWarnings.summary(of: result.acknowledged) {
                standardError(summary + "; `kennisbank check --show-ignored` lists them.\n")
            }
            // The process ends here: the linked site goes on a thread that the exit does not wait for.
            DeepStack.letGo(consume result)
        } catch {
            folders.report(error.diagnostics)
            for note in error.notes { standardError(note + "\n") }
            let status = DiagnosticFormatter.exitStatus(error.diagnostics, strict: strict)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            // The folder is as it was, or was never there: a build that fails writes no site.
            let outcome = FileManager.default.fileExists(atPath: output) ? "\(FolderName.shown(output)) was not changed" : "no site was written to \(FolderName.shown(output))"
            standardError(status == 2 ? "Build stopped: \(error.diagnostics.count) warning(s) with --strict; \(outcome).\n"
                                      : "Build failed with \(errors) error\(errors == 1 ? "" : "s"); \(outcome).\n")
            throw ExitCode(status)
        }
    }
}
