import FieldbookAnalyze
import FieldbookModel

/// The pages behind the figures (`…/deals/`): beside every team, region and manager page (each period's too), the
/// deals each card counts (`DealLists`) and its regions or reps with the figures no list stands behind
/// (`memberKPIs`). A card's figure links to its list there, or to the members' figures; a scorecard's to the same
/// lists on the scorecard itself.
extension PerformancePlanner {
    /// How many deals a list shows, largest first; its count and amount are of all of them.
    static let drillDownLimit = 50

    /// Where KPI `k`'s figure leads on the deals page at `deals`: its list of deals; for a group's metric of
    /// kpis.json (and for every KPI of a portal built from rollups, which has no deals), the table of its members'
    /// figures; for a rep's metric, nowhere.
    func drillDownURL(_ k: Int, deals: String, group: Bool) -> String? {
        if let list = list(behind: k) { return deals + "#" + list }
        return group ? deals + "#members" : nil
    }

    /// The list of deals behind KPI `k`'s figure, when there are deals to list and a list stands behind it.
    private func list(behind k: Int) -> String? { listsDeals ? DealLists.list(behind: board.kpis[k].id) : nil }

    /// The card KPIs a group's members' table shows: those whose figure leads there, no list of deals standing behind
    /// it. With the default cards (all counted from deals) there is no such table: each card leads to its list, and
    /// the group's own page ranks the same reps (the team's page, its regions) for the period.
    var memberKPIs: [Int] { cardKPIs.filter { list(behind: $0) == nil } }

    /// The deals page in folder `path` (`regions/emea/2017-Q3/deals/`) of an entity's page `back` for period `at`:
    /// `members` are its reps, `rows` the regions or reps its members table lists (none on a rep's page), `nav` the
    /// same entity's deals page for another period.
    struct DealsPage {
        var path: String
        var back: LinkView
        var members: [Int]
        /// Made when the page is rendered, like its view: thousands of pages wait to be.
        var rows: @Sendable () -> [(name: String, url: String?, figures: EntityFigures)]
        var rowsTitle: String?
        var nav: (@Sendable (At) -> String)?
        var isPrivate: Bool
    }

    func dealsPage(_ asOf: Day, _ at: At, _ spec: DealsPage) -> Page {
        let title = "\(labels["behindFigures"]) · \(spec.back.title)"
        let meta = meta(spec.path, title: title, crumbs: [home, spec.back], p: at.index, private: spec.isPrivate)
        let columns = memberKPIs
        return Page(
            outputPath: spec.path + "index.html", template: "deals", meta: meta,
            deferred: {
                DealsPageView(
                    header: header(
                        spec.back.title, labels["behindFigures"], asOf: asOf, current: at.index, periods: spec.nav.map { periodNav(at, url: $0) }),
                    back: spec.back, lists: dealLists(asOf, at.index, members: spec.members), membersTitle: spec.rowsTitle,
                    columns: columns.map { label(board.kpis[$0]) },
                    members: (columns.isEmpty ? [] : spec.rows()).map { row in
                        MemberRowView(
                            name: row.name, url: row.url,
                            cells: columns.map { k in
                                let (value, unit) = (row.figures.periods[at.index].actual[k], board.kpis[k].definition.unit)
                                return Figure(value, text: format.value(value, unit: unit), sortDecimals: unit == .currency ? 2 : 6)
                            })
                    })
            })
    }

    /// The lists of reps `members`' deals in period `p` that the cards count.
    func dealLists(_ asOf: Day, _ p: Int, members: [Int]) -> [DealListView] {
        guard listsDeals else { return [] }
        let period = board.periods[p]
        var lists =
            dealFacts.map { facts in
                DealLists(
                    facts, groups: members, period: period, firstMonth: board.firstMonth ?? Int.min,
                    limit: Self.drillDownLimit)
            } ?? DealLists()
        if fromRollups { countFromFigures(&lists, p, members: members) }
        let stockDay = min(period.lastDay, asOf)
        // Only the lists behind the cards: a list no card counts would cost every page and lead from nowhere.
        let shown = Set(cardKPIs.flatMap { DealLists.lists(behind: board.kpis[$0].id) })
        return [
            dealList("won", labels["listWon"], lists.won, date: labels["closed"]) { $0.closed },
            dealList("lost", labels["listLost"], lists.lost, amount: !fromRollups, date: labels["closed"]) { $0.closed },
            dealList("created", labels["listCreated"], lists.created, amount: !fromRollups, date: labels["created"]) { $0.created },
            dealList("open", labels["listOpen"].replacingOccurrences(of: "{date}", with: format.date(stockDay)), lists.open, date: labels["created"])
            {
                $0.created
            },
        ].filter { shown.contains($0.id) }
    }

