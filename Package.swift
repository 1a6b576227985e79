// swift-tools-version:6.0
import PackageDescription

/// The engine's targets are compiled with cross-module optimization in release builds: their small accessors and
/// generic tables (content items, memo tables) are inlined and specialized across the target boundaries that
/// keep the layers apart, as they were when the engine was one target.
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Kennisbank",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kennisbank", targets: ["KennisbankCLI"]),
        .library(name: "Kennisbank", targets: ["Kennisbank"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own; named for the handler that closes HTTP/1.0 connections (`ConnectionCloseHandler`).
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // ZIP archives for the exports (the Common Cartridge and the EPUB): only Zip/ZipArchive.swift imports it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only: a streaming HTTP client for the server's event stream (already a dependency of Hummingbird).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        // Tests only: property-based tests (random inputs with shrinking) on Swift Testing.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The layers, bottom first; each target depends only on those above it in this list.
        //
        // Values every layer shares: site links, HTML escaping, output files, diagnostics, the file-system seam,
        // digests, the memo every step makes its values through, text helpers and the worker pool. Foundation only.
        .target(name: "KennisbankCore", swiftSettings: engineSettings),
        // The system C library cmark (Debian: libcmark-dev). Only KennisbankMarkdown imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The system C library libstemmer, Snowball's stemmers (Debian: libstemmer-dev): the search index stems
        // Dutch words with its `dutch` algorithm. Only Output/Search/DutchStemmer.swift calls it.
        .systemLibrary(
            name: "Cstemmer",
            providers: [.apt(["libstemmer-dev"]), .brew(["snowball"])]
        ),
        // The C library libvips (Debian: libvips42, in libvips-dev), loaded with dlopen on first use: it scales
        // raster figures down to the widths of their `srcset`, fast and in little memory (it streams the pixels
        // rather than holding whole images). Loading it only when a figure needs it keeps its hundred-odd shared
        // libraries out of every other build; vips.c also makes the variadic calls Swift cannot. Only
        // KennisbankImages/Vips.swift calls it.
        .target(name: "CVips", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Markdown as Swift values: every call into cmark is in Parser/Cmark.swift; nodes, rewriters.
        .target(name: "KennisbankMarkdown", dependencies: ["KennisbankCore", "Ccmark"], swiftSettings: engineSettings),
        // Figures: a raster or SVG file's format and size read from its header, the problems of an SVG that must
        // not be copied into a site, and the resized variants of a raster image (libvips), cached by content.
        .target(name: "KennisbankImages", dependencies: ["KennisbankCore", "CVips"], swiftSettings: engineSettings),
        // Read and parse: site.yml, front matter, articles, concepts, miniatures (YAML by Yams).
        .target(
            name: "KennisbankContent",
            dependencies: ["KennisbankCore", "KennisbankMarkdown", "KennisbankImages", .product(name: "Yams", package: "Yams")],
            swiftSettings: engineSettings
        ),
        // Link: wikilinks, embeds, anchors, citations and references, concept mentions, the link graph.
        .target(name: "KennisbankLinking", dependencies: ["KennisbankCore", "KennisbankMarkdown", "KennisbankContent"],
                swiftSettings: engineSettings),
        // The built-in templates and assets: Templates/ compiled in by the EmbedTemplates plugin, so a copied
        // executable builds a content folder without templates of its own. A target of its own, so that a template
        // edit recompiles one generated file. Its `Templates` is a symbolic link to Templates/, excluded from the
        // sources: a file added there or removed makes SwiftPM plan the build again (see Plugins/EmbedTemplates).
        .target(name: "KennisbankDefaultTemplates", exclude: ["Templates"], plugins: ["EmbedTemplates"]),
        // The plugin that writes Templates/ into KennisbankDefaultTemplates, and the tool it runs.
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        .executableTarget(name: "TemplateEmbedder"),
        // Render and the files of the site: typed page views for the Mustache templates, the search index,
        // the data files, the link check, the writer.
        .target(
            name: "KennisbankRendering",
            dependencies: [
                "KennisbankCore", "KennisbankMarkdown", "KennisbankContent", "KennisbankLinking", "KennisbankDefaultTemplates", "KennisbankImages", "Cstemmer",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: engineSettings
        ),
        // The pipeline, read → parse → link → render → check → write: `Build`, the front door of the engine.
        .target(
            name: "Kennisbank",
            dependencies: ["KennisbankCore", "KennisbankMarkdown", "KennisbankContent", "KennisbankLinking", "KennisbankRendering"],
            swiftSettings: engineSettings
        ),
        // The incremental build of `serve`: the pipeline run with a memo kept between builds, and what
        // it knows of the site on disk.
        .target(
            name: "KennisbankIncremental",
            dependencies: ["KennisbankCore", "KennisbankMarkdown", "KennisbankContent", "KennisbankLinking", "KennisbankRendering", "Kennisbank"],
            swiftSettings: engineSettings
        ),
        // Exports of the site for other tools: the IMS Common Cartridge of a route (`kennisbank export cartridge`),
        // written from a neutral model of its own (Cartridge/), what a built site's route gives it (Routes/), the EPUB 3
        // of the series (`kennisbank export epub`, and `build`'s e-book through SiteDownloads: Epub/), and the ZIP
        // seam, the one file that calls ZIPFoundation.
        .target(
            name: "KennisbankExport",
            dependencies: [
                "KennisbankCore", "KennisbankMarkdown", "KennisbankContent", "KennisbankLinking", "KennisbankRendering", "Kennisbank",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: engineSettings
        ),
        // A benchmark tool, not part of the engine: generated content folders of any size (`kennisbank corpus`).
        // It names references by the engine's own key rule (ReferenceKey), so it depends on the link step, never the reverse.
        .target(name: "KennisbankCorpus", dependencies: ["KennisbankCore", "KennisbankLinking"]),
        // `kennisbank serve`: the site over HTTP with live reload. The engine stays free of Hummingbird.
        .target(
            name: "KennisbankServer",
            dependencies: [
                "KennisbankCore",
                "Kennisbank",
                "KennisbankIncremental",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // A thin command-line front over the engine.
        .executableTarget(
            name: "KennisbankCLI",
            dependencies: [
                "KennisbankCore",
                "KennisbankContent",
                "KennisbankLinking",
                "Kennisbank",
                "KennisbankServer",
                "KennisbankCorpus",
                "KennisbankRendering",
                "KennisbankExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian: libmimalloc-dev) replaces glibc's malloc for the command: the build allocates
            // many small strings and arrays on all cores, and glibc's arenas made that an eighth of its time.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "KennisbankTests",
            dependencies: [
                "Kennisbank",
                "KennisbankCore",
                "KennisbankMarkdown",
                "KennisbankContent",
                "KennisbankLinking",
                "KennisbankRendering",
                "KennisbankIncremental",
                "KennisbankCorpus",
                "KennisbankExport",
                "KennisbankImages",
                "KennisbankDefaultTemplates", "Cstemmer",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        // The image layer's tests, in a target of their own so that they build without the whole engine.
        .testTarget(name: "KennisbankImagesTests", dependencies: ["KennisbankImages", "KennisbankCore"]),
        .testTarget(
            name: "KennisbankServerTests",
            dependencies: [
                "KennisbankServer",
                "Kennisbank",
                "KennisbankCore",
                "KennisbankContent",
                "KennisbankLinking",
                "KennisbankRendering",
                "KennisbankIncremental",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
