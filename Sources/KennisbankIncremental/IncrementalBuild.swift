import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking
import KennisbankRendering
import Kennisbank

/// A build that remembers what it did, so that the next run after an edit does only the work the edit
/// needs: the live preview's builder.
///
/// Every run goes through the same steps as ``Build/run()``, reusing what did not change:
/// - **read, parse**: a file whose bytes are unchanged is not parsed again;
/// - **link**: a page is linked again only when it, a miniature it embeds, or the site's names,
///   headings, references or concepts changed;
/// - **render**: a page none of whose parts of the site (``SitePart``: what its view read when it was last
///   made) changed is skipped without making its view; those pages are found from the parts that changed.
///   Any other page's view is made (from remembered bodies and references) and digested, and the page is
///   rendered only when that digest differs from the one written last time. Data files (search shards, `concepts.json`)
///   are assembled only when the digest of their parts changed;
/// - **write**: only files whose bytes changed are written, each atomically; files the site no longer
///   has are removed.
///
/// The output is byte for byte the site a clean ``Build/run()`` writes: the tests compare the two after
/// sequences of edits. A failed run writes nothing and remembers nothing of what it would have written.
///
/// ```swift
/// let incremental = IncrementalBuild(build: Build(contentDirectory: "Content", templatesDirectory: "Templates", outputDirectory: "Site"))
/// _ = try incremental.run()              // the first run builds everything
/// // … the author saves an article …
/// let report = try incremental.run()     // renders that article and the pages that show it
/// print(report.incremental?.renderedPages, report.incremental?.writtenFiles)
/// ```
public final class IncrementalBuild: @unchecked Sendable {
    /// The folders, strictness and file system of every run.
    package let build: Build
    private let lock = NSLock()
    /// Every step's values, kept from one run to the next.
    let memo = Memo(remembers: true)
    /// What the last run wrote.
    private let written = WrittenSiteRecord()
    /// The downloads of the last good run that are made when requested (with ``Build/defersDownloads``).
    package let onRequest: FilesOnRequest

    /// Creates an incremental build; nothing is read until ``run()``.
    public init(build: Build) {
        self.build = build
        onRequest = FilesOnRequest(downloads: build.downloads)
    }

    /// Builds the site into the output folder, doing only the work that changed since the last run; the report's
    /// ``BuildReport/incremental`` says how much that was.
    ///
    /// - Parameter changedPaths: the files added, changed or removed since the last run, when a watcher knows
    ///   them: the content files not among them are taken as the last run read them, without a look at the
    ///   disk. A file saved less than two seconds before it was read is read again all the same (a second save
    ///   within one tick of the file system's clock may not show in its stamp). `nil` looks at every file.
    public func run(changedPaths: [String]? = nil) throws(BuildFailure) -> BuildReport {
        let start = Date()
        lock.lock()
        defer { lock.unlock() }
        try OutputSafety.checkOutputFolder(build.outputDirectory, content: build.contentDirectory, templates: build.templatesDirectory)
        let output = URL(fileURLWithPath: build.outputDirectory).standardizedFileURL
        var recovered: [String] = []
        if !FileManager.default.fileExists(atPath: output.path) {
            // Before anything else, as `build` does: a site a stopped build set aside is put back, so that it is
            // served even when this run fails. Only when the folder is missing: a rebuild does not list the parent.
            recovered = LeftoverFolders.recover(output)
            // The output folder was removed (or put back, which is not what the record describes): write it whole.
            written.forget()
        }
        let (build, memo, written, onRequest) = (self.build, self.memo, self.written, self.onRequest)
        let changed = changedPaths.map { ContentLoader.relativePaths($0, below: build.contentDirectory) }
        let result: Result<BuildReport, BuildFailure> = DeepStack.run {
            do throws(BuildFailure) {
                let generated = try build.generate(memo: memo, written: written, changed: changed)
                let report = try Self.write(generated, to: output, memo: memo, written: written)
                onRequest.reset(site: generated.site, paths: generated.onRequest)
                return .success(report)
            } catch {
                return .failure(error)
            }
        }
        do {
            var report = try result.get()
            report.notes = recovered + report.notes
            report.duration = Date().timeIntervalSince(start)
            return report
        } catch {
            var failure = error
            failure.notes = recovered + failure.notes
            throw failure
        }
    }

