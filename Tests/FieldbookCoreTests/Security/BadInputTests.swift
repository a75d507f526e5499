import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct BadInputTests {
    @Test func aHugeMarkdownFileIsRefusedQuickly() {
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        let start = Date()
        let (document, diagnostics) = DocumentParser.parse(huge, path: "content/training/a/huge.md")
        #expect(document == nil)
        #expect(diagnostics.map(\.description) == ["content/training/a/huge.md:1:1: error: file is 50 MB; Markdown files may be at most 8 MB"])
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func emptyAndOddFilesAreHandled() {
        let portal = renderPortal([
            "content/training/a/01-empty.md": "",
            "content/training/a/02-bom.md": "\u{FEFF}# Title\r\n\r\nText\r\n",
            "content/training/a/03-nul.md": "# Nul \u{0}byte\n",
        ])
        #expect(portal.messages == [])
        #expect(portal.page("library/training/a/empty/index.html")?.contains("<h1>Empty</h1>") == true)
        #expect(portal.page("library/training/a/bom/index.html")?.contains("<h1>Title</h1>") == true)
        #expect(portal.page("library/training/a/nul/index.html")?.contains("\u{FFFD}") == true)  // cmark replaces NUL
    }

    @Test func hostileDataValuesAreDiagnosed() {
        let (_, diagnostics) = DataLoader().load([
            "team.json": Array(#"{"regions": [{"id": "r", "name": "R"}], "reps": [{"id": "a", "name": "A", "region": "r"}]}"#.utf8),
            "deals.json": Array(
                #"[{"id": "1", "rep": "a", "stage": "open", "amount": 1e309}, {"id": "2", "rep": "a", "stage": "open", "amount": NaN}, {"id": "3", "rep": "a", "stage": "open", "amount": 1e20}]"#
                    .utf8),
        ])
        #expect(diagnostics.filter { $0.severity == .error }.map(\.message) == ["number 1e309 is out of range"])
        let (_, nan) = DataLoader().load([
            "team.json": Array(#"{"regions": [{"id": "r", "name": "R"}], "reps": [{"id": "a", "name": "A", "region": "r"}]}"#.utf8),
            "deals.json": Array(
                #"[{"id": "2", "rep": "a", "stage": "open", "amount": NaN}, {"id": "3", "rep": "a", "stage": "open", "amount": 1e20}]"#.utf8),
        ])
        #expect(nan.filter { $0.severity == .error }.map(\.message) == ["expected a JSON value"])
        let (_, big) = DataLoader().load([
            "team.json": Array(#"{"regions": [{"id": "r", "name": "R"}], "reps": [{"id": "a", "name": "A", "region": "r"}]}"#.utf8),
            "deals.json": Array(#"[{"id": "3", "rep": "a", "stage": "open", "amount": 1e20}]"#.utf8),
        ])
        #expect(big.map(\.message) == ["deals[0].amount: is too large"])
    }

    @Test func deeplyNestedJSONIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (_, diagnostics) = DataLoader().load(["team.json": Array(#"{"regions": [], "reps": []}"#.utf8), "deals.json": Array(deep.utf8)])
        #expect(diagnostics.map(\.message) == ["JSON nested deeper than 256 levels"])
        let (_, config) = ConfigParser.parse(Array(("{\"title\": " + deep + "}").utf8))
        #expect(config.map(\.message) == ["JSON nested deeper than 256 levels"])
    }
}
