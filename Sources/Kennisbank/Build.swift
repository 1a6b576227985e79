import Foundation

/// The whole pipeline, one named step per stage: read → parse → link → render → write.
///
/// ```swift
/// let report = try Build(contentDirectory: "Content", templatesDirectory: "Templates", outputDirectory: "Site").run()
/// ```
public struct Build: Sendable {
    /// Where the author's markdown lives.
    public var contentDirectory: String
    /// Where the Mustache templates and assets live.
    public var templatesDirectory: String
    /// Where the site is written.
    public var outputDirectory: String
    /// Whether warnings count as errors.
    public var strict: Bool
    /// The disk, or memory in tests.
    public var fileSystem: any FileSystem

    /// Creates a build.
    public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates", outputDirectory: String = "Site",
                strict: Bool = false, fileSystem: any FileSystem = DiskFileSystem()) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.strict = strict
        self.fileSystem = fileSystem
    }

    /// What a build produced.
    public struct Report: Sendable {
        /// The files of the site.
        public var files: [OutputFile]
        /// Warnings (errors throw).
        public var diagnostics: [Diagnostic]
        /// The linked site, for checks and tests.
        public var site: LinkedSite
    }

    /// Reads, parses, links and renders, without touching the output folder.
    ///
    /// The work runs on threads with large stacks (see ``DeepStack``), so deeply nested input cannot
    /// overflow a stack.
    public func generate() throws(BuildFailure) -> Report {
        let result: Result<Report, BuildFailure> = DeepStack.run {
            // The markdown trees are released here too, on the deep stack, not by the caller.
            do throws(BuildFailure) { return .success(try generateOnThisThread().withoutTrees()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private func generateOnThisThread() throws(BuildFailure) -> Report {
        let content = try ContentLoader(directory: contentDirectory, fileSystem: fileSystem).load()
        let templates = try TemplateLibrary(directory: templatesDirectory, fileSystem: fileSystem)
        let linked = SiteLinker(content: content).link()
        var diagnostics = linked.diagnostics
        diagnostics += OutputSafety.check(content)
        if diagnostics.contains(where: { $0.severity == .error }) || strict && !diagnostics.isEmpty {
            throw BuildFailure(diagnostics: diagnostics)
        }
        var files = SiteRenderer(templates: templates).render(linked)
        files.sort { $0.path < $1.path }
        let brokenLinks = LinkChecker(files: files).check()
        diagnostics += brokenLinks
        if strict, !brokenLinks.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        return Report(files: files, diagnostics: diagnostics, site: linked)
    }

    /// Runs the whole pipeline and replaces the output folder only when everything succeeded.
    public func run() throws(BuildFailure) -> Report {
        try OutputSafety.checkOutputFolder(outputDirectory, content: contentDirectory, templates: templatesDirectory)
        let report = try generate()
        do {
            try SiteWriter(directory: URL(fileURLWithPath: outputDirectory)).write(report.files)
        } catch {
            throw BuildFailure(diagnostics: report.diagnostics + [error])
        }
        return report
    }
}

extension Build.Report {
    /// The report without the markdown trees, whose release can recurse as deep as the input.
    func withoutTrees() -> Build.Report {
        var copy = self
        copy.site = site.withoutTrees()
        return copy
    }
}
