// swift-tools-version:6.0
// A libFuzzer target for the parsers: built only by scripts/fuzz, with -sanitize=fuzzer, so the main package's
// builds and tests never need the fuzzer runtime.
import PackageDescription

let package = Package(
    name: "FieldbookFuzz",
    // `fieldbook` is a link to the repository root, so the dependency has the same name whatever the clone is called.
    dependencies: [.package(path: "fieldbook")],
    targets: [
        .executableTarget(
            name: "FieldbookFuzz",
            dependencies: [.product(name: "FieldbookCore", package: "fieldbook")]
        )
    ],
    swiftLanguageModes: [.v6]
)
