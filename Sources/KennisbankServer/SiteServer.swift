import Foundation
import Hummingbird
import Kennisbank
import KennisbankCore

/// `kennisbank serve`: builds the site, serves the output folder over HTTP, rebuilds when the content or the
/// templates change, and tells open tabs to reload (or shows them the build errors).
///
/// ```swift
/// let build = Build(contentDirectory: "Content", templatesDirectory: "Templates", outputDirectory: "Site")
/// let server = SiteServer(configuration: .init(outputDirectory: "Site", watchedDirectories: ["Content", "Templates"]),
///                         builder: FullSiteBuilder(build: build))
/// try await server.run()   // until the task is cancelled
/// ```
package struct SiteServer: Sendable {
    /// Where and what to serve.
    package struct Configuration: Sendable {
        /// The address to bind to; loopback unless asked otherwise.
        package var host: String
        /// The port; 0 picks a free one (see the `onReady` of ``SiteServer/run(onReady:)``).
        package var port: Int
        /// The folder the builder writes and the server serves.
        package var outputDirectory: String
        /// The folders whose changes trigger a rebuild.
        package var watchedDirectories: [String]
        /// How often the watched folders are looked at.
        package var pollInterval: Duration
        /// How long the watched folders must be quiet before a rebuild.
        package var debounce: Duration
        /// Whether each build's step times are printed after its line.
        package var printsTimings: Bool

        /// Creates a configuration.
        package init(host: String = "127.0.0.1", port: Int = 8000, outputDirectory: String = "Site",
                    watchedDirectories: [String] = ["Content", "Templates"],
                    pollInterval: Duration = .milliseconds(150), debounce: Duration = .milliseconds(60), printsTimings: Bool = false) {
            self.host = host
            self.port = port
            self.outputDirectory = outputDirectory
            self.watchedDirectories = watchedDirectories
            self.pollInterval = pollInterval
            self.debounce = debounce
            self.printsTimings = printsTimings
        }
    }

    /// Where and what to serve.
    package var configuration: Configuration
    /// How the site is (re)built.
    package var builder: any SiteBuilding
    /// Where progress and diagnostics go; standard error by default.
    package var log: @Sendable (String) -> Void
    /// The event streams of the open tabs.
    package let hub = LiveReloadHub()

    /// Creates a server; nothing happens until ``run(onReady:)``.
    package init(configuration: Configuration, builder: any SiteBuilding,
                log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.configuration = configuration
        self.builder = builder
        self.log = log
    }

    /// Binds the port, builds once, then serves and watches until the task is cancelled (or the process is interrupted).
    ///
    /// The port is bound before anything is built: a port in use stops `serve` with ``ServeError/portInUse(host:port:)``
    /// and nothing built or written. A failing first build does not stop the server: its diagnostics are printed and
    /// shown in the browser, and the last good site, if any, is served until a change fixes the build.
    /// - Parameter onReady: called with the server's URL once it listens and the first build is done (with the real
    ///   port when port is 0).
    package func run(onReady: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let watcher = ContentWatcher(directories: configuration.watchedDirectories, interval: configuration.pollInterval,
                                     debounce: configuration.debounce)
        let (bound, announce) = AsyncStream<URL>.makeStream()
        let app = application(onBound: { announce.yield($0) })
        let configuration = self.configuration
        let hub = self.hub
        try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { announce.finish() }
                    try await app.run()
                }
                // Whichever ends first (the server failing to bind, or cancellation) ends both.
                defer { group.cancelAll() }
                var announcements = bound.makeAsyncIterator()
                guard let url = await announcements.next() else {
                    // The server ended before it listened: its error (a port in use) ends `run`, with nothing built.
                    do { _ = try await group.next() } catch {
                        throw ServeError(listening: error, host: configuration.host, port: configuration.port)
                    }
                    return
                }
                // The watcher's first look comes before the first build: a file saved while it runs is reported after
                // it, and every later build is told exactly which files changed since the one before.
                let start = watcher.snapshot()
                report(await rebuild(changedPaths: []), after: [])
                log("Serving \(FolderName.shown(configuration.outputDirectory)) at \(url.absoluteString) (watching "
                    + configuration.watchedDirectories.map(FolderName.shown).joined(separator: ", ") + "; Ctrl-C stops)\n")
                await onReady(url)
                group.addTask { await self.watch(watcher, from: start) }
                try await group.next()
            }
        } onCancel: {
            hub.finishAll()
        }
        hub.finishAll()
    }

    /// The HTTP server of the output folder, which calls `onBound` with its URL once its port is bound.
    private func application(onBound: @escaping @Sendable (URL) -> Void) -> Application<SiteResponder> {
        let responder = SiteResponder(resolver: PathResolver(root: URL(fileURLWithPath: configuration.outputDirectory)), hub: hub,
                                      onRequest: builder.filesOnRequest, log: log)
        let configuration = self.configuration
        var application = Application(
            responder: responder,
            server: ConnectionCloseHandler.server,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                onBound(URL(string: "http://\(host):\(port)/")!)
            }
        )
        application.logger.logLevel = .warning
        return application
    }

    /// Watches the content and templates folders from `start` until cancelled: rebuilds and reports on every change,
    /// and sends the open tabs a keep-alive every 15 s, which finds closed tabs.
    private func watch(_ watcher: ContentWatcher, from start: [String: ContentWatcher.Stamp]) async {
        let clock = ContinuousClock()
        var lastKeepAlive = clock.now
        await watcher.watch(from: start, onTick: {
            if clock.now - lastKeepAlive >= .seconds(15) {
                lastKeepAlive = clock.now
                hub.keepAlive()
            }
        }, onChange: { changed in
            let outcome = await self.rebuild(changedPaths: changed)
            self.report(outcome, after: changed)
        })
    }

    /// Runs the builder on a thread of its own, away from the server's threads.
    private func rebuild(changedPaths: [String]) async -> Result<BuildReport, BuildFailure> {
        let builder = self.builder
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: builder.build(changedPaths: changedPaths))
            }
        }
    }

    /// Prints the outcome in the terminal and tells the open tabs.
    private func report(_ outcome: Result<BuildReport, BuildFailure>, after changed: [String]) {
        let formatter = DiagnosticFormatter(format: .text)
        let reason = changed.isEmpty ? "" : "Changed: " + Self.describe(changed) + ". "
        switch outcome {
        case .success(let summary):
            let warnings = summary.diagnostics.count
            let verb = changed.isEmpty ? "Built" : "Rebuilt"
            let time = summary.duration < 1 ? String(format: "%.0f ms", summary.duration * 1000) : String(format: "%.2f s", summary.duration)
            let ending = warnings == 0 ? "." : " with \(warnings) warning\(warnings == 1 ? "" : "s")."
            var work = ""
            if let done = summary.incremental, !changed.isEmpty {
                let (written, removed) = (done.writtenFiles.count, done.removedFiles.count)
                work = " (\(done.renderedPages) rendered, \(written) file\(written == 1 ? "" : "s") written"
                    + (removed > 0 ? ", \(removed) removed)" : ")")
            }
            log(formatter.format(summary.diagnostics) + summary.notes.map { $0 + "\n" }.joined() + reason
                + "\(verb) \(summary.pages) pages\(work) into \(FolderName.shown(configuration.outputDirectory)) in \(time)\(ending)\n"
                + (configuration.printsTimings ? summary.times.summary + "\n" : ""))
            if !changed.isEmpty { hub.buildSucceeded() }
        case .failure(let failure):
            let (diagnostics, notes) = (failure.diagnostics, failure.notes)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let text = formatter.format(diagnostics)
            log(text + notes.map { $0 + "\n" }.joined() + reason + "Build failed with \(errors) error\(errors == 1 ? "" : "s"); serving the last good site.\n")
            hub.buildFailed(text)
        }
    }

    private static func describe(_ paths: [String]) -> String {
        paths.count <= 3 ? paths.joined(separator: ", ") : paths.prefix(3).joined(separator: ", ") + " and \(paths.count - 3) more"
    }
}
