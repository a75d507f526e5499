import FieldbookModel

/// Running totals for a rep, or a group of reps, over a month or a longer period: the raw material of every KPI.
///
/// Flows (revenue, counts, cycle days, metric sums) add up over months; stocks (open deals, pipeline) are taken at
/// the end of the span. Over people, both add up.
struct Tally {
    var revenue: Cents = 0
    var won = 0
    var lost = 0
    var created = 0
    var cycleDays = 0
    var cycleCount = 0
    var open = 0
    var pipeline: Cents = 0
    /// Amount × probability, in cents.
    var weighted = 0.0
    /// Per metric of kpis.json: sum and count of monthly records, the latest month's value, and over people the sum
    /// and count of each person's latest value.
    var metricSum: [Double]
    var metricCount: [Int]
    var metricLast: [Double?]
    var lastSum: [Double]
    var lastCount: [Int]

    init(metrics: Int) {
        metricSum = Array(repeating: 0, count: metrics)
        metricCount = Array(repeating: 0, count: metrics)
        metricLast = Array(repeating: nil, count: metrics)
        lastSum = Array(repeating: 0, count: metrics)
        lastCount = Array(repeating: 0, count: metrics)
    }

    /// A tally of the counts of a warehouse's rollup row (`Rollups.Counts`): its flows, and its stocks at its end.
    init(metrics: Int, counts: Rollups.Counts) {
        self.init(metrics: metrics)
        (created, won, lost, revenue) = (counts.created, counts.won, counts.lost, counts.revenue)
        (cycleDays, cycleCount, open, pipeline) = (counts.cycleDays, counts.cycleCount, counts.open, counts.pipeline)
    }

    /// Extends one rep's tally by the following month.
    mutating func append(month later: Tally) {
        revenue += later.revenue
        won += later.won
        lost += later.lost
        created += later.created
        cycleDays += later.cycleDays
        cycleCount += later.cycleCount
        open = later.open
        pipeline = later.pipeline
        weighted = later.weighted
        appendMetrics(of: later)
    }

    /// Extends one rep's metric figures by the following month's.
    mutating func appendMetrics(of later: Tally) {
        for index in metricSum.indices {
            metricSum[index] += later.metricSum[index]
            metricCount[index] += later.metricCount[index]
            metricLast[index] = later.metricLast[index] ?? metricLast[index]
        }
    }

    /// Ends a rep's span: its latest metric values become the ones a group adds up.
    mutating func closeRepSpan() {
        for index in metricLast.indices {
            lastSum[index] = metricLast[index] ?? 0
            lastCount[index] = metricLast[index] == nil ? 0 : 1
        }
    }

    /// Adds another person's (or group's) tally over the same period.
    mutating func add(_ other: Tally) {
        revenue += other.revenue
        won += other.won
        lost += other.lost
        created += other.created
        cycleDays += other.cycleDays
        cycleCount += other.cycleCount
        open += other.open
        pipeline += other.pipeline
        weighted += other.weighted
        for index in metricSum.indices {
            metricSum[index] += other.metricSum[index]
            metricCount[index] += other.metricCount[index]
            lastSum[index] += other.lastSum[index]
            lastCount[index] += other.lastCount[index]
        }
    }
}
