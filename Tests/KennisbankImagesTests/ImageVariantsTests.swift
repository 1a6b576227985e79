import Foundation
import KennisbankCore
import Testing
@testable import KennisbankImages

/// ``ImageVariants`` scales real images with libvips, keeps their format, caches the results by content, and
/// reuses them without calling libvips.
@Suite struct ImageVariantsTests {
    /// The digest the pipeline would give the bytes.
    static func digest(_ data: Data) -> Digest {
        data.withUnsafeBytes { Digest(bytes: $0) }
    }

    /// Variants of `data` made by a fresh instance over `folder`, and that instance.
    static func variants(_ data: Data, in folder: URL) throws -> ([ImageVariant], ImageVariants) {
        let maker = ImageVariants(cacheFolder: folder)
        let info = try ImageInfo.read(data)
        return (try maker.variants(of: data, digest: digest(data), info: info), maker)
    }

    @Test(arguments: [(".png", ImageFormat.png), (".jpg", .jpeg), (".webp", .webp)])
    func eachWidthBelowTheSourceGetsAVariantInTheSameFormat(suffix: String, format: ImageFormat) throws {
        let folder = try TestImages.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try TestImages.make(width: 1500, height: 1000, suffix: suffix)
        let (variants, maker) = try Self.variants(source, in: folder)
        #expect(variants.map(\.width) == [480, 720, 960, 1440])
        #expect(variants.map(\.height) == [320, 480, 640, 960])
        #expect(maker.libvipsCalls == 4)
        for variant in variants {
            let info = try ImageInfo.read(variant.bytes())
            #expect(info == ImageInfo(format: format, width: variant.width, height: variant.height))
            #expect(variant.format == format)
            #expect(variant.file.deletingLastPathComponent().path == folder.path)
        }
    }

    @Test func onlyWidthsStrictlyBelowTheSourceAndNoneForSVG() throws {
        let maker = ImageVariants(cacheFolder: URL(fileURLWithPath: "/nonexistent"))
        #expect(maker.widths(for: ImageInfo(format: .png, width: 960, height: 10)) == [480, 720])
        #expect(maker.widths(for: ImageInfo(format: .jpeg, width: 481, height: 10)) == [480])
        #expect(maker.widths(for: ImageInfo(format: .webp, width: 480, height: 10)) == [])
        #expect(maker.widths(for: ImageInfo(format: .svg, width: 4000, height: 10)) == [])
        let svg = Data("<svg width='4000' height='10'/>".utf8)
        #expect(try maker.variants(of: svg, digest: Self.digest(svg), info: ImageInfo.read(svg)) == [])
        #expect(maker.libvipsCalls == 0)
        #expect(ImageVariants(cacheFolder: URL(fileURLWithPath: "/x"), ladder: [900, 300, 300, 0]).ladder == [300, 900])
    }

    /// A JPEG stored 1000 × 600 with orientation 6 is shown 600 × 1000: its variants are upright, and carry no
    /// EXIF (stripped), so browsers do not turn them a second time.
    @Test func anEXIFRotatedJPEGGivesUprightVariantsWithoutMetadata() throws {
        let folder = try TestImages.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = TestImages.withOrientation(try TestImages.make(width: 1000, height: 600, suffix: ".jpg"), 6)
        #expect(try ImageInfo.read(source) == ImageInfo(format: .jpeg, width: 600, height: 1000))
        let (variants, _) = try Self.variants(source, in: folder)
        #expect(variants.map { [$0.width, $0.height] } == [[480, 800]])
        let bytes = try variants[0].bytes()
        #expect(bytes.range(of: Data("Exif".utf8)) == nil)
    }

