import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel
@testable import FieldbookRender

/// Run-rate and pipeline forecasts, worked out by hand: 2024-Q2 runs from April 1 to June 30, 91 days; on May 15,
/// 45 of them have passed (30 in April, 15 in May).
@Suite struct ForecasterTests {
    static let calendar = FiscalCalendar()
    static let may2024 = Period(kind: .month, firstMonth: Day(year: 2024, month: 5, day: 1).monthNumber)
    static let quarter = calendar.period(.quarter, containing: may2024.firstMonth)
    static let year = calendar.period(.year, containing: may2024.firstMonth)
    /// Weighted cents expected to close by each period's end, for reps 0, 1 and 2.
    static let additions: [Period: [Double]] = [quarter: [250_000, 100_000, 50_000], year: [400_000, 0, 0]]

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var asOf: Day
        var period: Period
        var revenue: Double?
        var members: [Int]
        var expected: [Forecast]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // 45,000 × 91 ÷ 45 = 91,000; 45,000 + (2,500 + 500) = 48,000.
        Case(
            name: "a quarter under way", asOf: Day(year: 2024, month: 5, day: 15), period: quarter, revenue: 45_000, members: [0, 2],
            expected: [Forecast(method: .runRate, revenue: 91_000), Forecast(method: .pipeline, revenue: 48_000)]),
        // 2024 has 366 days, 136 passed by May 15 (31 + 29 + 31 + 30 + 15): 68,000 × 366 ÷ 136 = 183,000; + 4,000.
        Case(
            name: "a year under way", asOf: Day(year: 2024, month: 5, day: 15), period: year, revenue: 68_000, members: [0, 1, 2],
            expected: [Forecast(method: .runRate, revenue: 183_000), Forecast(method: .pipeline, revenue: 72_000)]),
        Case(name: "no revenue known", asOf: Day(year: 2024, month: 5, day: 15), period: quarter, revenue: nil, members: [0], expected: []),
        Case(
            name: "the period's last day: nothing left to forecast", asOf: Day(year: 2024, month: 6, day: 30), period: quarter, revenue: 1,
            members: [0], expected: []),
        Case(
            name: "a period over", asOf: Day(year: 2024, month: 7, day: 2), period: quarter, revenue: 1, members: [0], expected: []),
        Case(
            name: "a period without additions (a month)", asOf: Day(year: 2024, month: 5, day: 15), period: Self.may2024, revenue: 1,
            members: [0], expected: []),
    ]

    @Test(arguments: cases) func forecasts(_ example: Case) {
        let forecaster = Forecaster(asOf: example.asOf, additions: Self.additions)
        #expect(forecaster.forecasts(example.period, revenue: example.revenue, members: example.members) == example.expected)
    }
}
