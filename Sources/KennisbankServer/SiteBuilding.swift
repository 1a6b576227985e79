import Foundation
import Kennisbank
import KennisbankCore
import KennisbankIncremental

/// What one (re)build of the site ended in.
public enum BuildOutcome: Sendable {
    /// The site was written; the output folder holds the new site.
    case built(BuildSummary)
    /// The build stopped; the output folder still holds the last good site. `notes` are lines for the terminal about
    /// the output folder, such as that a site a stopped build had set aside was put back.
    case failed(diagnostics: [Diagnostic], notes: [String] = [])

    /// The diagnostics of the build: the warnings of a successful build, or everything a failed build found.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .built(let summary): return summary.warnings
        case .failed(let diagnostics, _): return diagnostics
        }
    }

    /// Whether the build succeeded.
    public var succeeded: Bool {
        if case .built = self { return true }
        return false
    }
}

/// What a successful build reports to the terminal.
public struct BuildSummary: Sendable, Equatable {
    /// The number of HTML pages written.
    public var pages: Int
    /// The warnings the build found.
    public var warnings: [Diagnostic]
    /// How long the build took, in seconds.
    public var duration: TimeInterval
    /// For an incremental build: how many pages were rendered and how many files written or removed.
    public var work: IncrementalWork?
    /// How long each step took, when the builder measured it.
    public var times: StepTimes?
    /// Lines for the terminal that are not problems, such as that the output folder was repaired.
    public var notes: [String]

    /// What an incremental build did.
    public struct IncrementalWork: Sendable, Equatable {
        /// The pages rendered (the others were unchanged).
        public var renderedPages: Int
        /// The files written because their bytes changed.
        public var writtenFiles: Int
        /// The files removed because the site no longer has them.
        public var removedFiles: Int

        /// Creates a description of the work.
        public init(renderedPages: Int, writtenFiles: Int, removedFiles: Int) {
            self.renderedPages = renderedPages
            self.writtenFiles = writtenFiles
            self.removedFiles = removedFiles
        }
    }

    /// Creates a summary.
    public init(pages: Int, warnings: [Diagnostic], duration: TimeInterval, work: IncrementalWork? = nil, times: StepTimes? = nil,
                notes: [String] = []) {
        self.pages = pages
        self.warnings = warnings
        self.duration = duration
        self.work = work
        self.times = times
        self.notes = notes
    }
}

/// The one seam through which the server (re)builds the site.
///
/// The server calls ``build(changedPaths:)`` once at start (with no paths) and again after every batch of
/// changes in the watched folders. A full build (``FullSiteBuilder``) ignores the paths; an incremental
/// builder can use them, and can be swapped in without touching the server.
///
/// `build` is called on a thread of its own, never concurrently with itself, and may block.
public protocol SiteBuilding: Sendable {
    /// Builds the site into the output folder, leaving the last good site in place when the build fails.
    /// - Parameter changedPaths: the files that were added, changed or removed since the previous call;
    ///   empty for the first build.
    func build(changedPaths: [String]) -> BuildOutcome

    /// The downloads of the last good build that the server makes when they are requested, not on every save;
    /// `nil` when the builder writes them all into the output folder.
    var filesOnRequest: FilesOnRequest? { get }
}

extension SiteBuilding {
    /// None: the builder writes every file.
    public var filesOnRequest: FilesOnRequest? { nil }
}

/// Rebuilds the whole site with ``Build/run()`` on every change.
public struct FullSiteBuilder: SiteBuilding {
    /// The build to run.
    public var build: Build

    /// Creates a builder around a build.
    public init(build: Build) {
        self.build = build
    }

    /// Runs the whole pipeline; `changedPaths` is not needed for a full build.
    public func build(changedPaths: [String]) -> BuildOutcome {
        let start = Date()
        do {
            let report = try build.run()
            return .built(BuildSummary(pages: report.pages, warnings: report.diagnostics, duration: Date().timeIntervalSince(start),
                                       times: report.times, notes: report.notes))
        } catch {
            return .failed(diagnostics: error.diagnostics, notes: error.notes)
        }
    }
}

/// Rebuilds with an ``IncrementalBuild``: after an edit, only the pages that show it are rendered and only
/// the files that changed are written. The server's default.
public final class IncrementalSiteBuilder: SiteBuilding {
    private let incremental: IncrementalBuild

    /// Creates a builder that keeps its caches between builds.
    public init(build: Build) {
        self.incremental = IncrementalBuild(build: build)
    }

    /// The incremental build's downloads on request (with ``Build/defersDownloads``).
    public var filesOnRequest: FilesOnRequest? { incremental.onRequest }

    /// Runs the build. The content files not among `changedPaths` are taken as the last build read them,
    /// without looking at them again (the watcher looked); a file saved moments before it was last read is read again.
    public func build(changedPaths: [String]) -> BuildOutcome {
        let start = Date()
        do {
            let report = try incremental.run(changedPaths: changedPaths)
            return .built(BuildSummary(pages: report.pages, warnings: report.diagnostics, duration: Date().timeIntervalSince(start),
                                       work: .init(renderedPages: report.renderedPages, writtenFiles: report.writtenFiles.count,
                                                   removedFiles: report.removedFiles.count),
                                       times: report.times, notes: report.notes))
        } catch {
            return .failed(diagnostics: error.diagnostics, notes: error.notes)
        }
    }
}

/// Adapts a closure to ``SiteBuilding``, for tests and for builders that are easier written as a function.
public struct ClosureSiteBuilder: SiteBuilding {
    private let body: @Sendable ([String]) -> BuildOutcome

    /// Creates a builder that calls `body` with the changed paths.
    public init(_ body: @escaping @Sendable ([String]) -> BuildOutcome) {
        self.body = body
    }

    /// Calls the closure.
    public func build(changedPaths: [String]) -> BuildOutcome {
        body(changedPaths)
    }
}
