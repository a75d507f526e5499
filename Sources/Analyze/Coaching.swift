import FieldbookModel

/// What a one-to-one should start with: the KPIs on which a rep is furthest behind, against their target (pro-rated
/// while the period is under way, as `Status` judges) or against their region's median (`PeerComparison.median`).
///
/// A KPI is behind its target when its pace ratio (`Status.pace`) is below the on-track threshold, and behind its
/// peers when its ratio to the region's median (`Status.ratio`) is below the at-risk threshold: below the median
/// alone is where half of every team stands. Counts that add up over time where lower is better (deals lost) are not
/// compared with peers: they grow with how much a rep sells, so the busiest rep would always look worst (the win rate
/// says it fairly). Of the two, the lower ratio counts. The KPIs are ordered by that ratio,
/// lowest first (ties in the order of the KPIs), and at most `limit` are kept.
package enum Coaching {
    package struct Focus: Sendable, Equatable {
        package enum Basis: Sendable, Equatable {
            /// Against the target due by now.
            case target
            /// Against the median of the rep's region.
            case peers
        }
        /// Index into the scoreboard's KPIs.
        package var kpi: Int
        package var basis: Basis
        package var ratio: Double
        /// The target due by now, or the region's median.
        package var reference: Double
    }

    package static func focus(
        _ figures: PeriodFigures, medians: [Double?], kpis: [KPI], asOf: Day?, thresholds: Status.Thresholds, limit: Int = 3
    ) -> [Focus] {
        var found: [Focus] = []
        for (k, kpi) in kpis.enumerated() {
            guard let actual = figures.actual[k] else { continue }
            var candidates: [Focus] = []
            if let pace = Status.pace(
                actual: actual, target: figures.target[k], kpi: kpi, period: figures.period, partial: figures.partial, asOf: asOf),
                pace.ratio < thresholds.onTrack
            {
                candidates.append(Focus(kpi: k, basis: .target, ratio: pace.ratio, reference: pace.expected))
            }
            let volumeCount = kpi.definition.better == .lower && kpi.additiveOverTime
            if !volumeCount, k < medians.count, let median = medians[k], median > 0 {
                let ratio = Status.ratio(actual, against: median, better: kpi.definition.better)
                if ratio < thresholds.atRisk { candidates.append(Focus(kpi: k, basis: .peers, ratio: ratio, reference: median)) }
            }
            if let worst = candidates.min(by: { $0.ratio < $1.ratio }) { found.append(worst) }
        }
        return Array(found.enumerated().sorted { ($0.element.ratio, $0.offset) < ($1.element.ratio, $1.offset) }.prefix(limit).map(\.element))
    }
}
