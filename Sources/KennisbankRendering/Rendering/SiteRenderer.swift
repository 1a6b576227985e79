import Foundation
import KennisbankCore
import KennisbankMarkdown
import KennisbankContent
import KennisbankLinking

/// The render step: turns the linked site into pages with the author's templates.
package struct SiteRenderer: Sendable {
    /// The templates and assets.
    package var templates: TemplateLibrary
    /// The folder that keeps the smaller copies of the content's images between builds, or `nil` to make them
    /// every time.
    package var imageCache: String?

    /// Creates a renderer.
    package init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// Renders every page of the site, in parallel, plus the assets.
    package func render(_ site: LinkedSite) -> [OutputFile] {
        render(site, memo: Memo.none, written: nil).map { output in
            guard case .made(let file) = output.contents else { preconditionFailure("without a written site every page is rendered: \(output.path)") }
            return file
        }
    }

    /// One file of the site as the render step leaves it.
    package struct RenderedFile: Sendable {
        /// What the render step kept of a file's bytes.
        package enum Contents: Sendable {
            /// Made in this build, its bytes kept for the caller to check and write.
            case made(OutputFile)
            /// Made in this build and handed to a ``SiteWriter`` at once (a clean build that streams): the bytes
            /// are not kept, only what the link checker read from the file (`nil` for a file that is not HTML).
            case streamed(scan: LinkChecker.ScannedPage?)
            /// The same as the file on disk (an incremental build): a page whose inputs or model, or a data file
            /// whose parts, are unchanged. Its bytes were not kept, and mostly not even made.
            case unchanged
        }

        /// The path below the site root.
        package var path: String
        /// The file's bytes, or why they are not here.
        package var contents: Contents
        /// The digest of the page's model, for pages; of what it was made from, for the data files that
        /// are left out when that is unchanged (the search shards and `concepts.json`); `nil` for the other files.
        package var digest: Digest? = nil
        /// The parts of the site the page's view read, when it was made in an incremental build.
        package var reads: Set<SitePart>? = nil
        /// What the site on disk holds for a page left out as ``Contents/unchanged``: the render step looked it up
        /// already, so the check and write steps read its scan, check and digest here rather than by path.
        package var onDisk: WrittenPage? = nil

        /// Whether the file was made in this build (kept or streamed), rather than being the one on disk.
        package var isMade: Bool {
            if case .unchanged = contents { return false }
            return true
        }

        /// A data file assembled from parts whose digests are known. It is ``Contents/unchanged`` when the digest
        /// of its parts is that of the file on disk (an incremental build), and its bytes are never assembled.
        static func assembled(path: String, parts: [Digest], written: (any WrittenSite)?, assemble: () -> Data) -> RenderedFile {
            var builder = DigestBuilder()
            for part in parts { builder.combine(part) }
            let digest = builder.finalize()
            if let written, written.inputs(of: path) == digest { return RenderedFile(path: path, contents: .unchanged, digest: digest) }
            return RenderedFile(path: path, contents: .made(OutputFile(path: path, contents: assemble())), digest: digest)
        }

        /// A file made outside the renderer (a download such as the EPUB), written at once when there is a writer.
        package static func made(_ file: OutputFile, writer: SiteWriter?) -> RenderedFile {
            RenderedFile(path: file.path, contents: .made(file)).streamed(to: writer)
        }

        /// The file handed to `writer` (when there is one and the file was made), keeping only its scan.
        func streamed(to writer: SiteWriter?) -> RenderedFile {
            guard let writer, case .made(let file) = contents else { return self }
            writer.write(file)
            return RenderedFile(path: path, contents: .streamed(scan: path.hasSuffix(".html") ? LinkChecker.scan(file) : nil), digest: digest)
        }
    }

    /// Renders the pages whose views changed since the site on disk (`written`, in an incremental build; every
    /// page without one), plus the assets and the data files, making their parts through `memo`.
    ///
    /// With a `writer`, each file is written as soon as it is made and only its scan is kept.
    ///
    /// With `trees` (a clean build that took the pages' trees out of `site`, ``PageTrees``), each page's tree is let
    /// go once its page is rendered and its search page made, and the search index is made after the pages.
    package func render(_ site: LinkedSite, memo: Memo, written: (any WrittenSite)?, writer: SiteWriter? = nil,
                        trees: PageTrees? = nil) -> [RenderedFile] {
        let index = SearchIndex(site: site, memo: memo, written: written, trees: trees)
        let pagesOnDisk = written?.pages() ?? [:]
        // Once a site is on disk (`serve`'s rebuilds), few pages are made again: the search index, partly serial, is
        // made beside them on a thread of its own, from the start, so that each fills the core the other leaves idle.
        let searchBeside = trees == nil && !pagesOnDisk.isEmpty ? Beside { index.files(writer: writer) } : nil
        let models = PageModels(site: site, memo: memo, trees: trees)
        let content = site.content
        let jobs = RenderJob.all(of: content)
        let templates = self.templates
        // Pages none of whose parts changed are those on disk: not even their views are made.
        let unchanged = written?.unchangedPages(site: models.tables, templates: templates.digest)
        let recordsReads = written != nil
        let portable = content.site.portable
        let renderPage: @Sendable (RenderJob) -> RenderedFile = { job in
            if let unchanged, case let file = job.file(of: content), unchanged(file), let page = pagesOnDisk[file] {
                return RenderedFile(path: file, contents: .unchanged, digest: page.digest, onDisk: page)
            }
            let log = recordsReads ? ReadLog() : nil
            let (path, template, view) = job.page(models.recording(into: log))
            // The digest is what tells the page from the one on disk: a clean build, with no site on disk, needs none.
            let digest = recordsReads ? PageDigest.of(view, template: template, templates: templates.digest) : nil
            if let digest, let page = pagesOnDisk[path], page.digest == digest {
                return RenderedFile(path: path, contents: .unchanged, digest: digest, reads: log?.parts, onDisk: page)
            }
            let text = templates.render(template, view)
            return RenderedFile(path: path, contents: .made(OutputFile(path: path, text: portable ? PortableLinks.rewrite(text) : text)),
                                digest: digest, reads: log?.parts)
        }
        // Otherwise, with the trees in the site, the search index is made first: it is the step that needs the most
        // memory for a while, and before the pages are rendered the link checker's scans of them are not yet held.
        // Without them, each page's search page is made with the page, and its tree let go.
        let searchFirst = trees == nil && searchBeside == nil ? index.files(writer: writer) : nil
        let pages = jobs.parallelMap { job -> RenderedFile in
            let rendered = renderPage(job).streamed(to: writer)
            if let trees, let id = job.item(of: content), let page = site.pages[id] { trees.finish(page) }
            return rendered
        }
        // The site's small files share nothing with the search index, which is partly serial (its layout): they are
        // made and written on a thread of their own meanwhile, so that each fills the core the other leaves idle.
        // `concepts.json` (megabytes, made on all cores) comes after the index, so that the two are not in memory at once.
        let imageCache = self.imageCache
        let others = Beside { () -> [RenderedFile] in
            Self.smallFiles(of: site, pages: pages, templates: templates, imageCache: imageCache, memo: memo, written: written, writer: writer)
        }
        let search = searchBeside?.value() ?? searchFirst ?? index.files(writer: writer)
        let small = others.value()
        let assembled = ([MachineReadable(site: site, memo: memo, written: written).conceptsJSON()] + RouteData(site: site, written: written).files())
            .map { $0.streamed(to: writer) }
        return pages + small + assembled + search
    }

    /// The files of the site besides its pages, the search index, `concepts.json` and the routes' data, each handed to
    /// `writer` (when there is one) as it is made: the assets, the feed, robots.txt, the sitemap of `pages`, the SKOS
    /// files and the images.
    private static func smallFiles(of site: LinkedSite, pages: [RenderedFile], templates: TemplateLibrary, imageCache: String?,
                                   memo: Memo, written: (any WrittenSite)?, writer: SiteWriter?) -> [RenderedFile] {
        let content = site.content
        let assets = templates.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }
        let images = ImageOutput.files(of: content.images, cache: imageCache, written: written).map { $0.streamed(to: writer) }
        let machine = MachineReadable(site: site, memo: memo, written: written)
        // Listed only for a sitemap, which needs a base URL.
        let indexable = {
            let redirects = Set(content.redirects.flatMap(\.aliases).map(URLPath.directory))
            let searchFolder = PageKind.search.link().path
            return pages.map(\.path).filter { $0.hasSuffix("index.html") && !$0.hasPrefix(searchFolder) }
                .map { String($0.dropLast("index.html".count)) }.filter { !redirects.contains($0) }
        }
        let extras = [machine.atomFeed(), machine.robots(), machine.sitemap(pages: indexable)].compactMap { $0 } + ConceptScheme(site: site, memo: memo).files()
        return (assets + extras).map { RenderedFile.made($0, writer: writer) } + images
    }
}
