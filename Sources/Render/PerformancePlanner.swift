import FieldbookAnalyze
import FieldbookModel

/// Decides the performance pages (the team dashboard at `/`, `/regions/<id>/`, `/managers/<id>/`, `/reps/` and
/// `/reps/<id>/`) and fills each page kind's view model from the scoreboard. Every figure is formatted from the same
/// values the JSON API publishes; KPIs are found by id.
package struct PerformancePlanner: Sendable {
    package let site: SiteView
    package let board: Scoreboard
    package let data: PerformanceData
    package let settings: DashboardSettings
    /// Each rep's deals open on the as-of date (as they stood then) and completed lessons, grouped once: scanning
    /// every deal per scorecard would be quadratic.
    let openByRep: [String: [Deal]]
    let lessonsDone: [String: Set<String>]
    /// Per rep (by index), open deals on the as-of date without an amount, and with an estimated one.
    let unpriced: [(missing: Int, estimated: Int)]
    /// The targets as entered, to tell a group's own target from one summed from its reps.
    let entered: TargetResolver
    /// Where revenue and win rate are in the board's KPIs.
    let revenue: Int?
    let winRate: Int?
    /// The period of `dashboard.period` containing the as-of date (`/` shows it), and where each period is.
    let current: Int
    let periodIndices: [Period: Int]
    /// Reps (by index) per region and per manager; each rep's region and manager names.
    let regionMembers: [String: [Int]]
    let managerMembers: [String: [Int]]
    let repPlaces: [(region: String, manager: String)]
    /// The deals the lists show: the portal's, or with rollups the warehouse's extract of the largest
    /// (`PerformanceData.extract`). The indices below are into these.
    let listed: [Deal]
    /// Deals won by the as-of date (indices into `listed`), largest first (then by id): the wins lists take the
    /// first that fit.
    let wonByAmount: [Int]
    /// Each rep's deals won or lost in the current period (indices into `listed`; as they stood on the as-of
    /// date, which for these is as they are), and the team's typical won cycle: for pipeline health (`PipelineHealth`).
    let closedByRep: [String: [Int]]
    let typicalCycle: Double?
    /// Every deal's facts, grouped by rep (a group's index is its rep's), for the pages behind the figures.
    let dealFacts: DealFacts?
    /// Each rep's name by id.
    let repNames: [String: String]
    /// The figures come from a warehouse's rollups (`PerformanceData.rollups`), and every page says so. The lists show
    /// the warehouse's extract of the largest deals (`PerformanceData.extract`), their counts and amounts taken from
    /// the figures; without an extract no list is shown (an empty list beside a figure would contradict it). What needs
    /// every deal (the pipeline by stage, deal age, stale and slipping deals, products) is not shown either way.
    let fromRollups: Bool
    /// Whether there are deals to list: the portal's, or the warehouse's extract.
    let listsDeals: Bool

    package init(site: SiteView, board: Scoreboard, data: PerformanceData) {
        self.site = site
        self.board = board
        self.data = data
        self.settings = site.config.dashboard
        let asOf = board.asOf
        let deals = data.rollups == nil ? data.deals : data.extract
        self.listed = deals
        // Every deal's facts for the lists, rep by rep, made on another thread while the rest is arranged.
        let team = data.team
        let repIndex = Dictionary(team.reps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var repDeals = Array(repeating: [Int](), count: team.reps.count)
        for index in deals.indices { if let rep = repIndex[deals[index].rep] { repDeals[rep].append(index) } }
        let facts = asOf.map { [repDeals] day in Background { DealFacts(deals, asOf: day, groups: repDeals) } }
        let openByRep = Dictionary(grouping: asOf.map { day in deals.compactMap { $0.open(on: day) } } ?? [], by: \.rep)
        self.openByRep = openByRep
        self.lessonsDone = data.training.reduce(into: [:]) { $0[$1.rep, default: []].insert($1.lesson) }
        self.entered = TargetResolver(data.targets, calendar: board.calendar)
        self.unpriced = data.team.reps.map { rep in
            // An extract holds some of the open deals: how many lack an amount is not known.
            let open = data.rollups == nil ? openByRep[rep.id] ?? [] : []
            return (open.count { $0.amount == nil }, open.count { $0.amountEstimated })
        }
        self.revenue = board.index(of: "revenue")
        self.winRate = board.index(of: "win_rate")
        self.periodIndices = Dictionary(board.periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.current =
            asOf.flatMap { day in board.periods.firstIndex { $0.kind == site.config.dashboard.period && $0.contains(month: day.monthNumber) } } ?? 0
        self.regionMembers = Dictionary(grouping: team.reps.indices) { team.reps[$0].region }
        self.managerMembers = Dictionary(grouping: team.reps.indices) { team.manager(of: team.reps[$0]) ?? "" }
        let regionNames = Dictionary(team.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let managerNames = Dictionary(team.managers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.repPlaces = team.reps.map { rep in (regionNames[rep.region] ?? rep.region, team.manager(of: rep).flatMap { managerNames[$0] } ?? "–") }
        self.wonByAmount = deals.indices.filter { index in
            deals[index].isWon && deals[index].closed.map { closed in asOf.map { closed <= $0 } ?? false } ?? false
        }
        .sorted { a, b in
            // Largest first, then by id; the ids (strings) only compared on a tie, for hundreds of thousands of deals.
            let (first, second) = (deals[a].amount ?? 0, deals[b].amount ?? 0)
            return first != second ? first > second : deals[a].id < deals[b].id
        }
        let period = board.periods.isEmpty ? nil : board.periods[current]
        self.closedByRep = Dictionary(
            grouping: deals.indices.filter { index in
                guard let day = asOf, let period, let deal = deals[index].as(of: day), deal.isWon || deal.isLost, let closed = deal.closed else {
                    return false
                }
                return closed >= period.firstDay && closed <= period.lastDay
            }, by: { deals[$0].rep })
        // The typical cycle is the median of every deal won in a year: an extract's largest deals do not give it.
        self.typicalCycle = data.rollups == nil ? asOf.flatMap { PipelineHealth.typicalCycle(of: deals, asOf: $0) } : nil
        self.dealFacts = facts?.value
        self.repNames = Dictionary(team.reps.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.fromRollups = data.rollups != nil
        self.listsDeals = data.rollups == nil || !data.extract.isEmpty
    }

    var labels: Labels { site.labels }
    var format: FigureFormatter { site.format }
    var charts: ChartBuilder { ChartBuilder(words: site.config.locale == .simplifiedChinese ? .chinese : .english) }
    /// Rep and manager pages are private: unlisted (`scorecards.public` false) or encrypted (`access.mode`). Either
    /// way they carry `noindex` and no crumb leads to `/reps/`; only unlisted ones go unlinked (`repURL`).
    var isPrivate: Bool { !site.config.listsReps }

    /// Scorecard URL of a rep, or nil when scorecards are private (then nothing links to them).
    func repURL(_ id: String) -> String? { settings.scorecardsPublic ? site.url("reps/\(id)/") : nil }

    /// Card KPIs that exist, in the configured order.
    var cardKPIs: [Int] { settings.cards.compactMap { board.index(of: $0) } }

    /// Every performance page: the current period's (of `dashboard.period`, containing the as-of date), then every
    /// period's team, region and manager pages.
    package func pages(library: Library, documents: [RenderedDocument], recent: [DocumentSummaryView]) -> [Page] {
        guard let asOf = board.asOf, periodIndex(settings.period, containing: asOf.monthNumber) != nil else { return [] }
        let lessons = LessonLookup(library: library, documents: documents, site: site)
        let teamRows = rows(current, trend: true)
        let latest = At(index: current, isLatest: true)
        return entityPages(asOf, latest, rows: teamRows, recent: recent, lessons: lessons) + [repListPage(asOf, current, teamRows: teamRows)]
            + scorecardPages(asOf, current, lessons: lessons) + reportPages(asOf)
            + board.periods.indices.flatMap { entityPages(asOf, At(index: $0, isLatest: false), rows: nil, recent: [], lessons: lessons) }
    }

    func periodIndex(_ kind: Period.Kind, containing month: Int) -> Int? {
        board.periods.firstIndex { $0.kind == kind && $0.contains(month: month) }
    }

    func periodName(_ index: Int) -> String {
        let period = board.periods[index]
        let name = format.period(period, calendar: board.calendar)
        return board.team.periods[index].partial ? "\(name) (\(labels["soFar"]))" : name
    }

    /// The heading part every performance page shares.
    func header(_ title: String, _ subtitle: String, asOf: Day, current: Int, periods: PeriodNavView? = nil) -> PerformanceHeaderView {
        let first = board.firstMonth.flatMap { first in board.periods[current].firstMonth < first ? first : nil }
        let partly = first.map {
            labels["partlyCovered"].replacingOccurrences(
                of: "{month}", with: format.period(Period(kind: .month, firstMonth: $0), calendar: board.calendar))
        }
        let notes = [partly, fromRollups ? labels[listsDeals ? "fromRollupsAndExtract" : "fromRollups"] : nil].compactMap { $0 }
        return PerformanceHeaderView(
            title: title, subtitle: subtitle, asOf: "\(labels["dataAsOf"]) \(format.date(asOf))", periodName: periodName(current),
            asOfDate: asOf.description, staleAfterDays: settings.staleAfterDays, periods: periods,
            coverage: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    /// An entity's cards (with bullets on a scorecard), revenue trend (the 13 months up to the period's end) and
    /// forecasts (on a main page, of the quarter and year under way; on a period page, of that period while under
    /// way); its reps are `members`.
    /// Each card's figure links to the list behind it on the deals page at `deals`.
    func figures(
        _ entity: EntityFigures, _ p: Int, members: [Int], trendID: String, bullets: Bool = false, latest: Bool = true, deals: String? = nil
    ) -> EntityFiguresView {
        let (trend, trendTitle) = revenueTrend(entity, p, id: trendID)
        return EntityFiguresView(
            cards: cardKPIs.map { k in
                var card = card(entity, k, p, withBullet: bullets, members: members)
                card.url = deals.flatMap { drillDownURL(k, deals: $0, group: entity.kind != .rep) }
                return card
            }, trend: trend, trendTitle: trendTitle,
            forecasts: forecasts(entity, only: latest ? nil : board.periods[p]))
    }

    /// A page of the performance side at `url` (a folder), about period `p`.
    func page(_ url: String, _ template: String, title: String, crumbs: [LinkView], p: Int, private: Bool, view: some TemplateView) -> Page {
        Page(outputPath: url + "index.html", template: template, meta: meta(url, title: title, crumbs: crumbs, p: p, private: `private`), view: view)
    }

    /// A performance page's meta fields; the description names the page and its period.
    func meta(_ url: String, title: String, crumbs: [LinkView], p: Int, private: Bool) -> PageMeta {
        PageMeta(title: title, description: "\(title): \(periodName(p))", url: site.url(url), breadcrumbs: crumbs, noindex: `private`)
    }

    var home: LinkView { LinkView(title: labels["home"], url: site.url("")) }
}
