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
        guard let pace = pace(actual: actual, target: target, kpi: kpi, period: period, partial: partial, asOf: asOf) else { return nil }
        if pace.ratio >= thresholds.onTrack { return .onTrack }
        return pace.ratio >= thresholds.atRisk ? .atRisk : .behind
    }

    /// The ratio `of` judges by (actual ÷ the target due by now; due ÷ actual where lower is better) and the target due
    /// by now (pro-rated for KPIs that add up over time while the period is under way).
    package static func pace(
        actual: Double?, target: Double?, kpi: KPI, period: Period, partial: Bool, asOf: Day?
    ) -> (ratio: Double, expected: Double)? {
        guard let actual, let target else { return nil }
        let expected = kpi.additiveOverTime && partial ? target * elapsedShare(of: period, asOf: asOf) : target
        guard expected > 0 else { return nil }
        return (ratio(actual, against: expected, better: kpi.definition.better), expected)
    }

    /// How `actual` stands against `reference` (a target or a median) as a share: actual ÷ reference, or reference ÷
    /// actual where lower is better (infinite for a non-positive actual: nothing is better than none).
    package static func ratio(_ actual: Double, against reference: Double, better: KPIDefinition.Better) -> Double {
        better == .lower ? (actual <= 0 ? .infinity : reference / actual) : actual / reference
    }

    /// Days elapsed (as-of day included) over days in the period; 1 when the period is over or the date unknown.
    package static func elapsedShare(of period: Period, asOf: Day?) -> Double {
        guard let asOf, asOf < period.lastDay else { return 1 }
        guard asOf >= period.firstDay else { return 0 }
        let elapsed = Double(asOf.ordinal - period.firstDay.ordinal + 1)
        return elapsed / Double(period.lastDay.ordinal - period.firstDay.ordinal + 1)
    }
}
