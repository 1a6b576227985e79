import ArgumentParser
import Foundation
import Kennisbank
import KennisbankCore
import KennisbankExport

/// `kennisbank export`: the site's content in the formats of other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export content for other tools: the series as an EPUB 3, a route as an IMS Common Cartridge.",
        subcommands: [EpubCommand.self, CartridgeCommand.self]
    )
}

/// `kennisbank export cartridge <route> --output FILE.imscc [--version 1.1|1.3]`: a route as an IMS Common Cartridge.
struct CartridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cartridge",
        abstract: "Write a route as an IMS Common Cartridge package (.imscc) that a learning platform imports as one module.",
        discussion: "Each step becomes a web link to its published page, carrying the route and the step so the page shows the route bar, "
            + "and a small page with its instruction; site.yml needs 'baseURL', or give --base-url. Version 1.1 (the default) is the newest "
            + "Moodle imports; Canvas imports both. Exit status: 0 when written, 1 on errors, 2 when --strict and there are warnings."
    )

    @Argument(help: "The route's slug: its file name in leerroutes/ without .md.")
    var route: String

    @Option(name: .shortAndLong, help: "The .imscc file to write.")
    var output: String

    @OptionGroup var folders: Folders

    @Option(name: .customLong("base-url"), help: "The published site's address, instead of site.yml's baseURL.")
    var baseURL: String?

    @Option(help: ArgumentHelp("The Common Cartridge version to write: 1.1 (Moodle and Canvas) or 1.3 (Canvas).", valueName: "version"),
            transform: CartridgeCommand.version)
    var version: CommonCartridge = .standard

    @Flag(help: "Include drafts (draft: true): a draft route can only be exported with it.")
    var drafts = false

    @Flag(help: "Treat warnings as fatal (exit 2) and write nothing.")
    var strict = false

    /// The version `--version` names, or an error that lists the versions there are.
    static func version(_ given: String) throws -> CommonCartridge {
        guard let version = CommonCartridge(rawValue: given) else {
            throw ValidationError("--version is \(CommonCartridge.allCases.map(\.rawValue).joined(separator: " or ")), not '\(given)'.")
        }
        return version
    }

    func run() throws {
        try folders.export(drafts: drafts, strict: strict, naming: output) { build in
            let result = try CartridgeExport(build: build, baseURL: baseURL, version: version).run(route: route)
            return Export(diagnostics: result.diagnostics, data: result.data, file: output,
                          summary: "'\(result.module.title)', \(result.module.steps.count) step(s)")
        }
    }
}

/// `kennisbank export epub [--output FILE.epub]`: the series as an EPUB 3.
struct EpubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epub",
        abstract: "Write the series as an EPUB 3: the articles in series order, a glossary of the concepts, the miniatures and the literature.",
        discussion: "The modified date is --modified when given; else the newest of the articles' 'date' and, for content in git, the last commit of each article, concept and miniature; without any, site.yml's 'updated'. "
            + "Two exports of the same content are the same bytes. Exit status: 0 when written, 1 on errors, 2 when --strict and there are warnings."
    )

    @Option(name: .shortAndLong, help: "The .epub file to write (default: the slug of the site's title, .epub).")
    var output: String?

    @OptionGroup var folders: Folders

    @Option(help: "The book's modified date, YYYY-MM-DD, instead of the one the content gives (its dates, git, site.yml's 'updated').")
    var modified: String?

    @Flag(help: "Include drafts (draft: true).")
    var drafts = false

    @Flag(help: "Treat warnings as fatal (exit 2) and write nothing.")
    var strict = false

    @Flag(help: "Print how long each step took: the build's, the e-book's pages and its archive.")
    var timings = false

    func run() throws {
        try folders.export(drafts: drafts, strict: strict, modified: modified, naming: output ?? "epub") { build in
            let result = try EpubExport(build: build, modified: modified).run()
            if timings { standardError(result.times.summary + "\n") }
            return Export(diagnostics: result.diagnostics, data: result.data, file: output ?? result.fileName,
                          summary: "\(result.chapters) chapter(s)")
        }
    }
}

/// What an export made: its warnings, its bytes, the file to write them to and a few words on what it holds.
struct Export {
    var diagnostics: [Diagnostic]
    var data: Data
    var file: String
    var summary: String
}

extension Folders {
    /// Builds the content in memory as an export asks (`drafts`, `strict`, and `modified` for the e-book of
    /// `epub: true`), makes the export from that build, reports its warnings and writes its file. A build that fails exits with the build's status, any other error with 1,
    /// named by `name` (the file, when known); nothing is written then.
    func export(drafts: Bool, strict: Bool, modified: String? = nil, naming name: String, _ make: (Build) throws -> Export) throws {
        var build = Build(contentDirectory: content, templatesDirectory: templatesDirectory, outputDirectory: "", strict: strict)
        build.includesDrafts = drafts
        build.offerEpub(deferred: true, modified: modified)
        do {
            let export = try make(build)
            report(export.diagnostics)
            try export.data.write(to: URL(fileURLWithPath: export.file), options: .atomic)
            standardError("Wrote \(export.file): \(export.summary), \(export.data.count) bytes.\n")
        } catch let failure as BuildFailure {
            report(failure.diagnostics)
            throw ExitCode(DiagnosticFormatter.exitStatus(failure.diagnostics, strict: strict))
        } catch {
            standardError(Sentence.joined(name, error) + "\n")
            throw ExitCode(1)
        }
    }
}
