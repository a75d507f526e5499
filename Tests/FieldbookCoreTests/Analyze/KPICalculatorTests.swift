import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

/// A small team whose every figure was worked out by hand (the comments show the arithmetic).
enum SmallTeam {
    static let files: [String: String] = [
        "team.json": """
        {"regions": [{"id": "north", "name": "North", "manager": "mia"}, {"id": "south", "name": "South", "manager": "sam"}],
         "managers": [{"id": "mia", "name": "Mia", "region": "north"}, {"id": "sam", "name": "Sam", "region": "south"}],
         "reps": [{"id": "ann", "name": "Ann", "region": "north"}, {"id": "bob", "name": "Bob", "region": "north"},
                  {"id": "cat", "name": "Cat", "region": "south", "manager": "mia"}]}
        """,
        "deals.json": """
        [{"id": "d1", "rep": "ann", "stage": "won", "amount": 1000, "created": "2024-01-10", "closed": "2024-02-05"},
         {"id": "d2", "rep": "ann", "stage": "won", "amount": 500.50, "created": "2024-02-01", "closed": "2024-02-20"},
         {"id": "d3", "rep": "ann", "stage": "lost", "amount": 300, "created": "2024-01-15", "closed": "2024-03-01"},
         {"id": "d4", "rep": "bob", "stage": "won", "amount": 2000, "created": "2024-03-01", "closed": "2024-04-10"},
         {"id": "d5", "rep": "bob", "stage": "proposal", "amount": 800, "created": "2024-04-01", "expected_close": "2024-06-10"},
         {"id": "d6", "rep": "cat", "stage": "engaging", "created": "2024-05-02"},
         {"id": "d7", "rep": "cat", "stage": "won", "amount": 1000, "closed": "2024-05-10"},
         {"id": "d8", "rep": "bob", "stage": "proposal", "amount": 1000, "probability": 0.2, "expected_close": "2024-12-01"},
         {"id": "d9", "rep": "ann", "stage": "won", "amount": 700, "created": "2024-05-01", "closed": "2024-06-02"},
         {"id": "d10", "rep": "cat", "stage": "engaging", "amount": 50, "created": "2024-06-01"}]
        """,
        "targets.json": """
        [{"rep": "ann", "period": "2024-Q1", "revenue": 3000},
         {"rep": "bob", "period": "2024", "revenue": 12000},
         {"rep": "bob", "period": "2024-04", "revenue": 0},
         {"region": "north", "period": "2024-Q2", "win_rate": 0.5},
         {"team": true, "period": "2024", "deals_won": 10}]
        """,
        "kpis.json": """
        [{"id": "calls", "label": "Calls", "unit": "count", "better": "higher", "aggregate": "sum"},
         {"id": "csat", "label": "CSAT", "unit": "score", "better": "higher", "aggregate": "mean"},
         {"id": "accounts", "label": "Accounts", "unit": "count", "better": "higher", "aggregate": "last"}]
        """,
        "metrics.json": """
        [{"rep": "ann", "period": "2024-01", "calls": 10, "csat": 4, "accounts": 5},
         {"rep": "ann", "period": "2024-02", "calls": 20, "csat": 5},
         {"rep": "bob", "period": "2024-02", "calls": 5, "csat": 3, "accounts": 7},
         {"rep": "bob", "period": "2024-03", "accounts": 8}]
        """,
    ]

    static func data() throws -> PerformanceData {
        let (data, diagnostics) = DataLoader().load(files.mapValues { Array($0.utf8) })
        #expect(diagnostics == [])
        return try #require(data)
    }

    static func scoreboard(asOf: Day? = Day("2024-05-15")) throws -> Scoreboard {
        try KPICalculator(asOf: asOf, stageProbabilities: ["proposal": 0.5]).compute(data())
    }
}

extension Scoreboard {
    /// The value of `kpi` for an entity (`rep:ann`, `region:north`, `manager:mia`, `team`) in a period (`2024-02`).
    func figures(_ entity: String, _ period: String) -> PeriodFigures? {
        let parts = entity.split(separator: ":").map(String.init)
        let all: [EntityFigures] =
            switch parts[0] {
            case "rep": reps
            case "region": regions
            case "manager": managers
            default: [team]
            }
        let owner = parts.count > 1 ? all.first { $0.id == parts[1] } : all.first
        return owner?.periods.first { calendar.label($0.period) == period }
    }

