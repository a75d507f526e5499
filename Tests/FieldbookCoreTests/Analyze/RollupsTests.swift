import Testing

@testable import FieldbookAnalyze
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

/// Figures from a warehouse's rollups (`Monthly(rollups:)`, `LikeForLike`, `Warehouse`): the small team's deals
/// (`SmallTeam`) counted by hand into rollup rows give the API its deals give, byte for byte.
@Suite struct RollupsTests {
    /// `SmallTeam`'s deals as of 2024-05-15, counted by hand by the rules of docs/warehouse.md.
    static let rollups = """
        [
        {"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-01", "created": 2, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 2, "pipeline": 1300, "weighted": 0, "pending": 0},
        {"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-02", "created": 1, "won": 2, "lost": 0, "revenue": 1500.50, "cycle_days": 45, "cycle_count": 2, "open": 1, "pipeline": 300, "weighted": 0, "pending": 0},
        {"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-03", "created": 0, "won": 0, "lost": 1, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 0, "pipeline": 0, "weighted": 0, "pending": 0},
        {"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-05", "created": 1, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 1, "pipeline": 700, "weighted": 0, "pending": 0},
        {"kind": "month", "rep": "bob", "as_of": "2024-05-15", "month": "2024-03", "created": 1, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 1, "pipeline": 2000, "weighted": 0, "pending": 0},
        {"kind": "month", "rep": "bob", "as_of": "2024-05-15", "month": "2024-04", "created": 1, "won": 1, "lost": 0, "revenue": 2000, "cycle_days": 40, "cycle_count": 1, "open": 1, "pipeline": 800, "weighted": 0, "pending": 0},
        {"kind": "month", "rep": "bob", "as_of": "2024-05-15", "month": "2024-05", "created": 0, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 2, "pipeline": 1800, "weighted": 600, "pending": 0},
        {"kind": "month", "rep": "bob", "as_of": "2024-05-15", "month": "2024-06", "created": 0, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 2, "pipeline": 1800, "weighted": 0, "pending": 400},
        {"kind": "month", "rep": "bob", "as_of": "2024-05-15", "month": "2024-12", "created": 0, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 2, "pipeline": 1800, "weighted": 0, "pending": 200},
        {"kind": "month", "rep": "cat", "as_of": "2024-05-15", "month": "2024-05", "created": 1, "won": 1, "lost": 0, "revenue": 1000, "cycle_days": 0, "cycle_count": 0, "open": 1, "pipeline": 0, "weighted": 0, "pending": 0},
        {"kind": "window", "rep": "ann", "as_of": "2024-05-15", "first_day": "2024-01-01", "last_day": "2024-02-14", "created": 3, "won": 1, "lost": 0, "revenue": 1000, "cycle_days": 26, "cycle_count": 1, "open": 2, "pipeline": 800.50, "weighted": 0, "pending": 0},
        {"kind": "window", "rep": "bob", "as_of": "2024-05-15", "first_day": "2024-04-01", "last_day": "2024-04-15", "created": 1, "won": 1, "lost": 0, "revenue": 2000, "cycle_days": 40, "cycle_count": 1, "open": 1, "pipeline": 800, "weighted": 0, "pending": 0},
        \(Self.emptyWindows("ann", "2024-05-15", ["2024-04-01", "2024-04-15"], ["2023-05-01", "2023-05-15"], ["2023-04-01", "2023-05-15"], ["2023-01-01", "2023-05-16"]))
        ]
        """

    /// Window records with nothing in them, as the query writes one per rep with deals and window.
    static func emptyWindows(_ rep: String, _ asOf: String, _ windows: [String]...) -> String {
        windows.map { days in
            #"{"kind": "window", "rep": "\#(rep)", "as_of": "\#(asOf)", "first_day": "\#(days[0])", "last_day": "\#(days[1])", "created": 0, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 0, "pipeline": 0, "weighted": 0, "pending": 0}"#
        }.joined(separator: ",\n")
    }

    static func data(_ rollups: String) throws -> PerformanceData {
        var files = SmallTeam.files
        files["deals.json"] = nil
        files["rollups.json"] = rollups
        let (data, diagnostics) = DataLoader().load(files.mapValues { Array($0.utf8) })
        #expect(diagnostics == [])
        return try #require(data)
    }

