import FieldbookModel

/// The KPI engine: turns checked performance data into every figure for every rep, manager, region and the team,
/// per month, quarter and year. Pure and linear in the number of deals.
///
/// - The as-of date is `asOf` from fieldbook.json, else the latest date in the data; never the clock. A deal created
///   after it does not exist yet, one closed after it is still open. Periods after it are not shown; the one
///   containing it is partial until its last day.
/// - Shown periods run from the month of the earliest date in the data to the as-of month, with every quarter and
///   year that touches them.
/// - Open deals without a `created` date count as open only at the as-of date: when they opened is unknown.
/// - Every deal is taken as it stood on the as-of date (`Deal.as(of:)`): one closed after it is open there, at a
///   stage unknown then, so it weighs only its own `probability`.
/// - A deal's weight in the weighted pipeline is `Deal.probability(stages:)`: its `probability`, else its stage's from
///   `pipeline.stages`, else 0.
///   The weighted pipeline exists only for the periods containing the as-of date: the data has no stage history, so
///   how likely a since-closed deal looked at an earlier period's end is unknown.
public struct KPICalculator: Sendable {
    public var asOf: Day?
    public var calendar: FiscalCalendar
    public var stageProbabilities: [String: Double]

    /// `targets.ramp` from fieldbook.json: see `TargetCascade`.
    public var ramp: [Double]

    public init(asOf: Day? = nil, calendar: FiscalCalendar = FiscalCalendar(), stageProbabilities: [String: Double] = [:], ramp: [Double] = []) {
        self.asOf = asOf
        self.calendar = calendar
        self.stageProbabilities = stageProbabilities
        self.ramp = ramp
    }

