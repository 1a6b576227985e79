import XCTest

/// A temporary git repository for the tests of dates from git: files written and committed at fixed moments
/// (`GIT_AUTHOR_DATE`, `GIT_COMMITTER_DATE`), so no test depends on the repository's own history or on the clock.
struct GitRepositoryFixture {
    /// The repository's root.
    let root: URL

    /// A new repository at `root` (which must exist), on branch `main`.
    init(at root: URL) throws {
        self.root = root
        try git(["init", "-q", "-b", "main"])
    }

    /// Runs git in the repository (or in `directory`) with a fixed author and dates; fails on a non-zero exit.
    @discardableResult
    func git(_ arguments: [String], date: String = "2026-01-01T12:00:00+00:00", in directory: URL? = nil) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[name] = nil }
        let (status, text) = try runProgram(["git", "-C", (directory ?? root).path, "-c", "user.name=Proef", "-c", "user.email=proef@example.org",
                                             "-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always"] + arguments,
                                            environment: environment)
        guard status == 0 else {
            throw NSError(domain: "git", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "git \(arguments): \(text)"])
        }
        return text
    }

    /// Writes files (paths relative to the root).
    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Writes files and commits them, and no other file, at `date`.
    func commit(_ files: [String: String], date: String, message: String = "wijziging") throws {
        try write(files)
        try git(["add", "--"] + files.keys.sorted())
        try git(["commit", "-q", "-m", message], date: date)
    }
}