    static func api(_ board: Scoreboard, _ data: PerformanceData) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: APIRenderer(scoreboard: board, team: data.team, currency: "USD").render().map { ($0.path, $0.bytes) })
    }

    @Test func rollupsGiveTheFiguresTheirDealsGive() throws {
        let data = try Self.data(Self.rollups)
        let calculator = KPICalculator(asOf: nil, stageProbabilities: ["proposal": 0.5])
        let board = calculator.compute(data)
        // The as-of date is the rollups'. A month without a row has no flows and the stocks of the rep's row before it.
        #expect(board.asOf == Day("2024-05-15"))
        #expect(board.actual("rep:ann", "2024-Q1", "revenue") == 1500.5)
        #expect(board.actual("rep:ann", "2024-04", "open_deals") == 0)  // no April row: March's stocks carry forward
        #expect(board.actual("rep:bob", "2024-05", "weighted_pipeline") == 600)
        // Q2's pipeline forecast adds Bob's d5 (400, June); the year's adds d8 too (200, December).
        #expect(board.figures("rep:bob", "2024-Q2")?.forecasts.last?.revenue == 2400)
        #expect(board.figures("rep:bob", "2024")?.forecasts.last?.revenue == 2600)
        let fromDeals = try SmallTeam.scoreboard()
        let expected = Self.api(fromDeals, try SmallTeam.data())
        let actual = Self.api(board, data)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected { #expect(actual[path] == bytes, "\(path) differs") }
    }

    @Test func twoComparisonsMayShareTheirDays() throws {
        // On 2025-02-10 the year 2025 and Q1 2025 are both 41 days old: both compare with January 1 to February 10,
        // 2024, which the query counts once. Ann won 1,000 then (d1); nothing in 2025 yet.
        let asOf = try #require(Day("2025-02-10"))
        let windows = Warehouse.windows(asOf: asOf, calendar: FiscalCalendar()).map { "\($0.first) \($0.last)" }
        #expect(windows == ["2025-01-01 2025-01-10", "2024-02-01 2024-02-10", "2024-10-01 2024-11-10", "2024-01-01 2024-02-10"])
        let rollups = """
            [
            {"kind": "month", "rep": "ann", "as_of": "2025-02-10", "month": "2024-01", "created": 2, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 2, "pipeline": 1300, "weighted": 0, "pending": 0},
            {"kind": "window", "rep": "ann", "as_of": "2025-02-10", "first_day": "2024-01-01", "last_day": "2024-02-10", "created": 3, "won": 1, "lost": 0, "revenue": 1000, "cycle_days": 26, "cycle_count": 1, "open": 2, "pipeline": 800.50, "weighted": 0, "pending": 0},
            \(Self.emptyWindows("ann", "2025-02-10", ["2025-01-01", "2025-01-10"], ["2024-02-01", "2024-02-10"], ["2024-10-01", "2024-11-10"]))
            ]
            """
        let data = try Self.data(rollups)
        #expect(Warehouse.problems(try #require(data.rollups), asOf: nil, calendar: FiscalCalendar()) == [])
        let board = KPICalculator().compute(data)
        let revenue = try #require(board.index(of: "revenue"))
        #expect(board.figures("team", "2025")?.change[revenue] == -1000)
        #expect(board.figures("team", "2025-Q1")?.yearChange[revenue] == -1000)
    }

    @Test func rollupsMadeForAnotherDayOrCalendarAreRefused() throws {
        let rollups = try #require(Self.data(Self.rollups).rollups)
        #expect(Warehouse.problems(rollups, asOf: Day("2024-05-15"), calendar: FiscalCalendar()) == [])
        #expect(
            Warehouse.problems(rollups, asOf: Day("2024-05-16"), calendar: FiscalCalendar()) == [
                "the rollups count deals as of 2024-05-15, but fieldbook.json's asOf is 2024-05-16: run the query again with the tables of "
                    + "`fieldbook warehouse --as-of 2024-05-16`, or set asOf to 2024-05-15"
            ])
        // A fiscal year from April: the quarter under way is the calendar's second, and the year began on April 1.
        let april = Warehouse.problems(rollups, asOf: nil, calendar: FiscalCalendar(startMonth: 4))
        // The year under way began on April 1 too, so the year a year earlier shares the quarter's days; what the query
        // counted for the calendar year is not this portal's.
        #expect(april.count == 1)
        #expect(
            april.first?.hasPrefix("window rows from 2023-01-01 to 2023-05-16 are not this portal's (as of 2024-05-15, fiscal year from month 4)")
                == true)
    }

    @Test func anExtractGoesWithRollupsAndNamesItsRecords() throws {
        var files = SmallTeam.files.filter { $0.key == "team.json" }
        files["extract.json"] = #"[{"id": "d1", "rep": "zoe", "stage": "won", "amount": 5, "closed": "2024-01-02"}]"#
        #expect(
            DataLoader().load(files.mapValues { Array($0.utf8) }).1.map(\.description) == [
                "content/data/extract.json:1:1: error: the warehouse's extract lists deals behind rollups: import them too (fieldbook import rollups), or remove extract.json",
                #"content/data/extract.json:1:22: error: extract[0].rep: unknown rep "zoe""#,
            ])
        files["rollups.json"] = Self.rollups
        files["extract.json"] = #"[{"id": "d1", "rep": "ann", "stage": "won", "amount": 5, "closed": "2024-01-02"}]"#
        let data = try #require(DataLoader().load(files.mapValues { Array($0.utf8) }).0)
        // The extract is what lists show; no figure counts it.
        #expect(data.deals.isEmpty && data.extract.map(\.id) == ["d1"])
        #expect(KPICalculator().compute(data).actual("rep:ann", "2024-01", "revenue") == 0)
    }

    @Test func recordsAreCheckedWhereTheyAre() {
        func errors(_ records: String, deals: Bool = false) -> [String] {
            var files = SmallTeam.files.filter { $0.key == "team.json" }
            files["rollups.json"] = "[\n" + records + "\n]"
            if deals { files["deals.json"] = "[]" }
            return DataLoader().load(files.mapValues { Array($0.utf8) }).1.map(\.description)
        }
        let month =
            #""created": 1, "won": 0, "lost": 0, "revenue": 0, "cycle_days": 0, "cycle_count": 0, "open": 0, "pipeline": 0, "weighted": 0, "pending": 0"#
        #expect(
            errors(#"{"kind": "month", "rep": "zoe", "as_of": "2024-05-15", "month": "2024-01", \#(month)}"#) == [
                #"content/data/rollups.json:2:26: error: rollups[0].rep: unknown rep "zoe""#
            ])
        #expect(
            errors(
                #"{"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-01", \#(month)},"# + "\n"
                    + #"{"kind": "month", "rep": "ann", "as_of": "2024-05-16", "month": "2024-02", \#(month)}"#) == [
                    #"content/data/rollups.json:3:42: error: rollups[1].as_of: 2024-05-16 differs from the first record's 2024-05-15: one query, one as-of date"#
                ])
        #expect(
            errors(#"{"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-1", \#(month)}"#) == [
                #"content/data/rollups.json:2:65: error: rollups[0].month: expected a month written YYYY-MM, found "2024-1""#
            ])
        #expect(
            errors(
                #"{"kind": "window", "rep": "ann", "as_of": "2024-05-15", "first_day": "2024-05-01", "last_day": "2024-05-16", \#(month)}"#)
                == [
                    #"content/data/rollups.json:2:96: error: rollups[0].last_day: 2024-05-01 to 2024-05-16 is not a window: first_day ≤ last_day ≤ as_of"#
                ])
        #expect(
            errors(
                #"{"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-01", \#(month.replacingOccurrences(of: #""open": 0"#, with: #""open": -1"#))}"#
            )
                == [#"content/data/rollups.json:2:168: error: rollups[0].open: expected a whole number, not negative, found -1.0"#])
        #expect(errors("") == ["content/data/rollups.json:1:1: warning: rollups: no records: the portal has no deal figures"])
        let record = #"{"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-01", \#(month)}"#
        #expect(
            errors(record + ",\n" + record) == [
                #"content/data/rollups.json:3:1: error: rollups[1]: a second month record for "ann" from 2024-01-01 to 2024-01-31"#
            ])
        #expect(
            errors(record, deals: true) == [
                "content/data/rollups.json:1:1: error: a portal has deals.json or rollups.json, not both: remove deals.json to build from the warehouse's rollups"
            ])
    }
}
