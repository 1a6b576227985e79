import Foundation
import ZIPFoundation

/// One file of a ZIP archive: its path inside the archive, its bytes, and whether it is compressed.
package struct ZipEntry: Sendable, Equatable {
    /// The path inside the archive, with '/' between folders and no leading '/'.
    package var path: String
    /// The file's bytes.
    package var data: Data
    /// Whether the entry is deflated; `false` stores it as it is (an EPUB's `mimetype` must be stored).
    package var compressed: Bool

    /// Creates an entry.
    package init(path: String, data: Data, compressed: Bool = true) {
        precondition(Self.staysInside(path), "a ZIP entry's path is relative and stays inside the archive: \(path)")
        self.path = path
        self.data = data
        self.compressed = compressed
    }

    /// Whether a path is relative, not empty, and names no parent folder, so it stays inside the archive.
    package static func staysInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}

/// The seam between the exports and ZIPFoundation: every call into it is in this file.
///
/// Archives are deterministic: entries are written in the order given, each with the same fixed date and
/// permissions, so the same entries give the same bytes.
package enum ZipArchive {
    /// The date written for every entry, 2000-01-01 00:00:00 UTC (ZIPFoundation writes a date as UTC).
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    /// The bytes of a ZIP archive holding `entries`, in that order.
    package static func data(of entries: [ZipEntry]) throws -> Data {
        precondition(Set(entries.map(\.path)).count == entries.count, "a ZIP archive holds each path once")
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(entry.data.count),
                modificationDate: entryDate, permissions: 0o644,
                compressionMethod: entry.compressed ? .deflate : .none
            ) { position, size in
                entry.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ZipArchiveError.unreadable("the archive written in memory has no bytes") }
        return data
    }

    /// The file entries of a ZIP archive's bytes, in the archive's order, each read back and checked against its CRC.
    package static func entries(in data: Data) throws -> [ZipEntry] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ZipArchiveError.unreadable("\(error)")
        }
        var entries: [ZipEntry] = []
        for entry in archive where entry.type == .file {
            guard ZipEntry.staysInside(entry.path) else { throw ZipArchiveError.unreadable("the entry '\(entry.path)' points outside the archive") }
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            entries.append(ZipEntry(path: entry.path, data: bytes, compressed: entry.isCompressed))
        }
        return entries
    }
}

/// Why a ZIP archive could not be written or read.
package enum ZipArchiveError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not a ZIP archive that can be read, with the reader's reason.
    case unreadable(String)

    package var description: String {
        switch self {
        case .unreadable(let reason): "The ZIP archive cannot be read: \(reason)."
        }
    }
}
