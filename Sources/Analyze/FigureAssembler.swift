import FieldbookModel

/// One entity's figures for every shown period, from its tallies: the KPI values (`Measure`), targets
/// (`TargetRollup`), the change on the previous period of the same kind, and forecasts (`Forecaster`).
struct FigureAssembler: Sendable {
    let kpis: [KPI]
    let periods: [Period]
    let asOf: Day
    /// Each rep's tally per shown period.
    let repTallies: [[Tally]]
    let metricCount: Int
    let rollup: TargetRollup
    let forecaster: Forecaster
    /// What each KPI measures, and where revenue is among them (forecasts start from it).
    private let measures: [Measure]
    private let revenue: Int?

    init(
        kpis: [KPI], periods: [Period], asOf: Day, repTallies: [[Tally]], metricCount: Int, rollup: TargetRollup, forecaster: Forecaster
    ) {
        (self.kpis, self.periods, self.asOf, self.repTallies, self.metricCount) = (kpis, periods, asOf, repTallies, metricCount)
        (self.rollup, self.forecaster) = (rollup, forecaster)
        measures = Measure.of(kpis)
        revenue = measures.firstIndex(of: .revenue)
    }

    /// The figures of a rep (`members` is that one rep) or a group of reps; `repTargets` as `TargetRollup` takes it.
    func figures(
        _ kind: EntityFigures.Kind, _ id: String, _ name: String, scope: TargetScope?, members: [Int], repTargets: [Double?] = []
    ) -> EntityFigures {
        let tallies = kind == .rep ? members.first.map { repTallies[$0] } ?? [] : group(members)
        var result: [PeriodFigures] = []
        for (p, period) in periods.enumerated() {
            let underWay = period.firstDay <= asOf && asOf <= period.lastDay
            let actual = measures.map { measure -> Double? in
                // Stage history is not in the data: how likely a since-closed deal looked back then is unknown.
                measure == .weightedPipeline && !underWay ? nil : measure.value(of: tallies[p])
            }
            let previous = p > 0 ? result.last { $0.period == period.previous } : nil
            let change = actual.indices.map { k -> Double? in
                guard let now = actual[k], let before = previous?.actual[k] else { return nil }
                return now - before
            }
            result.append(
                PeriodFigures(
                    period: period, partial: underWay && asOf < period.lastDay, actual: actual,
                    target: rollup.targets(kind, scope: scope, members: members, period: p, repTargets: repTargets), change: change,
                    rankInRegion: nil, rankInTeam: nil,
                    forecasts: forecaster.forecasts(period, revenue: revenue.flatMap { actual[$0] }, members: members)))
        }
        return EntityFigures(kind: kind, id: id, name: name, periods: result)
    }

    /// A group's tallies: the sum of its reps', period by period.
    private func group(_ members: [Int]) -> [Tally] {
        periods.indices.map { p in members.reduce(into: Tally(metrics: metricCount)) { $0.add(repTallies[$1][p]) } }
    }
}
