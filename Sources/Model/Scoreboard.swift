/// Every figure the KPI engine computed, for every entity and period, ready for pages and the JSON API.
public struct Scoreboard: Sendable {
    /// The date the figures are as of: `fieldbook.json` `asOf`, else the latest date in the data.
    public var asOf: Day?
    public var calendar: FiscalCalendar
    /// Built-in KPIs first, then the metrics of kpis.json; figure arrays are indexed the same way.
    public var kpis: [KPI]
    /// Every month, quarter and year shown, sorted by time (a month before the quarter it starts).
    public var periods: [Period]
    public var team: EntityFigures
    public var regions: [EntityFigures]
    public var managers: [EntityFigures]
    public var reps: [EntityFigures]

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

    public func index(of kpi: String) -> Int? { kpis.firstIndex { $0.id == kpi } }
}

/// The figures of one rep, manager, region or the whole team.
public struct EntityFigures: Sendable {
    public enum Kind: String, Sendable { case team, region, manager, rep }
    public var kind: Kind
    public var id: String
    public var name: String
    /// One entry per period of `Scoreboard.periods`, in the same order.
    public var periods: [PeriodFigures]

    package init(kind: Kind, id: String, name: String, periods: [PeriodFigures]) {
        self.kind = kind
        self.id = id
        self.name = name
        self.periods = periods
    }
}

/// The figures of one entity in one period. Arrays are indexed like `Scoreboard.kpis`; nil means absent (a win rate
/// with nothing closed, a target nobody set), never zero.
public struct PeriodFigures: Sendable, Equatable {
    public var period: Period
    /// The period contains the as-of date and has not ended.
    public var partial: Bool
    public var actual: [Double?]
    public var target: [Double?]
    /// Actual minus the previous period's actual (the previous month, quarter or year), when both are known.
    public var change: [Double?]
    /// Competition ranking by revenue (ties share a rank: 1, 2, 2, 4), for reps only.
    public var rankInRegion: Int?
    public var rankInTeam: Int?
    /// Revenue forecasts for the quarter and year that contain the as-of date.
    public var forecasts: [Forecast]

    package init(
        period: Period, partial: Bool, actual: [Double?], target: [Double?], change: [Double?], rankInRegion: Int? = nil, rankInTeam: Int? = nil,
        forecasts: [Forecast]
    ) {
        self.period = period
        self.partial = partial
        self.actual = actual
        self.target = target
        self.change = change
        self.rankInRegion = rankInRegion
        self.rankInTeam = rankInTeam
        self.forecasts = forecasts
    }

    /// actual / target; absent when either is absent or the target is 0 (never infinite).
    public func attainment(_ kpi: Int) -> Double? {
        guard let actual = actual[kpi], let target = target[kpi], target != 0 else { return nil }
        return actual / target
    }
}

/// A revenue forecast for a period still under way, labelled with how it was made.
public struct Forecast: Sendable, Equatable {
    public enum Method: String, Sendable {
        /// Revenue to date scaled to the whole period: actual × days in period ÷ days elapsed.
        case runRate = "run_rate"
        /// Revenue to date plus the weighted amount of open deals expected to close in the rest of the period.
        case pipeline
    }
    public var method: Method
    public var revenue: Double

    package init(method: Method, revenue: Double) {
        self.method = method
        self.revenue = revenue
    }

    public var explanation: String {
        switch method {
        case .runRate: "revenue to date scaled to the whole period (actual × days in period ÷ days elapsed)"
        case .pipeline: "revenue to date plus open deals expected to close by the period's end, weighted by probability"
        }
    }
}
