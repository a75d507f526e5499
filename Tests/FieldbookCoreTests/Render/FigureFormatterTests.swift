import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct FigureFormatterTests {
    let english = FigureFormatter(locale: .english, currency: "USD")
    let chinese = FigureFormatter(locale: .simplifiedChinese, currency: "CNY")

    @Test func money() {
        #expect(english.money(1_234_567) == "$1,234,567")
        #expect(english.money(1_234_567, compact: true) == "$1.2M")
        #expect(english.money(950_000, compact: true) == "$950K")
        #expect(english.money(999, compact: true) == "$999")
        #expect(english.money(-12_500, compact: true) == "-$12.5K")
        #expect(english.money(12.5) == "$12.50")
        #expect(chinese.money(1_234_567) == "¥1,234,567")
        #expect(chinese.money(1_234_567, compact: true) == "¥123.5万")
        #expect(chinese.money(120_000_000, compact: true) == "¥1.2亿")
        #expect(FigureFormatter(locale: .english, currency: "CHF").money(10) == "CHF 10")
    }

    @Test func countsPercentagesAndDays() {
        #expect(english.value(1234, unit: .count) == "1,234")
        #expect(english.value(0.4567, unit: .percent) == "45.7%")
        #expect(english.value(32.25, unit: .days) == "32.3 days")
        #expect(chinese.value(32, unit: .days) == "32.0 天")
        #expect(english.value(nil, unit: .currency) == "–")
        // A change in a percentage is in percentage points.
        #expect(english.signed(-0.012, unit: .percent) == "-1.2 pp")
        #expect(english.signed(0.05, unit: .percent) == "+5.0 pp")
        #expect(english.signed(-0.0004, unit: .percent) == "±0.0 pp")
        #expect(chinese.signed(-0.012, unit: .percent) == "下降1.2个百分点")
        #expect(chinese.signed(0.3, unit: .percent) == "上升30.0个百分点")
        #expect(chinese.signed(0, unit: .percent) == "持平")
        #expect(english.signed(1500, unit: .currency) == "+$1.5K")
        #expect(english.signed(0, unit: .count) == "±0")
        #expect(english.grouped(-1_234_567.891, decimals: 2) == "-1,234,567.89")
    }

    @Test func datesAndPeriods() {
        let day = Day("2026-11-20")!
        #expect(english.date(day) == "20 Nov 2026")
        #expect(chinese.date(day) == "2026年11月20日")
        let calendar = FiscalCalendar()
        #expect(english.period(calendar.parse("2026-11")!, calendar: calendar) == "Nov 2026")
        #expect(english.period(calendar.parse("2026-Q4")!, calendar: calendar) == "Q4 2026")
        #expect(chinese.period(calendar.parse("2026-Q4")!, calendar: calendar) == "2026年第4季度")
        #expect(chinese.period(calendar.parse("2026")!, calendar: calendar) == "2026年")
        let april = FiscalCalendar(startMonth: 4)
        #expect(english.period(april.parse("2027-Q1")!, calendar: april) == "Q1 FY2027")
        #expect(chinese.period(april.parse("2027")!, calendar: april) == "2027财年")
    }
}
