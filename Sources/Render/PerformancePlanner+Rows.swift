import FieldbookModel

/// Rows of reps and deals in tables.
extension PerformancePlanner {
    /// Every rep's row for period `p`, in team order, with their rank in the team; `trend` adds each rep's revenue
    /// sparkline of the last 13 months (the current period's tables).
    func rows(_ p: Int, trend: Bool) -> [RepRowView] {
        data.team.reps.indices.map { row($0, p, rank: board.reps[$0].periods[p].rankInTeam, trend: trend) }
    }

    /// A rep's row for period `p`, showing `rank`: in the team, the region or the manager's reps, as the page means.
    func row(_ index: Int, _ p: Int, rank: Int?, trend: Bool) -> RepRowView {
        let rep = data.team.reps[index]
        let figures = board.reps[index].periods[p]
        let status = status(figures, revenue)
        let winRate = self.winRate.flatMap { figures.actual[$0] }
        let sales = revenue(of: figures) ?? 0
        let attainment = revenueAttainment(of: figures)
        let sparkline =
            trend
            ? charts.sparkline(
                id: "trend-\(rep.id)", title: "\(rep.name): \(labels["revenue"]), \(labels["last12Months"])",
                points: trendMonths(p).map {
                    ChartPoint(format.period(board.periods[$0], calendar: board.calendar), revenue(of: board.reps[index].periods[$0]))
                },
                format: { [format] in format.money($0, compact: true) }) : nil
        return RepRowView(
            rank: rank.map(String.init) ?? "", name: rep.name, url: repURL(rep.id), region: repPlaces[index].region,
            manager: repPlaces[index].manager, revenue: Figure(sales, text: format.money(sales), sortDecimals: 2),
            target: revenueTarget(of: figures).map { format.money($0) } ?? "–",
            attainment: Figure(attainment, text: attainment.map(format.percent) ?? "–"), status: status,
            statusText: status.map(statusText), winRate: Figure(winRate, text: winRate.map(format.percent) ?? "–"), trend: sparkline)
    }

    /// The rows of reps (index, rank) in rank order, then by name, unranked last, each showing that rank; `rows`
    /// (every rep's, in team order) when made already, else each row is made here, without a trend.
    func ranked(_ reps: [(index: Int, rank: Int?)], _ p: Int, rows: [RepRowView]?, limit: Int = .max) -> [RepRowView] {
        let names = data.team.reps
        return reps.sorted { ($0.rank ?? .max, names[$0.index].name) < ($1.rank ?? .max, names[$1.index].name) }.prefix(limit).map { rep in
            guard var made = rows?[rep.index] else { return row(rep.index, p, rank: rep.rank, trend: false) }
            made.rank = rep.rank.map(String.init) ?? ""
            return made
        }
    }

    /// Reps behind or at risk on revenue in period `p`, lowest attainment first (then by name), at most ten, with
    /// their rank in the team.
    func atRisk(_ p: Int, rows: [RepRowView]?) -> [RepRowView] {
        let names = data.team.reps
        let risky = board.reps.indices.compactMap { index -> (index: Int, attainment: Double)? in
            let figures = board.reps[index].periods[p]
            let status = status(figures, revenue)
            return status == .behind || status == .atRisk ? (index, revenueAttainment(of: figures) ?? -1) : nil
        }
        return risky.sorted { ($0.attainment, names[$0.index].name) < ($1.attainment, names[$1.index].name) }.prefix(10).map {
            rows?[$0.index] ?? row($0.index, p, rank: board.reps[$0.index].periods[p].rankInTeam, trend: false)
        }
    }

    /// The `limit` largest deals won by the as-of date on a day that `includes`, largest first.
    func wins(limit: Int = 5, closedOn includes: (Day) -> Bool) -> [DealRowView] {
        var rows: [DealRowView] = []
        for index in wonByAmount {
            let deal = listed[index]
            guard let closed = deal.closed, includes(closed) else { continue }
            guard rows.count < limit else { break }
            rows.append(dealRow(deal, rep: repNames[deal.rep] ?? deal.rep, date: closed))
        }
        return rows
    }

    /// A rep's deals open at the as-of date, as they stood then (one won later shows as open), largest first.
    /// With `toDiscuss`, only the stale and slipping ones (`PipelineHealth`), at most five (what a one-to-one gets
    /// through, and what its printed sheet has room for); else at most ten.
    func openDeals(of rep: String, toDiscuss: Bool = false) -> [DealRowView] {
        let asOf = board.asOf
        return (openByRep[rep] ?? []).filter { deal in !toDiscuss || isStale(deal) || asOf.map { deal.isSlipping(on: $0) } ?? false }
            .sorted { ($0.amount ?? -1, $1.id) > ($1.amount ?? -1, $0.id) }.prefix(toDiscuss ? 5 : Self.drillDownLimit)
            .map { dealRow($0, rep: rep, date: $0.expectedClose) }
    }

    /// Open longer than the team's typical won cycle on the as-of date.
    func isStale(_ deal: Deal) -> Bool {
        guard let asOf = board.asOf, let typicalCycle, let age = deal.age(on: asOf) else { return false }
        return Double(age) > typicalCycle
    }

    /// A deal's amount as a list shows it: "$12,400", "$9,900 (list price)" when estimated, "–" when unknown.
    func amountText(_ deal: Deal) -> String {
        deal.amount.map { format.money(Double($0) / 100) + (deal.amountEstimated ? " " + labels["atListPrice"] : "") } ?? "–"
    }

    private func dealRow(_ deal: Deal, rep: String, date: Day?) -> DealRowView {
        let probability = deal.probability(stages: site.config.stageProbabilities)
        // Age and flags belong to open deals; a won deal in a wins list has neither.
        let open = !(deal.isWon || deal.isLost)
        let slipping = open && (board.asOf.map { deal.isSlipping(on: $0) } ?? false)
        let flags = [open && isStale(deal) ? labels["stale"] : nil, slipping ? labels["slipping"] : nil].compactMap { $0 }
        return DealRowView(
            rep: rep, repURL: repURL(deal.rep), account: deal.account ?? "–", product: deal.product ?? "–", stage: deal.stage,
            amount: amountText(deal), date: date.map(format.date) ?? "–",
            probability: probability.map(format.percent) ?? "–",
            age: (open ? board.asOf.flatMap { deal.age(on: $0) } : nil).map { format.value(Double($0), unit: .days) } ?? "–",
            flags: flags.isEmpty ? nil : flags.joined(separator: " · "))
    }
}
