import FieldbookModel

/// Per rep and month: the tallies of deals and metrics, built in one pass over the data (its deals, or the rollups a
/// warehouse made of them).
struct Monthly {
    /// `tallies[rep][month - firstMonth]`. The weighted pipeline is only in the as-of month's tally: without stage
    /// history it is known only on the as-of date.
    var tallies: [[Tally]]
    /// Per rep and month of expected close: the weighted cents of deals open on the as-of date expected to close after
    /// it.
    var pending: [(rep: Int, month: Int, cents: Double)] = []

    init(_ data: PerformanceData, firstMonth: Int, asOf: Day, weight: (Deal) -> Double) {
        let monthCount = asOf.monthNumber - firstMonth + 1
        var tallies = Self.empty(data, months: monthCount)
        // Stocks change where a deal opens and where it closes: record the changes, then sum them month by month.
        var stocks = StockChanges(reps: data.team.reps.count, months: monthCount)
        let repIndex = Dictionary(uniqueKeysWithValues: data.team.reps.enumerated().map { ($1.id, $0) })
        let asOfIndex = monthCount - 1

        for stored in data.deals {
            // Every deal as it stood on the as-of date: not there yet, or still open if it closed later.
            guard let rep = repIndex[stored.rep], let deal = stored.as(of: asOf) else { continue }
            Self.count(deal, in: &tallies[rep], firstMonth: firstMonth)
            // Open from the month it was created (unknown: only at the as-of date) until the month it closed.
            let opens = deal.created.map { max($0.monthNumber - firstMonth, 0) } ?? asOfIndex
            let closes = (deal.isWon || deal.isLost) ? deal.closed.map { $0.monthNumber - firstMonth } ?? monthCount : monthCount
            guard opens < closes else { continue }
            stocks.record(rep: rep, opens: opens, closes: closes, cents: deal.amount ?? 0)
            guard closes == monthCount else { continue }
            let weighted = Double(deal.amount ?? 0) * weight(deal)
            tallies[rep][asOfIndex].weighted += weighted
            if let expected = deal.expectedClose, expected > asOf { pending.append((rep, expected.monthNumber, weighted)) }
        }
        stocks.sum(into: &tallies)
        Self.addMetrics(of: data, repIndex: repIndex, firstMonth: firstMonth, asOf: asOf, to: &tallies)
        self.tallies = tallies
    }

    /// The same tallies from a warehouse's rollups, whose rows count each rep's deals per month (`Rollups.months`):
    /// a month's flows from its row, the stocks of its row or else of the rep's last row before it.
    init(_ data: PerformanceData, rollups: Rollups, firstMonth: Int, asOf: Day) {
        let monthCount = asOf.monthNumber - firstMonth + 1
        var tallies = Self.empty(data, months: monthCount)
        let repIndex = Dictionary(uniqueKeysWithValues: data.team.reps.enumerated().map { ($1.id, $0) })
        var byRep = Array(repeating: [Rollups.Row](), count: data.team.reps.count)
        for row in rollups.months { if let rep = repIndex[row.rep] { byRep[rep].append(row) } }
        for (rep, unsorted) in byRep.enumerated() {
            let rows = unsorted.sorted { $0.month < $1.month }
            for row in rows where row.month >= asOf.monthNumber && row.pending != 0 { pending.append((rep, row.month, row.pending)) }
            var next = 0
            var stock = (open: 0, pipeline: Cents(0))
            for index in 0..<monthCount {
                // Rows before the first month shown carry only their stocks into it.
                while next < rows.count, rows[next].month <= firstMonth + index {
                    stock = (rows[next].counts.open, rows[next].counts.pipeline)
                    if rows[next].month == firstMonth + index {
                        tallies[rep][index] = Tally(metrics: data.metricDefinitions.count, counts: rows[next].counts)
                        if index == monthCount - 1 { tallies[rep][index].weighted = rows[next].weighted }
                    }
                    next += 1
                }
                (tallies[rep][index].open, tallies[rep][index].pipeline) = stock
            }
        }
        Self.addMetrics(of: data, repIndex: repIndex, firstMonth: firstMonth, asOf: asOf, to: &tallies)
        self.tallies = tallies
    }

