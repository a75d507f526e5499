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
        var openChange = Array(repeating: Array(repeating: 0, count: monthCount + 1), count: data.team.reps.count)
        var pipelineChange = Array(repeating: Array(repeating: Cents(0), count: monthCount + 1), count: data.team.reps.count)
        var weightedChange = Array(repeating: Array(repeating: 0.0, count: monthCount + 1), count: data.team.reps.count)
        let repIndex = Dictionary(uniqueKeysWithValues: data.team.reps.enumerated().map { ($1.id, $0) })
        let asOfIndex = monthCount - 1

        for stored in data.deals {
            // Every deal as it stood on the as-of date: not there yet, or still open if it closed later.
            guard let rep = repIndex[stored.rep], let deal = stored.as(of: asOf) else { continue }
            let closed = deal.closed
            if let created = deal.created, created.monthNumber >= firstMonth {
                tallies[rep][created.monthNumber - firstMonth].created += 1
            }
            if let closed, deal.isWon || deal.isLost, closed.monthNumber >= firstMonth {
                let month = closed.monthNumber - firstMonth
                if deal.isWon {
                    tallies[rep][month].won += 1
                    tallies[rep][month].revenue += deal.amount ?? 0
                    if let created = deal.created {
                        tallies[rep][month].cycleDays += closed.ordinal - created.ordinal
                        tallies[rep][month].cycleCount += 1
                    }
                } else {
                    tallies[rep][month].lost += 1
                }
            }
            // Open from the month it was created (unknown: only at the as-of date) until the month it closed.
            let opens = deal.created.map { max($0.monthNumber - firstMonth, 0) } ?? asOfIndex
            let closes = (deal.isWon || deal.isLost) ? closed.map { $0.monthNumber - firstMonth } ?? monthCount : monthCount
            guard opens < closes else { continue }
            let weighted = Double(deal.amount ?? 0) * weight(deal)
            openChange[rep][opens] += 1
            openChange[rep][closes] -= 1
            pipelineChange[rep][opens] += deal.amount ?? 0
            pipelineChange[rep][closes] -= deal.amount ?? 0
            weightedChange[rep][opens] += weighted
            weightedChange[rep][closes] -= weighted
            if closes == monthCount, let expected = deal.expectedClose, expected > asOf {
                pending.append((rep, expected, weighted))
            }
        }
        for rep in tallies.indices {
            var open = 0
            var pipeline: Cents = 0
            var weighted = 0.0
            for month in 0..<monthCount {
                open += openChange[rep][month]
                pipeline += pipelineChange[rep][month]
                weighted += weightedChange[rep][month]
                tallies[rep][month].open = open
                tallies[rep][month].pipeline = pipeline
                tallies[rep][month].weighted = weighted
            }
        }
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
        self.tallies = tallies
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
