import ArgumentParser
import Foundation
import Kennisbank

/// `kennisbank`: builds the knowledge base from Content/ and Templates/ into Site/.
@main
struct KennisbankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kennisbank",
        abstract: "Builds a cross-linked knowledge base from markdown articles, concepts and miniatures.",
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// The folders every command reads.
struct Folders: ParsableArguments {
    @Option(help: "The content folder (site.yml, articles/, concepts/, miniatures/, bibliography/).")
    var content = "Content"

    @Option(help: "The folder with the Mustache templates and assets/.")
    var templates = "Templates"
}

/// Prints diagnostics on standard error as `path:line:column: severity: message`.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}
