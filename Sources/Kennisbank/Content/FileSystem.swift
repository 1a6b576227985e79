import Foundation

/// The small seam between the engine and the disk, so tests can build sites from memory.
public protocol FileSystem: Sendable {
    /// The names (not paths) of the entries of a directory, sorted; empty when it does not exist.
    func contentsOfDirectory(atPath path: String) -> [String]
    /// The bytes of a file.
    func contents(atPath path: String) throws -> Data
    /// Whether a regular file or directory exists at the path.
    func exists(atPath path: String) -> Bool
}

/// The real disk.
public struct DiskFileSystem: FileSystem {
    /// Creates the disk seam.
    public init() {}

    public func contentsOfDirectory(atPath path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    public func contents(atPath path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func exists(atPath path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}

/// Files held in memory, keyed by path: for tests, and for the live preview's overlays.
public struct InMemoryFileSystem: FileSystem {
    /// The files, by path (`Content/articles/a.md`).
    public var files: [String: Data]

    /// Creates a file system from paths and their text.
    public init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public func contentsOfDirectory(atPath path: String) -> [String] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            if let name = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted()
    }

    public func contents(atPath path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return data
    }

    public func exists(atPath path: String) -> Bool {
        files[path] != nil || !contentsOfDirectory(atPath: path).isEmpty
    }
}
