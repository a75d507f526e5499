/// How a figure stands against its target, judged against the pro-rated target while the period is under way.
package enum Status: String, Sendable, CaseIterable {
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case behind

    /// Thresholds from `fieldbook.json` `dashboard.thresholds`.
    package struct Thresholds: Sendable, Equatable {
        /// Share of the (pro-rated) target at or above which a figure is on track.
        package var onTrack: Double
        /// Share at or above which it is at risk rather than behind.
        package var atRisk: Double

        package init(onTrack: Double = 1.0, atRisk: Double = 0.9) {
            self.onTrack = onTrack
            self.atRisk = atRisk
        }
    }

    /// The status of `actual` against `target` for a KPI in a period, as of a date.
    ///
    /// For KPIs that add up over time, a partial period's target is pro-rated by the share of its days elapsed
    /// (revenue of 40 against a quarterly 100 with 40% of the quarter gone is on track). Rates and stocks are judged
    /// against the whole target. For KPIs where lower is better the ratio is target ÷ actual. Absent without a
    /// target, or when the pro-rated target is 0.
    package static func of(
        actual: Double?, target: Double?, kpi: KPI, period: Period, partial: Bool, asOf: Day?, thresholds: Thresholds
    ) -> Status? {
        guard let actual, let target else { return nil }
        let expected = kpi.additiveOverTime && partial ? target * elapsedShare(of: period, asOf: asOf) : target
        guard expected > 0 else { return nil }
        let ratio: Double
        if kpi.definition.better == .lower {
            ratio = actual <= 0 ? .infinity : expected / actual
        } else {
            ratio = actual / expected
        }
        if ratio >= thresholds.onTrack { return .onTrack }
        return ratio >= thresholds.atRisk ? .atRisk : .behind
    }

    /// Days elapsed (as-of day included) over days in the period; 1 when the period is over or the date unknown.
    package static func elapsedShare(of period: Period, asOf: Day?) -> Double {
        guard let asOf, asOf < period.lastDay else { return 1 }
        guard asOf >= period.firstDay else { return 0 }
        let elapsed = Double(asOf.ordinal - period.firstDay.ordinal + 1)
        return elapsed / Double(period.lastDay.ordinal - period.firstDay.ordinal + 1)
    }
}