    /// A second build, in a new instance (as in a new process), reads every variant from the cache: no libvips call.
    @Test func aSecondBuildReusesTheCacheWithoutLibvips() throws {
        let folder = try TestImages.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try TestImages.make(width: 1000, height: 500, suffix: ".png")
        let (first, firstMaker) = try Self.variants(source, in: folder)
        #expect(firstMaker.libvipsCalls == 3)
        let (second, secondMaker) = try Self.variants(source, in: folder)
        #expect(secondMaker.libvipsCalls == 0)
        #expect(second == first)
        // The cache holds the variants and nothing else (no temporary files left).
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let key = try Vips.sha256(source)
        #expect(names == first.map(\.file.lastPathComponent).sorted())
        #expect(names.allSatisfy { $0.hasPrefix(key) && $0.hasSuffix("-\(ImageVariants.recipe).png") })
        // Other bytes are other files, even at the same size.
        let other = try TestImages.make(width: 1000, height: 500, suffix: ".png", bands: 4)
        let (_, otherMaker) = try Self.variants(other, in: folder)
        #expect(otherMaker.libvipsCalls == 3)
    }

    /// A cached file cut short, emptied or replaced by another image is made again; the others are reused.
    @Test func aDamagedCacheFileIsMadeAgain() throws {
        let folder = try TestImages.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try TestImages.make(width: 1000, height: 500, suffix: ".jpg")
        let (first, _) = try Self.variants(source, in: folder)
        #expect(first.map(\.width) == [480, 720, 960])
        let whole = try first[0].bytes()
        for damage in [whole.prefix(whole.count / 2), Data(), try first[1].bytes()] {
            try damage.write(to: first[0].file)
            let (again, maker) = try Self.variants(source, in: folder)
            #expect(maker.libvipsCalls == 1)
            #expect(again == first)
            #expect(try ImageInfo.read(again[0].bytes()) == ImageInfo(format: .jpeg, width: 480, height: 240))
        }
    }

    /// Many threads at once, over the same and different images, in one instance: every variant is whole.
    @Test func severalThreadsAtOnce() throws {
        let folder = try TestImages.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = try [(".png", 3), (".jpg", 3), (".webp", 4)].map { try TestImages.make(width: 800, height: 400, suffix: $0.0, bands: $0.1) }
        let maker = ImageVariants(cacheFolder: folder.appendingPathComponent("made/by/the/first"))
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 12) { index in
            let source = sources[index % sources.count]
            let outcome = Result { try maker.variants(of: source, digest: Self.digest(source), info: ImageInfo.read(source)) }
            results.add(outcome.map { $0.map { [$0.width, $0.height] } })
        }
        for outcome in results.all {
            #expect(try outcome.get() == [[480, 240], [720, 360]])
        }
        #expect(maker.libvipsCalls >= 6 && maker.libvipsCalls <= 24)
        for name in try FileManager.default.contentsOfDirectory(atPath: maker.cacheFolder.path) {
            #expect(!name.hasSuffix(".tmp"))
            #expect(ImageInfo(data: try Data(contentsOf: maker.cacheFolder.appendingPathComponent(name))) != nil)
        }
    }

    @Test func srcsetListsVariantsThenTheSource() throws {
        let source = ImageInfo(format: .png, width: 1000, height: 500)
        let small = ImageVariant(width: 480, height: 240, format: .png, file: URL(fileURLWithPath: "/c/a-480w.png"))
        let large = ImageVariant(width: 960, height: 480, format: .png, file: URL(fileURLWithPath: "/c/a-960w.png"))
        let candidates = ImageVariants.srcset(source: source, variants: [large, small])
        #expect(candidates.map(\.descriptor) == ["480w", "960w", "1000w"])
        #expect(candidates.map(\.variant) == [small, large, nil])
    }

    @Test func aFileLibvipsCannotReadIsAnError() throws {
        let folder = try TestImages.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bogus = Data(RasterHeaders.pngSignature + [0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 8, 0, 0, 0, 4, 0, 8, 2, 0, 0, 0])
        let maker = ImageVariants(cacheFolder: folder)
        #expect(throws: ImageVariantError.self) {
            try maker.variants(of: bogus, digest: Self.digest(bogus), info: ImageInfo(format: .png, width: 2048, height: 1024))
        }
    }
}

/// Results gathered from several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[[Int]], any Error>] = []

    func add(_ result: Result<[[Int]], any Error>) { lock.withLock { results.append(result) } }
    var all: [Result<[[Int]], any Error>] { lock.withLock { results } }
}
