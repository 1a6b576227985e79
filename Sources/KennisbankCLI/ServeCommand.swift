import ArgumentParser
import Foundation
import Kennisbank
import KennisbankServer

/// `kennisbank serve`: builds the site, serves it on localhost and rebuilds and reloads on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it over HTTP and rebuild and reload the browser on every change (drafts included).",
        discussion: "Watches the content and templates folders (a templates folder made while serving counts too). A failed build is shown in the terminal and over the page; the last good site stays served. The built site is the same as `kennisbank build` makes: the live-reload script is added only while serving. After an edit only the pages that show it are rendered again, and only the files that changed are written. The EPUB of 'epub: true' is made when it is downloaded, from the last good build.")

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Option(help: "The address to bind to. The default serves this machine only.")
    var host = "127.0.0.1"

    @Option(help: "The content folder (site.yml, articles/, concepts/, miniatures/, leerroutes/, bibliography/).")
    var content = "Content"

    @Option(help: TemplatesFolder.help)
    var templates: String?

    @Option(help: "The output folder; replaced only when a build succeeds.")
    var output = "Site"

    @Flag(help: "Print how long each step of each build took.")
    var timings = false

    func validate() throws {
        try TemplatesFolder.validate(templates)
    }

    func run() async throws {
        // The templates folder is watched even while it does not exist: once the author makes it, its files count.
        let templates = TemplatesFolder.resolve(templates, content: content)
        var build = Build(contentDirectory: content, templatesDirectory: templates, outputDirectory: output)
        // The author previews drafts (articles and routes with `draft: true`) while writing them.
        build.includesDrafts = true
        // The EPUB of `epub: true` is made when it is downloaded, from the last good build, not on every save.
        build.offerEpub(deferred: true)
        let server = SiteServer(
            configuration: .init(host: host, port: port, outputDirectory: output, watchedDirectories: [content, templates], printsTimings: timings),
            builder: IncrementalSiteBuilder(build: build))
        do {
            try await server.run()
        } catch let error as ServeError {
            standardError("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
