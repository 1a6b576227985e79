import Foundation

/// The small seam between the engine and the disk, so tests can build sites from memory.
package protocol FileSystem: Sendable {
    /// The names (not paths) of the entries of a directory, sorted; empty when it does not exist.
    func contentsOfDirectory(atPath path: String) -> [String]
    /// The bytes of a file.
    func contents(atPath path: String) throws -> Data
    /// Whether a regular file or directory exists at the path.
    func exists(atPath path: String) -> Bool
    /// What the file system says of a file without reading it, or `nil` when it cannot say (then the
    /// file is read on every build).
    func stamp(atPath path: String) -> FileStamp?
    /// Whether the entry at the path is a symbolic link (the link itself, not what it leads to).
    func isSymbolicLink(atPath path: String) -> Bool
    /// The absolute path with every symbolic link in it resolved (`realpath`), or `nil` when it leads nowhere.
    func resolvedPath(_ path: String) -> String?
}

extension FileSystem {
    /// No stamps: every build reads every file.
    package func stamp(atPath path: String) -> FileStamp? { nil }
    /// No symbolic links.
    package func isSymbolicLink(atPath path: String) -> Bool { false }
    /// No symbolic links to resolve.
    package func resolvedPath(_ path: String) -> String? { nil }
}

/// What `stat` says of a file: its identity, size and the times it was last modified and last changed (in
/// nanoseconds since 1970). A file whose stamp is unchanged, and whose times lay well in the past when the
/// stamp was taken, has unchanged bytes (see ``StampedFiles``).
package struct FileStamp: Equatable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modified: Int64
    package var changed: Int64
}

/// The real disk.
package struct DiskFileSystem: FileSystem {
    /// Creates the disk seam.
    package init() {}

    /// Read with `opendir`/`readdir`: every build lists the content folders, and FileManager's listing of a
    /// folder of 2,000 articles took milliseconds of an incremental build.
    package func contentsOfDirectory(atPath path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    package func contents(atPath path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    package func exists(atPath path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    package func isSymbolicLink(atPath path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    package func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package func stamp(atPath path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        let nanoseconds = { (time: timespec) in Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
        return FileStamp(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino), size: Int64(info.st_size),
                         modified: nanoseconds(modified), changed: nanoseconds(changed))
    }
}

/// Files held in memory, keyed by path: for tests, and for the live preview's overlays.
package struct InMemoryFileSystem: FileSystem {
    /// The files, by path (`Content/articles/a.md`).
    package var files: [String: Data]

    /// Creates a file system from paths and their text.
    package init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    package func contentsOfDirectory(atPath path: String) -> [String] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            if let name = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted()
    }

    package func contents(atPath path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return data
    }

    package func exists(atPath path: String) -> Bool {
        files[path] != nil || !contentsOfDirectory(atPath: path).isEmpty
    }
}
