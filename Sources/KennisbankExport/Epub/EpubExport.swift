import Foundation
import Kennisbank
import KennisbankCore

/// `kennisbank export epub`: the series as an EPUB 3, made from the built, linked site.
package struct EpubExport: Sendable {
    /// The build whose site the book is made of; its `includesDrafts` decides whether draft articles are in it.
    package var build: Build
    /// The modified date to use when no article has a `date` and site.yml has no `updated` (`--modified`).
    package var modified: String?

    /// What an export produced.
    package struct Result: Sendable {
        /// The `.epub` file's bytes.
        package var data: Data
        /// The number of chapters (articles).
        package var chapters: Int
        /// The book's file name: the slug of the site's title, `.epub`.
        package var fileName: String
        /// The build's warnings (an export with warnings is still written, as a build is).
        package var diagnostics: [Diagnostic]
        /// The warnings the files acknowledge.
        package var acknowledged: [Diagnostic]
        /// How long each step took: the build's, then the chapters and the archive.
        package var times: StepTimes
    }

    /// Creates an export over a build.
    package init(build: Build, modified: String? = nil) {
        self.build = build
        self.modified = modified
    }

    /// The book. Fails with the build's diagnostics when the content does not build, or with one error of its
    /// own when there is no modified date (see ``EpubBook/modified(content:fallback:siteConfigPath:offersOption:)``).
    package func run() throws(BuildFailure) -> Result {
        let download = EpubDownload(contentDirectory: build.contentDirectory, fallback: modified, offersOption: true)
        let (report, made) = try build.generate { site -> Swift.Result<(Data, StepTimes), Diagnostic> in
            var times = StepTimes()
            do throws(Diagnostic) { return .success((try download.data(of: site, times: &times), times)) } catch { return .failure(error) }
        }
        switch made {
        case .success(let (data, bookTimes)):
            var times = report.times
            times.append(bookTimes)
            let content = report.site.content
            return Result(data: data, chapters: content.articles.count, fileName: content.site.epubFileName, diagnostics: report.diagnostics,
                          acknowledged: report.acknowledged, times: times)
        case .failure(let diagnostic):
            throw BuildFailure(diagnostics: report.diagnostics + [diagnostic], acknowledged: report.acknowledged)
        }
    }
}
