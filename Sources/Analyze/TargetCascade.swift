import FieldbookModel

/// Rep targets beyond the reps' own: shares of their region's or the team's target, and the ramp of new reps.
///
/// - **Split.** For a KPI that adds up over people, a region's target in a period where none of the region's reps
///   has a target of their own for it is split among those reps by `weight` (1 each unless team.json says
///   otherwise): reps weighing 1, 1 and 2 take a quarter, a quarter and a half.
/// - The team's target is split the same way among all reps, where no region and no rep has a target for it.
/// - **Ramp.** With `targets.ramp`, a rep's target for a KPI that adds up over time (their own or a share) is scaled
///   by the ramp's share for each month counted from the month of their `started` date: with `[0.25, 0.5, 0.75]`,
///   25% in the month they start, 50% and 75% in the next two, all of it after. A month before they started has
///   no target; a quarter or a year is scaled by the mean of its months' shares.
struct TargetCascade: Sendable {
    private let kpiCount: Int
    private let reps: [Rep]
    private let regionIndex: [Int]
    /// `regionShare[region][period * kpiCount + k]`: the region's target per unit of weight, where it is split.
    private let regionShare: [[Double?]]
    /// `teamShare[period * kpiCount + k]`: the team's target per unit of weight, where it is split.
    private let teamShare: [Double?]
    private let periods: [Period]
    private let kpis: [KPI]
    private let ramp: [Double]

    init(team: Team, targets: TargetResolver, kpis: [KPI], periods: [Period], ramp: [Double]) {
        self.kpiCount = kpis.count
        self.reps = team.reps
        self.periods = periods
        self.kpis = kpis
        self.ramp = ramp
        let regionPosition = Dictionary(team.regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        regionIndex = team.reps.map { regionPosition[$0.region] ?? 0 }
        let members = Dictionary(grouping: team.reps.indices) { team.reps[$0].region }
        func hasOwn(_ rep: Int, _ kpi: KPI, _ period: Period) -> Bool { targets.target(.rep(team.reps[rep].id), kpi, period) != nil }
        var regionShare: [[Double?]] = []
        var regionTargets = [Bool](repeating: false, count: periods.count * kpis.count)
        for region in team.regions {
            let reps = members[region.id] ?? []
            let weight = reps.reduce(0) { $0 + team.reps[$1].weight }
            var shares = [Double?](repeating: nil, count: periods.count * kpis.count)
            for (p, period) in periods.enumerated() {
                for (k, kpi) in kpis.enumerated() where kpi.additiveAcrossReps {
                    guard let target = targets.target(.region(region.id), kpi, period) else { continue }
                    regionTargets[p * kpis.count + k] = true
                    if weight > 0, !reps.contains(where: { hasOwn($0, kpi, period) }) { shares[p * kpis.count + k] = target / weight }
                }
            }
            regionShare.append(shares)
        }
        self.regionShare = regionShare
        let totalWeight = team.reps.reduce(0) { $0 + $1.weight }
        var teamShare = [Double?](repeating: nil, count: periods.count * kpis.count)
        for (p, period) in periods.enumerated() {
            for (k, kpi) in kpis.enumerated() where kpi.additiveAcrossReps && !regionTargets[p * kpis.count + k] {
                guard totalWeight > 0, let target = targets.target(.team, kpi, period) else { continue }
                if !team.reps.indices.contains(where: { hasOwn($0, kpi, period) }) { teamShare[p * kpis.count + k] = target / totalWeight }
            }
        }
        self.teamShare = teamShare
    }

    /// Rep `rep`'s target for KPI `k` in period `p`, given their own (explicit or derived from their other periods).
    func target(rep: Int, _ k: Int, _ p: Int, own: Double?) -> Double? {
        let slot = p * kpiCount + k
        guard
            let base = own ?? (regionShare.isEmpty ? nil : regionShare[regionIndex[rep]][slot]).map({ $0 * reps[rep].weight })
                ?? teamShare[slot].map({ $0 * reps[rep].weight })
        else { return nil }
        guard kpis[k].additiveOverTime, !ramp.isEmpty, let started = reps[rep].started else { return base }
        let factor = rampFactor(started: started.monthNumber, period: periods[p])
        return factor > 0 ? base * factor : nil
    }

    /// The mean ramp share of the period's months for a rep who started in month `started`.
    func rampFactor(started: Int, period: Period) -> Double {
        let months = period.firstMonth..<(period.firstMonth + period.kind.months)
        let shares = months.map { month -> Double in
            let since = month - started
            return since < 0 ? 0 : since < ramp.count ? ramp[since] : 1
        }
        return shares.reduce(0, +) / Double(shares.count)
    }
}
