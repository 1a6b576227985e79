import Foundation
import KennisbankCore
import KennisbankLinking
import Kennisbank

/// The downloads of the last good build that are made only when they are requested (``Build/defersDownloads``,
/// as `serve` builds): the EPUB of `epub: true` is made from that build's linked site at the first request after the
/// build, and kept until the next one. A save costs no e-book; a download costs one.
package final class FilesOnRequest: @unchecked Sendable {
    /// What makes the files.
    private let downloads: (any SiteDownloads)?
    /// Guards the fields below.
    private let lock = NSLock()
    /// Held while files are made, so that two requests at once make them once.
    private let making = NSLock()
    /// The last good build's linked site, with its markdown trees; `nil` when it has no downloads.
    private var site: LinkedSite?
    /// The paths of its downloads.
    private var paths: Set<String> = []
    /// The files made since that build, by path.
    private var made: [String: Data] = [:]
    /// Counts the builds, so that files made from an older site are not kept.
    private var generation = 0

    /// Creates the files on request of a build's downloads (none when `downloads` is `nil`).
    package init(downloads: (any SiteDownloads)?) {
        self.downloads = downloads
    }

    /// Whether `path` (below the site root, no leading `/`) is a download of the last good build.
    package func contains(_ path: String) -> Bool {
        lock.withLock { paths.contains(path) }
    }

    /// After a good build: the files are made from `site` from now on, and what was made before is dropped.
    func reset(site: LinkedSite, paths: [String]) {
        lock.withLock {
            self.site = paths.isEmpty ? nil : site
            self.paths = Set(paths)
            made = [:]
            generation += 1
        }
    }

    /// The bytes of the download at `path`, made now if this is the first request since the last good build; `nil`
    /// when `path` is not one of the downloads. Blocks while the files are made (on a thread with a large stack).
    package func file(_ path: String) -> Result<Data, Diagnostic>? {
        making.lock()
        defer { making.unlock() }
        let (site, generation, kept, known) = lock.withLock { (self.site, self.generation, made[path], paths.contains(path)) }
        if let kept { return .success(kept) }
        guard known, let site, let downloads else { return nil }
        let result: Result<[OutputFile], Diagnostic> = DeepStack.run {
            do throws(Diagnostic) { return .success(try downloads.files(of: site)) } catch { return .failure(error) }
        }
        switch result {
        case .failure(let diagnostic):
            return .failure(diagnostic)
        case .success(let files):
            lock.withLock {
                guard generation == self.generation else { return }
                for file in files { made[file.path] = file.contents }
            }
            guard let file = files.first(where: { $0.path == path }) else { return nil }
            return .success(file.contents)
        }
    }
}
