import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The write step: puts the rendered files in place so that a reader never sees half a site.
///
/// Files are written into a fresh staging folder beside the output folder, from any thread, as soon as
/// they are made (the build streams pages to it while it renders, so their bytes need not stay in
/// memory); only when every file is written does that folder replace the old one, with a manifest of the
/// files (``SiteManifest``). A failed build discards the staging folder and leaves the last good site untouched.
///
/// The old folder is replaced only when it holds nothing but files Kennisbank wrote (``OutputFolder``): the
/// writer looks when it is made, and again just before the swap, and throws an error naming any other file; the
/// user's empty folders in it are made in the new site too. The swap is one step (``FolderSwap``), so the output
/// folder is always a whole site, the old or the new.
///
/// ```swift
/// let writer = try SiteWriter(directory: URL(fileURLWithPath: "Site"))
/// writer.write(file)          // from any thread
/// try writer.commit()         // or writer.discard()
/// ```
package final class SiteWriter: @unchecked Sendable {
    /// The output folder, for example `Site`.
    package let directory: URL
    private let staging: URL
    private let retired: URL
    private let lock = NSLock()
    /// The folders made in the staging folder, relative to it.
    private var folders: Set<Substring> = []
    private var paths: [String] = []
    private var failure: Diagnostic?
    private var finished = false
    /// Lines for the terminal about the folder the writer replaces, such as that it held a site left part old,
    /// part new by a stopped update in place, which the new site replaces whole, or that it was missing and the
    /// site a stopped build had set aside was put back. They hold whether or not the build then succeeds.
    package let notes: [String]

    /// Creates the staging folder beside the output folder, or throws when the output folder holds files
    /// Kennisbank did not write. First of all, it deals with the folders of builds that were stopped
    /// (``LeftoverFolders``): a site left aside by a build stopped in its swap is put back, and ``notes`` says so.
    package init(directory: URL) throws(Diagnostic) {
        self.directory = directory.standardizedFileURL
        let parent = self.directory.deletingLastPathComponent()
        let name = self.directory.lastPathComponent
        let process = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(LeftoverFolders.stagingPrefix(of: name) + "\(process)")
        retired = parent.appendingPathComponent(LeftoverFolders.retiredPrefix(of: name) + "\(process)")
        var notes = LeftoverFolders.recover(self.directory)
        let folder = try OutputFolder.inspect(self.directory)
        if folder.holdsStoppedUpdate {
            notes.append("The output folder '\(directory.path)' was left part old, part new by an update that was stopped part way; it was written whole again.")
        }
        self.notes = notes
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Self.failure(directory, error)
        }
    }

    /// Writes all files and swaps them in: the writer of a build that has every file at hand. Returns the
    /// writer's ``notes``.
    @discardableResult
    package static func write(_ files: [OutputFile], to directory: URL) throws(Diagnostic) -> [String] {
        let writer = try SiteWriter(directory: directory)
        _ = files.parallelMap { writer.write($0) }
        try writer.commit()
        return writer.notes
    }

    /// Writes one file into the staging folder. Safe to call from several threads at once; the first
    /// failure is kept and reported by ``commit()``.
    package func write(_ file: OutputFile) {
        let root = staging.path
        do {
            try record(file.path, in: root)
            try FileWriting.write(file.contents, to: root + "/" + file.path)
        } catch {
            lock.lock()
            if failure == nil { failure = Self.failure(directory, error) }
            lock.unlock()
        }
    }

    /// Notes `path` for the manifest and makes its folder in the staging folder `root`, once per folder.
    private func record(_ path: String, in root: String) throws {
        lock.withLock { paths.append(path) }
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        try makeFolder(path[..<slash], in: root)
    }

    /// Makes `folder` (relative to the staging folder `root`) and those of its parents not made yet in this build,
    /// each with one `mkdir`: the writer remembers the folders it made, so it never asks the file system whether one
    /// exists (Foundation's `createDirectory(withIntermediateDirectories:)` looks at every parent, for every file).
    ///
    /// The `mkdir` runs outside the lock, as it is a write of the file system that may take a while, so that the
    /// other threads go on writing meanwhile. Two threads that both find a folder not made yet both make it; the one
    /// that comes second finds it there (`EEXIST`), and each writes its file only once the folder is there.
    private func makeFolder(_ folder: Substring, in root: String) throws(FileWriting.Failure) {
        guard !lock.withLock({ folders.contains(folder) }) else { return }
        if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolder(folder[..<slash], in: root) }
        let path = root + "/" + folder
        if mkdir(path, 0o777) != 0, errno != EEXIST { throw FileWriting.failure(path) }
        _ = lock.withLock { folders.insert(folder) }
    }

    /// Writes the manifest and replaces the output folder with the staging folder, or reports the first failed
    /// write or a file in the output folder that Kennisbank did not write (and discards the staging folder). The
    /// previous site stays as it was whenever this throws.
    package func commit() throws(Diagnostic) {
        precondition(!finished, "a site writer commits or discards once")
        finished = true
        let manager = FileManager.default
        do throws(Diagnostic) {
            if let failure { throw failure }
            // A file put into the output folder while the site was built is not deleted either.
            let folder = try OutputFolder.inspect(directory)
            do {
                // The user's empty folders stay: the new site has them too.
                for kept in folder.keptFolders {
                    try manager.createDirectory(atPath: staging.path + "/" + kept, withIntermediateDirectories: true)
                }
                try FileWriting.write(SiteManifest.manifest(paths.sorted()), to: staging.path + "/" + SiteManifest.manifestName)
                try FolderSwap.replace(directory.path, with: staging.path, retiring: retired.path, method: Self.swapMethod)
            } catch {
                throw Self.failure(directory, error)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// How the staging folder is swapped in: in one exchange, or with `KENNISBANK_SWAP=renames` in the environment
    /// always with the two renames of the fallback. That variable is a seam for the tests, which stop a build
    /// between the two renames (`SwapStopTests`); nothing else reads it.
    private static var swapMethod: FolderSwap.Method {
        ProcessInfo.processInfo.environment["KENNISBANK_SWAP"] == "renames" ? .renames : .exchange
    }

    /// Removes the staging folder: the build failed, and the output folder stays as it was.
    package func discard() {
        precondition(!finished, "a site writer commits or discards once")
        finished = true
        try? FileManager.default.removeItem(at: staging)
    }

    private static func failure(_ directory: URL, _ error: any Error) -> Diagnostic {
        Diagnostic(path: directory.path, position: nil, code: .io,
                   message: Sentence.joined("The site could not be written", error) + " The previous site is unchanged.")
    }
}
