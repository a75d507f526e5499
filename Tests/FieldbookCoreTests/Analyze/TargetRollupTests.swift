import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookModel
@testable import FieldbookRender

/// Which target each entity gets, worked out by hand: three reps in two regions; revenue targets for Ann (100) and
/// Bob (50) in 2024-Q2, none for Cat; the south region has its own (400); win rate has a target for Ann only.
@Suite struct TargetRollupTests {
    static let quarter = FiscalCalendar().period(.quarter, containing: Day(year: 2024, month: 5, day: 1).monthNumber)
    static let kpis = KPI.builtIn.filter { ["revenue", "win_rate"].contains($0.id) }

    static func rollup() -> TargetRollup {
        let team = Team(
            regions: [Region(id: "north", name: "North"), Region(id: "south", name: "South")], managers: [],
            reps: [
                Rep(id: "ann", name: "Ann", region: "north"), Rep(id: "bob", name: "Bob", region: "north"),
                Rep(id: "cat", name: "Cat", region: "south"),
            ])
        let resolver = TargetResolver(
            [
                TargetRecord(scope: .rep("ann"), period: quarter, values: ["revenue": 100, "win_rate": 0.5]),
                TargetRecord(scope: .rep("bob"), period: quarter, values: ["revenue": 50]),
                TargetRecord(scope: .region("south"), period: quarter, values: ["revenue": 400]),
            ], calendar: FiscalCalendar())
        return TargetRollup(
            kpis: kpis, periods: [quarter], resolver: resolver,
            cascade: TargetCascade(team: team, targets: resolver, kpis: kpis, periods: [quarter], ramp: []))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: EntityFigures.Kind
        var scope: TargetScope?
        var members: [Int]
        /// Revenue, then win rate.
        var expected: [Double?]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a rep's own targets", kind: .rep, scope: .rep("ann"), members: [0], expected: [100, 0.5]),
        // Cat has none: the south region's 400 split among its reps without their own (Cat alone); no win-rate target.
        Case(name: "a rep's share of the region's", kind: .rep, scope: .rep("cat"), members: [2], expected: [400, nil]),
        // North has none of its own: Ann's 100 + Bob's 50; a win rate does not add up over people.
        Case(name: "a region summing its reps'", kind: .region, scope: .region("north"), members: [0, 1], expected: [150, nil]),
        Case(name: "a region's own target wins", kind: .region, scope: .region("south"), members: [2], expected: [400, nil]),
        // Managers have no targets of their own: 100 + 400 (Cat's share).
        Case(name: "a manager summing their reps'", kind: .manager, scope: nil, members: [0, 2], expected: [500, nil]),
        Case(name: "the team summing everyone's", kind: .team, scope: .team, members: [0, 1, 2], expected: [550, nil]),
    ]

    @Test(arguments: cases) func targets(_ example: Case) {
        let rollup = Self.rollup()
        // Every rep's targets, rep by rep (one period, two KPIs), as the calculator hands them to groups.
        let repTargets = ["ann", "bob", "cat"].enumerated().flatMap {
            rollup.targets(.rep, scope: .rep($1), members: [$0], period: 0, repTargets: [])
        }
        #expect(rollup.targets(example.kind, scope: example.scope, members: example.members, period: 0, repTargets: repTargets) == example.expected)
    }
}
