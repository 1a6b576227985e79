import ArgumentParser
import Foundation
import Kennisbank
import KennisbankContent
import KennisbankCore
import KennisbankLinking

/// `kennisbank check`: builds in memory and reports problems, without writing the site.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content, links and citations without writing the site.",
        discussion: "Exit status: 0 when clean, 1 when there are errors, 2 when --strict and there are warnings. "
            + "Warnings that a file acknowledges with its front-matter field ignoreWarnings are counted in one line, not reported, "
            + "and do not fail --strict; --show-ignored lists them.")

    @OptionGroup var folders: Folders

    @Flag(help: "Fail (exit 2) on warnings too.")
    var strict = false

    @Flag(help: "List every concept mention found automatically, with its sentence, for review (on standard output).")
    var mentions = false

    @Flag(name: .customLong("show-ignored"), help: "Also list the warnings that files acknowledge with ignoreWarnings.")
    var showIgnored = false

    @Flag(help: "Check drafts too: articles and routes with 'draft: true'.")
    var drafts = false

    func run() throws {
        var build = Build(contentDirectory: folders.content, templatesDirectory: folders.templatesDirectory, outputDirectory: "")
        build.includesDrafts = drafts
        build.offerEpub(deferred: true)
        let diagnostics: [Diagnostic], acknowledged: [Diagnostic]
        var review: MentionReview?
        var undated: [String] = []
        do {
            let report = try build.generate()
            (diagnostics, acknowledged) = (report.diagnostics, report.acknowledged)
            undated = report.site.content.undated.lines
            if mentions { review = MentionReview(site: report.site) }
        } catch {
            (diagnostics, acknowledged) = (error.diagnostics, error.acknowledged)
        }
        let shownAcknowledged = showIgnored ? acknowledged : []
        if mentions && folders.format == .json {
            // One JSON document for tools: the diagnostics and the mentions (none when the build failed) side by side.
            let document = JSONValue.object([
                "diagnostics": DiagnosticFormatter(format: .json).json(diagnostics, acknowledged: shownAcknowledged),
                "mentions": review?.jsonValue ?? .array([]),
            ])
            print(String(decoding: document.data(pretty: true), as: UTF8.self))
        } else {
            if let review { print(review.text, terminator: "") }
            folders.report(diagnostics, acknowledged: shownAcknowledged)
        }
        let status = DiagnosticFormatter.exitStatus(diagnostics, strict: strict)
        if folders.format == .text {
            // The files of a content folder in git that have no date, and why: no warnings, but the author may want to know.
            for line in undated { standardError(line + "\n") }
            standardError(diagnostics.isEmpty ? "No problems found.\n"
                          : "\(diagnostics.filter { $0.severity == .error }.count) error(s), \(diagnostics.filter { $0.severity == .warning }.count) warning(s).\n")
            if let summary = IgnoredWarnings.summary(of: acknowledged) {
                standardError(summary + (showIgnored ? " (listed above).\n" : "; `check --show-ignored` lists them.\n"))
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
