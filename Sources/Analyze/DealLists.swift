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

    package init() {}

    /// The lists of `deals` (as stored) for `period`, as of `asOf`.
    package init(_ deals: [Deal], period: Period, asOf: Day, firstMonth: Int, limit: Int) {
        self.init(DealFacts(deals, asOf: asOf), indices: Array(deals.indices), period: period, firstMonth: firstMonth, limit: limit)
    }

    /// The lists of the deals at `indices` of `facts` for `period`: integers are compared until the largest deals are
    /// known, and only those are made (a team's year holds hundreds of thousands of deals).
    package init(_ facts: DealFacts, indices: [Int], period: Period, firstMonth: Int, limit: Int) {
        let (start, last) = (Int32(clamping: max(period.firstMonth, firstMonth)), Int32(clamping: period.lastMonth))
        let stock = Int32(clamping: min(period.lastMonth, facts.asOf.monthNumber))
        let asOfMonth = Int32(clamping: facts.asOf.monthNumber)
        var won: [Int] = []
        var lost: [Int] = []
        var created: [Int] = []
        var open: [Int] = []
        for i in indices where facts.state[i] != .absent {
            let createdMonth = facts.created[i]
            if createdMonth >= start && createdMonth <= last { created.append(i) }
            let closed = facts.closed[i]
            if closed >= start && closed <= last {
                if facts.state[i] == .won { won.append(i) } else if facts.state[i] == .lost { lost.append(i) }
            }
            // Open from the month it was created (undated: the as-of month) until the month it closed, as `Monthly`
            // counts the stocks.
            if (createdMonth == DealFacts.undated ? asOfMonth : createdMonth) <= stock && closed > stock { open.append(i) }
        }
        self.won = facts.list(won, limit: limit)
        self.lost = facts.list(lost, limit: limit)
        self.created = facts.list(created, limit: limit)
        self.open = facts.list(open, limit: limit)
    }

    /// The list holding the deals behind a built-in KPI's figure (`won`, `lost`, `created`, `open`): win rate, average
    /// deal size and cycle are made from the won deals (win rate with the lost ones); nil for metrics of kpis.json.
    package static func list(behind kpi: String) -> String? { lists(behind: kpi).first }

    /// Every list a built-in KPI's figure is made from, the one a card links to first.
    package static func lists(behind kpi: String) -> [String] {
        switch kpi {
        case "win_rate": ["won", "lost"]
        case "revenue", "deals_won", "avg_deal_size", "cycle_days": ["won"]
        case "deals_lost": ["lost"]
        case "deals_created": ["created"]
        case "open_deals", "pipeline", "weighted_pipeline": ["open"]
        default: []
        }
    }
}

/// What the deal lists test of every deal, as it stood on the as-of date (`Deal.as(of:)`), in flat arrays of
/// integers: comparing strings and copying deals for each of thousands of pages would cost more than the pages.
package struct DealFacts: Sendable {
    package enum State: UInt8, Sendable { case absent, open, won, lost }
    /// The month number of a deal without a `created` date.
    static let undated = Int32.min

    let deals: [Deal]
    let asOf: Day
    /// Per deal: absent (created after the as-of date), open, won or lost on the as-of date.
    let state: [State]
    /// The month it was created (`undated` without a date), and the month it was won or lost (`Int32.max` while open,
    /// and for a deal won or lost without a date, which the figures count as open).
    let created: [Int32]
    let closed: [Int32]
    /// The amount in cents, -1 when unknown.
    let cents: [Int64]

    package init(_ deals: [Deal], asOf: Day) {
        (self.deals, self.asOf) = (deals, asOf)
        var state: [State] = []
        var created: [Int32] = []
        var closed: [Int32] = []
        var cents: [Int64] = []
        for stored in deals {
            let deal = stored.as(of: asOf)
            state.append(deal.map { $0.isWon ? .won : $0.isLost ? .lost : .open } ?? .absent)
            created.append(deal?.created.map { Int32(clamping: $0.monthNumber) } ?? Self.undated)
            closed.append(deal.flatMap { $0.isWon || $0.isLost ? $0.closed : nil }.map { Int32(clamping: $0.monthNumber) } ?? .max)
            cents.append(stored.amount ?? -1)
        }
        (self.state, self.created, self.closed, self.cents) = (state, created, closed, cents)
    }

    /// The list of the deals at `indices`: the `limit` largest (largest amount first, deals without one last, then by
    /// id), as they stood on the as-of date, and the count and amount of all.
    func list(_ indices: [Int], limit: Int) -> DealLists.List {
        let amount = indices.reduce(Cents(0)) { $0 + Cents(max(cents[$1], 0)) }
        // The largest `limit`, kept in order as the deals go by: a year of a large team holds hundreds of thousands,
        // and sorting them all for a hundred cost more than the page.
        func before(_ a: Int, _ b: Int) -> Bool { cents[a] != cents[b] ? cents[a] > cents[b] : deals[a].id < deals[b].id }
        var top: [Int] = []
        top.reserveCapacity(min(limit, indices.count) + 1)
        for i in indices where top.count < limit || before(i, top[top.count - 1]) {
            var low = 0
            var high = top.count
            while low < high {
                let middle = (low + high) / 2
                if before(top[middle], i) { low = middle + 1 } else { high = middle }
            }
            top.insert(i, at: low)
            if top.count > limit { top.removeLast() }
        }
        return DealLists.List(top: top.compactMap { deals[$0].as(of: asOf) }, count: indices.count, amount: amount)
    }
}
