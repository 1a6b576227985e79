import Foundation

/// An IMS Common Cartridge 1.3 package (`.imscc`) of one learning module: the manifest and the parts' files,
/// zipped by ``ZipArchive``.
package struct CartridgePackage: Sendable, Equatable {
    /// The path of the manifest in the package, which the specification puts at its root.
    package static let manifestPath = "imsmanifest.xml"

    /// The module the package holds.
    package var module: CartridgeModule

    /// Creates the package of a module.
    package init(module: CartridgeModule) {
        self.module = module
    }

    /// The package's files, sorted by path, so the same module gives the same archive.
    package var entries: [ZipEntry] {
        let parts = CartridgePart.parts(of: module)
        let manifest = CartridgeManifest(module: module, parts: parts)
        let files = [ZipEntry(path: Self.manifestPath, data: Data(manifest.xml.utf8))]
            + parts.map { ZipEntry(path: $0.path, data: $0.contents) }
        return files.sorted { $0.path < $1.path }
    }

    /// The `.imscc` file's bytes.
    package func data() throws -> Data {
        try ZipArchive.data(of: entries)
    }
}
