import FieldbookModel

/// The portal's side of the warehouse queries (docs/warehouse.md): the days and periods `fieldbook warehouse` hands
/// them, and what a warehouse's rollups (`rollups.json`) must agree on with the portal they are built into: the as-of
/// date they counted the deals as of, and the windows of days the query was given. Figures from rollups made for
/// another date or fiscal year would be silently wrong.
package enum Warehouse {
    /// A period whose deal lists `sql/extracts.sql` keeps the largest of (`DealLists`): every month, quarter and year
    /// of the `KPICalculator.maximumMonths` up to the as-of date, and the last seven days (the wins wall's week).
    package struct ListPeriod: Sendable, Equatable {
        /// `2017-09`, `2017-Q3`, `2017`, or `week`.
        package var label: String
        /// Its days (the first clipped to the months figures cover).
        package var first: Day
        package var last: Day
        /// The last day of the month whose end the open list is taken at: the period's last month, or the as-of month.
        package var stock: Day
        /// A period containing the as-of date: its lists are kept for every rep too (a scorecard's, of the dashboard's
        /// period, whichever of month, quarter and year `dashboard.period` names).
        package var current: Bool
    }

    package static func listPeriods(asOf: Day, calendar: FiscalCalendar) -> [ListPeriod] {
        let last = asOf.monthNumber
        let first = last - KPICalculator.maximumMonths + 1
        var periods: Set<Period> = []
        for month in first...last {
            for kind in Period.Kind.allCases { periods.insert(calendar.period(kind, containing: month)) }
        }
        let clip = Period(kind: .month, firstMonth: first).firstDay
        var list = periods.sorted().map { period in
            ListPeriod(
                label: calendar.label(period), first: max(period.firstDay, clip), last: period.lastDay,
                stock: Period(kind: .month, firstMonth: min(period.lastMonth, last)).lastDay,
                current: period.contains(month: last))
        }
        let week = asOf.advanced(by: -6)
        list.append(ListPeriod(label: "week", first: week, last: asOf, stock: Period(kind: .month, firstMonth: last).lastDay, current: false))
        return list
    }

    /// The windows of days a portal counting deals as of `asOf` compares its periods under way with: what
    /// `fieldbook warehouse` asks the query to count (`LikeForLike`).
    package static func windows(asOf: Day, calendar: FiscalCalendar) -> [(first: Day, last: Day)] {
        LikeForLike.windows(asOf: asOf, calendar: calendar)
    }

    /// One message per disagreement; none when they agree.
    package static func problems(_ rollups: Rollups, asOf: Day?, calendar: FiscalCalendar) -> [String] {
        var problems: [String] = []
        let rerun = "run the query again with the tables of `fieldbook warehouse --as-of \(asOf ?? rollups.asOf)`"
        if let asOf, asOf != rollups.asOf {
            problems.append(
                "the rollups count deals as of \(rollups.asOf), but fieldbook.json's asOf is \(asOf): \(rerun), or set asOf to \(rollups.asOf)")
            return problems
        }
        let expected = windows(asOf: rollups.asOf, calendar: calendar).map { "\($0.first) to \($0.last)" }
        let found = Set(rollups.windows.map { "\($0.first) to \($0.last)" })
        let missing = rollups.months.isEmpty ? [] : expected.filter { !found.contains($0) }
        let unknown = found.subtracting(expected).sorted()
        if !missing.isEmpty {
            problems.append("no window rows from \(missing.joined(separator: ", ")) (the days a period under way is compared with): \(rerun)")
        }
        if !unknown.isEmpty {
            problems.append(
                "window rows from \(unknown.joined(separator: ", ")) are not this portal's (as of \(rollups.asOf), fiscal year from month "
                    + "\(calendar.startMonth)): \(rerun)")
        }
        return problems
    }
}
