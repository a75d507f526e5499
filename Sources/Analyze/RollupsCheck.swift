import FieldbookModel

/// What a warehouse's rollups (`rollups.json`) must agree on with the portal they are built into: the as-of date they
/// counted the deals as of, and the windows of days the query was given (`fieldbook warehouse` writes them from the
/// as-of date and the fiscal year). Figures from rollups made for another date or fiscal year would be silently wrong.
package enum RollupsCheck {
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
