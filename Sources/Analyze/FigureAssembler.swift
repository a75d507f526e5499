import FieldbookModel

/// One entity's figures for every shown period, from its tallies: the KPI values (`Measure`), targets
/// (`TargetRollup`), the changes on the previous period of the same kind and on the same period a year earlier
/// (like for like while a period is under way: `LikeForLike`), and forecasts (`Forecaster`).
struct FigureAssembler: Sendable {
    let kpis: [KPI]
    let periods: [Period]
    let asOf: Day
    /// The first month of the data: periods that start before it are only partly covered, so nothing is compared with them.
    let firstMonth: Int
    /// Each rep's tally per shown period.
    let repTallies: [[Tally]]
    let metricCount: Int
    let rollup: TargetRollup
    let forecaster: Forecaster
    let likeForLike: LikeForLike
    /// What each KPI measures, and where revenue is among them (forecasts start from it).
    private let measures: [Measure]
    private let revenue: Int?

    init(
        kpis: [KPI], periods: [Period], asOf: Day, firstMonth: Int, repTallies: [[Tally]], metricCount: Int, rollup: TargetRollup,
        forecaster: Forecaster,
        likeForLike: LikeForLike
    ) {
        (self.kpis, self.periods, self.asOf, self.firstMonth, self.repTallies, self.metricCount) = (
            kpis, periods, asOf, firstMonth, repTallies, metricCount
        )
        (self.rollup, self.forecaster, self.likeForLike) = (rollup, forecaster, likeForLike)
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
            let partial = underWay && asOf < period.lastDay
            let change = difference(actual, period.previous, in: result, partial: partial, members: members)
            let yearChange = difference(actual, period.yearEarlier, in: result, partial: partial, members: members)
            result.append(
                PeriodFigures(
                    period: period, partial: partial, actual: actual,
                    target: rollup.targets(kind, scope: scope, members: members, period: p, repTargets: repTargets), change: change,
                    yearChange: yearChange,
                    rankInRegion: nil, rankInTeam: nil,
                    forecasts: forecaster.forecasts(period, revenue: revenue.flatMap { actual[$0] }, members: members)))
        }
        return EntityFigures(kind: kind, id: id, name: name, periods: result)
    }

    /// `actual` minus the figures of an earlier period (`earlier`, from the periods done so far), KPI by KPI; for a
    /// period under way, minus the same days of the earlier period (`LikeForLike`). Nothing when the data does not
    /// cover the earlier period from its first month.
    private func difference(_ actual: [Double?], _ earlier: Period, in done: [PeriodFigures], partial: Bool, members: [Int]) -> [Double?] {
        let base: [Double?]
        if partial {
            guard let tally = likeForLike.tally(against: earlier, members: members, metrics: metricCount) else { return actual.map { _ in nil } }
            base = measures.map { $0 == .weightedPipeline ? nil : $0.value(of: tally) }
        } else {
            guard earlier.firstMonth >= firstMonth, let figures = done.last(where: { $0.period == earlier }) else { return actual.map { _ in nil } }
            base = figures.actual
        }
        return zip(actual, base).map { now, before in now.flatMap { now in before.map { now - $0 } } }
    }

    /// A group's tallies: the sum of its reps', period by period.
    private func group(_ members: [Int]) -> [Tally] {
        periods.indices.map { p in members.reduce(into: Tally(metrics: metricCount)) { $0.add(repTallies[$1][p]) } }
    }
}
