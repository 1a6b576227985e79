import ArgumentParser
import Foundation
import Kennisbank
import KennisbankExport
import KennisbankCore

/// `kennisbank`: builds the knowledge base from Content/ into Site/, with the built-in templates or those of Templates/.
@main
struct KennisbankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kennisbank",
        abstract: "Builds a cross-linked knowledge base from markdown articles, concepts and miniatures.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, TemplatesCommand.self, ExportCommand.self, CorpusCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}

/// The options every reading command shares.
struct Folders: ParsableArguments {
    @Option(help: "The content folder (site.yml, articles/, concepts/, miniatures/, leerroutes/, bibliography/).")
    var content = "Content"

    @Option(help: TemplatesFolder.help)
    var templates: String?

    @Option(help: "How to print problems: text (with the source line) or json.")
    var format: DiagnosticFormatter.Format = .text

    /// The templates folder to read: `--templates`, or Templates beside the content folder (see ``TemplatesFolder``).
    var templatesDirectory: String { TemplatesFolder.resolve(templates, content: content) }

    mutating func validate() throws {
        try TemplatesFolder.validate(templates)
    }

    /// Prints diagnostics, and then the acknowledged warnings given: text on standard error, JSON on standard output.
    func report(_ diagnostics: [Diagnostic], acknowledged: [Diagnostic] = []) {
        let output = DiagnosticFormatter(format: format).format(diagnostics, acknowledged: acknowledged)
        switch format {
        case .json: print(output, terminator: "")
        case .text: standardError(output)
        }
    }
}

extension Build {
    /// Gives the build the e-book of site.yml's `epub: true` as its download: written into the site by `build`; when
    /// `deferred`, checked (its modified date) and counted as the site's, so that the home page's link to it holds,
    /// but not made: `serve` makes it when it is requested, `check` and the exports never need it. `modified` is
    /// `export epub --modified`.
    mutating func offerEpub(deferred: Bool, modified: String? = nil) {
        downloads = EpubDownload(contentDirectory: contentDirectory, fallback: modified)
        defersDownloads = deferred
    }
}

/// Writes text to standard error.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
