import Foundation
import Testing

@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct DiagnosticFormatTests {
    let diagnostics = [
        Diagnostic.error(SourceLocation(path: "content/a.md", line: 3, column: 7), "broken link: b.md does not exist"),
        Diagnostic.warning(
            SourceLocation(path: "content/c, d.md", line: 1, column: 1), "100% sure:\nyes",
            notes: [.init(SourceLocation(path: "content/e.md"), "the other")]),
    ]

    @Test func text() {
        #expect(
            DiagnosticFormat.text.render(diagnostics) == """
                content/a.md:3:7: error: broken link: b.md does not exist
                content/c, d.md:1:1: warning: 100% sure:
                yes
                content/e.md:1:1: note: the other

                """)
    }

    @Test func githubAnnotationsEscapeTheirValues() {
        #expect(
            DiagnosticFormat.github.render(diagnostics, pathPrefix: "portal/") == """
                ::error file=portal/content/a.md,line=3,col=7::broken link: b.md does not exist
                ::warning file=portal/content/c%2C d.md,line=1,col=1::100%25 sure:%0Ayes%0Acontent/e.md:1:1: the other

                """)
    }

    @Test func jsonIsAnArrayOfRecords() throws {
        let text = DiagnosticFormat.json.render(diagnostics)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(records.count == 2)
        #expect(records[0]["path"] as? String == "content/a.md")
        #expect(records[0]["line"] as? Int == 3)
        #expect(records[0]["column"] as? Int == 7)
        #expect(records[0]["severity"] as? String == "error")
        #expect((records[1]["notes"] as? [[String: Any]])?.first?["message"] as? String == "the other")
    }
}
