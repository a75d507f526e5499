/// Deal tallies aggregated in a warehouse by `sql/rollups.sql` (`content/data/rollups.json`, written by
/// `fieldbook import rollups`), in place of `deals.json`: what the KPI engine counts of every deal, summed per rep and
/// month, and per rep over the few day spans a period under way is compared with. Every deal is counted as it stood
/// on `asOf`, by the rules of the KPI engine (docs/warehouse.md), so a portal built from rollups publishes the figures
/// a portal built from the same deals would.
package struct Rollups: Sendable, Equatable {
    /// What one row counts over its days: flows within them, stocks at their end.
    package struct Counts: Sendable, Equatable {
        /// Deals created within the days.
        package var created = 0
        /// Deals won and lost with `closed` within the days; the amounts of the won ones.
        package var won = 0
        package var lost = 0
        package var revenue: Cents = 0
        /// Days from `created` to `closed` summed over the won deals with a `created` date, and how many those are.
        package var cycleDays = 0
        package var cycleCount = 0
        /// Deals open at the end of the days, and their amounts.
        package var open = 0
        package var pipeline: Cents = 0

        package init() {}
    }

    /// One rep's month (`kind` month) or span of days the portal compares with (`kind` window).
    package struct Row: Sendable, Equatable {
        package var rep: String
        /// The first and last day counted: a whole month, or a window of `fieldbook warehouse`.
        package var first: Day
        package var last: Day
        package var counts: Counts
        /// On the as-of month's row: amount × probability of the deals open on the as-of date, in cents.
        package var weighted = 0.0
        /// On a month's row: amount × probability, in cents, of the deals open on the as-of date whose
        /// `expected_close` falls in this month after the as-of date (what the pipeline forecast adds).
        package var pending = 0.0

        package init(rep: String, first: Day, last: Day, counts: Counts, weighted: Double = 0, pending: Double = 0) {
            self.rep = rep
            self.first = first
            self.last = last
            self.counts = counts
            self.weighted = weighted
            self.pending = pending
        }

        /// The month number of a month's row.
        package var month: Int { first.monthNumber }
    }

    /// The date the query counted every deal as of.
    package var asOf: Day
    /// Per rep and month with any deal created or closed in it (the as-of month for every rep with open deals, and
    /// the months of expected closes after it): a month without a row has no flows, and its stocks are those of the
    /// rep's last row before it.
    package var months: [Row]
    /// Per rep and window of days (`fieldbook warehouse` writes them): counted by day, not by month.
    package var windows: [Row]

    package init(asOf: Day, months: [Row], windows: [Row]) {
        self.asOf = asOf
        self.months = months
        self.windows = windows
    }
}
