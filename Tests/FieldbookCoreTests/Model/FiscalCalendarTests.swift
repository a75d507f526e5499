import Testing

@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct FiscalCalendarTests {
    let april = FiscalCalendar(startMonth: 4)

    @Test func calendarQuartersByDefault() {
        let calendar = FiscalCalendar()
        let march2017 = 2017 * 12 + 2
        #expect(calendar.label(calendar.period(.quarter, containing: march2017)) == "2017-Q1")
        #expect(calendar.label(calendar.period(.year, containing: march2017)) == "2017")
        #expect(calendar.parse("2017-Q2") == Period(kind: .quarter, firstMonth: 2017 * 12 + 3))
    }

    @Test func fiscalYearsAreNamedByTheYearTheyEndIn() {
        let april2017 = 2017 * 12 + 3
        #expect(april.label(april.period(.quarter, containing: april2017)) == "2018-Q1")
        #expect(april.label(april.period(.year, containing: april2017)) == "2018")
        #expect(april.label(april.period(.quarter, containing: 2018 * 12 + 0)) == "2018-Q4")  // January 2018
        #expect(april.label(april.period(.quarter, containing: 2018 * 12 + 2)) == "2018-Q4")  // March 2018
        #expect(april.parse("2018-Q1") == Period(kind: .quarter, firstMonth: april2017))
        #expect(april.parse("2018") == Period(kind: .year, firstMonth: april2017))
        #expect(april.parse("2018")?.lastDay == Day("2018-03-31"))
        #expect(april.parse("2017-03")?.kind == .month)
    }

    @Test(arguments: ["2017-13", "2017-Q5", "17-01", "2017-1", "2017-Q", "x", "2017-01-01"])
    func rejectsMalformedPeriods(text: String) { #expect(FiscalCalendar().parse(text) == nil) }

    @Test func dayOrdinalsCountDays() {
        #expect(Day("2024-03-01")!.ordinal - Day("2024-02-28")!.ordinal == 2)
        #expect(Day("2025-01-01")!.ordinal - Day("2024-01-01")!.ordinal == 366)
        #expect(Day("2017-03-01")!.ordinal - Day("2016-10-20")!.ordinal == 132)
    }
}