    /// The write step: the whole site into a fresh folder the first time, only the differences after that.
    private static func write(_ generated: Build.Generated, to output: URL, memo: Memo, written: WrittenSiteRecord) throws(BuildFailure) -> BuildReport {
        var times = generated.times
        // The records of the site on disk, brought up to date in place: after an edit only a few files
        // differ, and tables of every file made anew cost more than the rest of the step.
        var (pages, files) = written.takeWritten()
        let known = files != nil
        // Taken out of `files`, so that the table has one owner and is changed in place, not copied.
        var digests = files.take() ?? [:]
        let (changed, removed, added) = differences(generated.files, from: &digests)
        var notes: [String] = []
        do throws(Diagnostic) {
            try times.time("write") { () throws(Diagnostic) in
                if !known {
                    notes = try SiteWriter.write(changed, to: output)
                } else {
                    let manifest = added || !removed.isEmpty ? generated.files.map(\.path) : nil
                    try SiteUpdater(directory: output).apply(writing: changed, removing: removed, manifest: manifest)
                }
            }
        } catch {
            // The output folder may be part old, part new: forget it, and the next run writes it whole.
            written.forget()
            throw BuildFailure(diagnostics: generated.diagnostics + [error])
        }
        for path in removed { pages[path] = nil }
        let inputs = record(generated, in: &pages)
        written.commit(pages, files: digests, inputs: inputs, rendered: generated.files, removed: removed)
        let made = memo.endRound()
        let work = BuildReport.Incremental(
            renderedPages: generated.files.filter { $0.path.hasSuffix(".html") && $0.isMade }.count,
            writtenFiles: changed.map(\.path), removedFiles: removed,
            parsedFiles: (made[ContentLoader.parsedFiles.name] ?? 0) + (made[ContentLoader.parsedBibliographies.name] ?? 0),
            linkedPages: made[SiteLinker.linkedPagesTable] ?? 0)
        return BuildReport(paths: generated.files.map(\.path), diagnostics: generated.diagnostics, acknowledged: generated.acknowledged,
                           site: generated.site, times: times, notes: notes, incremental: work)
    }

    /// The files whose bytes differ from those on disk (`digests`, brought up to date), the files the site
    /// no longer has (taken out of `digests`), and whether the site has files it did not have.
    private static func differences(_ files: [SiteRenderer.RenderedFile], from digests: inout [String: Digest]) -> ([OutputFile], [String], Bool) {
        var changed: [OutputFile] = []
        var added = false
        var complete = true
        for rendered in files {
            let file: OutputFile
            switch rendered.contents {
            case .made(let made): file = made
            case .unchanged:
                // Left out because it is the file on disk, so that file's digest is known: a page's is, when the render step
                // found its record (every page on record is a file on record).
                complete = complete && (rendered.onDisk != nil || digests[rendered.path] != nil)
                continue
            case .streamed: preconditionFailure("an incremental build writes only what changed, after the check: \(rendered.path)")
            }
            let digest = file.contents.withUnsafeBytes(Digest.init(bytes:))
            let old = digests.updateValue(digest, forKey: rendered.path)
            if old != digest {
                changed.append(file)
                added = added || old == nil
            }
        }
        // When every file left out was found in `digests`, all of the site's files are there now, and any more
        // are files the site no longer has; otherwise they are looked for one by one.
        var removed: [String] = []
        if !complete || digests.count != files.count {
            let paths = Set(files.map(\.path))
            removed = digests.keys.filter { !paths.contains($0) }.sorted()
            for path in removed { digests[path] = nil }
        }
        return (changed, removed, added)
    }

    /// Brings the record of each page up to date (its digest, scan and check); returns the digests of the inputs
    /// of the data files assembled from parts.
    private static func record(_ generated: Build.Generated, in pages: inout [String: WrittenPage]) -> [String: Digest] {
        // The scans and checks are those of the HTML files, in the files' order: walked beside them.
        precondition(generated.scans.count == generated.checks.count && generated.checks.count == generated.reusedChecks.count,
                     "one check for each scanned page")
        var inputs: [String: Digest] = [:]
        var next = 0
        for rendered in generated.files {
            let scanned = next < generated.scans.count && generated.scans[next].path == rendered.path
            if scanned { next += 1 }
            guard let digest = rendered.digest else {
                if scanned { pages[rendered.path] = nil }
                continue
            }
            guard scanned else {
                inputs[rendered.path] = digest
                continue
            }
            // A page left out whose earlier check still holds is the page on record.
            if !rendered.isMade, generated.reusedChecks[next - 1], (rendered.onDisk ?? pages[rendered.path])?.digest == digest { continue }
            pages[rendered.path] = WrittenPage(digest: digest, scan: generated.scans[next - 1], check: generated.checks[next - 1])
        }
        precondition(next == generated.scans.count, "every scanned page is one of the files, in their order")
        return inputs
    }
}
