import FieldbookModel

/// The deals behind a period's deal figures for a group of reps: the lists a card's figure drills down to. Every deal
/// is taken as it stood on the as-of date (`Deal.as(of:)`), and each list follows the rule its figures are counted by
/// (`Monthly`), so a list's count and amount equal the figures of the same reps and period:
///
/// - **won**: won with `closed` in the period (revenue = its amount, deals won = its count; win rate, average deal
///   size and cycle are made from it and `lost`);
/// - **lost**: lost with `closed` in the period (deals lost);
/// - **created**: `created` in the period (deals created);
/// - **open**: open at the period's end, or on the as-of date while it is under way (open deals, pipeline). A deal
///   without a `created` date counts only on the as-of date, the one day it is known to have been open.
///
/// Only months from `firstMonth` on count, as in the figures. Each list keeps its `limit` largest deals (largest
/// amount first, deals without one last, then by id) and the count and amount of all of them.
package struct DealLists: Sendable, Equatable {
    package struct List: Sendable, Equatable {
        /// The largest deals, as they stood on the as-of date.
        package var top: [Deal] = []
        package var count = 0
        /// The sum of the known amounts, in cents.
        package var amount: Cents = 0
    }

    package var won = List()
    package var lost = List()
    package var created = List()
    package var open = List()

    /// The lists of `deals` (the reps' deals, as stored) for `period`, as of `asOf`.
    package init(_ deals: some Sequence<Deal>, period: Period, asOf: Day, firstMonth: Int, limit: Int) {
        let start = max(period.firstMonth, firstMonth)
        let stockMonth = min(period.lastMonth, asOf.monthNumber)
        var won: [Deal] = []
        var lost: [Deal] = []
        var created: [Deal] = []
        var open: [Deal] = []
        for stored in deals {
            guard let deal = stored.as(of: asOf) else { continue }
            if let day = deal.created, day.monthNumber >= start, day.monthNumber <= period.lastMonth { created.append(deal) }
            if let closed = deal.closed, closed.monthNumber >= start, closed.monthNumber <= period.lastMonth {
                if deal.isWon { won.append(deal) } else if deal.isLost { lost.append(deal) }
            }
            if Self.isOpen(deal, atEndOf: stockMonth, asOf: asOf) { open.append(deal) }
        }
        self.won = Self.list(won, limit: limit)
        self.lost = Self.list(lost, limit: limit)
        self.created = Self.list(created, limit: limit)
        self.open = Self.list(open, limit: limit)
    }

    /// The list holding the deals behind a built-in KPI's figure (`won`, `lost`, `created`, `open`): win rate, average
    /// deal size and cycle are made from the won deals (win rate with the lost ones); nil for metrics of kpis.json.
    package static func list(behind kpi: String) -> String? {
        switch kpi {
        case "revenue", "deals_won", "win_rate", "avg_deal_size", "cycle_days": "won"
        case "deals_lost": "lost"
        case "deals_created": "created"
        case "open_deals", "pipeline", "weighted_pipeline": "open"
        default: nil
        }
    }

    /// Open at the end of `month` (the as-of date in its month): created by then (undated: only in the as-of month),
    /// and not won or lost by then; as `Monthly` counts the stocks.
    static func isOpen(_ deal: Deal, atEndOf month: Int, asOf: Day) -> Bool {
        let opens = deal.created?.monthNumber ?? asOf.monthNumber
        guard opens <= month else { return false }
        guard deal.isWon || deal.isLost else { return true }
        return deal.closed.map { $0.monthNumber > month } ?? true
    }

    private static func list(_ deals: [Deal], limit: Int) -> List {
        let top = deals.sorted { ($0.amount ?? -1, $1.id) > ($1.amount ?? -1, $0.id) }.prefix(limit)
        return List(top: Array(top), count: deals.count, amount: deals.reduce(0) { $0 + ($1.amount ?? 0) })
    }
}
