import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct StatusTests {
    let revenue = KPI.builtIn[0]
    let winRate: KPI
    let cycle: KPI
    let quarter: Period  // 91 days
    let thresholds = Status.Thresholds(onTrack: 1.0, atRisk: 0.9)

    init() throws {
        winRate = try #require(KPI.builtIn.first { $0.id == "win_rate" })
        cycle = try #require(KPI.builtIn.first { $0.id == "cycle_days" })
        quarter = try #require(FiscalCalendar().parse("2024-Q2"))
    }

    private func status(_ actual: Double?, _ target: Double?, _ kpi: KPI, partial: Bool = true, asOf: String = "2024-05-15") -> Status? {
        Status.of(actual: actual, target: target, kpi: kpi, period: quarter, partial: partial, asOf: Day(asOf), thresholds: thresholds)
    }

    @Test func partialPeriodsAreJudgedAgainstThePartOfTheTargetDue() {
        // 45 of 91 days gone: 4500 of a 9100 target is due.
        #expect(Status.elapsedShare(of: quarter, asOf: Day("2024-05-15")) == 45.0 / 91.0)
        #expect(status(4500, 9100, revenue) == .onTrack)
        #expect(status(4100, 9100, revenue) == .atRisk)  // 4100 ÷ 4500 = 0.91
        #expect(status(4000, 9100, revenue) == .behind)  // 0.89
        #expect(status(4000, 9100, revenue, partial: false, asOf: "2024-06-30") == .behind)
    }

    @Test func ratesUseTheWholeTargetAndLowerIsBetterInverts() {
        #expect(status(0.45, 0.5, winRate) == .atRisk)
        #expect(status(0.5, 0.5, winRate) == .onTrack)
        #expect(status(40, 36, cycle) == .atRisk)  // 36 ÷ 40 = 0.9
        #expect(status(50, 36, cycle) == .behind)
        #expect(status(30, 36, cycle) == .onTrack)
    }

    @Test func noTargetOrZeroTargetHasNoStatus() {
        #expect(status(100, nil, revenue) == nil)
        #expect(status(nil, 100, revenue) == nil)
        #expect(status(100, 0, revenue) == nil)
    }
}
