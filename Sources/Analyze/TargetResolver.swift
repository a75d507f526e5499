import FieldbookModel

/// Finds the target of a scope for a KPI in a period, filling in what targets.json leaves out.
///
/// For KPIs that add up over time (revenue, deals won, `sum` metrics) a missing month target is an even split of
/// the quarter's (÷3) or else the year's (÷12); a missing quarter is the sum of its three months when all are set,
/// else the year ÷ 4; a missing year is the sum of its four quarters when all are known. For other KPIs (rates,
/// averages) a month or quarter inherits the enclosing period's target unchanged. A region or the team without a
/// target of its own takes the sum of its reps' targets, for KPIs that add up over people (see `KPICalculator`).
package struct TargetResolver {
    private let explicit: [TargetScope: [Period: [String: Double]]]
    let calendar: FiscalCalendar

    package init(_ records: [TargetRecord], calendar: FiscalCalendar) {
        var explicit: [TargetScope: [Period: [String: Double]]] = [:]
        for record in records {
            explicit[record.scope, default: [:]][record.period, default: [:]].merge(record.values) { _, new in new }
        }
        self.explicit = explicit
        self.calendar = calendar
    }

    /// The scope's own target, explicit or derived from its own other periods; nil when there is none.
    package func target(_ scope: TargetScope, _ kpi: KPI, _ period: Period) -> Double? {
        guard let periods = explicit[scope] else { return nil }
        func set(_ period: Period) -> Double? { periods[period]?[kpi.id] }
        if let value = set(period) { return value }
        let quarter = calendar.period(.quarter, containing: period.firstMonth)
        let year = calendar.period(.year, containing: period.firstMonth)
        guard kpi.additiveOverTime else {
            switch period.kind {
            case .month: return set(quarter) ?? set(year)
            case .quarter: return set(year)
            case .year: return nil
            }
        }
        switch period.kind {
        case .month:
            return set(quarter).map { $0 / 3 } ?? set(year).map { $0 / 12 }
        case .quarter:
            let months = (0..<3).map { set(Period(kind: .month, firstMonth: period.firstMonth + $0)) }
            let known = months.compactMap { $0 }
            if known.count == months.count { return known.reduce(0, +) }
            return set(year).map { $0 / 4 }
        case .year:
            let quarters = (0..<4).map { target(scope, kpi, Period(kind: .quarter, firstMonth: period.firstMonth + $0 * 3)) }
            let known = quarters.compactMap { $0 }
            return known.count == quarters.count ? known.reduce(0, +) : nil
        }
    }
}
