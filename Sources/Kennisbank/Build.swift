import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering

/// The whole pipeline, one named step per stage: read → parse → link → render → write.
///
/// ```swift
/// let report = try Build(contentDirectory: "Content", templatesDirectory: "Templates", outputDirectory: "Site").run()
/// ```
public struct Build: Sendable {
    /// Where the author's markdown lives.
    public var contentDirectory: String
    /// The folder whose templates and assets replace the built-in ones, file by file; a folder that does not exist
    /// leaves the built-ins as they are.
    public var templatesDirectory: String
    /// Where the site is written.
    public var outputDirectory: String
    /// Whether warnings count as errors.
    public var strict: Bool
    /// Whether every internal link names its `index.html`, for a site read from a folder (`build --portable`); also
    /// when site.yml says `portable: true`.
    public var portable = false
    /// Whether drafts (articles and routes with `draft: true`) are built too (`build --drafts`, `serve`).
    public var includesDrafts = false
    /// The files made from the linked site outside the engine, such as the EPUB of `epub: true`; `nil` for none.
    package var downloads: (any SiteDownloads)? = nil
    /// Whether the downloads are checked but not made: the build checks what it can without making them and counts
    /// their paths as the site's files (so links to them hold), and hands the paths on in ``Generated/onRequest``.
    /// `serve` makes them when they are requested; `check` and the exports do not need them.
    package var defersDownloads = false
    /// The disk, or memory in tests.
    package var fileSystem: any FileSystem

