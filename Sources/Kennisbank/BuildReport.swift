import Foundation
import KennisbankCore
import KennisbankLinking

/// What a build did: the one report of ``Build/generate()``, ``Build/run()``, `IncrementalBuild.run(changedPaths:)`
/// and `serve`'s builders. A build that stops throws a ``BuildFailure`` instead (the builders of `serve` return
/// `Result<BuildReport, BuildFailure>`), so a report is always that of a build that succeeded.
///
/// ```swift
/// let report = try Build(contentDirectory: "Content", templatesDirectory: "Templates", outputDirectory: "Site").run()
/// print(report.pages, report.diagnostics.count, report.incremental == nil)
/// ```
public struct BuildReport: Sendable {
    /// The path of every file of the site, sorted.
    public var paths: [String]
    /// The files themselves, when the build kept them in memory (``Build/generate()``); empty when the build wrote each
    /// to the output folder as it was made (``Build/run()``, an incremental build), where ``paths`` names them.
    package var files: [OutputFile]
    /// Warnings (errors throw).
    public var diagnostics: [Diagnostic]
    /// The warnings that their files acknowledge with `ignoreWarnings`, not among ``diagnostics``.
    public var acknowledged: [Diagnostic]
    /// The linked site: without its markdown trees after ``Build/run()`` and ``Build/generate()``; after an
    /// incremental run, with the trees its memo keeps for the next run anyway (emptying them would be one more pass
    /// over every page of every rebuild).
    package var site: LinkedSite
    /// How long each step took.
    package var times: StepTimes
    /// Lines for the terminal that are not problems, such as that the output folder was repaired.
    public var notes: [String] = []
    /// How long the whole build took, in seconds (zero for ``Build/generate()``, which the caller times).
    public var duration: TimeInterval = 0
    /// What an incremental build did and did not redo; `nil` for a clean build, which does everything.
    package var incremental: Incremental? = nil

    /// The number of HTML pages the site has.
    public var pages: Int { paths.filter { $0.hasSuffix(".html") }.count }

    /// What an incremental build did: the work the edit needed, the rest taken from its earlier runs.
    package struct Incremental: Sendable, Equatable {
        /// The pages whose models changed and that were rendered in this run (the others were unchanged).
        package var renderedPages: Int
        /// The files whose bytes changed and that were written, by path.
        package var writtenFiles: [String]
        /// The files the site no longer has and that were removed, by path.
        package var removedFiles: [String]
        /// The content files parsed in this run (the others were unchanged).
        package var parsedFiles: Int
        /// The pages linked in this run.
        package var linkedPages: Int

        /// Creates a description of an incremental build's work.
        package init(renderedPages: Int, writtenFiles: [String], removedFiles: [String], parsedFiles: Int, linkedPages: Int) {
            self.renderedPages = renderedPages
            self.writtenFiles = writtenFiles
            self.removedFiles = removedFiles
            self.parsedFiles = parsedFiles
            self.linkedPages = linkedPages
        }
    }

    /// Creates a report.
    package init(paths: [String], files: [OutputFile] = [], diagnostics: [Diagnostic], acknowledged: [Diagnostic], site: LinkedSite,
                times: StepTimes, notes: [String] = [], duration: TimeInterval = 0, incremental: Incremental? = nil) {
        self.paths = paths
        self.files = files
        self.diagnostics = diagnostics
        self.acknowledged = acknowledged
        self.site = site
        self.times = times
        self.notes = notes
        self.duration = duration
        self.incremental = incremental
    }
}