    public func compute(_ data: PerformanceData) -> Scoreboard {
        let kpis = KPI.builtIn + data.metricDefinitions.map(KPI.metric)
        let team = data.team
        guard let asOf = asOf ?? Self.latestDate(in: data) else {
            let empty = { (kind: EntityFigures.Kind, id: String, name: String) in EntityFigures(kind: kind, id: id, name: name, periods: []) }
            return Scoreboard(
                asOf: nil, calendar: calendar, kpis: kpis, periods: [], team: empty(.team, "team", "Team"),
                regions: team.regions.map { empty(.region, $0.id, $0.name) }, managers: team.managers.map { empty(.manager, $0.id, $0.name) },
                reps: team.reps.map { empty(.rep, $0.id, $0.name) })
        }
        let lastMonth = asOf.monthNumber
        // At most `maximumMonths` back from the as-of month: a stray date in year 0001 must not cost gigabytes.
        let firstMonth = max(min(Self.earliestMonth(in: data) ?? lastMonth, lastMonth), lastMonth - Self.maximumMonths + 1)
        let periods = shownPeriods(from: firstMonth, to: lastMonth)
        let months = Monthly(data, firstMonth: firstMonth, asOf: asOf, weight: weight)

        // Reps: spans of their monthly tallies; then every group is the sum of its reps.
        let repTallies = parallelMap(months.tallies) { monthly in periods.map { span(monthly, $0, firstMonth: firstMonth) } }
        @Sendable func group(_ members: [Int]) -> [Tally] {
            periods.indices.map { p in
                members.reduce(into: Tally(metrics: data.metricDefinitions.count)) { $0.add(repTallies[$1][p]) }
            }
        }
        let targets = TargetResolver(data.targets, calendar: calendar)
        let cascade = TargetCascade(team: data.team, targets: targets, kpis: kpis, periods: periods, ramp: ramp)
        let weightedPipeline = kpis.firstIndex { $0.id == "weighted_pipeline" }
        let forecastAdditions = months.forecastAdditions(for: periods.filter { $0.kind != .month && $0.contains(month: lastMonth) })

        /// `repTargets` are the reps' own targets, rep by rep, then period by period, then KPI by KPI: what a group
        /// without a target of its own adds up.
        @Sendable func figures(
            _ kind: EntityFigures.Kind, _ id: String, _ name: String, scope: TargetScope?, members: [Int], repTargets: [Double?] = []
        ) -> EntityFigures {
            let tallies = kind == .rep ? repTallies[members[0]] : group(members)
            var result: [PeriodFigures] = []
            for (p, period) in periods.enumerated() {
                var actual = actuals(tallies[p], kpis)
                // Stage history is not in the data: how likely a since-closed deal looked back then is unknown.
                if let weightedPipeline, !period.contains(month: lastMonth) { actual[weightedPipeline] = nil }
                let target = kpis.indices.map { k -> Double? in
                    // A rep: their own target, else a share of their region's or the team's, ramped when they are new.
                    if kind == .rep, let scope { return cascade.target(rep: members[0], k, p, own: targets.target(scope, kpis[k], period)) }
                    if let scope, let own = targets.target(scope, kpis[k], period) { return own }
                    // A group without its own target: the sum of its reps' targets, where adding people up makes sense.
                    guard kind != .rep, kpis[k].additiveAcrossReps else { return nil }
                    var sum: Double?
                    for member in members {
                        if let own = repTargets[(member * periods.count + p) * kpis.count + k] { sum = (sum ?? 0) + own }
                    }
                    return sum
                }
                let previous = p > 0 ? result.last { $0.period == period.previous } : nil
                let change = actual.indices.map { k -> Double? in
                    guard let now = actual[k], let before = previous?.actual[k] else { return nil }
                    return now - before
                }
                let partial = period.contains(month: lastMonth) && asOf < period.lastDay
                var forecasts: [Forecast] = []
                if let additions = forecastAdditions[period], partial, let revenue = actual[0] {
                    let elapsed = Double(asOf.ordinal - period.firstDay.ordinal + 1)
                    let total = Double(period.lastDay.ordinal - period.firstDay.ordinal + 1)
                    let pending = members.reduce(0.0) { $0 + additions[$1] } / 100
                    forecasts = [
                        Forecast(method: .runRate, revenue: revenue * total / elapsed), Forecast(method: .pipeline, revenue: revenue + pending),
                    ]
                }
                result.append(
                    PeriodFigures(
                        period: period, partial: partial, actual: actual, target: target, change: change, rankInRegion: nil, rankInTeam: nil,
                        forecasts: forecasts))
            }
            return EntityFigures(kind: kind, id: id, name: name, periods: result)
        }

        // Each rep's figures are their own: on every core.
        var reps = parallelMap(Array(team.reps.enumerated())) { index, rep in
            figures(.rep, rep.id, rep.name, scope: .rep(rep.id), members: [index])
        }
        rank(&reps, by: team.reps.map(\.region))
        // Every rep's target for every period and KPI in one flat array, rep by rep: groups add up thousands of them.
        let repTargets = reps.flatMap { $0.periods.flatMap(\.target) }
        let regionMembers = Dictionary(grouping: team.reps.indices) { team.reps[$0].region }
        let managerMembers = Dictionary(grouping: team.reps.indices) { team.manager(of: team.reps[$0]) ?? "" }
        let groups =
            team.regions.map { (EntityFigures.Kind.region, $0.id, $0.name, TargetScope?.some(.region($0.id)), regionMembers[$0.id] ?? []) }
            + team.managers.map { (EntityFigures.Kind.manager, $0.id, $0.name, TargetScope?.none, managerMembers[$0.id] ?? []) }
            + [(.team, "team", "Team", .team, Array(team.reps.indices))]
        let groupFigures = parallelMap(groups) { kind, id, name, scope, members in
            figures(kind, id, name, scope: scope, members: members, repTargets: repTargets)
        }
        let regions = Array(groupFigures[..<team.regions.count])
        let managers = Array(groupFigures[team.regions.count..<(groupFigures.count - 1)])
        let whole = groupFigures[groupFigures.count - 1]  // the team, listed last in `groups`
        return Scoreboard(
            asOf: asOf, calendar: calendar, kpis: kpis, periods: periods, team: whole, regions: regions, managers: managers, reps: reps)
    }

    /// How far back figures go: ten years of months before the as-of date. Older deals still count as open deals if
    /// they are open; their flows (revenue, wins) fall outside every period shown.
    public static let maximumMonths = 120

