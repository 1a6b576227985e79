// swift-tools-version:6.0
import PackageDescription

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
    ],
    targets: [
        // The system C library cmark (Debian: libcmark-dev). Only Markdown/Cmark.swift imports it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The engine: read → parse → link → render → write. Everything testable lives here.
        .target(
            name: "Kennisbank",
            dependencies: [
                "Ccmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // A thin command-line front over the engine.
        .executableTarget(
            name: "KennisbankCLI",
            dependencies: [
                "Kennisbank",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KennisbankTests",
            dependencies: ["Kennisbank"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
