import KennisbankCore

/// Finds the markdown files below a folder of the content folder, subfolders included.
///
/// A subfolder that is a symbolic link is followed, unless it leads back into the content folder or to a
/// folder the walk is already in: followed, such a link would be walked again and again (until the system
/// stops at forty links), and every file in it read once per level. It is reported once, as a warning.
struct MarkdownFiles {
    /// The content folder, as given to the build.
    var root: String
    /// The disk, or memory in tests.
    var fileSystem: any FileSystem
    /// Which file names are found: markdown files (`.md`) unless told otherwise.
    var matches: @Sendable (String) -> Bool = { $0.hasSuffix(".md") }

    /// The markdown files below `folder`, sorted by path, and a warning for each symbolic link not followed.
    func find(in folder: String) -> (files: [String], loops: [Diagnostic]) {
        var files: [String] = [], loops: [Diagnostic] = []
        walk(folder, stack: [folder], files: &files, loops: &loops)
        return (files.sorted(), loops)
    }

    private func walk(_ folder: String, stack: [String], files: inout [String], loops: inout [Diagnostic]) {
        for name in fileSystem.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
            let child = folder + "/" + name
            if matches(name) {
                files.append(child)
            } else if fileSystem.isSymbolicLink(atPath: child), let loop = loop(at: child, within: stack) {
                loops.append(loop)
            } else if !fileSystem.contentsOfDirectory(atPath: child).isEmpty {
                walk(child, stack: stack + [child], files: &files, loops: &loops)
            }
        }
    }

    /// The warning for the symbolic link at `link` when it leads into the content folder or to a folder on `stack`
    /// (the folders the walk is in), or one that holds them; `nil` for a link to elsewhere.
    private func loop(at link: String, within stack: [String]) -> Diagnostic? {
        guard let target = fileSystem.resolvedPath(link) else { return nil }
        if let content = fileSystem.resolvedPath(root), Self.path(target, isIn: content) {
            let shown = root + target.dropFirst(content.count)
            return Diagnostic(path: link, position: nil, severity: .warning, code: .symlinkLoop,
                              message: "The folder '\(link)' is a symbolic link that loops back into the content folder (to '\(shown)'); Kennisbank does not follow it.")
        }
        guard stack.contains(where: { folder in fileSystem.resolvedPath(folder).map { Self.path($0, isIn: target) } ?? false }) else { return nil }
        return Diagnostic(path: link, position: nil, severity: .warning, code: .symlinkLoop,
                          message: "The folder '\(link)' is a symbolic link that loops back to '\(target)', which holds it; Kennisbank does not follow it.")
    }

    /// Whether `path` is `folder` or lies below it.
    private static func path(_ path: String, isIn folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
