import FieldbookModel

/// Like-for-like comparisons for the periods still under way.
///
/// A period under way is compared with the same number of its days at the start of the period before it and of the
/// same period a year earlier: 20 November to date (20 days) against 1–20 October and 1–20 November a year before;
/// the quarter's first 51 days against the previous quarter's first 51. A span longer than its period ends with the
/// period (31 March against 1–28 February). Comparing half a quarter with a whole one would read as a fall every time.
///
/// Deal figures are counted by day, with the rules of `Monthly` (every deal as it stood on the as-of date; a deal
/// with no `created` date is open only at the as-of date). Metrics come by month, so they compare the same number of
/// whole months. The weighted pipeline has no comparison: the stage history it needs is not in the data.
struct LikeForLike {
    /// One span to tally: the first days (and months, for metrics) of a period compared with one under way.
    struct Span: Hashable {
        var firstDay: Day
        var lastDay: Day
        var firstMonth: Int
        var lastMonth: Int
        /// The first and last day as ordinals, compared with every deal's.
        var first: Int
        var last: Int

        init(firstDay: Day, lastDay: Day, firstMonth: Int, lastMonth: Int) {
            (self.firstDay, self.lastDay, self.firstMonth, self.lastMonth) = (firstDay, lastDay, firstMonth, lastMonth)
            (first, last) = (firstDay.ordinal, lastDay.ordinal)
        }
    }

    /// The span each comparison of a period under way is made against, by the compared period.
    private(set) var spans: [Period: Int] = [:]
    private var spanList: [Span] = []
    /// `tallies[rep][span]`.
    private(set) var tallies: [[Tally]] = []

    /// Spans for every period of `periods` under way on `asOf`, against `comparisons` of each (the previous period, the
    /// one a year earlier) that are themselves among `periods`.
    init(periods: [Period], asOf: Day, comparisons: (Period) -> [Period]) {
        var list: [Span] = []
        let shown = Set(periods)
        for period in periods where period.firstDay <= asOf && asOf < period.lastDay {
            let elapsed = asOf.ordinal - period.firstDay.ordinal
            for compared in comparisons(period) where shown.contains(compared) && spans[compared] == nil {
                spans[compared] = list.count
                list.append(
                    Span(
                        firstDay: compared.firstDay, lastDay: min(compared.firstDay.advanced(by: elapsed), compared.lastDay),
                        firstMonth: compared.firstMonth, lastMonth: compared.firstMonth + asOf.monthNumber - period.firstMonth))
            }
        }
        spanList = list
    }

    /// Every span a portal with the as-of date `asOf` may compare with, whatever months its data covers: the days
    /// `fieldbook warehouse` asks the warehouse to count (`Rollups.windows`), in order, each once (a year's first
    /// quarter and the year, compared early in both, share their days).
    static func windows(asOf: Day, calendar: FiscalCalendar) -> [(first: Day, last: Day)] {
        let periods = Period.Kind.allCases.map { calendar.period($0, containing: asOf.monthNumber) }
        let all = LikeForLike(periods: periods.flatMap { [$0, $0.previous, $0.yearEarlier] }, asOf: asOf) { [$0.previous, $0.yearEarlier] }
        var seen: Set<[Day]> = []
        return all.spanList.filter { seen.insert([$0.firstDay, $0.lastDay]).inserted }.map { ($0.firstDay, $0.lastDay) }
    }

    /// Tallies every rep's spans: deals day by day, metrics from the monthly tallies (`months[rep][month - firstMonth]`).
    mutating func count(_ data: PerformanceData, asOf: Day, months: [[Tally]], firstMonth: Int) {
        guard !spanList.isEmpty else { return }
        let metricCount = data.metricDefinitions.count
        var tallies = Array(repeating: Array(repeating: Tally(metrics: metricCount), count: spanList.count), count: data.team.reps.count)
        let repIndex = Dictionary(uniqueKeysWithValues: data.team.reps.enumerated().map { ($1.id, $0) })
        if let rollups = data.rollups {
            // The warehouse counted each span (`Rollups.windows`) by the same rules as `count` below.
            // Two comparisons may share their days (a year's first quarter and the year, early in both).
            for row in rollups.windows {
                guard let rep = repIndex[row.rep] else { continue }
                for (s, span) in spanList.enumerated() where span.firstDay == row.first && span.lastDay == row.last {
                    tallies[rep][s] = Tally(metrics: metricCount, counts: row.counts)
                }
            }
        }
        for stored in data.deals {
            guard let rep = repIndex[stored.rep], let deal = stored.as(of: asOf) else { continue }
            let created = deal.created?.ordinal
            let closed = (deal.isWon || deal.isLost) ? deal.closed?.ordinal : nil
            for (s, span) in spanList.enumerated() {
                Self.count(deal, created: created, closed: closed, in: span, to: &tallies[rep][s])
            }
        }
        for rep in tallies.indices {
            for (s, span) in spanList.enumerated() {
                for month in span.firstMonth...span.lastMonth where month >= firstMonth && month - firstMonth < months[rep].count {
                    tallies[rep][s].appendMetrics(of: months[rep][month - firstMonth])
                }
                tallies[rep][s].closeRepSpan()
            }
        }
        self.tallies = tallies
    }

    /// Counts one deal (as of the as-of date, its days as ordinals) in a span: what it added within the span's days, and
    /// whether it was open at the span's last day.
    private static func count(_ deal: Deal, created: Int?, closed: Int?, in span: Span, to tally: inout Tally) {
        if let created, created >= span.first, created <= span.last { tally.created += 1 }
        if let closed, closed >= span.first, closed <= span.last {
            if deal.isWon {
                tally.won += 1
                tally.revenue += deal.amount ?? 0
                if let created {
                    tally.cycleDays += closed - created
                    tally.cycleCount += 1
                }
            } else {
                tally.lost += 1
            }
        }
        if let created, created <= span.last, closed.map({ $0 > span.last }) ?? true {
            tally.open += 1
            tally.pipeline += deal.amount ?? 0
        }
    }

    /// The tally of a group of reps over the span a period is compared against; nil when there is none.
    func tally(against compared: Period, members: [Int], metrics: Int) -> Tally? {
        guard let s = spans[compared] else { return nil }
        return members.reduce(into: Tally(metrics: metrics)) { $0.add(tallies[$1][s]) }
    }
}
