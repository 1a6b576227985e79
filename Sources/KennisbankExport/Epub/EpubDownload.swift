import Foundation
import Kennisbank
import KennisbankCore
import KennisbankLinking

/// The e-book that `build` writes into the site when site.yml says `epub: true`: `downloads/<slug of the title>.epub`,
/// the home page linking to it. With `epub: false` it does nothing at all. `serve` makes it only when it is requested,
/// and `export epub` makes its bytes with ``data(of:times:)``.
package struct EpubDownload: SiteDownloads {
    /// The content folder, for the path of site.yml in a diagnostic.
    package var contentDirectory: String
    /// The modified date that overrides the content's (`export epub --modified`); `nil` for none.
    package var fallback: String?
    /// Whether the hint for a missing modified date names `--modified` (the export command has it, `build` has not).
    package var offersOption: Bool

    /// Creates the download of the content folder's site.
    package init(contentDirectory: String, fallback: String? = nil, offersOption: Bool = false) {
        self.contentDirectory = contentDirectory
        self.fallback = fallback
        self.offersOption = offersOption
    }

    /// The e-book's path, once its modified date is known: `[]` with `epub: false`.
    package func paths(of site: LinkedSite) throws(Diagnostic) -> [String] {
        guard let path = site.content.site.epubPath else { return [] }
        _ = try modified(of: site)
        return [path]
    }

    package func files(of site: LinkedSite) throws(Diagnostic) -> [OutputFile] {
        guard let path = site.content.site.epubPath else { return [] }
        var times = StepTimes()
        return [OutputFile(path: path, contents: try data(of: site, times: &times))]
    }

    /// The book's bytes, whatever `epub` says; `times` gets the steps "e-book pages" and "e-book archive".
    package func data(of site: LinkedSite, times: inout StepTimes) throws(Diagnostic) -> Data {
        let date = try modified(of: site)
        let book = times.time("e-book pages") { EpubBook(site: site, modified: date) }
        do {
            return try times.time("e-book archive") { try book.data() }
        } catch {
            throw Diagnostic(path: configPath, position: nil, code: .io, message: "The e-book could not be written: \(error).")
        }
    }

    private var configPath: String { contentDirectory + "/site.yml" }

    /// The book's modified moment; an error naming site.yml when nothing gives one.
    private func modified(of site: LinkedSite) throws(Diagnostic) -> String {
        try EpubBook.modified(content: site.content, fallback: fallback,
                              siteConfigPath: configPath, offersOption: offersOption)
    }
}