    private static func empty(_ data: PerformanceData, months: Int) -> [[Tally]] {
        Array(repeating: Array(repeating: Tally(metrics: data.metricDefinitions.count), count: months), count: data.team.reps.count)
    }

    /// Counts a deal in the months it was created and closed (won or lost): the flows, as opposed to the stocks.
    private static func count(_ deal: Deal, in tallies: inout [Tally], firstMonth: Int) {
        if let created = deal.created, created.monthNumber >= firstMonth {
            tallies[created.monthNumber - firstMonth].created += 1
        }
        guard let closed = deal.closed, deal.isWon || deal.isLost, closed.monthNumber >= firstMonth else { return }
        let month = closed.monthNumber - firstMonth
        if deal.isWon {
            tallies[month].won += 1
            tallies[month].revenue += deal.amount ?? 0
            if let created = deal.created {
                tallies[month].cycleDays += closed.ordinal - created.ordinal
                tallies[month].cycleCount += 1
            }
        } else {
            tallies[month].lost += 1
        }
    }

    /// Adds each rep's monthly metric records, from `firstMonth` to the as-of month, to their months' tallies.
    private static func addMetrics(of data: PerformanceData, repIndex: [String: Int], firstMonth: Int, asOf: Day, to tallies: inout [[Tally]]) {
        let metricIndex = Dictionary(uniqueKeysWithValues: data.metricDefinitions.enumerated().map { ($1.id, $0) })
        for record in data.metrics {
            guard let rep = repIndex[record.rep], record.month >= firstMonth, record.month <= asOf.monthNumber else { continue }
            for (id, value) in record.values {
                guard let m = metricIndex[id] else { continue }
                tallies[rep][record.month - firstMonth].metricSum[m] += value
                tallies[rep][record.month - firstMonth].metricCount[m] += 1
                tallies[rep][record.month - firstMonth].metricLast[m] = value
            }
        }
    }

    /// For each period under way: per rep, the weighted cents of open deals expected to close in its remaining days.
    func forecastAdditions(for periods: [Period]) -> [Period: [Double]] {
        var additions: [Period: [Double]] = [:]
        for period in periods {
            var perRep = Array(repeating: 0.0, count: tallies.count)
            for deal in pending where deal.month <= period.lastMonth { perRep[deal.rep] += deal.cents }
            additions[period] = perRep
        }
        return additions
    }
}

/// Where each rep's open deals and pipeline change, by month: a deal adds where it opens and
/// subtracts where it closes, so one pass over the deals and one over the months give every month's stocks. Each is
/// `[rep][month]`, with one month past the last for deals still open.
private struct StockChanges {
    var open: [[Int]]
    var pipeline: [[Cents]]

    init(reps: Int, months: Int) {
        open = Array(repeating: Array(repeating: 0, count: months + 1), count: reps)
        pipeline = Array(repeating: Array(repeating: Cents(0), count: months + 1), count: reps)
    }

    /// Records a deal open in months `opens..<closes`.
    mutating func record(rep: Int, opens: Int, closes: Int, cents: Cents) {
        open[rep][opens] += 1
        open[rep][closes] -= 1
        pipeline[rep][opens] += cents
        pipeline[rep][closes] -= cents
    }

    /// Sets each month's stocks in `tallies` to the sum of the changes up to it.
    func sum(into tallies: inout [[Tally]]) {
        for rep in tallies.indices {
            var open = 0
            var pipeline: Cents = 0
            for month in tallies[rep].indices {
                open += self.open[rep][month]
                pipeline += self.pipeline[rep][month]
                tallies[rep][month].open = open
                tallies[rep][month].pipeline = pipeline
            }
        }
    }
}
