import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The render step: turns the linked site into pages with the author's templates.
public struct SiteRenderer: Sendable {
    /// The templates and assets.
    public var templates: TemplateLibrary

    /// Creates a renderer.
    public init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// Renders every page of the site, in parallel, plus the assets.
    public func render(_ site: LinkedSite) -> [OutputFile] {
        render(site, memo: Memo.none, written: nil).map { output in
            guard let file = output.file else { preconditionFailure("without a written site every page is rendered: \(output.path)") }
            return file
        }
    }

    /// One file of the site as the render step leaves it.
    package struct RenderedFile: Sendable {
        /// The path below the site root.
        package var path: String
        /// The file, or `nil` for one that is the same as when the output folder was last written (a page
        /// whose inputs or model, or a data file whose parts, are unchanged).
        package var file: OutputFile?
        /// The digest of the page's model, for pages; of what it was made from, for the data files that
        /// are left out when that is unchanged (the search shards and `concepts.json`); `nil` for the other files.
        package var digest: Digest?
        /// What the link checker read from the page, when the file went to a ``SiteWriter`` as soon as
        /// it was made and its bytes were not kept.
        package var scan: LinkChecker.ScannedPage? = nil
        /// The parts of the site the page's view read, when it was made in an incremental build.
        package var reads: Set<SitePart>? = nil

        /// A data file assembled from parts whose digests are known. It is left out (`file` is `nil`) when the
        /// digest of its parts is that of the file on disk (an incremental build), and its bytes are never assembled.
        static func assembled(path: String, parts: [Digest], written: (any WrittenSite)?, assemble: () -> Data) -> RenderedFile {
            var builder = DigestBuilder()
            for part in parts { builder.combine(part) }
            let digest = builder.finalize()
            if let written, written.inputs(of: path) == digest { return RenderedFile(path: path, file: nil, digest: digest) }
            return RenderedFile(path: path, file: OutputFile(path: path, contents: assemble()), digest: digest)
        }

        /// A file made outside the renderer (a download such as the EPUB), written at once when there is a writer.
        package static func made(_ file: OutputFile, writer: SiteWriter?) -> RenderedFile {
            RenderedFile(path: file.path, file: file, digest: nil).streamed(to: writer)
        }

        /// The file handed to `writer` (when there is one and the file was made), keeping only its scan.
        func streamed(to writer: SiteWriter?) -> RenderedFile {
            guard let writer, let file else { return self }
            writer.write(file)
            return RenderedFile(path: path, file: nil, digest: digest, scan: path.hasSuffix(".html") ? LinkChecker.scan(file) : nil)
        }
    }

    /// Renders the pages whose views changed since the site on disk (`written`, in an incremental build; every
    /// page without one), plus the assets and the data files, making their parts through `memo`.
    ///
    /// With a `writer`, each file is written as soon as it is made and only its scan is kept.
    package func render(_ site: LinkedSite, memo: Memo, written: (any WrittenSite)?, writer: SiteWriter? = nil) -> [RenderedFile] {
        let models = PageModels(site: site, memo: memo)
        let content = site.content
        let jobs = RenderJob.all(of: content)
        let templates = self.templates
        // Pages none of whose parts changed are those on disk: not even their views are made.
        let unchanged = written?.unchangedPages(site: site, templates: templates.digest)
        let pagesOnDisk = written?.pages() ?? [:]
        let recordsReads = written != nil
        let portable = content.site.portable
        let renderPage: @Sendable (RenderJob) -> RenderedFile = { job in
            if let unchanged, case let file = job.file(of: content), unchanged(file), let page = pagesOnDisk[file] {
                return RenderedFile(path: file, file: nil, digest: page.digest)
            }
            let log = recordsReads ? ReadLog() : nil
            let (path, template, view) = job.page(models.recording(into: log))
            // The digest is what tells the page from the one on disk: a clean build, with no site on disk, needs none.
            let digest = recordsReads ? PageDigest.of(view, template: template, templates: templates.digest) : nil
            let file = digest != nil && pagesOnDisk[path]?.digest == digest ? nil
                : OutputFile(path: path, text: portable ? PortableLinks.rewrite(templates.render(template, view)) : templates.render(template, view))
            return RenderedFile(path: path, file: file, digest: digest, reads: log?.parts)
        }
        let pages = jobs.parallelMap { renderPage($0).streamed(to: writer) }
        let assets = templates.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }
        let machine = MachineReadable(site: site, memo: memo, written: written)
        let redirects = Set(content.redirects.flatMap(\.aliases).map(URLPath.directory))
        let searchFolder = PageKind.search.link().path
        let indexable = pages.map(\.path).filter { $0.hasSuffix("index.html") && !$0.hasPrefix(searchFolder) }
            .map { String($0.dropLast("index.html".count)) }.filter { !redirects.contains($0) }
        let extras = [machine.atomFeed(), machine.robots(), machine.sitemap(pages: indexable)].compactMap { $0 }
        let assembled = ([machine.conceptsJSON()] + RouteData(site: site, written: written).files() + SearchIndex(site: site, memo: memo, written: written).files()).map { $0.streamed(to: writer) }
        return pages + (assets + extras).map { RenderedFile(path: $0.path, file: $0).streamed(to: writer) } + assembled
    }
}
