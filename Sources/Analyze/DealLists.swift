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
        self.init(DealFacts(deals, asOf: asOf, groups: [Array(deals.indices)]), groups: [0], period: period, firstMonth: firstMonth, limit: limit)
    }

    /// The lists of the deals of `groups` (indices into `facts.groups`: a page's reps) for `period`: integers are
    /// compared until the largest deals are known, and only those are made (a team's year holds hundreds of thousands
    /// of deals).
    package init(_ facts: DealFacts, groups: [Int], period: Period, firstMonth: Int, limit: Int) {
        let (start, last) = (Int32(clamping: max(period.firstMonth, firstMonth)), Int32(clamping: period.lastMonth))
        let stock = Int32(clamping: min(period.lastMonth, facts.asOf.monthNumber))
        let asOfMonth = Int32(clamping: facts.asOf.monthNumber)
        var won = DealFacts.Selection(limit: limit)
        var lost = DealFacts.Selection(limit: limit)
        var created = DealFacts.Selection(limit: limit)
        var open = DealFacts.Selection(limit: limit)
        // A deal last seen (created, won or lost) before this is in none of the lists: not created, closed or open in
        // the period. `latestAhead` tells when a whole window of a group's deals is.
        let threshold = min(start, stock &+ 1)
        facts.hot.withUnsafeBufferPointer { hot in
            for group in groups {
                let range = facts.groups[group]
                var position = range.lowerBound
                while position < range.upperBound {
                    if facts.latestAhead[position] < threshold {
                        position += DealFacts.window
                        continue
                    }
                    defer { position += 1 }
                    let fact = hot[position]
                    // A group's deals are in order of the first month they could count in: none after `last` can.
                    if fact.earliest > last { break }
                    if fact.state == .absent { continue }
                    if fact.created >= start && fact.created <= last { created.add(position, facts) }
                    if fact.closed >= start && fact.closed <= last {
                        if fact.state == .won { won.add(position, facts) } else if fact.state == .lost { lost.add(position, facts) }
                    }
                    // Open from the month it was created (undated: the as-of month) until the month it closed, as
                    // `Monthly` counts the stocks.
                    if (fact.created == DealFacts.undated ? asOfMonth : fact.created) <= stock && fact.closed > stock { open.add(position, facts) }
                }
            }
        }
        self.won = facts.list(won)
        self.lost = facts.list(lost)
        self.created = facts.list(created)
        self.open = facts.list(open)
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

/// What the deal lists test of every deal, as it stood on the as-of date (`Deal.as(of:)`), as integers laid out group
/// by group (a rep's deals side by side): comparing strings, copying deals and gathering from a million scattered
/// places for each of thousands of pages would cost more than the pages.
package struct DealFacts: Sendable {
    package enum State: UInt8, Sendable { case absent, open, won, lost }
    /// The month number of a deal without a `created` date.
    static let undated = Int32.min

    /// What a list tests of one deal, apart from the rest, so that scanning a group reads as little as it can.
    struct Hot {
        /// The month it was created (`undated` without a date), and the month it was won or lost (`Int32.max` while
        /// open, and for a deal won or lost without a date, which the figures count as open).
        var created: Int32
        var closed: Int32
        /// Absent (created after the as-of date), open, won or lost on the as-of date.
        var state: State

        /// The first month in whose lists the deal can be: it is in none of a period ending before.
        var earliest: Int32 { min(created, closed) }
        /// The last month the deal was created, won or lost in (`Int32.max` while it is open).
        var latest: Int32 { max(created, closed) }
    }

    let deals: [Deal]
    let asOf: Day
    /// Per deal, group after group, each group's in order of `earliest`: what the lists test, the amount in cents (-1
    /// when unknown) and the deal's index.
    let hot: [Hot]
    let cents: [Int64]
    let index: [Int32]
    /// Per deal, the latest month in which any of its group's next `window` deals (it and those after it) was created,
    /// won or lost, or is open: a scan passes over the window when that is before its period.
    let latestAhead: [Int32]
    static let window = 16
    /// Where each group's deals are (a deal in no group is in none).
    let groups: [Range<Int>]

    /// The facts of `deals` as of `asOf`, for the deals at each of `groups`' indices.
    package init(_ deals: [Deal], asOf: Day, groups: [[Int]]) {
        (self.deals, self.asOf) = (deals, asOf)
        let facts = deals.map { stored in
            let deal = stored.as(of: asOf)
            return Hot(
                created: deal?.created.map { Int32(clamping: $0.monthNumber) } ?? Self.undated,
                closed: deal.flatMap { $0.isWon || $0.isLost ? $0.closed : nil }.map { Int32(clamping: $0.monthNumber) } ?? .max,
                state: deal.map { $0.isWon ? .won : $0.isLost ? .lost : .open } ?? .absent)
        }
        var order: [Int] = []
        order.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        var ranges: [Range<Int>] = []
        for group in groups {
            let first = order.count
            order += group.sorted { facts[$0].earliest != facts[$1].earliest ? facts[$0].earliest < facts[$1].earliest : $0 < $1 }
            ranges.append(first..<order.count)
        }
        let hot = order.map { facts[$0] }
        self.hot = hot
        self.cents = order.map { deals[$0].amount ?? -1 }
        self.index = order.map { Int32($0) }
        self.groups = ranges
        var ahead = hot.map(\.latest)
        for range in ranges {
            for position in range {
                for next in (position + 1)..<min(position + Self.window, range.upperBound) {
                    ahead[position] = max(ahead[position], hot[next].latest)
                }
            }
        }
        self.latestAhead = ahead
    }

    /// One list as its deals go by: their count and amount, and the positions of the `limit` largest, kept in order.
    struct Selection {
        let limit: Int
        var top: [Int] = []
        var count = 0
        var amount: Cents = 0

        init(limit: Int) { self.limit = limit }

        mutating func add(_ position: Int, _ facts: DealFacts) {
            count += 1
            amount += max(facts.cents[position], 0)
            guard top.count < limit || facts.before(position, top[top.count - 1]) else { return }
            var (low, high) = (0, top.count)
            while low < high {
                let middle = (low + high) / 2
                if facts.before(top[middle], position) { low = middle + 1 } else { high = middle }
            }
            top.insert(position, at: low)
            if top.count > limit { top.removeLast() }
        }
    }

    /// Whether the deal at `a` comes before the one at `b` in a list: the larger amount first, deals without one last,
    /// then by id (strings compared only on a tie).
    func before(_ a: Int, _ b: Int) -> Bool {
        cents[a] != cents[b] ? cents[a] > cents[b] : deals[Int(index[a])].id < deals[Int(index[b])].id
    }

    /// The list a selection made: its largest deals as they stood on the as-of date, and the count and amount of all.
    func list(_ selection: Selection) -> DealLists.List {
        DealLists.List(
            top: selection.top.compactMap { deals[Int(index[$0])].as(of: asOf) }, count: selection.count, amount: selection.amount)
    }
}
