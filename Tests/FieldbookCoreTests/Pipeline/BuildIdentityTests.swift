import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookModel
@testable import FieldbookRender

/// Holds the output's bytes still through refactors: the example portal and a generated portal of 1,000 documents with
/// performance data build to files whose digests are recorded under `Fixtures/golden/identity/`. A change to the output
/// made on purpose re-records them (`FIELDBOOK_RECORD=1`) and shows in review as a list of changed files.
@Suite(.serialized) struct BuildIdentityTests {
    @Test func examplePortalBuildsToTheRecordedBytes() throws {
        let output = try TemporaryFolder()
        defer { output.cleanUp() }
        _ = try Pipeline.build(BuildOptions(portal: Repository.root.path, output: output.path))
        try expectGolden(try digests(of: output.path), "identity/example-portal.txt")
    }

    @Test func generatedPortalBuildsToTheRecordedBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let portal = folder.path + "/portal"
        try runScript("generate-portal.swift", "--out", portal, "--documents", "1000", "--seed", "3")
        try runScript("generate-data.swift", "--portal", portal, "--reps", "40", "--from", "2025-01", "--to", "2026-06-15", "--seed", "5")
        try folder.write([
            "portal/fieldbook.json":
                #"{"title": "Generated", "asOf": "2026-06-15", "pipeline": {"stages": {"prospecting": 0.1, "engaging": 0.3, "proposal": 0.6}}}"#
        ])
        _ = try Pipeline.build(BuildOptions(portal: portal, output: folder.path + "/public"))
        try expectGolden(try digests(of: folder.path + "/public"), "identity/generated-1000.txt")
    }

    /// One line per output file, sorted by path: its XXH64 digest, its size and its path.
    private func digests(of folder: String) throws -> String {
        try snapshot(of: folder).sorted { $0.key < $1.key }.map { "\(Fingerprint($0.value)) \($0.value.count) \($0.key)\n" }.joined()
    }

    /// Runs one of `scripts/`'s generators with the toolchain's `swift`.
    private func runScript(_ name: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", Repository.root.appendingPathComponent("scripts/" + name).path] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name) failed")
    }
}