    /// Creates a build that reads and writes the disk.
    public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates", outputDirectory: String = "Site",
                strict: Bool = false) {
        self.init(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory, outputDirectory: outputDirectory,
                  strict: strict, fileSystem: DiskFileSystem())
    }

    /// Creates a build over the given file system (memory, in tests).
    package init(contentDirectory: String = "Content", templatesDirectory: String = "Templates", outputDirectory: String = "Site",
                 strict: Bool = false, fileSystem: any FileSystem) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.strict = strict
        self.fileSystem = fileSystem
    }

    /// The folder that keeps the smaller copies of the content's images between builds: `.kennisbank-cache/afbeeldingen`
    /// beside the output folder, on disk; none for a build in memory (`generate()` without an output folder, tests),
    /// which makes them every time.
    var imageCache: String? {
        guard fileSystem is DiskFileSystem, !outputDirectory.isEmpty else { return nil }
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".kennisbank-cache/afbeeldingen").path
    }

    /// Reads, parses, links and renders, without touching the output folder: the report keeps the site's files in
    /// memory (``BuildReport/files``).
    ///
    /// The work runs on threads with large stacks (see ``DeepStack``), so deeply nested input cannot
    /// overflow a stack.
    package func generate() throws(BuildFailure) -> BuildReport {
        let result: Result<BuildReport, BuildFailure> = DeepStack.run {
            // The markdown trees are released here too, on the deep stack, not by the caller.
            do throws(BuildFailure) { return .success(try generateOnThisThread().withoutTrees()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Generates the site as ``generate()`` does, so the same problems stop it with the same diagnostics, and hands
    /// the linked site with its markdown trees to `use` on the same deep stack (an export renders from the trees;
    /// ``generate()`` empties them). Returns the report (trees emptied) and what `use` made.
    package func generate<Made: Sendable>(then use: @escaping @Sendable (LinkedSite) -> Made) throws(BuildFailure) -> (report: BuildReport, made: Made) {
        let result: Result<(BuildReport, Made), BuildFailure> = DeepStack.run {
            do throws(BuildFailure) {
                let report = try generateOnThisThread()
                let made = use(report.site)
                return .success((report.withoutTrees(), made))
            } catch { return .failure(error) }
        }
        let (report, made) = try result.get()
        return (report, made)
    }

    private func generateOnThisThread() throws(BuildFailure) -> BuildReport {
        let generated = try generate(memo: Memo.none, written: nil)
        let files = generated.files.map { rendered in
            guard case .made(let file) = rendered.contents else { preconditionFailure("without caches every page is rendered: \(rendered.path)") }
            return file
        }
        return BuildReport(paths: generated.files.map(\.path), files: files, diagnostics: generated.diagnostics,
                           acknowledged: generated.acknowledged, site: generated.site, times: generated.times)
    }

    /// What the steps up to the output link check produced, for the write step that follows: not a report of the build
    /// but its work in progress (files rendered or left out as unchanged, the link checker's scans and checks, the
    /// linked site with its markdown trees), which ``run()`` and an incremental build turn into a ``BuildReport``
    /// once the files are written.
    package struct Generated {
        /// Every file of the site, sorted by path; files unchanged since the cached build have no contents.
        package var files: [SiteRenderer.RenderedFile]
        /// What the link checker read from each HTML page.
        package var scans: [LinkChecker.ScannedPage]
        /// What it found on each, in the same order.
        package var checks: [LinkChecker.PageCheck]
        /// For each check, whether it is the earlier check of the page, reused as it was (an incremental build).
        package var reusedChecks: [Bool]
        package var diagnostics: [Diagnostic]
        /// The warnings that their files acknowledge with `ignoreWarnings`, not among ``diagnostics``.
        package var acknowledged: [Diagnostic]
        package var site: LinkedSite
        /// The paths of the downloads left unmade (``Build/defersDownloads``), for `serve` to make on request.
        package var onRequest: [String]
        /// How long each step took so far.
        package var times: StepTimes
    }

    /// Read → parse → link → render → check. Every step makes its values through `memo`: a clean build's
    /// ``Memo/none`` makes everything, an incremental build's memo returns what earlier builds made from equal
    /// inputs. `written` is what an incremental build knows of the site on disk: the pages and data files that
    /// would be the same are left out. Must run on a deep stack.
    ///
    /// With a `writer` (a clean build only), every file is written as soon as it is rendered and only
    /// what the link check needs is kept.
    ///
    /// `changed` names the content files (relative to the content folder) that changed since the last build,
    /// when a watcher knows them: the others are taken from the memo without a look at the disk.
    package func generate(memo: Memo, written: (any WrittenSite)?, writer: SiteWriter? = nil,
                  changed: Set<String>? = nil) throws(BuildFailure) -> Generated {
        precondition(written == nil || writer == nil, "an incremental build writes only what changed, after the check")
        var times = StepTimes()
        var linked: LinkedSite
        let templates: TemplateLibrary
        // A build that writes each page as it is rendered needs no tree once it is read: the link step lets the
        // parsed and prepared ones go (a download, such as the e-book, is made from the linked trees alone).
        (linked, templates) = try readAndLink(memo: memo, changed: changed, lettingTreesGo: writer != nil, times: &times)
        // The warnings a file acknowledges are set aside: not reported, and no reason to stop a strict build.
        let split = IgnoredWarnings.split(linked.content.diagnostics + linked.diagnostics + OutputSafety.check(linked.content),
                                          files: linked.content.ignoredWarnings)
        var diagnostics = split.reported
        let acknowledged = split.acknowledged
        if diagnostics.contains(where: { $0.severity == .error }) || strict && !diagnostics.isEmpty {
            throw BuildFailure(diagnostics: diagnostics, acknowledged: acknowledged)
        }
        var downloadPaths: [String] = []
        if let downloads {
            do throws(Diagnostic) { downloadPaths = try downloads.paths(of: linked) } catch {
                throw BuildFailure(diagnostics: diagnostics + [error], acknowledged: acknowledged)
            }
        }
        // A build that writes each file as it is made, and makes no download from the trees, lets each page's tree go
        // as soon as its page is rendered.
        let trees = writer != nil && (defersDownloads || downloadPaths.isEmpty) ? PageTrees(taking: &linked) : nil
        var files = times.time(writer == nil ? "render" : "render and write") {
            var renderer = SiteRenderer(templates: templates)
            renderer.imageCache = imageCache
            return renderer.render(linked, memo: memo, written: written, writer: writer, trees: trees)
        }
        var onRequest: [String] = []
        if let downloads {
            if defersDownloads {
                onRequest = downloadPaths
            } else if !downloadPaths.isEmpty {
                do throws(Diagnostic) {
                    let made = try times.time("downloads") { () throws(Diagnostic) in try downloads.files(of: linked) }
                    files += made.map { SiteRenderer.RenderedFile.made($0, writer: writer) }
                } catch {
                    throw BuildFailure(diagnostics: diagnostics + [error], acknowledged: acknowledged)
                }
            }
        }
        files.sort { $0.path < $1.path }
        let collisions = OutputSafety.check(linked.content, files: files.map(\.path) + onRequest)
        if !collisions.isEmpty { throw BuildFailure(diagnostics: diagnostics + collisions, acknowledged: acknowledged) }
        let (scans, checks, reusedChecks) = times.time("check links") { check(files, onRequest: onRequest, written: written) }
        let brokenLinks = checks.flatMap(\.problems)
        diagnostics += brokenLinks
        if strict, !brokenLinks.isEmpty { throw BuildFailure(diagnostics: diagnostics, acknowledged: acknowledged) }
        return Generated(files: files, scans: scans, checks: checks, reusedChecks: reusedChecks, diagnostics: diagnostics,
                         acknowledged: acknowledged, site: linked, onRequest: onRequest, times: times)
    }

    /// Read → parse → link: the linked site, which holds the content (no other copy of it outlives this, so the
    /// render step can let its trees go), and the templates.
    private func readAndLink(memo: Memo, changed: Set<String>?, lettingTreesGo: Bool,
                             times: inout StepTimes) throws(BuildFailure) -> (LinkedSite, TemplateLibrary) {
        var loader = ContentLoader(directory: contentDirectory, fileSystem: fileSystem)
        loader.memo = memo
        loader.changedFiles = changed
        loader.includesDrafts = includesDrafts
        // The linker holds the only copy of the content, so that it can let the trees go (`lettingTreesGo`).
        var linker = SiteLinker(content: try times.time("read and parse") { () throws(BuildFailure) in try loader.load() }, memo: memo)
        if portable { linker.content.site.portable = true }
        let templates = try TemplateLibrary(directory: templatesDirectory, fileSystem: fileSystem, memo: memo)
        linker.reservedAnchors = templates.fixedIDs
        linker.lettingTreesGo = lettingTreesGo
        return (times.time("link") { () -> LinkedSite in
            // The closure reaches `linker` by reference: its content is left empty, so that `taken` holds the only copy.
            let taken = linker
            linker.content = Content(site: linker.content.site)
            return taken.link()
        }, templates)
    }

    /// The output link check: every HTML page scanned (or its scan reused), then every link resolved, to the files or
    /// to the downloads made on request.
    private func check(_ files: [SiteRenderer.RenderedFile], onRequest: [String], written site: (any WrittenSite)?) -> ([LinkChecker.ScannedPage], [LinkChecker.PageCheck], [Bool]) {
        let written = site?.pages() ?? [:]
        let pages = files.filter { $0.path.hasSuffix(".html") }
        let scans = pages.parallelMap { rendered -> LinkChecker.ScannedPage in
            switch rendered.contents {
            case .made(let file): return LinkChecker.scan(file)
            case .streamed(let scan?): return scan
            case .streamed(nil), .unchanged:
                guard let scan = rendered.onDisk?.scan ?? written[rendered.path]?.scan else {
                    preconditionFailure("a page is skipped only when the cache has it: \(rendered.path)")
                }
                return scan
            }
        }
        let paths = Set(files.map(\.path)).union(onRequest)
        // The anchors of the pages rendered again (the scans are the HTML files', in their order); a page on disk has
        // those of its record.
        let ids = site == nil ? [:] : Dictionary(uniqueKeysWithValues: zip(pages, scans).filter { $0.0.isMade }.map { ($0.1.path, $0.1.ids) })
        let earlier: [LinkChecker.EarlierCheck?] = site?.earlierChecks(files: files, paths: paths, ids: ids) ?? []
        let anchors: (@Sendable (String) -> Set<String>?)? = site == nil ? nil : { @Sendable path in ids[path] ?? written[path]?.scan.ids }
        let checks = LinkChecker(pages: scans, paths: paths).check(reusing: earlier, anchors: anchors)
        // An earlier check that still holds is returned as it was.
        let reused = earlier.isEmpty ? Array(repeating: false, count: scans.count) : earlier.map { $0?.valid == true }
        return (scans, checks, reused)
    }

    /// Runs the whole pipeline and replaces the output folder only when everything succeeded.
    ///
    /// Pages are written into a staging folder while they are rendered, so a large site never has to fit
    /// in memory; the staging folder replaces the output folder at the end, or is removed if anything failed.
    /// An output folder that holds files Kennisbank did not write is never replaced: the build stops at once
    /// with an error that names them.
    public func run() throws(BuildFailure) -> BuildReport {
        let start = Date()
        try OutputSafety.checkOutputFolder(outputDirectory, content: contentDirectory, templates: templatesDirectory)
        let writer: SiteWriter
        do throws(Diagnostic) {
            writer = try SiteWriter(directory: URL(fileURLWithPath: outputDirectory))
        } catch {
            throw BuildFailure(diagnostics: [error])
        }
        let result: Result<BuildReport, BuildFailure> = DeepStack.run {
            do throws(BuildFailure) {
                let generated = try generate(memo: Memo.none, written: nil, writer: writer)
                let report = BuildReport(paths: generated.files.map(\.path), diagnostics: generated.diagnostics,
                                         acknowledged: generated.acknowledged, site: generated.site.withoutTrees(), times: generated.times)
                // The markdown trees, the scans of the pages and their link checks go on a thread of their own: the
                // site is written, and nothing waits for their memory.
                DeepStack.letGo(consume generated)
                return .success(report)
            } catch {
                return .failure(error)
            }
        }
        var written: BuildReport
        do {
            written = try result.get()
        } catch {
            writer.discard()
            var failure = error
            failure.notes = writer.notes + failure.notes
            throw failure
        }
        do throws(Diagnostic) {
            try written.times.time("write") { () throws(Diagnostic) in try writer.commit() }
        } catch {
            throw BuildFailure(diagnostics: written.diagnostics + [error], acknowledged: written.acknowledged, notes: writer.notes)
        }
        written.notes = writer.notes
        written.duration = Date().timeIntervalSince(start)
        return written
    }
}

extension BuildReport {
    /// The report without the markdown trees: callers need the graph and the files, and the trees' memory is returned at once.
    func withoutTrees() -> BuildReport {
        var copy = self
        copy.site = site.withoutTrees()
        return copy
    }
}

/// Files of the site made from the linked site by a step outside the engine: the e-book of `epub: true` (the
/// export target depends on the engine, so the engine reaches it through this).
package protocol SiteDownloads: Sendable {
    /// The paths of the files ``files(of:)`` makes, below the site root, after every check that needs no making
    /// (`serve` makes the files only when they are requested, and reports these problems with the build's).
    func paths(of site: LinkedSite) throws(Diagnostic) -> [String]
    /// The files, with paths below the site root; none when the site asks for none. The site's markdown trees are there.
    func files(of site: LinkedSite) throws(Diagnostic) -> [OutputFile]
}
