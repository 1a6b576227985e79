import ArgumentParser
import Foundation
import Kennisbank

/// `kennisbank check`: builds in memory and reports problems, without writing the site.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content, links and citations without writing the site.",
        discussion: "Exit status: 0 when clean, 1 when there are errors, 2 when --strict and there are warnings.")

    @OptionGroup var folders: Folders

    @Flag(help: "Fail (exit 2) on warnings too.")
    var strict = false

    func run() throws {
        let build = Build(contentDirectory: folders.content, templatesDirectory: folders.templates, outputDirectory: "", strict: false)
        do {
            let result = try build.generate()
            report(result.diagnostics)
            if strict, !result.diagnostics.isEmpty {
                FileHandle.standardError.write(Data("\(result.diagnostics.count) warning(s); --strict makes them fatal.\n".utf8))
                throw ExitCode(2)
            }
            print("No problems found" + (result.diagnostics.isEmpty ? "." : " beyond \(result.diagnostics.count) warning(s)."))
        } catch let failure as BuildFailure {
            report(failure.diagnostics)
            throw ExitCode(1)
        }
    }
}
