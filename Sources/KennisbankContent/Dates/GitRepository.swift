import Foundation

/// The git repository a content folder is in, found the way git finds it: the nearest folder at or above the
/// content folder (symbolic links resolved) with a `.git` folder, or a `.git` file naming one (`gitdir: …`, as in a
/// linked worktree or a submodule). Only what Kennisbank reads of it without running git: whether it is a
/// shallow clone, and what HEAD is (``HeadKey``).
package struct GitRepository: Hashable, Sendable {
    /// The repository's own folder for this work tree (`.git`, or `.git/worktrees/<name>` of a linked worktree).
    package var gitDirectory: String
    /// The folder shared by all work trees (`commondir`), where `shallow`, `packed-refs` and the branches are.
    package var commonDirectory: String

    /// The repository that holds `folder`, or `nil` when no folder at or above it has a `.git`.
    package static func containing(_ folder: String) -> GitRepository? {
        var current = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        let manager = FileManager.default
        while true {
            let dotGit = current.appendingPathComponent(".git").path
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: dotGit, isDirectory: &isFolder) {
                if isFolder.boolValue { return GitRepository(gitDirectory: dotGit) }
                if let named = linkedDirectory(dotGit, relativeTo: current.path) { return GitRepository(gitDirectory: named) }
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The repository whose git folder is `gitDirectory`; its common folder from its `commondir` file, if any.
    init(gitDirectory: String) {
        self.gitDirectory = gitDirectory
        commonDirectory = Self.linkedDirectory(gitDirectory + "/commondir", relativeTo: gitDirectory, prefix: "") ?? gitDirectory
    }

    /// The folder a one-line file names (`gitdir: <path>` in a `.git` file, a bare path in `commondir`), relative
    /// paths taken from `base`; `nil` when the file cannot be read or names nothing.
    private static func linkedDirectory(_ file: String, relativeTo base: String, prefix: String = "gitdir: ") -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8), text.hasPrefix(prefix) else { return nil }
        let path = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty else { return nil }
        return path.hasPrefix("/") ? path : URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }

    /// The commits at the edge of a shallow clone (the hashes in `shallow`): git shows them without their parents,
    /// so a file they list may have changed in a commit the clone lacks. Empty for a whole clone.
    package func shallowCommits() -> Set<Substring> {
        guard let text = try? String(contentsOfFile: commonDirectory + "/shallow", encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline))
    }

    /// What HEAD is now, read from the files alone: `HEAD`, the branch it names (its loose ref, else `packed-refs`)
    /// and `shallow`. While it is equal the history has not moved, so `serve` keeps the dates it has (a commit, a
    /// checkout, a pull, a reset or a deepened clone each change it).
    package struct HeadKey: Equatable, Sendable {
        var head: Data?
        var branch: Data?
        var packedRefs: Data?
        var shallow: Data?
    }

    /// The repository's ``HeadKey`` now.
    package func headKey() -> HeadKey {
        let read = { (path: String) in FileManager.default.contents(atPath: path) }
        let head = read(gitDirectory + "/HEAD")
        var key = HeadKey(head: head, shallow: read(commonDirectory + "/shallow"))
        if let head, let text = String(data: head, encoding: .utf8), text.hasPrefix("ref: ") {
            let name = text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)
            key.branch = read(commonDirectory + "/" + name) ?? read(gitDirectory + "/" + name)
            if key.branch == nil { key.packedRefs = read(commonDirectory + "/packed-refs") }
        }
        return key
    }
}
