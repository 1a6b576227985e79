import Foundation
import KennisbankCore

/// What the output folder holds before a build replaces it whole: a build deletes only files Kennisbank wrote.
///
/// Kennisbank's files are those the manifest of the last write lists, and those the journal of a stopped update
/// in place names (with the temporary files of its writes; see ``SiteManifest``). A folder written before
/// Kennisbank kept a manifest is recognised by the layout of the sites it wrote then: an `index.html` at the
/// top, and only files such a site has. A missing or empty folder is fine; any other file stops the build.
package struct OutputFolder: Sendable {
    /// Whether the folder holds the journal of an update in place that was stopped part way: the site in it may
    /// be part old, part new.
    package var holdsStoppedUpdate: Bool

    /// How many unrecognised files the error names; it counts the others.
    static let namedFiles = 5

    /// Looks at `directory`, or throws an error that names the files in it Kennisbank did not write.
    package static func inspect(_ directory: URL) throws(Diagnostic) -> OutputFolder {
        let root = directory.path
        var info = stat()
        guard stat(root, &info) == 0 else { return OutputFolder(holdsStoppedUpdate: false) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostic(path: root, position: nil, code: .unknownOutputFiles,
                             message: "The output folder '\(root)' is a file, not a folder; a build would replace it. Choose another output folder.")
        }
        let files = try Self.files(below: root)
        let manifest = read(root + "/" + SiteManifest.manifestName).flatMap(SiteManifest.paths(inManifest:))
        let journal = read(root + "/" + SiteManifest.journalName).flatMap(SiteManifest.paths(inJournal:))
        let written = (manifest ?? []).union(journal ?? [])
        let old = manifest == nil && files.contains("index.html")
        let unrecognised = files.filter { path in
            if path == SiteManifest.manifestName || path == SiteManifest.journalName { return false }
            let target = temporaryTarget(of: path) ?? path
            return !written.contains(target) && !(old && isInOldLayout(target))
        }.sorted()
        guard unrecognised.isEmpty else {
            let named = unrecognised.prefix(namedFiles).map { "'\($0)'" }.joined(separator: ", ")
            let more = unrecognised.count > namedFiles ? " and \(unrecognised.count - namedFiles) more" : ""
            let count = unrecognised.count == 1 ? "a file" : "\(unrecognised.count) files"
            throw Diagnostic(path: root, position: nil, code: .unknownOutputFiles,
                             message: "The output folder '\(root)' holds \(count) that Kennisbank did not write: \(named)\(more). "
                                 + "A build replaces the whole folder; move \(unrecognised.count == 1 ? "it" : "them") elsewhere or choose another output folder.")
        }
        return OutputFolder(holdsStoppedUpdate: journal != nil)
    }

    /// The files at the top of a site written before Kennisbank kept a manifest (the search index was once
    /// one file, `search-index.json`, and a script of it).
    private static let oldTopFiles: Set = ["index.html", "404.html", "concepts.json", "feed.xml", "sitemap.xml", "robots.txt",
                                           "search-index.json", "search-index.js"]

    /// Whether `path` is a file such a site has: a page (`…/index.html`, redirects included), a file at the top,
    /// an asset, a shard of the search index as it was (`search/<n>.js`), or a file of the index by word
    /// (`search/terms/<key>.js`, `search/words/<ab>.js`), which a site whose manifest was lost has.
    static func isInOldLayout(_ path: String) -> Bool {
        oldTopFiles.contains(path) || path.hasSuffix("/index.html") || path.hasPrefix("assets/")
            || path.hasPrefix("search/") && path.hasSuffix(".js") && Int(path.dropFirst("search/".count).dropLast(".js".count)) != nil
            || isSearchFile(path, folder: "search/terms/") || isSearchFile(path, folder: "search/words/")
    }

    /// Whether `path` is `<folder><name>.js` with a name of lowercase ASCII letters and digits.
    private static func isSearchFile(_ path: String, folder: String) -> Bool {
        guard path.hasPrefix(folder), path.hasSuffix(".js") else { return false }
        let name = path.utf8.dropFirst(folder.utf8.count).dropLast(3)
        return !name.isEmpty && name.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) }
    }

    /// The path of the file a temporary file at `path` was written for, or `nil` when it is not a temporary file.
    private static func temporaryTarget(of path: String) -> String? {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return FileWriting.target(ofTemporary: String(path[slash...])).map { String(path[..<slash]) + $0 }
    }

    /// Every entry below `root` that is not a folder (files, symbolic links, not followed), by path below it; a
    /// folder that cannot be read is listed itself, with a `/`, since what it holds cannot be told.
    private static func files(below root: String) throws(Diagnostic) -> [String] {
        var found: [String] = []
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
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(root + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder { folders.append(path) } else { found.append(path) }
            }
        }
        return found
    }

    private static func read(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}
