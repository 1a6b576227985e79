import Foundation

/// An IMS Common Cartridge package (`.imscc`, version 1.1 or 1.3) of one learning module: the manifest and the parts' files,
/// zipped by ``ZipArchive``.
package struct CartridgePackage: Sendable, Equatable {
    /// The path of the manifest in the package, which the specification puts at its root.
    package static let manifestPath = "imsmanifest.xml"

    /// The module the package holds.
    package var module: CartridgeModule
    /// The version of the specification it is written for.
    package var version: CommonCartridge

    /// Creates the package of a module for a version of the specification.
    package init(module: CartridgeModule, version: CommonCartridge = .standard) {
        self.module = module
        self.version = version
    }

    /// The package's files, sorted by path, so the same module gives the same archive.
    package var entries: [ZipEntry] {
        let parts = CartridgePart.parts(of: module, version: version)
        let manifest = CartridgeManifest(module: module, parts: parts, version: version)
        let files = [ZipEntry(path: Self.manifestPath, data: Data(manifest.xml.utf8))]
            + parts.map { ZipEntry(path: $0.path, data: $0.contents) }
        return files.sorted { $0.path < $1.path }
    }

    /// The `.imscc` file's bytes.
    package func data() throws -> Data {
        try ZipArchive.data(of: entries)
    }
}
