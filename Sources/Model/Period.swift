/// Months, quarters and years as the portal reports them.
///
/// Months are calendar months. Quarters and years follow the fiscal calendar: with `fiscalYearStartMonth` 4, the
/// fiscal year runs April to March and is named after the calendar year it ends in (FY2018 = April 2017 to March
/// 2018, whose first quarter is `2018-Q1`). With the default start month 1 they are calendar quarters and years.
public struct FiscalCalendar: Sendable, Equatable {
    /// 1 (January) to 12.
    package let startMonth: Int

    public init(startMonth: Int = 1) {
        self.startMonth = startMonth
    }

    /// The quarter (or year) that contains a month number.
    package func period(_ kind: Period.Kind, containing month: Int) -> Period {
        switch kind {
        case .month: return Period(kind: .month, firstMonth: month)
        case .quarter, .year:
            let offset = (month - (startMonth - 1)) % 12  // months since the fiscal year began, for non-negative months
            let yearStart = month - ((offset + 12) % 12)
            if kind == .year { return Period(kind: .year, firstMonth: yearStart) }
            return Period(kind: .quarter, firstMonth: yearStart + (month - yearStart) / 3 * 3)
        }
    }

    /// `2017-03`, `2018-Q1` (fiscal), `2018` (fiscal year named by the year it ends in).
    package func label(_ period: Period) -> String {
        switch period.kind {
        case .month:
            let (year, month) = Period.calendar(period.firstMonth)
            return "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .quarter:
            let year = fiscalYear(of: period.firstMonth)
            let yearStart = self.period(.year, containing: period.firstMonth).firstMonth
            return "\(year)-Q\((period.firstMonth - yearStart) / 3 + 1)"
        case .year:
            return "\(fiscalYear(of: period.firstMonth))"
        }
    }

    /// The fiscal year a month belongs to, named by the calendar year in which that fiscal year ends.
    package func fiscalYear(of month: Int) -> Int {
        let yearStart = period(.year, containing: month).firstMonth
        return Period.calendar(yearStart + 11).year
    }

    /// Parses `YYYY-MM`, `YYYY-Qn` or `YYYY`.
    package func parse(_ text: String) -> Period? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText), year >= 1900, year <= 9999 else { return nil }
        // The first month of fiscal year `year`: it ends in `year`, so it starts in year-1 unless it starts in January.
        let fiscalStart = (startMonth == 1 ? year : year - 1) * 12 + startMonth - 1
        if parts.count == 1 { return Period(kind: .year, firstMonth: fiscalStart) }
        guard parts.count == 2 else { return nil }
        let rest = parts[1]
        if rest.count == 2, rest.first == "Q", let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            return Period(kind: .quarter, firstMonth: fiscalStart + (quarter - 1) * 3)
        }
        if rest.count == 2, rest.allSatisfy(\.isNumber), let month = Int(rest), (1...12).contains(month) {
            return Period(kind: .month, firstMonth: year * 12 + month - 1)
        }
        return nil
    }
}

/// A month, quarter or year, identified by its first month (months counted from year 0: `year * 12 + month - 1`).
package struct Period: Hashable, Comparable, Sendable {
    package enum Kind: String, Sendable, CaseIterable, Comparable {
        case month, quarter, year

        package var months: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .year: 12
            }
        }

        package static func < (a: Kind, b: Kind) -> Bool { a.months < b.months }
    }

    package let kind: Kind
    package let firstMonth: Int

    package init(kind: Kind, firstMonth: Int) {
        self.kind = kind
        self.firstMonth = firstMonth
    }

    package var lastMonth: Int { firstMonth + kind.months - 1 }
    package var previous: Period { Period(kind: kind, firstMonth: firstMonth - kind.months) }
    package var next: Period { Period(kind: kind, firstMonth: firstMonth + kind.months) }
    /// The same month, quarter or year a year earlier.
    package var yearEarlier: Period { Period(kind: kind, firstMonth: firstMonth - 12) }
    package func contains(month: Int) -> Bool { month >= firstMonth && month <= lastMonth }

    package var firstDay: Day {
        let (year, month) = Period.calendar(firstMonth)
        return Day(year: year, month: month, day: 1)
    }

    package var lastDay: Day {
        let (year, month) = Period.calendar(lastMonth)
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
    }

    /// Months ordered by time, then by kind (a month before the quarter it starts).
    package static func < (a: Period, b: Period) -> Bool { (a.firstMonth, a.kind) < (b.firstMonth, b.kind) }

    /// The calendar year and month (1-12) of a month number.
    static package func calendar(_ month: Int) -> (year: Int, month: Int) { (month / 12, month % 12 + 1) }
}