    /// Lists the warehouse's extract cannot fill: where a list would show fewer deals than it has (by the figures, up
    /// to `drillDownLimit`), the extract was made for another as-of date, team or period; its lists would be silently
    /// short. Checked for the team in every period and for each region, manager and rep in the current one.
    package func extractProblems() -> [String] {
        guard fromRollups, listsDeals, let facts = dealFacts else { return [] }
        var problems: [String] = []
        func check(_ name: String, _ members: [Int], _ p: Int) {
            var lists = DealLists(
                facts, groups: members, period: board.periods[p], firstMonth: board.firstMonth ?? Int.min,
                limit: Self.drillDownLimit)
            countFromFigures(&lists, p, members: members)
            for (id, list) in [("won", lists.won), ("lost", lists.lost), ("created", lists.created), ("open", lists.open)]
            where list.top.count < min(list.count, Self.drillDownLimit) {
                problems.append(
                    "\(name), \(board.calendar.label(board.periods[p])): the extract holds \(list.top.count) of the \(list.count) \(id) deals"
                        + ", not the \(min(list.count, Self.drillDownLimit)) largest")
            }
        }
        for p in board.periods.indices { check("the team", Array(board.reps.indices), p) }
        let team = data.team
        for region in team.regions { check("region \(region.id)", regionMembers[region.id] ?? [], current) }
        for manager in team.managers { check("manager \(manager.id)", managerMembers[manager.id] ?? [], current) }
        for index in team.reps.indices { check("rep \(team.reps[index].id)", [index], current) }
        return problems
    }

    /// A list from the warehouse's extract holds its largest deals only: how many there are, and the amounts of the
    /// won and the open ones, are the figures' (the rollups count no amounts of lost or created deals).
    func countFromFigures(_ lists: inout DealLists, _ p: Int, members: [Int]) {
        func total(_ kpi: String) -> Double {
            guard let k = board.index(of: kpi) else { return 0 }
            return members.reduce(0) { $0 + (board.reps[$1].periods[p].actual[k] ?? 0) }
        }
        lists.won.count = Int(total("deals_won"))
        lists.won.amount = Cents((total("revenue") * 100).rounded())
        lists.lost.count = Int(total("deals_lost"))
        lists.created.count = Int(total("deals_created"))
        lists.open.count = Int(total("open_deals"))
        lists.open.amount = Cents((total("pipeline") * 100).rounded())
    }

    /// "The 50 largest of 412 deals are listed." when a list shows `shown` of its `count` deals; nil when it shows all.
    func largestNote(shown: Int, of count: Int) -> String? {
        count > shown
            ? labels["largestOf"].replacingOccurrences(of: "{limit}", with: "\(shown)")
                .replacingOccurrences(of: "{n}", with: format.value(Double(count), unit: .count)) : nil
    }

    private func dealList(
        _ id: String, _ title: String, _ list: DealLists.List, amount: Bool = true, date label: String, date: (Deal) -> Day?
    ) -> DealListView {
        let count = format.value(Double(list.count), unit: .count)
        let note = largestNote(shown: list.top.count, of: list.count)
        return DealListView(
            id: id, title: title,
            summary: labels.count(list.count, "dealCount", written: count) + (amount ? " · \(format.money(Double(list.amount) / 100))" : ""),
            note: note,
            dateLabel: label,
            rows: list.top.map { deal in
                DealListRowView(
                    id: deal.id, rep: repNames[deal.rep] ?? deal.rep, repURL: repURL(deal.rep), account: deal.account ?? "–",
                    product: deal.product ?? "–", stage: deal.closedLater ? labels["stageUnknown"] : deal.stage,
                    amount: Figure(
                        deal.amount.map { Double($0) / 100 },
                        text: amountText(deal),
                        sortDecimals: 2), date: date(deal).map(format.date) ?? "–",
                    dateValue: date(deal)?.description ?? "")
            })
    }
}
