// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "fieldbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fieldbook", targets: ["fieldbook"]),
        // The pipeline, and the stages the fuzzer (Fuzz/) drives one by one.
        .library(name: "FieldbookCore", targets: ["FieldbookCore", "FieldbookModel", "FieldbookLoad", "FieldbookMarkdown", "FieldbookAnalyze"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // The layers of the build, each a target whose dependencies only point down (docs/architecture.md draws them;
        // a test holds this file and the drawing together). Every stage depends on Model; only Markdown links cmark-gfm.
        .target(name: "FieldbookModel", path: "Sources/Model"),
        .target(name: "FieldbookLoad", dependencies: ["FieldbookModel"], path: "Sources/Load"),
        .target(name: "FieldbookMarkdown", dependencies: ["FieldbookModel", "CCmarkGFM"], path: "Sources/Markdown"),
        .target(name: "FieldbookAnalyze", dependencies: ["FieldbookModel"], path: "Sources/Analyze"),
        // Our own Mustache engine: templates compiled against the view models they render.
        .target(name: "FieldbookTemplates", dependencies: ["FieldbookModel"], path: "Sources/Templates"),
        .target(
            name: "FieldbookRender",
            dependencies: ["FieldbookModel", "FieldbookMarkdown", "FieldbookAnalyze", "FieldbookTemplates"],
            path: "Sources/Render"
        ),
        .target(name: "FieldbookSearch", dependencies: ["FieldbookModel"], path: "Sources/Search"),
        .target(name: "FieldbookWrite", dependencies: ["FieldbookModel"], path: "Sources/Write"),
        // Encrypted portals: who may open which file, and the envelope encryption (swift-crypto, never our own primitives).
        .target(name: "FieldbookSeal", dependencies: ["FieldbookModel", .product(name: "Crypto", package: "swift-crypto")], path: "Sources/Seal"),
        .target(
            name: "FieldbookIncremental",
            dependencies: ["FieldbookModel", "FieldbookRender", "FieldbookSearch", "FieldbookWrite"],
            path: "Sources/Incremental"
        ),
        .target(
            name: "FieldbookCore",
            dependencies: [
                "FieldbookModel", "FieldbookLoad", "FieldbookMarkdown", "FieldbookAnalyze", "FieldbookRender",
                "FieldbookSearch", "FieldbookWrite", "FieldbookIncremental", "FieldbookSeal",
            ],
            path: "Sources/Pipeline"
        ),
        // Beside the build: importing CRM exports, and scaffolding new portals and documents.
        .target(
            name: "FieldbookImport", dependencies: ["FieldbookModel", "FieldbookLoad", .product(name: "CSV", package: "CSV.swift")],
            path: "Sources/Import"),
        .target(name: "FieldbookScaffold", dependencies: ["FieldbookModel", "FieldbookRender"], path: "Sources/Scaffold"),
        // The preview server lives apart, so the core library never links an HTTP stack.
        .target(
            name: "FieldbookServe",
            dependencies: [
                "FieldbookModel", "FieldbookCore", .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            path: "Sources/Serve"
        ),
        .executableTarget(
            name: "fieldbook",
            dependencies: [
                "FieldbookModel", "FieldbookLoad", "FieldbookAnalyze", "FieldbookWrite", "FieldbookCore", "FieldbookImport", "FieldbookScaffold",
                "FieldbookServe", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/fieldbook"
        ),
        // Tests mirror the sources: the stages' tests, the preview server's, and the command line's (which run the
        // built binary), sharing the helpers of Tests/Support.
        .target(
            name: "FieldbookTestSupport", dependencies: ["FieldbookModel", "FieldbookLoad", "FieldbookRender", "FieldbookCore"],
            path: "Tests/Support"),
        .testTarget(
            name: "FieldbookCoreTests",
            dependencies: [
                "FieldbookModel", "FieldbookLoad", "FieldbookMarkdown", "FieldbookAnalyze", "FieldbookTemplates", "FieldbookRender",
                "FieldbookSearch",
                "FieldbookWrite", "FieldbookIncremental", "FieldbookSeal", "FieldbookCore", "FieldbookImport", "FieldbookScaffold",
                "FieldbookTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FieldbookServeTests",
            dependencies: [
                "FieldbookModel", "FieldbookLoad", "FieldbookMarkdown", "FieldbookAnalyze", "FieldbookTemplates", "FieldbookRender",
                "FieldbookSearch",
                "FieldbookWrite", "FieldbookIncremental", "FieldbookSeal", "FieldbookCore", "FieldbookImport", "FieldbookScaffold",
                "FieldbookTestSupport",
                "FieldbookServe",
            ]),
        .testTarget(
            name: "FieldbookCLITests",
            dependencies: [
                "FieldbookModel", "FieldbookLoad", "FieldbookMarkdown", "FieldbookAnalyze", "FieldbookTemplates", "FieldbookRender",
                "FieldbookSearch",
                "FieldbookWrite", "FieldbookIncremental", "FieldbookSeal", "FieldbookCore", "FieldbookImport", "FieldbookScaffold",
                "FieldbookTestSupport",
                "FieldbookServe",
                "fieldbook",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
