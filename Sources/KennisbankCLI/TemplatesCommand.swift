import ArgumentParser
import Foundation
import KennisbankCore
import KennisbankRendering

/// `kennisbank templates`: the built-in templates.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the built-in templates.",
        subcommands: [ExportTemplatesCommand.self])
}

/// `kennisbank templates export DIR`: the built-in templates and assets written out for the author to change.
struct ExportTemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in templates and assets into a folder, to change them there.",
        discussion: "Creates the folder when needed and prints each file it wrote. A file that is already there is never overwritten: "
            + "one that differs from the built-in file is reported and left as it is, and the exit status is then 1. "
            + "Templates beside the content folder replace the built-in ones file by file, so a folder may keep only the files the author changed.")

    @Argument(help: "The folder to write into, such as Templates.")
    var directory: String

    func run() throws {
        let outcomes: [(path: String, outcome: TemplateExport.Outcome)]
        do {
            outcomes = try TemplateExport().write(to: directory)
        } catch {
            standardError(DiagnosticFormatter().text(error))
            throw ExitCode(1)
        }
        for (path, outcome) in outcomes where outcome == .written { print(path) }
        let different = outcomes.filter { $0.outcome == .different }.map(\.path)
        let problems = different.map {
            Diagnostic(path: $0, position: nil, code: .io, message: "The file exists and differs from the built-in one; Kennisbank does not overwrite it.",
                       hint: "keep your version, or move it away and export again to get the built-in one")
        }
        standardError(DiagnosticFormatter().format(problems))
        let written = outcomes.filter { $0.outcome == .written }.count, same = outcomes.filter { $0.outcome == .unchanged }.count
        standardError("Wrote \(written) file\(written == 1 ? "" : "s") into \(directory)/"
                      + (same > 0 ? "; \(same) already there and the same" : "")
                      + (different.isEmpty ? "" : "; \(different.count) already there and different, left as they are") + ".\n")
        if !different.isEmpty { throw ExitCode(1) }
    }
}
