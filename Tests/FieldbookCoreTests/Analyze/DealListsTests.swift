import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel

/// The deals behind the small team's (`SmallTeam`) figures, worked out by hand, as of 2024-05-15 (data from January
/// 2024): d10 was created after that day and does not exist yet; d9, won on June 2, is still open then.
@Suite struct DealListsTests {
    let asOf = Day(year: 2024, month: 5, day: 15)

    func lists(_ period: Period, reps: Set<String>? = nil, limit: Int = 100) throws -> DealLists {
        let deals = try SmallTeam.data().deals.filter { reps?.contains($0.rep) ?? true }
        return DealLists(deals, period: period, asOf: asOf, firstMonth: 2024 * 12, limit: limit)
    }

    @Test func aQuarterUnderWay() throws {
        let q2 = try lists(Period(kind: .quarter, firstMonth: 2024 * 12 + 3))
        // Won in April to June by May 15: d4 (2000, April 10) and d7 (1000, May 10, undated); nothing lost.
        #expect(q2.won.top.map(\.id) == ["d4", "d7"])
        #expect(q2.won.count == 2)
        #expect(q2.won.amount == 300_000)
        #expect(q2.lost == DealLists.List())
        // Created in the quarter by May 15: d5 (800, April 1), d9 (700, May 1), d6 (no amount, May 2); d10 not yet.
        #expect(q2.created.top.map(\.id) == ["d5", "d9", "d6"])
        #expect(q2.created.amount == 150_000)
        // Open on May 15: d8 (1000, undated: open on the as-of date), d5, d9 (won after it) and d6.
        #expect(q2.open.top.map(\.id) == ["d8", "d5", "d9", "d6"])
        #expect(q2.open.amount == 250_000)
        #expect(q2.open.top.first { $0.id == "d9" }?.closedLater == true)
    }

    @Test func aClosedQuarter() throws {
        let q1 = try lists(Period(kind: .quarter, firstMonth: 2024 * 12))
        #expect(q1.won.top.map(\.id) == ["d1", "d2"])
        #expect(q1.won.amount == 150_050)
        #expect(q1.lost.top.map(\.id) == ["d3"])
        #expect(q1.created.top.map(\.id) == ["d4", "d1", "d2", "d3"])  // 2000, 1000, 500.50, 300
        // Open at the end of March: d4 alone (d3 closed on March 1; undated d7 and d8 count only on the as-of date).
        #expect(q1.open.top.map(\.id) == ["d4"])
        #expect(q1.open.amount == 200_000)
    }

    @Test func aListKeepsItsLargestDealsAndCountsThemAll() throws {
        let open = try lists(Period(kind: .quarter, firstMonth: 2024 * 12 + 3), limit: 1).open
        #expect(open.top.map(\.id) == ["d8"])
        #expect(open.count == 4)
        #expect(open.amount == 250_000)
        let north = try lists(Period(kind: .quarter, firstMonth: 2024 * 12 + 3), reps: ["ann", "bob"])
        #expect(north.open.top.map(\.id) == ["d8", "d5", "d9"])
    }

    /// For every entity and period, each list's count and amount are the figures the KPI engine computed.
    @Test func everyListEqualsItsFigures() throws {
        let data = try SmallTeam.data()
        let board = try SmallTeam.scoreboard(asOf: asOf)
        let groups: [(EntityFigures, Set<String>)] =
            [(board.team, Set(data.team.reps.map(\.id)))]
            + board.regions.map { region in (region, Set(data.team.reps.filter { $0.region == region.id }.map(\.id))) }
            + board.managers.map { manager in (manager, Set(data.team.reps.filter { data.team.manager(of: $0) == manager.id }.map(\.id))) }
            + board.reps.map { ($0, [$0.id]) }
        for (entity, reps) in groups {
            for figures in entity.periods {
                let lists = try lists(figures.period, reps: reps)
                func actual(_ kpi: String) -> Double? { board.index(of: kpi).flatMap { figures.actual[$0] } }
                let label = "\(entity.id) \(board.calendar.label(figures.period))"
                #expect(actual("revenue") == Double(lists.won.amount) / 100, "\(label)")
                #expect(actual("deals_won") == Double(lists.won.count), "\(label)")
                #expect(actual("deals_lost") == Double(lists.lost.count), "\(label)")
                #expect(actual("deals_created") == Double(lists.created.count), "\(label)")
                #expect(actual("open_deals") == Double(lists.open.count), "\(label)")
                #expect(actual("pipeline") == Double(lists.open.amount) / 100, "\(label)")
            }
        }
    }

    /// A scan passes over a window of `DealFacts.window` deals only when none of them was created, won, lost or open in
    /// the period: here 40 deals created in January and won on February 1, among them an open one (third) and one won
    /// in May (21st), then one created and lost in May.
    @Test func aScanPassesOverOnlyDealsThatCannotCount() throws {
        let (january, may) = (Day(year: 2024, month: 1, day: 8), Day(year: 2024, month: 5, day: 3))
        var deals = (0..<40).map {
            Deal(id: "old-\($0)", rep: "ann", stage: "won", amount: 10_000, created: january, closed: Day(year: 2024, month: 2, day: 1))
        }
        deals.insert(Deal(id: "open", rep: "ann", stage: "proposal", amount: 50_000, created: january), at: 2)
        deals.insert(Deal(id: "long", rep: "ann", stage: "won", amount: 70_000, created: january, closed: may), at: 20)
        deals.append(Deal(id: "new", rep: "ann", stage: "lost", amount: 30_000, created: may, closed: may))
        let inMay = DealLists(deals, period: Period(kind: .month, firstMonth: 2024 * 12 + 4), asOf: asOf, firstMonth: 2024 * 12, limit: 50)
        #expect(inMay.won.top.map(\.id) == ["long"] && inMay.won.amount == 70_000)
        #expect(inMay.lost.top.map(\.id) == ["new"] && inMay.created.top.map(\.id) == ["new"])
        // Open at May 15: the January deal still open; "long" and "new" closed in May.
        #expect(inMay.open.top.map(\.id) == ["open"] && inMay.open.count == 1)
        // In January every one of the 42 was created, and open at the month's end.
        let inJanuary = DealLists(deals, period: Period(kind: .month, firstMonth: 2024 * 12), asOf: asOf, firstMonth: 2024 * 12, limit: 50)
        #expect(inJanuary.created.count == 42 && inJanuary.open.count == 42 && inJanuary.won.count == 0)
        #expect(inJanuary.open.amount == 40 * 10_000 + 50_000 + 70_000)
        // In February the 40 were won; the open one and "long" stayed open.
        let inFebruary = DealLists(deals, period: Period(kind: .month, firstMonth: 2024 * 12 + 1), asOf: asOf, firstMonth: 2024 * 12, limit: 50)
        #expect(inFebruary.won.count == 40 && inFebruary.open.top.map(\.id) == ["long", "open"] && inFebruary.created.count == 0)
    }

    @Test func whichListIsBehindWhichFigure() {
        #expect(DealLists.list(behind: "revenue") == "won")
        #expect(DealLists.list(behind: "win_rate") == "won")
        #expect(DealLists.list(behind: "deals_lost") == "lost")
        #expect(DealLists.list(behind: "deals_created") == "created")
        #expect(DealLists.list(behind: "weighted_pipeline") == "open")
        #expect(DealLists.list(behind: "calls") == nil)
        #expect(DealLists.lists(behind: "win_rate") == ["won", "lost"])
        #expect(DealLists.lists(behind: "calls") == [])
    }
}
