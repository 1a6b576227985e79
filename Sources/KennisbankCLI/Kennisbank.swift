import ArgumentParser
import Foundation
import Kennisbank
import KennisbankCore

/// `kennisbank`: builds the knowledge base from Content/ and Templates/ into Site/.
@main
struct KennisbankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kennisbank",
        abstract: "Builds a cross-linked knowledge base from markdown articles, concepts and miniatures.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, CorpusCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}

/// The options every reading command shares.
struct Folders: ParsableArguments {
    @Option(help: "The content folder (site.yml, articles/, concepts/, miniatures/, bibliography/).")
    var content = "Content"

    @Option(help: "The folder with the Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "How to print problems: text (with the source line) or json.")
    var format: DiagnosticFormatter.Format = .text

    /// Prints diagnostics, and then the acknowledged warnings given: text on standard error, JSON on standard output.
    func report(_ diagnostics: [Diagnostic], acknowledged: [Diagnostic] = []) {
        let output = DiagnosticFormatter(format: format).format(diagnostics, acknowledged: acknowledged)
        switch format {
        case .json: print(output, terminator: "")
        case .text: standardError(output)
        }
    }
}

/// Writes text to standard error.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