    /// Months from `first` to `last`, and every quarter and year touching them, sorted.
    func shownPeriods(from first: Int, to last: Int) -> [Period] {
        var periods: Set<Period> = []
        for month in first...last {
            for kind in Period.Kind.allCases { periods.insert(calendar.period(kind, containing: month)) }
        }
        return periods.sorted()
    }

    /// A deal's weight in the weighted pipeline.
    func weight(_ deal: Deal) -> Double { deal.probability(stages: stageProbabilities) ?? 0 }

    /// A rep's tally over a period, from the monthly tallies (months before the data begins count as empty).
    private func span(_ monthly: [Tally], _ period: Period, firstMonth: Int) -> Tally {
        var tally = Tally(metrics: monthly.first?.metricSum.count ?? 0)
        for month in max(period.firstMonth, firstMonth)...period.lastMonth where month - firstMonth < monthly.count {
            tally.append(month: monthly[month - firstMonth])
        }
        tally.closeRepSpan()
        return tally
    }

    /// The KPI values of a tally, in `kpis` order. The definitions of the built-in KPIs live here.
    func actuals(_ t: Tally, _ kpis: [KPI]) -> [Double?] {
        let closed = t.won + t.lost
        var values: [Double?] = [
            Double(t.revenue) / 100,
            Double(t.won),
            Double(t.lost),
            closed > 0 ? Double(t.won) / Double(closed) : nil,
            t.won > 0 ? Double(t.revenue) / 100 / Double(t.won) : nil,
            t.cycleCount > 0 ? Double(t.cycleDays) / Double(t.cycleCount) : nil,
            Double(t.open),
            Double(t.pipeline) / 100,
            t.weighted / 100,
            Double(t.created),
        ]
        for (m, kpi) in kpis.dropFirst(KPI.builtIn.count).enumerated() {
            switch kpi.definition.aggregate {
            case .sum: values.append(t.metricCount[m] > 0 ? t.metricSum[m] : nil)
            case .mean: values.append(t.metricCount[m] > 0 ? t.metricSum[m] / Double(t.metricCount[m]) : nil)
            case .last:
                guard t.lastCount[m] > 0 else {
                    values.append(nil)
                    continue
                }
                values.append(kpi.additiveAcrossReps ? t.lastSum[m] : t.lastSum[m] / Double(t.lastCount[m]))
            }
        }
        return values
    }

    /// Competition ranking by revenue within each region and the team: equal revenue shares a rank (1, 2, 2, 4).
    private func rank(_ reps: inout [EntityFigures], by regions: [String]) {
        guard let periodCount = reps.first?.periods.count else { return }
        for p in 0..<periodCount {
            let revenue = reps.map { $0.periods[p].actual[0] ?? 0 }
            for (position, rank) in Self.competitionRanks(revenue).enumerated() { reps[position].periods[p].rankInTeam = rank }
            for region in Set(regions) {
                let members = reps.indices.filter { regions[$0] == region }
                for (offset, rank) in Self.competitionRanks(members.map { revenue[$0] }).enumerated() {
                    reps[members[offset]].periods[p].rankInRegion = rank
                }
            }
        }
    }

    /// 1 + the number of values strictly greater, for each value.
    static package func competitionRanks(_ values: [Double]) -> [Int] {
        let sorted = values.sorted(by: >)
        return values.map { value in
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] > value { low = mid + 1 } else { high = mid }
            }
            return low + 1
        }
    }

    static func latestDate(in data: PerformanceData) -> Day? {
        var latest: Day?
        func see(_ day: Day?) { if let day, latest.map({ day > $0 }) ?? true { latest = day } }
        for deal in data.deals {
            see(deal.created)
            see(deal.closed)
        }
        for record in data.training { see(record.completed) }
        for record in data.metrics { see(Period(kind: .month, firstMonth: record.month).firstDay) }
        return latest
    }

    static func earliestMonth(in data: PerformanceData) -> Int? {
        var earliest: Int?
        func see(_ month: Int?) { if let month, earliest.map({ month < $0 }) ?? true { earliest = month } }
        for deal in data.deals {
            see(deal.created?.monthNumber)
            see(deal.closed?.monthNumber)
        }
        for record in data.metrics { see(record.month) }
        return earliest
    }
}
