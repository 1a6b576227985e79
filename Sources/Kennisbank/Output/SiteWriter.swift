import Foundation

/// The write step: puts the rendered files in place so that a reader never sees half a site.
///
/// Files are written into a fresh temporary folder beside the output folder; only when every file
/// is written does that folder replace the old one. A failed build therefore leaves the last good
/// site untouched.
public struct SiteWriter: Sendable {
    /// The output folder, for example `Site`.
    public var directory: URL

    /// Creates a writer for an output folder.
    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// Writes all files and swaps them in; returns the number of bytes written.
    @discardableResult
    public func write(_ files: [OutputFile]) throws(Diagnostic) -> Int {
        let manager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).building-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            // The folders first, in order; then the files on all cores.
            let root = staging.path
            var folders = Set<String>()
            for file in files {
                guard let slash = file.path.lastIndex(of: "/") else { continue }
                let folder = root + "/" + file.path[..<slash]
                if folders.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
            }
            let failures = files.parallelMap { file -> FileWriting.Failure? in
                do throws(FileWriting.Failure) {
                    try FileWriting.write(file.contents, to: root + "/" + file.path)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            let bytes = files.reduce(0) { $0 + $1.contents.count }
            if manager.fileExists(atPath: directory.path) {
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: directory, to: retired)
                try manager.moveItem(at: staging, to: directory)
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: directory)
            }
            return bytes
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: directory.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: directory)
            }
            throw Diagnostic(path: directory.path, position: nil, code: .io,
                             message: "The site could not be written: \(error.localizedDescription). The previous site is unchanged.")
        }
    }
}
