import FieldbookModel

/// Forecasts of revenue for the quarter and the year under way (never for months, nor for periods already over):
///
/// - run rate: revenue so far × days in the period ÷ days elapsed (the as-of day counted);
/// - pipeline: revenue so far + the weighted amount of open deals whose expected close falls in the rest of the period.
struct Forecaster: Sendable {
    let asOf: Day
    /// Per period under way, per rep: weighted cents of open deals expected to close by the period's end
    /// (`Monthly.forecastAdditions`).
    let additions: [Period: [Double]]

    /// The forecasts for `period` of the group of reps `members` whose revenue so far is `revenue`; none when the
    /// period is not under way or the revenue is unknown.
    func forecasts(_ period: Period, revenue: Double?, members: [Int]) -> [Forecast] {
        guard let perRep = additions[period], let revenue, period.firstDay <= asOf, asOf < period.lastDay else { return [] }
        let elapsed = Double(asOf.ordinal - period.firstDay.ordinal + 1)
        let total = Double(period.lastDay.ordinal - period.firstDay.ordinal + 1)
        let pending = members.reduce(0.0) { $0 + perRep[$1] } / 100
        return [Forecast(method: .runRate, revenue: revenue * total / elapsed), Forecast(method: .pipeline, revenue: revenue + pending)]
    }
}
