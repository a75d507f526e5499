import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel

/// Changes against the previous period and the same period a year earlier, like for like while a period is under way
/// (`LikeForLike`). The small team's deals are in `SmallTeam`; every expectation is worked out by hand.
@Suite struct LikeForLikeTests {
    func change(_ board: Scoreboard, _ entity: String, _ period: String, _ kpi: String, year: Bool = false) -> Double? {
        guard let k = board.index(of: kpi), let figures = board.figures(entity, period) else { return nil }
        return year ? figures.yearChange[k] : figures.change[k]
    }

    @Test func aPeriodUnderWayIsComparedWithTheSameDaysOfThePreviousOne() throws {
        let board = try SmallTeam.scoreboard()  // as of 2024-05-15
        // Q2 so far (April 1 to May 15, 45 days) against January 1 to February 14.
        // Ann: nothing won in Q2 (d9 closes after the as-of date) against d1 (1000, Feb 5); d2 closed Feb 20, outside.
        #expect(change(board, "rep:ann", "2024-Q2", "revenue") == -1000)
        #expect(change(board, "rep:ann", "2024-Q2", "deals_won") == -1)
        // Created: d9 (May 1) against d1, d3 and d2 (Jan 10, Jan 15, Feb 1).
        #expect(change(board, "rep:ann", "2024-Q2", "deals_created") == -2)
        // Open at the span's end: d9 (700) on May 15 against d2 and d3 (500.50 + 300) on February 14.
        #expect(change(board, "rep:ann", "2024-Q2", "open_deals") == -1)
        #expect(change(board, "rep:ann", "2024-Q2", "pipeline") == -100.5)
        // Bob: d4 (2000, Apr 10) against nothing; d5 and d8 open now (d8 undated: open only at the as-of date).
        #expect(change(board, "rep:bob", "2024-Q2", "revenue") == 2000)
        #expect(change(board, "rep:bob", "2024-Q2", "open_deals") == 2)
        #expect(change(board, "rep:bob", "2024-Q2", "pipeline") == 1800)
        // No stage history: the weighted pipeline has no comparison. Nothing closed in Q2 for Ann: no win rate.
        #expect(change(board, "rep:bob", "2024-Q2", "weighted_pipeline") == nil)
        #expect(change(board, "rep:ann", "2024-Q2", "win_rate") == nil)
        // May 1–15 against April 1–15: Bob won d4 on April 10. Created: Ann's d9 (May 1) against Bob's d5 (April 1).
        #expect(change(board, "rep:bob", "2024-05", "revenue") == -2000)
        #expect(change(board, "rep:ann", "2024-05", "deals_created") == 1)
        #expect(change(board, "region:north", "2024-05", "deals_created") == 0)
        // 2023 is not in the data: no change on the year, nor on any period a year earlier.
        #expect(change(board, "team", "2024", "revenue") == nil)
        #expect(change(board, "team", "2024-Q2", "revenue", year: true) == nil)
        // A period that is over still compares whole periods: February against January.
        #expect(change(board, "rep:ann", "2024-02", "revenue") == 1500.5)
    }

    @Test func theSamePeriodAYearEarlier() throws {
        let board = try SmallTeam.scoreboard(asOf: Day("2025-02-10"))
        // Q1 2025 so far (41 days) against January 1 to February 10, 2024: d1 won (1000); whole Q1 2024 had 1500.50.
        #expect(change(board, "team", "2025-Q1", "revenue", year: true) == -1000)
        #expect(change(board, "team", "2025-Q1", "deals_created", year: true) == -3)  // d1, d3, d2 then; none now
        // Open on 2025-02-10: d5 800, d6 (no amount), d8 1000, d10 50; on 2024-02-10: d2 500.50 and d3 300.
        #expect(change(board, "team", "2025-Q1", "open_deals", year: true) == 2)
        #expect(change(board, "team", "2025-Q1", "pipeline", year: true) == 1049.5)
        // The previous quarter's first 41 days (October 1 to November 10): nothing won; d5, d6 and d10 open then, and
        // the undated d8 counts as open only at the as-of date.
        #expect(change(board, "team", "2025-Q1", "revenue") == 0)
        #expect(change(board, "team", "2025-Q1", "open_deals") == 1)
        // February 1–10 a year earlier: d1 won, d2 created. A year's previous period is the year before.
        #expect(change(board, "team", "2025-02", "revenue", year: true) == -1000)
        #expect(change(board, "team", "2025-02", "deals_created", year: true) == -1)
        #expect(change(board, "team", "2025", "revenue") == -1000)
        #expect(change(board, "team", "2025", "revenue", year: true) == -1000)
        // January 2025 is over: whole Januaries (d1 and d3 created in January 2024).
        #expect(change(board, "team", "2025-01", "deals_created", year: true) == -2)
        #expect(change(board, "team", "2025-01", "revenue", year: true) == 0)
    }

    @Test func metricsCompareTheSameNumberOfWholeMonths() throws {
        let board = try SmallTeam.scoreboard(asOf: Day("2024-03-10"))
        // March so far against February: Bob's latest account count 8 against 7; nobody's calls in March.
        #expect(change(board, "rep:bob", "2024-03", "accounts") == 1)
        #expect(change(board, "team", "2024-03", "accounts") == 1)
        #expect(change(board, "rep:bob", "2024-03", "calls") == nil)
    }

    @Test func aSpanEndsWithItsPeriod() throws {
        // March 31 is 31 days into March; February 2024 has 29: the span is the whole of February.
        let board = try SmallTeam.scoreboard(asOf: Day("2024-03-31"))
        #expect(board.figures("team", "2024-03")?.partial == false)  // the month's last day: March is complete
        let quarter = try SmallTeam.scoreboard(asOf: Day("2024-05-31"))
        // Q2's first 61 days (April 1 to May 31) against Q1's first 61 (January 1 to March 1): d1 and d2 won.
        #expect(change(quarter, "rep:ann", "2024-Q2", "revenue") == -1500.5)
        #expect(change(quarter, "rep:ann", "2024-Q2", "deals_lost") == -1)  // d3 lost on March 1, day 61
    }

    @Test func nothingIsComparedWithAPeriodTheDataOnlyPartlyCovers() throws {
        // Fiscal years from April: FY2024 ran April 2023 to March 2024, and the data begins in January 2024.
        let board = try KPICalculator(asOf: Day("2024-05-15"), calendar: FiscalCalendar(startMonth: 4)).compute(SmallTeam.data())
        #expect(change(board, "team", "2025", "revenue") == nil)
        // FY2025-Q1 so far (April 1 to May 15) against FY2024-Q4's first 45 days (January 1 to February 14, covered):
        // d4 2000 and d7 1000 now against d1 1000 then.
        #expect(change(board, "team", "2025-Q1", "revenue") == 2000)
    }
}