    func actual(_ entity: String, _ period: String, _ kpi: String) -> Double? { index(of: kpi).flatMap { figures(entity, period)?.actual[$0] } }
    func target(_ entity: String, _ period: String, _ kpi: String) -> Double? { index(of: kpi).flatMap { figures(entity, period)?.target[$0] } }
}

@Suite struct KPICalculatorTests {
    @Test func periodsRunFromTheFirstDataMonthToTheAsOfDate() throws {
        let board = try SmallTeam.scoreboard()
        #expect(
            board.periods.map { board.calendar.label($0) } == ["2024-01", "2024-Q1", "2024", "2024-02", "2024-03", "2024-04", "2024-Q2", "2024-05"])
        #expect(board.figures("team", "2024-04")?.partial == false)
        #expect(board.figures("team", "2024-05")?.partial == true)
        #expect(board.figures("team", "2024-Q2")?.partial == true)
        #expect(board.figures("team", "2024")?.partial == true)
    }

    @Test func asOfDefaultsToTheLatestDateInTheData() throws {
        // d9 closed 2024-06-02 is the latest date (d10 was created 2024-06-01).
        #expect(try SmallTeam.scoreboard(asOf: nil).asOf == Day("2024-06-02"))
    }

    @Test func revenueCountsAndRatesPerMonth() throws {
        let board = try SmallTeam.scoreboard()
        // Feb: d1 1000 + d2 500.50 won; cycles 26 days (Jan 10 → Feb 5) and 19 days (Feb 1 → Feb 20).
        #expect(board.actual("rep:ann", "2024-02", "revenue") == 1500.5)
        #expect(board.actual("rep:ann", "2024-02", "deals_won") == 2)
        #expect(board.actual("rep:ann", "2024-02", "avg_deal_size") == 750.25)
        #expect(board.actual("rep:ann", "2024-02", "cycle_days") == 22.5)
        #expect(board.actual("rep:ann", "2024-02", "win_rate") == 1)
        // Jan: nothing closed, so no win rate and no average; two deals created.
        #expect(board.actual("rep:ann", "2024-01", "win_rate") == nil)
        #expect(board.actual("rep:ann", "2024-01", "avg_deal_size") == nil)
        #expect(board.actual("rep:ann", "2024-01", "revenue") == 0)
        #expect(board.actual("rep:ann", "2024-01", "deals_created") == 2)
    }

    @Test func quarterAndYearAddUpTheirMonths() throws {
        let board = try SmallTeam.scoreboard()
        // Q1 for Ann: won d1, d2; lost d3 → win rate 2/3.
        #expect(board.actual("rep:ann", "2024-Q1", "revenue") == 1500.5)
        #expect(board.actual("rep:ann", "2024-Q1", "deals_lost") == 1)
        #expect(board.actual("rep:ann", "2024-Q1", "win_rate") == 2.0 / 3.0)
        #expect(board.actual("rep:ann", "2024-Q1", "deals_created") == 3)
        // Team 2024: wins d1, d2, d4, d7 = 4500.50; lost d3; cycles 26, 19, 40 (d7 has no created date).
        #expect(board.actual("team", "2024", "revenue") == 4500.5)
        #expect(board.actual("team", "2024", "deals_won") == 4)
        #expect(board.actual("team", "2024", "win_rate") == 0.8)
        #expect(board.actual("team", "2024", "avg_deal_size") == 1125.125)
        #expect(board.actual("team", "2024", "cycle_days") == 85.0 / 3.0)
    }

    @Test func dealsOpenAtThePeriodEnd() throws {
        let board = try SmallTeam.scoreboard()
        // End of Jan: d1 and d3 open (1000 + 300); end of Feb: only d3.
        #expect(board.actual("rep:ann", "2024-01", "open_deals") == 2)
        #expect(board.actual("rep:ann", "2024-01", "pipeline") == 1300)
        #expect(board.actual("rep:ann", "2024-02", "pipeline") == 300)
        #expect(board.actual("rep:ann", "2024-Q1", "open_deals") == 0)
        // At the as-of date d9 (closed after it) is still open; d5 (0.5 by stage) and d8 (undated, 0.2) for Bob.
        #expect(board.actual("rep:ann", "2024-05", "open_deals") == 1)
        #expect(board.actual("rep:ann", "2024-05", "revenue") == 0)
        #expect(board.actual("rep:bob", "2024-04", "open_deals") == 1)
        #expect(board.actual("rep:bob", "2024-05", "open_deals") == 2)
        #expect(board.actual("rep:bob", "2024-05", "pipeline") == 1800)
        #expect(board.actual("rep:bob", "2024-05", "weighted_pipeline") == 600)
        #expect(board.actual("rep:bob", "2024-Q2", "weighted_pipeline") == 600)
        // Before the as-of month the stage history needed for weights is unknown: absent, not zero.
        #expect(board.actual("rep:bob", "2024-04", "weighted_pipeline") == nil)
        // d6 has no amount: open but adds nothing; d10 was created after the as-of date and does not exist yet.
        #expect(board.actual("rep:cat", "2024-05", "open_deals") == 1)
        #expect(board.actual("rep:cat", "2024-05", "pipeline") == 0)
        #expect(board.actual("rep:cat", "2024-05", "revenue") == 1000)
    }

    @Test func targetsSplitInheritAndAddUp() throws {
        let board = try SmallTeam.scoreboard()
        #expect(board.target("rep:ann", "2024-02", "revenue") == 1000)  // 3000 for Q1 ÷ 3
        #expect(board.figures("rep:ann", "2024-02")?.attainment(0) == 1.5005)
        #expect(board.target("rep:ann", "2024-Q2", "revenue") == nil)
        #expect(board.target("rep:bob", "2024-03", "revenue") == 1000)  // 12000 for the year ÷ 12
        #expect(board.target("rep:bob", "2024-Q2", "revenue") == 3000)  // only April set, so the year ÷ 4
        #expect(board.target("rep:bob", "2024-04", "revenue") == 0)
        #expect(board.figures("rep:bob", "2024-04")?.attainment(0) == nil)  // a zero target: absent, never infinite
        #expect(board.target("region:north", "2024-02", "revenue") == 2000)  // Ann 1000 + Bob 1000
        #expect(board.target("region:north", "2024-Q2", "revenue") == 3000)  // Bob only
        #expect(board.target("region:south", "2024-Q2", "revenue") == nil)
        #expect(board.target("region:north", "2024-05", "win_rate") == 0.5)  // a rate is inherited, not split
        #expect(board.target("region:north", "2024", "win_rate") == nil)
        #expect(board.target("team", "2024", "revenue") == 12000)  // Ann's year is unknown, Bob's 12000
        #expect(board.target("team", "2024-Q2", "deals_won") == 2.5)
        #expect(board.target("team", "2024", "deals_won") == 10)
        #expect(board.target("team", "2024", "win_rate") == nil)  // rates never add up over people
    }

    @Test func metricsAggregateByTheirRule() throws {
        let board = try SmallTeam.scoreboard()
        #expect(board.actual("rep:ann", "2024-Q1", "calls") == 30)
        #expect(board.actual("rep:ann", "2024-Q1", "csat") == 4.5)
        #expect(board.actual("rep:ann", "2024-Q1", "accounts") == 5)  // February has none: January's is the latest
        #expect(board.actual("rep:bob", "2024-Q1", "accounts") == 8)
        #expect(board.actual("region:north", "2024-Q1", "calls") == 35)
        #expect(board.actual("region:north", "2024-Q1", "csat") == 4)  // mean of 4, 5 and 3
        #expect(board.actual("region:north", "2024-Q1", "accounts") == 13)  // latest counts add over people: 5 + 8
        #expect(board.actual("rep:cat", "2024-Q1", "calls") == nil)
    }

    @Test func ranksShareTiesAndChangesCompareWithThePreviousPeriod() throws {
        let board = try SmallTeam.scoreboard()
        // May revenue: Ann 0, Bob 0, Cat 1000.
        #expect(board.figures("rep:cat", "2024-05")?.rankInTeam == 1)
        #expect(board.figures("rep:ann", "2024-05")?.rankInTeam == 2)
        #expect(board.figures("rep:bob", "2024-05")?.rankInTeam == 2)
        #expect(board.figures("rep:ann", "2024-05")?.rankInRegion == 1)
        #expect(board.figures("rep:bob", "2024-05")?.rankInRegion == 1)
        // Q2: Bob 2000, Cat 1000, Ann 0.
        #expect(board.figures("rep:bob", "2024-Q2")?.rankInTeam == 1)
        #expect(board.figures("rep:ann", "2024-Q2")?.rankInTeam == 3)
        #expect(board.figures("rep:ann", "2024-02")?.change[0] == 1500.5)
        // Q2 is under way: its first 45 days against Q1's (January 1 to February 14, when Ann had won d1 alone).
        #expect(board.figures("rep:ann", "2024-Q2")?.change[0] == -1000)
        #expect(board.figures("rep:ann", "2024-01")?.change[0] == nil)
        #expect(KPICalculator.competitionRanks([5, 3, 5, 1]) == [1, 3, 1, 4])
    }

    @Test func forecastsForThePeriodsUnderWay() throws {
        let board = try SmallTeam.scoreboard()
        // Q2 (91 days), 45 days elapsed by May 15; Bob has 2000 so far; d5 (800 × 0.5) is expected June 10.
        let quarter = try #require(board.figures("rep:bob", "2024-Q2")?.forecasts)
        #expect(quarter == [Forecast(method: .runRate, revenue: 2000.0 * 91 / 45), Forecast(method: .pipeline, revenue: 2400)])
        // 2024 is a leap year (366 days), 136 elapsed; d8 (1000 × 0.2) is expected in December.
        let year = try #require(board.figures("rep:bob", "2024")?.forecasts)
        #expect(year == [Forecast(method: .runRate, revenue: 2000.0 * 366 / 136), Forecast(method: .pipeline, revenue: 2600)])
        #expect(board.figures("rep:bob", "2024-Q1")?.forecasts == [])
        #expect(board.figures("rep:bob", "2024-05")?.forecasts == [])
        // The team's pipeline forecast adds every rep's: 4500.50 + 400 + 200.
        #expect(board.figures("team", "2024")?.forecasts.last == Forecast(method: .pipeline, revenue: 5100.5))
    }

    @Test func managersLeadTheirRepsAndTheirRegionsReps() throws {
        let board = try SmallTeam.scoreboard()
        // Ann and Bob through region north; Cat by her own manager field. Sam leads nobody.
        #expect(board.actual("manager:mia", "2024", "revenue") == 4500.5)
        #expect(board.actual("manager:sam", "2024", "revenue") == 0)
        #expect(board.actual("manager:sam", "2024", "win_rate") == nil)
    }

    @Test func fiscalYearsShiftQuartersAndYears() throws {
        // Fiscal years from April: January to March 2024 is the fourth quarter of FY2024, April to June the first of FY2025.
        let board = try KPICalculator(asOf: Day("2024-05-15"), calendar: FiscalCalendar(startMonth: 4)).compute(SmallTeam.data())
        #expect(board.periods.filter { $0.kind != .month }.map { board.calendar.label($0) } == ["2024", "2024-Q4", "2025-Q1", "2025"])
        #expect(board.actual("rep:ann", "2024-Q4", "revenue") == 1500.5)
        #expect(board.actual("rep:bob", "2025-Q1", "revenue") == 2000)
        #expect(board.actual("team", "2024", "revenue") == 1500.5)  // FY2024 ended in March
        #expect(board.actual("team", "2025", "revenue") == 3000)
        #expect(board.figures("team", "2024")?.partial == false)
        #expect(board.figures("team", "2025")?.partial == true)
        // FY2025 runs April 1, 2024 to March 31, 2025: 365 days, 45 elapsed by May 15.
        #expect(board.figures("rep:bob", "2025")?.forecasts.first == Forecast(method: .runRate, revenue: 2000.0 * 365 / 45))
    }

    @Test func noDatesMeansNoPeriods() throws {
        let (data, _) = DataLoader().load([
            "team.json": Array(#"{"regions": [{"id": "r", "name": "R"}], "reps": [{"id": "a", "name": "A", "region": "r"}]}"#.utf8)
        ])
        let board = KPICalculator().compute(try #require(data))
        #expect(board.asOf == nil)
        #expect(board.periods.isEmpty)
        #expect(board.reps.map(\.id) == ["a"])
    }
}
