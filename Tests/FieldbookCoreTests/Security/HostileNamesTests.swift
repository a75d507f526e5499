import Foundation
import Testing

@testable import FieldbookImport
@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct HostileNamesTests {
    @Test func longAndOddNamesNeverBecomePaths() {
        let long = String(repeating: "a", count: 300)
        let (_, diagnostics) = LibraryBuilder().build([
            SourceDocument(path: "content/training/x/\(long).md", frontMatter: FrontMatter(), markdown: ""),
            SourceDocument(path: "content/training/x/Pricing.md", frontMatter: FrontMatter(), markdown: ""),
            SourceDocument(path: "content/training/X/a.md", frontMatter: FrontMatter(), markdown: ""),
        ])
        #expect(diagnostics.map(\.severity) == [.error, .error, .error])
        let (_, data) = DataLoader().load([
            "team.json": Array(
                #"{"regions": [{"id": "r", "name": "R"}], "reps": [{"id": "\#(long)", "name": "A", "region": "r"}, {"id": "/etc/x", "name": "B", "region": "r"}, {"id": "a\u0000b", "name": "C", "region": "r"}, {"id": "Ann", "name": "D", "region": "r"}]}"#
                    .utf8)
        ])
        #expect(data.filter { $0.severity == .error }.count == 4)
        #expect(data.allSatisfy { $0.message.contains("is not a valid id") })
    }
}
