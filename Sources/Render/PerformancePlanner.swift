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

    package init(site: SiteView, board: Scoreboard, data: PerformanceData) {
        self.site = site
        self.board = board
        self.data = data
        self.settings = site.config.dashboard
        let asOf = board.asOf
        let openByRep = Dictionary(grouping: asOf.map { day in data.deals.compactMap { $0.open(on: day) } } ?? [], by: \.rep)
        self.openByRep = openByRep
        self.lessonsDone = data.training.reduce(into: [:]) { $0[$1.rep, default: []].insert($1.lesson) }
        self.entered = TargetResolver(data.targets, calendar: board.calendar)
        self.unpriced = data.team.reps.map { rep in
            let open = openByRep[rep.id] ?? []
            return (open.count { $0.amount == nil }, open.count { $0.amountEstimated })
        }
        self.revenue = board.index(of: "revenue")
        self.winRate = board.index(of: "win_rate")
    }

    var labels: Labels { site.labels }
    var format: FigureFormatter { site.format }
    var charts: ChartBuilder { ChartBuilder(words: site.config.locale == .simplifiedChinese ? .chinese : .english) }
    var isPrivate: Bool { !settings.scorecardsPublic }

    /// Scorecard URL of a rep, or nil when scorecards are private (then nothing links to them).
    func repURL(_ id: String) -> String? { settings.scorecardsPublic ? site.url("reps/\(id)/") : nil }
    func managerURL(_ id: String) -> String? { settings.scorecardsPublic ? site.url("managers/\(id)/") : nil }

    /// Card KPIs that exist, in the configured order.
    var cardKPIs: [Int] { settings.cards.compactMap { board.index(of: $0) } }

    /// Every performance page, for the period `dashboard.period` containing the as-of date.
    package func pages(library: Library, documents: [RenderedDocument], recent: [DocumentSummaryView]) -> [Page] {
        guard let asOf = board.asOf, let current = periodIndex(settings.period, containing: asOf.monthNumber) else { return [] }
        let lessons = LessonLookup(library: library, documents: documents, site: site)
        let teamRows = board.reps.indices.map { row($0, current, rank: board.reps[$0].periods[current].rankInTeam) }
        return [dashboardPage(asOf, current, teamRows: teamRows, recent: recent), repListPage(asOf, current, teamRows: teamRows)]
            + regionPages(asOf, current, teamRows: teamRows, lessons: lessons) + managerPages(asOf, current, teamRows: teamRows)
            + scorecardPages(asOf, current, lessons: lessons)
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
    func header(_ title: String, _ subtitle: String, asOf: Day, current: Int) -> PerformanceHeaderView {
        PerformanceHeaderView(
            title: title, subtitle: subtitle, asOf: "\(labels["dataAsOf"]) \(format.date(asOf))", periodName: periodName(current),
            asOfDate: asOf.description, staleAfterDays: settings.staleAfterDays)
    }

    /// An entity's cards (with bullets on a scorecard), revenue trend and forecasts; its reps are `members`.
    func figures(_ entity: EntityFigures, _ current: Int, members: [Int], trendID: String, bullets: Bool = false) -> EntityFiguresView {
        let (trend, trendTitle) = revenueTrend(entity, id: trendID)
        return EntityFiguresView(
            cards: cardKPIs.map { card(entity, $0, current, withBullet: bullets, members: members) }, trend: trend, trendTitle: trendTitle,
            forecasts: forecasts(entity))
    }

    /// A page of the performance side; `description` names the page and its period.
    func page(
        _ url: String, _ template: String, title: String, crumbs: [LinkView], view: some TemplateView, period: String, private: Bool
    ) -> Page {
        Page(
            outputPath: url + "index.html", template: template,
            meta: PageMeta(title: title, description: "\(title): \(period)", url: site.url(url), breadcrumbs: crumbs, noindex: `private`),
            view: view)
    }

    var home: LinkView { LinkView(title: labels["home"], url: site.url("")) }
}
