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
    package var asOf: Day?
    package var calendar: FiscalCalendar
    package var stageProbabilities: [String: Double]

    /// `targets.ramp` from fieldbook.json: see `TargetCascade`.
    package var ramp: [Double]

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
        let months =
            data.rollups.map { Monthly(data, rollups: $0, firstMonth: firstMonth, asOf: asOf) }
            ?? Monthly(data, firstMonth: firstMonth, asOf: asOf, weight: weight)

        // Tallies: each rep's per shown period, from their monthly tallies; every group sums its reps'.
        let repTallies = parallelMap(months.tallies) { monthly in periods.map { span(monthly, $0, firstMonth: firstMonth) } }
        // Changes compare only with periods the data covers from their first month: a quarter whose first month came
        // before the data began holds part of its deals, and a change against it would be a silent wrong number.
        var likeForLike = LikeForLike(periods: periods, asOf: asOf) { [$0.previous, $0.yearEarlier].filter { $0.firstMonth >= firstMonth } }
        likeForLike.count(data, asOf: asOf, months: months.tallies, firstMonth: firstMonth)
        let resolver = TargetResolver(data.targets, calendar: calendar)
        let assembler = FigureAssembler(
            kpis: kpis, periods: periods, asOf: asOf, firstMonth: firstMonth, repTallies: repTallies, metricCount: data.metricDefinitions.count,
            rollup: TargetRollup(
                kpis: kpis, periods: periods, resolver: resolver,
                cascade: TargetCascade(team: team, targets: resolver, kpis: kpis, periods: periods, ramp: ramp)),
            forecaster: Forecaster(
                asOf: asOf, additions: months.forecastAdditions(for: periods.filter { $0.kind != .month && $0.contains(month: lastMonth) })),
            likeForLike: likeForLike)

        // Each rep's figures are their own: on every core.
        var reps = parallelMap(Array(team.reps.enumerated())) { index, rep in
            assembler.figures(.rep, rep.id, rep.name, scope: .rep(rep.id), members: [index])
        }
        rank(&reps, by: team.reps.map(\.region), kpis: kpis)
        // Every rep's target for every period and KPI in one flat array, rep by rep: groups add up thousands of them.
        let repTargets = reps.flatMap { $0.periods.flatMap(\.target) }
        let regionMembers = Dictionary(grouping: team.reps.indices) { team.reps[$0].region }
        let managerMembers = Dictionary(grouping: team.reps.indices) { team.manager(of: team.reps[$0]) ?? "" }
        // The team first: the largest, begun while the other core takes the regions and managers.
        let groups =
            [(EntityFigures.Kind.team, "team", "Team", TargetScope?.some(.team), Array(team.reps.indices))]
            + team.regions.map { (.region, $0.id, $0.name, .region($0.id), regionMembers[$0.id] ?? []) }
            + team.managers.map { (.manager, $0.id, $0.name, nil, managerMembers[$0.id] ?? []) }
        let groupFigures = parallelMap(groups) { kind, id, name, scope, members in
            assembler.figures(kind, id, name, scope: scope, members: members, repTargets: repTargets)
        }
        let whole = groupFigures[0]
        let regions = Array(groupFigures[1..<(team.regions.count + 1)])
        let managers = Array(groupFigures[(team.regions.count + 1)...])
        var board = Scoreboard(
            asOf: asOf, calendar: calendar, kpis: kpis, periods: periods, team: whole, regions: regions, managers: managers, reps: reps)
        board.firstMonth = firstMonth
        return board
    }

    /// How far back figures go: ten years of months before the as-of date. Older deals still count as open deals if
    /// they are open; their flows (revenue, wins) fall outside every period shown.
    package static let maximumMonths = 120

    /// Months from `first` to `last`, and every quarter and year touching them, sorted.
    func shownPeriods(from first: Int, to last: Int) -> [Period] {
        var periods: Set<Period> = []
        for month in first...last {
            for kind in Period.Kind.allCases { periods.insert(calendar.period(kind, containing: month)) }
        }
        return periods.sorted()
    }

    /// A deal's weight in the weighted pipeline.
    func weight(_ deal: Deal) -> Double { deal.weight(stages: stageProbabilities) }

    /// A rep's tally over a period, from the monthly tallies (months before the data begins count as empty).
    private func span(_ monthly: [Tally], _ period: Period, firstMonth: Int) -> Tally {
        var tally = Tally(metrics: monthly.first?.metricSum.count ?? 0)
        for month in max(period.firstMonth, firstMonth)...period.lastMonth where month - firstMonth < monthly.count {
            tally.append(month: monthly[month - firstMonth])
        }
        tally.closeRepSpan()
        return tally
    }

    /// Competition ranking by revenue within each region and the team: equal revenue shares a rank (1, 2, 2, 4).
    private func rank(_ reps: inout [EntityFigures], by regions: [String], kpis: [KPI]) {
        guard let periodCount = reps.first?.periods.count, let revenueIndex = kpis.firstIndex(where: { $0.id == "revenue" }) else { return }
        for p in 0..<periodCount {
            let revenue = reps.map { $0.periods[p].actual[revenueIndex] ?? 0 }
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

    /// The latest date in the data; for rollups, the date the warehouse counted the deals as of.
    static func latestDate(in data: PerformanceData) -> Day? {
        if let rollups = data.rollups { return rollups.asOf }
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
        // A warehouse's months are those in which a deal was created or closed, as here.
        for row in data.rollups?.months ?? [] { see(row.month) }
        for record in data.metrics { see(record.month) }
        return earliest
    }
}
