import FieldbookModel

/// Per rep and month: the tallies of deals and metrics, built in one pass over the data.
struct Monthly {
    /// `tallies[rep][month - firstMonth]`.
    var tallies: [[Tally]]
    /// Open deals at the as-of date with an expected close after it: rep index, expected close, weighted cents.
    var pending: [(rep: Int, expected: Day, cents: Double)] = []

    init(_ data: PerformanceData, firstMonth: Int, asOf: Day, weight: (Deal) -> Double) {
        let monthCount = asOf.monthNumber - firstMonth + 1
        let metricCount = data.metricDefinitions.count
        var tallies = Array(repeating: Array(repeating: Tally(metrics: metricCount), count: monthCount), count: data.team.reps.count)
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
            let weighted = Double(deal.amount ?? 0) * weight(deal)
            stocks.record(rep: rep, opens: opens, closes: closes, cents: deal.amount ?? 0, weighted: weighted)
            if closes == monthCount, let expected = deal.expectedClose, expected > asOf {
                pending.append((rep, expected, weighted))
            }
        }
        stocks.sum(into: &tallies)
        Self.addMetrics(of: data, repIndex: repIndex, firstMonth: firstMonth, asOf: asOf, to: &tallies)
        self.tallies = tallies
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
            for deal in pending where deal.expected <= period.lastDay { perRep[deal.rep] += deal.cents }
            additions[period] = perRep
        }
        return additions
    }
}

/// Where each rep's open deals, pipeline and weighted pipeline change, by month: a deal adds where it opens and
/// subtracts where it closes, so one pass over the deals and one over the months give every month's stocks. Each is
/// `[rep][month]`, with one month past the last for deals still open.
private struct StockChanges {
    var open: [[Int]]
    var pipeline: [[Cents]]
    var weighted: [[Double]]

    init(reps: Int, months: Int) {
        open = Array(repeating: Array(repeating: 0, count: months + 1), count: reps)
        pipeline = Array(repeating: Array(repeating: Cents(0), count: months + 1), count: reps)
        weighted = Array(repeating: Array(repeating: 0.0, count: months + 1), count: reps)
    }

    /// Records a deal open in months `opens..<closes`.
    mutating func record(rep: Int, opens: Int, closes: Int, cents: Cents, weighted amount: Double) {
        open[rep][opens] += 1
        open[rep][closes] -= 1
        pipeline[rep][opens] += cents
        pipeline[rep][closes] -= cents
        weighted[rep][opens] += amount
        weighted[rep][closes] -= amount
    }

    /// Sets each month's stocks in `tallies` to the sum of the changes up to it.
    func sum(into tallies: inout [[Tally]]) {
        for rep in tallies.indices {
            var open = 0
            var pipeline: Cents = 0
            var weighted = 0.0
            for month in tallies[rep].indices {
                open += self.open[rep][month]
                pipeline += self.pipeline[rep][month]
                weighted += self.weighted[rep][month]
                tallies[rep][month].open = open
                tallies[rep][month].pipeline = pipeline
                tallies[rep][month].weighted = weighted
            }
        }
    }
}
