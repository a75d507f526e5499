import Foundation
import Testing

/// Compares `actual` with a golden file under `Fixtures/golden/`; run with `FIELDBOOK_RECORD=1` to re-record on
/// purpose, then review the diff.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Repository.fixtures.appendingPathComponent("golden/" + name)
    if ProcessInfo.processInfo.environment["FIELDBOOK_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "\(name) differs from its golden file; FIELDBOOK_RECORD=1 swift test re-records it", sourceLocation: sourceLocation)
}
