// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "fieldbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fieldbook", targets: ["fieldbook"]),
        .library(name: "FieldbookCore", targets: ["FieldbookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .target(
            name: "FieldbookCore",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The preview server lives apart, so the core library never links an HTTP stack.
        .target(
            name: "FieldbookServe",
            dependencies: [
                "FieldbookCore", .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "fieldbook",
            dependencies: [
                "FieldbookCore",
                "FieldbookServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "FieldbookCoreTests",
            dependencies: ["FieldbookCore", "FieldbookServe"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
