import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

/// Splitting a region's or the team's target among reps without their own, by weight, and ramping new reps: every
/// figure worked out by hand in the comments.
@Suite struct TargetCascadeTests {
    static let files: [String: String] = [
        "team.json": """
        {"regions": [{"id": "north", "name": "North"}, {"id": "south", "name": "South"}],
         "reps": [{"id": "ann", "name": "Ann", "region": "north"}, {"id": "bob", "name": "Bob", "region": "north", "weight": 3},
                  {"id": "cat", "name": "Cat", "region": "south", "started": "2024-03-15"}]}
        """,
        "deals.json": """
        [{"id": "d1", "rep": "ann", "stage": "won", "amount": 1000, "created": "2024-01-10", "closed": "2024-02-05"},
         {"id": "d2", "rep": "cat", "stage": "won", "amount": 1000, "created": "2024-04-10", "closed": "2024-05-10"}]
        """,
        "targets.json": """
        [{"region": "north", "period": "2024-Q1", "revenue": 8000},
         {"region": "south", "period": "2024-Q2", "revenue": 5000},
         {"rep": "cat", "period": "2024-Q2", "revenue": 3000},
         {"team": true, "period": "2024", "deals_won": 12}]
        """,
    ]

    func board(ramp: [Double] = []) throws -> Scoreboard {
        let (data, diagnostics) = DataLoader().load(Self.files.mapValues { Array($0.utf8) })
        #expect(diagnostics == [])
        return KPICalculator(asOf: Day("2024-06-30"), ramp: ramp).compute(try #require(data))
    }

    func close(_ value: Double?, _ expected: Double?) -> Bool {
        guard let value, let expected else { return value == nil && expected == nil }
        return abs(value - expected) < 1e-9
    }

    @Test func aRegionsTargetIsSplitByWeightAmongRepsWithoutTheirOwn() throws {
        let board = try board()
        // North's 8000 for Q1, weights 1 and 3: Ann 2000, Bob 6000; a month is 8000 / 3, split the same way.
        #expect(board.target("rep:ann", "2024-Q1", "revenue") == 2000)
        #expect(board.target("rep:bob", "2024-Q1", "revenue") == 6000)
        #expect(close(board.target("rep:ann", "2024-02", "revenue"), 8000.0 / 3 / 4))
        #expect(board.target("region:north", "2024-Q1", "revenue") == 8000)  // its own, not the reps' sum
        // South's 5000 for Q2 is not split: Cat has her own 3000.
        #expect(board.target("rep:cat", "2024-Q2", "revenue") == 3000)
        #expect(board.target("region:south", "2024-Q2", "revenue") == 5000)
        #expect(board.target("rep:ann", "2024-Q2", "revenue") == nil)  // North has no Q2 target
    }

    @Test func theTeamsTargetIsSplitAmongAllRepsWhereNoRegionHasOne() throws {
        let board = try board()
        // 12 deals for 2024, weights 1 + 3 + 1 = 5: Ann and Cat 2.4 a year, Bob 7.2; a quarter is 12 / 4 split alike.
        #expect(close(board.target("rep:ann", "2024", "deals_won"), 2.4))
        #expect(close(board.target("rep:bob", "2024", "deals_won"), 7.2))
        #expect(close(board.target("rep:cat", "2024-Q2", "deals_won"), 0.6))
        #expect(board.target("team", "2024", "deals_won") == 12)
        #expect(board.target("rep:ann", "2024", "win_rate") == nil)  // rates are never split
    }

    @Test func newRepsRampUpFromTheMonthTheyStarted() throws {
        // Cat started on 15 March; ramp [0.25, 0.5]: March 25%, April 50%, May on 100%.
        let board = try board(ramp: [0.25, 0.5])
        #expect(board.target("rep:cat", "2024-02", "deals_won") == nil)  // before she started: no target
        #expect(close(board.target("rep:cat", "2024-03", "deals_won"), 12.0 / 12 / 5 * 0.25))  // her share 0.2, at 25%
        #expect(close(board.target("rep:cat", "2024-Q1", "deals_won"), 0.6 * (0 + 0 + 0.25) / 3))
        #expect(close(board.target("rep:cat", "2024-Q2", "revenue"), 3000 * (0.5 + 1 + 1) / 3))  // her own target, ramped too
        #expect(close(board.target("rep:cat", "2024-05", "revenue"), 1000))
        #expect(board.target("rep:ann", "2024-Q1", "revenue") == 2000)  // no start date: no ramp
        #expect(board.target("region:south", "2024-Q2", "revenue") == 5000)  // a group's own target is not ramped
    }

    @Test func weightsMustBePositive() {
        let team = #"{"regions": [{"id": "n", "name": "N"}], "reps": [{"id": "a", "name": "A", "region": "n", "weight": 0}]}"#
        let diagnostics = DataLoader().load(["team.json": Array(team.utf8)]).1.map(\.description)
        #expect(diagnostics == ["content/data/team.json:1:100: error: reps[0].weight: must be a positive number up to 1000, found 0.0"])
    }
}
