import Foundation
import Kennisbank
import KennisbankCore
import KennisbankIncremental

/// The one seam through which the server (re)builds the site.
///
/// The server calls ``build(changedPaths:)`` once at start (with no paths) and again after every batch of
/// changes in the watched folders. A full build (``FullSiteBuilder``) ignores the paths; an incremental
/// builder can use them, and can be swapped in without touching the server.
///
/// `build` is called on a thread of its own, never concurrently with itself, and may block. It returns the build's
/// ``BuildReport`` (with ``BuildReport/incremental`` when the builder redid only part of the site), or the
/// ``BuildFailure`` that stopped it, whose notes are lines for the terminal about the output folder.
package protocol SiteBuilding: Sendable {
    /// Builds the site into the output folder, leaving the last good site in place when the build fails.
    /// - Parameter changedPaths: the files that were added, changed or removed since the previous call;
    ///   empty for the first build.
    func build(changedPaths: [String]) -> Result<BuildReport, BuildFailure>

    /// The downloads of the last good build that the server makes when they are requested, not on every save;
    /// `nil` when the builder writes them all into the output folder.
    var filesOnRequest: FilesOnRequest? { get }
}

extension SiteBuilding {
    /// None: the builder writes every file.
    package var filesOnRequest: FilesOnRequest? { nil }
}

/// Rebuilds the whole site with ``Build/run()`` on every change.
package struct FullSiteBuilder: SiteBuilding {
    /// The build to run.
    package var build: Build

    /// Creates a builder around a build.
    package init(build: Build) {
        self.build = build
    }

    /// Runs the whole pipeline; `changedPaths` is not needed for a full build.
    package func build(changedPaths: [String]) -> Result<BuildReport, BuildFailure> {
        Result { () throws(BuildFailure) in try build.run() }
    }
}

/// Rebuilds with an ``IncrementalBuild``: after an edit, only the pages that show it are rendered and only
/// the files that changed are written. The server's default.
package final class IncrementalSiteBuilder: SiteBuilding {
    private let incremental: IncrementalBuild

    /// Creates a builder that keeps its caches between builds.
    package init(build: Build) {
        self.incremental = IncrementalBuild(build: build)
    }

    /// The incremental build's downloads on request (with ``Build/defersDownloads``).
    package var filesOnRequest: FilesOnRequest? { incremental.onRequest }

    /// Runs the build. The content files not among `changedPaths` are taken as the last build read them,
    /// without looking at them again (the watcher looked); a file saved moments before it was last read is read again.
    package func build(changedPaths: [String]) -> Result<BuildReport, BuildFailure> {
        Result { () throws(BuildFailure) in try incremental.run(changedPaths: changedPaths) }
    }
}

/// Adapts a closure to ``SiteBuilding``, for tests and for builders that are easier written as a function.
package struct ClosureSiteBuilder: SiteBuilding {
    private let body: @Sendable ([String]) -> Result<BuildReport, BuildFailure>

    /// Creates a builder that calls `body` with the changed paths.
    package init(_ body: @escaping @Sendable ([String]) -> Result<BuildReport, BuildFailure>) {
        self.body = body
    }

    /// Calls the closure.
    package func build(changedPaths: [String]) -> Result<BuildReport, BuildFailure> {
        body(changedPaths)
    }
}
