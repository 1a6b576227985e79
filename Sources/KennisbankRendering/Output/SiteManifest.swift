import Foundation
import KennisbankCore

/// The two files Kennisbank keeps in the output folder besides the site: the manifest, which lists every file
/// the last write put there, and the journal, which lists the files an update in place is about to change and
/// is there only while it runs.
///
/// A build replaces the whole output folder; it reads the manifest (and a journal left behind) to tell its own
/// files from files someone else put there, which it refuses to delete (``OutputFolder``). A journal still there
/// when a build starts means an update in place was stopped part way, and the folder may be part old, part new.
///
/// Both are text, one path below the output folder per line, after a first line that says what the file is.
package enum SiteManifest {
    /// The manifest's name in the output folder.
    package static let manifestName = ".kennisbank-manifest"
    /// The journal's name in the output folder.
    package static let journalName = ".kennisbank-journal"

    private static let manifestHeader = "# Kennisbank wrote these files into this folder; a build replaces the folder only when it holds no others."
    private static let journalHeader = "# Kennisbank is updating this site in place. If this file stays, the update was stopped part way and the next build writes the site whole again."

    /// The manifest of a site of the files at `paths`, sorted.
    package static func manifest(_ paths: [String]) -> Data {
        Data(([manifestHeader] + paths).map { $0 + "\n" }.joined().utf8)
    }

    /// The journal of an update in place that writes the files at `written` and removes those at `removed`.
    package static func journal(writing written: [String], removing removed: [String]) -> Data {
        Data(([journalHeader] + written.map { "write " + $0 } + removed.map { "remove " + $0 }).map { $0 + "\n" }.joined().utf8)
    }

    /// The paths a manifest lists, or `nil` when `data` is not a manifest.
    package static func paths(inManifest data: Data) -> Set<String>? {
        guard let lines = lines(of: data, header: manifestHeader) else { return nil }
        return Set(lines.map(String.init))
    }

    /// The paths a journal's update was about to write or remove, or `nil` when `data` is not a journal.
    package static func paths(inJournal data: Data) -> Set<String>? {
        guard let lines = lines(of: data, header: journalHeader) else { return nil }
        return Set(lines.compactMap { line in
            ["write ", "remove "].first { line.hasPrefix($0) }.map { String(line.dropFirst($0.count)) }
        })
    }

    /// The lines after `header`, or `nil` when the text does not start with it.
    private static func lines(of data: Data, header: String) -> [Substring]? {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(header) else { return nil }
        lines.removeFirst()
        return lines
    }
}
