import ArgumentParser
import Foundation
import Kennisbank
import KennisbankCore
import KennisbankExport

/// `kennisbank export`: the site's content in the formats of other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export content for other tools: a route as an IMS Common Cartridge.",
        subcommands: [CartridgeCommand.self]
    )
}

/// `kennisbank export cartridge <route> --output FILE.imscc`: a route as an IMS Common Cartridge 1.3 package.
struct CartridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cartridge",
        abstract: "Write a route as an IMS Common Cartridge 1.3 package (.imscc) that a learning platform imports as one module.",
        discussion: "Each step becomes a web link to its published page and a small page with its instruction; site.yml needs "
            + "'baseURL', or give --base-url. The cartridge is not schema-validated or import-tested. Exit status: 0 when written, 1 on errors, "
            + "2 when --strict and there are warnings."
    )

    @Argument(help: "The route's slug: its file name in leerroutes/ without .md.")
    var route: String

    @Option(name: .shortAndLong, help: "The .imscc file to write.")
    var output: String

    @OptionGroup var folders: Folders

    @Option(name: .customLong("base-url"), help: "The published site's address, instead of site.yml's baseURL.")
    var baseURL: String?

    @Flag(help: "Include drafts (draft: true): a draft route can only be exported with it.")
    var drafts = false

    @Flag(help: "Treat warnings as fatal (exit 2) and write nothing.")
    var strict = false

    func run() throws {
        var build = Build(contentDirectory: folders.content, templatesDirectory: folders.templatesDirectory, outputDirectory: "", strict: strict)
        build.includesDrafts = drafts
        do {
            let result = try CartridgeExport(build: build, baseURL: baseURL).run(route: route)
            folders.report(result.diagnostics)
            try result.data.write(to: URL(fileURLWithPath: output), options: .atomic)
            standardError("Wrote \(output): '\(result.module.title)', \(result.module.steps.count) step(s), \(result.data.count) bytes.\n")
        } catch let failure as BuildFailure {
            folders.report(failure.diagnostics)
            throw ExitCode(DiagnosticFormatter.exitStatus(failure.diagnostics, strict: strict))
        } catch {
            standardError("\(output): \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
    }
}
