import Testing

@testable import FieldbookRender

/// A figure's value as a table cell carries it (`data-value`), for sorting and a table's CSV.
@Suite struct FigureTests {
    @Test func aValueIsAPlainNumberAndAnAbsentOneIsEmpty() {
        #expect(Figure(1234.5, text: "$1.2K", sortDecimals: 2).sortKey == "1234.5")
        #expect(Figure(0.9166666, text: "91.7%").sortKey == "0.916667")
        #expect(Figure(-42, text: "-42").sortKey == "-42")
        // Absent: empty, never a number a spreadsheet would take for a figure (it was "-1").
        #expect(Figure(nil, text: "–").sortKey == "")
    }
}
