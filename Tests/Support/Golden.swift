import Foundation
import Testing

/// Compares `actual` with a golden file under `Fixtures/golden/`. With `FIELDBOOK_RECORD=1` it writes the file
/// instead, and a file it changed or created fails the test, so a recording run never passes unnoticed: review the
/// diff, then run the tests again without it. A missing golden file is a failure that says how to record it.
package func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Repository.fixtures.appendingPathComponent("golden/" + name)
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if ProcessInfo.processInfo.environment["FIELDBOOK_RECORD"] == "1" {
        guard actual != expected else { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        Issue.record(
            "\(expected == nil ? "recorded" : "re-recorded") golden/\(name): review the diff, then run the tests without FIELDBOOK_RECORD",
            sourceLocation: sourceLocation)
        return
    }
    guard let expected else {
        Issue.record("no golden file golden/\(name); record it on purpose with FIELDBOOK_RECORD=1 swift test", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "\(name) differs from its golden file; FIELDBOOK_RECORD=1 swift test re-records it", sourceLocation: sourceLocation)
}
