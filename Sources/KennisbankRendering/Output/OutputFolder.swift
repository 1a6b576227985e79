import Foundation
import KennisbankCore

/// What the output folder holds before a build replaces it whole: a build deletes only what Kennisbank can prove
/// it wrote.
///
/// Kennisbank's files are those the manifest of the last write lists, and those the journal of a stopped update
/// in place names (with the temporary files of its writes; see ``SiteManifest``). Without a manifest or a journal,
/// only a missing or empty folder is replaced: any file, and any folder (one that holds only empty folders too:
/// someone made them), stops the build. With one, any file it does not account for stops the build, and an empty
/// folder it does not account for (neither a path it lists nor a folder on the way to one) is the user's: the
/// writer carries it over into the new site (``keptFolders``).
package struct OutputFolder: Sendable {
    /// Whether the folder holds the journal of an update in place that was stopped part way: the site in it may
    /// be part old, part new.
    package var holdsStoppedUpdate: Bool
    /// The empty folders that the manifest and journal do not account for, by path below the output folder: the
    /// user made them, and the new site keeps them.
    package var keptFolders: [String] = []

    /// How many unrecognised files the error names; it counts the others.
    static let namedFiles = 5

    /// Looks at `directory`, or throws an error that names the files and folders in it Kennisbank did not write.
    package static func inspect(_ directory: URL) throws(Diagnostic) -> OutputFolder {
        let root = directory.path
        var info = stat()
        guard stat(root, &info) == 0 else { return OutputFolder(holdsStoppedUpdate: false) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostic(path: root, position: nil, code: .unknownOutputFiles,
                             message: "The output folder '\(root)' is a file, not a folder; a build would replace it. Choose another output folder.")
        }
        let (files, emptyFolders) = try Self.entries(below: root)
        let manifest = read(root + "/" + SiteManifest.manifestName).flatMap(SiteManifest.paths(inManifest:))
        let journal = read(root + "/" + SiteManifest.journalName).flatMap(SiteManifest.paths(inJournal:))
        let written = (manifest ?? []).union(journal ?? [])
        let unrecognisedFiles = files.filter { path in
            if path == SiteManifest.manifestName || path == SiteManifest.journalName { return false }
            return !written.contains(temporaryTarget(of: path) ?? path)
        }
        var kept: [String] = []
        var unrecognisedFolders: [String] = []
        if manifest == nil && journal == nil {
            unrecognisedFolders = emptyFolders.map { $0 + "/" }
        } else if !emptyFolders.isEmpty {
            let accounted = folders(of: written)
            kept = emptyFolders.filter { !accounted.contains($0) && !written.contains($0) }.sorted()
        }
        try refuse(root, files: unrecognisedFiles, folders: unrecognisedFolders)
        return OutputFolder(holdsStoppedUpdate: journal != nil, keptFolders: kept)
    }

    /// Throws the error that names `files` and `folders` (each ending in `/`), unless both are empty.
    private static func refuse(_ root: String, files: [String], folders: [String]) throws(Diagnostic) {
        let unrecognised = (files + folders).sorted()
        guard !unrecognised.isEmpty else { return }
        let named = unrecognised.prefix(namedFiles).map { "'\($0)'" }.joined(separator: ", ")
        let more = unrecognised.count > namedFiles ? " and \(unrecognised.count - namedFiles) more" : ""
        let counts = [count(files.count, "a file", "files"), count(folders.count, "an empty folder", "empty folders")]
        throw Diagnostic(path: root, position: nil, code: .unknownOutputFiles,
                         message: "The output folder '\(root)' holds \(counts.compactMap { $0 }.joined(separator: " and ")) that Kennisbank did not write: "
                             + "\(named)\(more). A build replaces the whole folder; move \(unrecognised.count == 1 ? "it" : "them") elsewhere or choose another output folder.")
    }

    /// "a file", "3 files", or `nil` for none.
    private static func count(_ number: Int, _ one: String, _ many: String) -> String? {
        number == 0 ? nil : number == 1 ? one : "\(number) \(many)"
    }

    /// Every folder on the way to one of `paths` (`a` and `a/b` for `a/b/c.html`).
    private static func folders(of paths: Set<String>) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                guard folders.insert(String(path[..<slash])).inserted else { break }
                end = slash
            }
        }
        return folders
    }

    /// The path of the file a temporary file at `path` was written for, or `nil` when it is not a temporary file.
    private static func temporaryTarget(of path: String) -> String? {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return FileWriting.target(ofTemporary: String(path[slash...])).map { String(path[..<slash]) + $0 }
    }

    /// Every entry below `root` that is not a folder (files, symbolic links, not followed), by path below it, and
    /// every folder that holds nothing at all; a folder that cannot be read is listed among the files, with a `/`,
    /// since what it holds cannot be told.
    private static func entries(below root: String) throws(Diagnostic) -> (files: [String], emptyFolders: [String]) {
        var found: [String] = []
        var empty: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            guard let handle = opendir(folder.isEmpty ? root : root + "/" + folder) else {
                guard !folder.isEmpty else {
                    throw Diagnostic(path: root, position: nil, code: .io,
                                     message: "The output folder '\(root)' cannot be read: \(String(cString: strerror(errno))).")
                }
                found.append(folder + "/")
                continue
            }
            defer { closedir(handle) }
            var holdsAny = false
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                holdsAny = true
                let path = folder.isEmpty ? name : folder + "/" + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(root + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder { folders.append(path) } else { found.append(path) }
            }
            if !holdsAny && !folder.isEmpty { empty.append(folder) }
        }
        return (found, empty)
    }

    private static func read(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}
