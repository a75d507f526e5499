import Testing

@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct TocEntryViewTests {
    /// h3s nest under the h2 before them, so a numbered list counts the sections (1, 2, 3), not every heading; an
    /// h3 before any h2 stands on its own; h1 and h4 are left out.
    @Test func subsectionsNestUnderTheirSection() {
        let headings = [
            Heading(level: 3, text: "Before", id: "before"), Heading(level: 2, text: "Goals", id: "goals"),
            Heading(level: 3, text: "Revenue", id: "revenue"), Heading(level: 4, text: "Detail", id: "detail"),
            Heading(level: 3, text: "Pipeline", id: "pipeline"), Heading(level: 1, text: "Title", id: "title"),
            Heading(level: 2, text: "Plan", id: "plan"),
        ]
        let entries = TocEntryView.entries(headings)
        #expect(entries.map(\.id) == ["before", "goals", "plan"])
        #expect(entries.map(\.isSubsection) == [true, false, false])
        #expect(entries[1].children.map(\.id) == ["revenue", "pipeline"])
        #expect(entries[0].children.isEmpty && entries[2].children.isEmpty)
        #expect(TocEntryView.count(entries) == 5)
    }
}
