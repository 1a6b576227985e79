import Foundation
import Kennisbank
import KennisbankCore
import KennisbankLinking

/// The e-book that `build` writes into the site when site.yml says `epub: true`: `downloads/<slug of the title>.epub`,
/// the home page linking to it. With `epub: false` it does nothing at all.
package struct EpubDownload: SiteDownloads {
    /// The content folder, for the path of site.yml in a diagnostic.
    package var contentDirectory: String

    /// Creates the download of the content folder's site.
    package init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
    }

    package func files(of site: LinkedSite) throws(Diagnostic) -> [OutputFile] {
        guard let path = site.content.site.epubPath else { return [] }
        let configPath = contentDirectory + "/site.yml"
        let date = try EpubBook.modified(articles: site.content.articles, updated: site.content.site.updated, fallback: nil,
                                         siteConfigPath: configPath, offersOption: false)
        do {
            return [OutputFile(path: path, contents: try EpubBook(site: site, modified: date).data())]
        } catch {
            throw Diagnostic(path: configPath, position: nil, code: .io, message: "The e-book could not be written: \(error).")
        }
    }
}
