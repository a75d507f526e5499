/// Every figure the KPI engine computed, for every entity and period, ready for pages and the JSON API.
public struct Scoreboard: Sendable {
    /// The date the figures are as of: `fieldbook.json` `asOf`, else the latest date in the data.
    package var asOf: Day?
    package var calendar: FiscalCalendar
    /// Built-in KPIs first, then the metrics of kpis.json; figure arrays are indexed the same way.
    package var kpis: [KPI]
    /// Every month, quarter and year shown, sorted by time (a month before the quarter it starts).
    package var periods: [Period]
    /// The first month the figures cover (the data's earliest month, at most ten years back): periods that start
    /// before it hold only part of their months.
    package var firstMonth: Int?
    package var team: EntityFigures
    package var regions: [EntityFigures]
    package var managers: [EntityFigures]
    package var reps: [EntityFigures]

    package init(
        asOf: Day? = nil, calendar: FiscalCalendar, kpis: [KPI], periods: [Period], team: EntityFigures, regions: [EntityFigures],
        managers: [EntityFigures], reps: [EntityFigures]
    ) {
        self.asOf = asOf
        self.calendar = calendar
        self.kpis = kpis
        self.periods = periods
        self.team = team
        self.regions = regions
        self.managers = managers
        self.reps = reps
    }

    package func index(of kpi: String) -> Int? { kpis.firstIndex { $0.id == kpi } }
}

/// The figures of one rep, manager, region or the whole team.
package struct EntityFigures: Sendable {
    package enum Kind: String, Sendable { case team, region, manager, rep }
    package var kind: Kind
    package var id: String
    package var name: String
    /// One entry per period of `Scoreboard.periods`, in the same order.
    package var periods: [PeriodFigures]

    package init(kind: Kind, id: String, name: String, periods: [PeriodFigures]) {
        self.kind = kind
        self.id = id
        self.name = name
        self.periods = periods
    }
}

/// The figures of one entity in one period. Arrays are indexed like `Scoreboard.kpis`; nil means absent (a win rate
/// with nothing closed, a target nobody set), never zero.
package struct PeriodFigures: Sendable, Equatable {
    package var period: Period
    /// The period contains the as-of date and has not ended.
    package var partial: Bool
    package var actual: [Double?]
    package var target: [Double?]
    /// Actual minus the previous period's actual (the previous month, quarter or year), when both are known. While
    /// the period is under way, minus the same number of days at the start of the previous period (like for like).
    package var change: [Double?]
    /// Actual minus the same period's a year earlier, when both are known; like for like while under way.
    package var yearChange: [Double?]
    /// Competition ranking by revenue (ties share a rank: 1, 2, 2, 4), for reps only.
    package var rankInRegion: Int?
    package var rankInTeam: Int?
    /// Revenue forecasts for the quarter and year that contain the as-of date.
    package var forecasts: [Forecast]

    package init(
        period: Period, partial: Bool, actual: [Double?], target: [Double?], change: [Double?], yearChange: [Double?]? = nil,
        rankInRegion: Int? = nil, rankInTeam: Int? = nil,
        forecasts: [Forecast]
    ) {
        self.period = period
        self.partial = partial
        self.actual = actual
        self.target = target
        self.change = change
        self.yearChange = yearChange ?? change.map { _ in nil }
        self.rankInRegion = rankInRegion
        self.rankInTeam = rankInTeam
        self.forecasts = forecasts
    }

    /// actual / target; absent when either is absent or the target is 0 (never infinite).
    package func attainment(_ kpi: Int) -> Double? {
        guard let actual = actual[kpi], let target = target[kpi], target != 0 else { return nil }
        return actual / target
    }
}

/// A revenue forecast for a period still under way, labelled with how it was made.
package struct Forecast: Sendable, Equatable {
    package enum Method: String, Sendable {
        /// Revenue to date scaled to the whole period: actual × days in period ÷ days elapsed.
        case runRate = "run_rate"
        /// Revenue to date plus the weighted amount of open deals expected to close in the rest of the period.
        case pipeline
    }
    package var method: Method
    package var revenue: Double

    package init(method: Method, revenue: Double) {
        self.method = method
        self.revenue = revenue
    }

    package var explanation: String {
        switch method {
        case .runRate: "revenue to date scaled to the whole period (actual × days in period ÷ days elapsed)"
        case .pipeline: "revenue to date plus open deals expected to close by the period's end, weighted by probability"
        }
    }
}
