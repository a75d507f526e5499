import Testing

@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct DayTests {
    @Test(arguments: ["2024-02-29", "2026-12-31", "2000-02-29"])
    func acceptsRealDates(text: String) { #expect(Day(text)?.description == text) }

    @Test(arguments: ["2017-02-30", "2023-02-29", "1900-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-04-31", "２０２６-01-01", ""])
    func rejectsImpossibleOrMalformedDates(text: String) { #expect(Day(text) == nil) }
}
