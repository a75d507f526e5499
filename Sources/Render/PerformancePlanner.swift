import FieldbookAnalyze
import FieldbookModel

/// Decides the performance pages (the team dashboard at `/`, `/regions/<id>/`, `/managers/<id>/`, `/reps/` and
/// `/reps/<id>/`) and fills their view models from the scoreboard. Every figure is formatted from the same values the
/// JSON API publishes.
public struct PerformancePlanner: Sendable {
    public let site: SiteView
    public let board: Scoreboard
    public let data: PerformanceData
    public let settings: DashboardSettings
    /// Each rep's deals open on the as-of date (as they stood then) and completed lessons, grouped once: scanning
    /// every deal per scorecard would be quadratic.
    private let openByRep: [String: [Deal]]
    private let lessonsDone: [String: Set<String>]
    /// Per rep (by index), open deals on the as-of date without an amount, and with an estimated one.
    private let unpriced: [(missing: Int, estimated: Int)]
    /// The targets as entered, to tell a group's own target from one summed from its reps.
    private let entered: TargetResolver

    public init(site: SiteView, board: Scoreboard, data: PerformanceData) {
        self.site = site
        self.board = board
        self.data = data
        self.settings = site.config.dashboard
        let asOf = board.asOf
        self.openByRep = Dictionary(grouping: asOf.map { day in data.deals.compactMap { $0.open(on: day) } } ?? [], by: \.rep)
        self.lessonsDone = data.training.reduce(into: [:]) { $0[$1.rep, default: []].insert($1.lesson) }
        self.entered = TargetResolver(data.targets, calendar: board.calendar)
        let openByRep = self.openByRep
        self.unpriced = data.team.reps.map { rep in
            let open = openByRep[rep.id] ?? []
            return (open.count { $0.amount == nil }, open.count { $0.amountEstimated })
        }
    }

    private func cardNote(_ kpi: KPI, _ k: Int, _ p: Int, entity: EntityFigures, members: [Int]) -> String? {
        var notes: [String] = []
        if ["pipeline", "weighted_pipeline"].contains(kpi.id), let note = pipelineNote(members) { notes.append(note) }
        let scope: TargetScope? =
            switch entity.kind {
            case .team: .team
            case .region: .region(entity.id)
            default: nil
            }
        let own = scope.map { entered.target($0, kpi, board.periods[p]) != nil } ?? false
        if entity.kind != .rep, !own, kpi.additiveAcrossReps, entity.periods[p].target[k] != nil {
            let covered = members.count { board.reps[$0].periods[p].target[k] != nil }
            if covered < members.count {
                notes.append(labels.count(covered, "repsWithTarget").replacingOccurrences(of: "{n}", with: "\(members.count)"))
            }
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// What a pipeline card must say about the amounts it adds up, for reps `members` on the as-of date: open deals
    /// without an amount are left out (a bare $0 would hide them), and estimated ones are list prices.
    func pipelineNote(_ members: [Int]) -> String? {
        let missing = members.reduce(0) { $0 + unpriced[$1].missing }
        let estimated = members.reduce(0) { $0 + unpriced[$1].estimated }
        let notes = [
            missing > 0 ? labels.count(missing, "openWithoutAmount") : nil, estimated > 0 ? labels.count(estimated, "openAtListPrice") : nil,
        ].compactMap { $0 }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    private var labels: Labels { site.labels }
    private var format: FigureFormatter { FigureFormatter(locale: site.config.locale, currency: site.config.currency) }
    private var charts: ChartBuilder { ChartBuilder(words: site.config.locale == .simplifiedChinese ? .chinese : .english) }

    /// Scorecard URL of a rep, or nil when scorecards are private (then nothing links to them).
    func repURL(_ id: String) -> String? { settings.scorecardsPublic ? site.url("reps/\(id)/") : nil }
    func managerURL(_ id: String) -> String? { settings.scorecardsPublic ? site.url("managers/\(id)/") : nil }

    /// Card KPIs that exist, in the configured order.
    var cardKPIs: [Int] { settings.cards.compactMap { board.index(of: $0) } }

    public func pages(library: Library, documents: [RenderedDocument], recent: [DocumentSummaryView]) -> [Page] {
        guard let asOf = board.asOf, let current = periodIndex(settings.period, containing: asOf.monthNumber) else { return [] }
        let home = LinkView(title: labels["home"], url: site.url(""))
        let repsLink = LinkView(title: labels["reps"], url: site.url("reps/"))
        let isPrivate = !settings.scorecardsPublic
        let lessons = LessonLookup(library: library, documents: documents, site: site)
        var pages: [Page] = []

        let teamRows = board.reps.indices.map { row($0, current, rank: board.reps[$0].periods[current].rankInTeam) }
        let dashboard = PerformancePageView(
            title: site.config.title, subtitle: labels["dashboard"], asOf: asOfText(asOf), periodName: periodName(current),
            cards: cardKPIs.map { card(board.team, $0, current, members: Array(board.reps.indices)) },
            trend: revenueTrend(board.team, id: "team-trend"),
            attainmentChart: regionAttainment(current), forecasts: forecasts(board.team),
            reps: byRank(board.reps.indices.map { ($0, board.reps[$0].periods[current].rankInTeam) }, teamRows, limit: 10),
            atRisk: atRisk(teamRows), wins: recentWins(asOf), openDeals: [], progress: [], recommended: [], playbooks: [],
            recent: recent, people: board.regions.map { LinkView(title: $0.name, url: site.url("regions/\($0.id)/")) }, facts: [],
            revenueTargetsSet: board.index(of: "revenue").map { revenue in board.reps.contains { $0.periods[current].target[revenue] != nil } }
                ?? false)
        pages.append(page("", "dashboard", title: site.config.title, crumbs: [], view: dashboard, private: false))
        pages.append(
            page(
                "reps/", "reps", title: labels["reps"], crumbs: [home],
                view: listing(title: labels["reps"], asOf: asOf, current: current, rows: teamRows), private: isPrivate))

        let managerOf = data.team.reps.map { data.team.manager(of: $0) }
        let regionMembers = Dictionary(grouping: data.team.reps.indices) { data.team.reps[$0].region }
        let managerMembers = Dictionary(grouping: data.team.reps.indices) { managerOf[$0] ?? "" }
        for (index, region) in data.team.regions.enumerated() {
            let figures = board.regions[index]
            let members = regionMembers[region.id] ?? []
            let managersHere = Set(members.compactMap { managerOf[$0] })
            let managers = data.team.managers.filter { managersHere.contains($0.id) }
            let view = PerformancePageView(
                title: region.name, subtitle: labels["region"], asOf: asOfText(asOf), periodName: periodName(current),
                cards: cardKPIs.map { card(figures, $0, current, members: members) }, trend: revenueTrend(figures, id: "region-trend"),
                attainmentChart: nil,
                forecasts: forecasts(figures), reps: byRank(members.map { ($0, board.reps[$0].periods[current].rankInRegion) }, teamRows),
                atRisk: [], wins: [],
                openDeals: [], progress: [], recommended: [], playbooks: lessons.playbooks(for: region.id), recent: [],
                people: managers.map { LinkView(title: $0.name, url: managerURL($0.id) ?? "") }, facts: [])
            pages.append(page("regions/\(region.id)/", "region", title: region.name, crumbs: [home], view: view, private: false))
        }
        for (index, manager) in data.team.managers.enumerated() {
            let figures = board.managers[index]
            let members = managerMembers[manager.id] ?? []
            // Ranked among this manager's reps, the people the page is about.
            let ranks = KPICalculator.competitionRanks(members.map { board.reps[$0].periods[current].actual[0] ?? 0 })
            let view = PerformancePageView(
                title: manager.name, subtitle: labels["manager"], asOf: asOfText(asOf), periodName: periodName(current),
                cards: cardKPIs.map { card(figures, $0, current, members: members) }, trend: revenueTrend(figures, id: "manager-trend"),
                attainmentChart: nil,
                forecasts: forecasts(figures), reps: byRank(Array(zip(members, ranks.map(Optional.some))), teamRows), atRisk: [], wins: [],
                openDeals: [], progress: [],
                recommended: [], playbooks: [], recent: [], people: [], facts: [])
            pages.append(page("managers/\(manager.id)/", "manager", title: manager.name, crumbs: [home], view: view, private: isPrivate))
        }
        // Scorecards are most of the pages, and each is its rep's alone: planned on every core.
        let regionNames = Dictionary(data.team.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let managerNames = Dictionary(data.team.managers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        pages += parallelMap(Array(data.team.reps.enumerated())) { index, rep in
            let figures = board.reps[index]
            let period = figures.periods[current]
            let facts = [
                FactView(term: labels["region"], value: regionNames[rep.region] ?? rep.region),
                FactView(term: labels["manager"], value: data.team.manager(of: rep).flatMap { managerNames[$0] } ?? "–"),
                FactView(term: labels["rankInRegion"], value: period.rankInRegion.map { "\($0)" } ?? "–"),
                FactView(term: labels["rankInTeam"], value: period.rankInTeam.map { "\($0) / \(data.team.reps.count)" } ?? "–"),
            ]
            let view = PerformancePageView(
                title: rep.name, subtitle: rep.title ?? labels["rep"], asOf: asOfText(asOf), periodName: periodName(current),
                cards: cardKPIs.map { card(figures, $0, current, withBullet: true, members: [index]) },
                trend: revenueTrend(figures, id: "rep-trend"),
                attainmentChart: nil, forecasts: forecasts(figures), reps: [], atRisk: [], wins: [], openDeals: openDeals(of: rep.id),
                progress: progress(of: rep.id, lessons: lessons),
                recommended: recommended(for: index, current: current, lessons: lessons),
                playbooks: Array(lessons.playbooks(for: rep.region).prefix(Self.scorecardPlaybookLimit)), recent: [], people: [],
                facts: facts)
            return page(
                "reps/\(rep.id)/", "scorecard", title: rep.name, crumbs: [home] + (isPrivate ? [] : [repsLink]), view: view, private: isPrivate)
        }
        return pages
    }

    // MARK: Pieces

    func periodIndex(_ kind: Period.Kind, containing month: Int) -> Int? {
        board.periods.firstIndex { $0.kind == kind && $0.contains(month: month) }
    }

    private func periodName(_ index: Int) -> String {
        let period = board.periods[index]
        let name = format.period(period, calendar: board.calendar)
        return board.team.periods[index].partial ? "\(name) (\(labels["soFar"]))" : name
    }

    private func asOfText(_ asOf: Day) -> String { "\(labels["dataAsOf"]) \(format.date(asOf))" }

    /// A KPI's card for an entity in a period.
    /// A KPI's card for an entity (whose reps are `members`) in a period. Its note says what the figure leaves out or
    /// estimates (pipeline cards), and on a group's card how many of its reps have a target, when not all do: a
    /// target summed from some reps' targets is measured against everyone's results.
    func card(_ entity: EntityFigures, _ k: Int, _ p: Int, withBullet: Bool = false, members: [Int]) -> KPICardView {
        let kpi = board.kpis[k]
        let figures = entity.periods[p]
        let unit = kpi.definition.unit
        let status = status(figures, k)
        let previous = board.periods.firstIndex { $0 == figures.period.previous }
        let change = figures.change[k].flatMap { change in
            previous.map { "\(format.signed(change, unit: unit)) \(labels["vs"]) \(format.period(board.periods[$0], calendar: board.calendar))" }
        }
        let months = trendMonths()
        let spark = charts.sparkline(
            id: "spark-\(entity.id)-\(kpi.id)", title: "\(label(kpi)), \(labels["last12Months"])",
            points: months.map { ChartPoint(format.period(board.periods[$0], calendar: board.calendar), entity.periods[$0].actual[k]) },
            format: { format.value($0, unit: unit, compact: true) })
        let bullet =
            withBullet && figures.target[k] != nil
            ? charts.bullet(
                id: "bullet-\(entity.id)-\(kpi.id)", title: label(kpi), actual: figures.actual[k], target: figures.target[k],
                format: { format.value($0, unit: unit) }) : nil
        return KPICardView(
            label: label(kpi), value: format.value(figures.actual[k], unit: unit, compact: unit == .currency),
            target: figures.target[k].map { format.value($0, unit: unit, compact: unit == .currency) },
            attainment: figures.attainment(k).map(format.percent),
            status: status.map(statusText), statusClass: "status-\(status?.rawValue ?? "none")", change: change, sparkline: spark, bullet: bullet,
            note: cardNote(kpi, k, p, entity: entity, members: members))
    }

    /// The status of KPI `k` in one entity's period, by the configured thresholds.
    func status(_ figures: PeriodFigures, _ k: Int) -> Status? {
        Status.of(
            actual: figures.actual[k], target: figures.target[k], kpi: board.kpis[k], period: figures.period, partial: figures.partial,
            asOf: board.asOf, thresholds: settings.thresholds)
    }

    func statusText(_ status: Status) -> String {
        switch status {
        case .onTrack: "✓ " + labels["onTrack"]
        case .atRisk: "! " + labels["atRisk"]
        case .behind: "✗ " + labels["behind"]
        }
    }

    func label(_ kpi: KPI) -> String { labels.kpiLabel(kpi.id) ?? kpi.definition.label }

    /// The last 13 months up to the as-of month: a year and the month a year ago to compare with.
    func trendMonths() -> [Int] {
        Array(board.periods.indices.filter { board.periods[$0].kind == .month }.suffix(13))
    }

    private func revenueTrend(_ entity: EntityFigures, id: String) -> Chart {
        let months = trendMonths()
        let points = months.map {
            ChartPoint(format.period(board.periods[$0], calendar: board.calendar), entity.periods[$0].actual[0], target: entity.periods[$0].target[0])
        }
        return charts.line(
            id: id, title: labels["revenueTrend"], points: points, lastIsPartial: months.last.map { entity.periods[$0].partial } ?? false,
            format: { format.money($0, compact: true) })
    }

    private func regionAttainment(_ p: Int) -> Chart {
        let points = board.regions.map { ChartPoint($0.name, $0.periods[p].attainment(0), target: 1) }
        return charts.bars(
            id: "region-attainment", title: "\(labels["attainmentByRegion"]), \(periodName(p))", points: points, format: format.percent)
    }

    /// Forecasts of the quarter and year under way.
    func forecasts(_ entity: EntityFigures) -> [ForecastView] {
        entity.periods.compactMap { figures in
            let values = figures.forecasts.map(\.revenue)
            guard let low = values.min(), let high = values.max() else { return nil }
            return ForecastView(
                period: format.period(figures.period, calendar: board.calendar), target: figures.target[0].map { format.money($0, compact: true) },
                range: "\(format.money(low, compact: true)) – \(format.money(high, compact: true))",
                methods: figures.forecasts.map { forecast in
                    let runRate = forecast.method == .runRate
                    return FactView(
                        term: labels[runRate ? "runRate" : "pipelineForecast"], value: format.money(forecast.revenue, compact: true),
                        note: labels[runRate ? "runRateHow" : "pipelineHow"])
                })
        }
    }

    /// A rep's row for period `p`, showing `rank`: in the team, the region or the manager's reps, as the page means.
    func row(_ index: Int, _ p: Int, rank: Int?) -> RepRowView {
        let rep = data.team.reps[index]
        let figures = board.reps[index].periods[p]
        let status = status(figures, 0)
        let winRate = board.index(of: "win_rate").flatMap { figures.actual[$0] }
        let months = trendMonths()
        let trend = charts.sparkline(
            id: "trend-\(rep.id)", title: "\(rep.name): \(labels["revenue"]), \(labels["last12Months"])",
            points: months.map { ChartPoint(format.period(board.periods[$0], calendar: board.calendar), board.reps[index].periods[$0].actual[0]) },
            format: { format.money($0, compact: true) })
        return RepRowView(
            rank: rank.map(String.init) ?? "", name: rep.name, url: repURL(rep.id),
            region: data.team.regions.first { $0.id == rep.region }?.name ?? rep.region,
            manager: data.team.manager(of: rep).flatMap { id in data.team.managers.first { $0.id == id }?.name } ?? "–",
            revenue: format.money(figures.actual[0] ?? 0), revenueSort: JSONOutput.format(figures.actual[0] ?? 0, decimals: 2),
            target: figures.target[0].map { format.money($0) } ?? "–", attainment: figures.attainment(0).map(format.percent) ?? "–",
            attainmentSort: figures.attainment(0).map { JSONOutput.format($0, decimals: 6) } ?? "-1", status: status.map(statusText),
            statusClass: "status-\(status?.rawValue ?? "none")", winRate: winRate.map(format.percent) ?? "–",
            winRateSort: winRate.map { JSONOutput.format($0, decimals: 6) } ?? "-1", trend: trend)
    }

    /// The rows of reps (index, rank) in rank order, then by name, unranked last, each showing that rank: the rows
    /// are the team's, made once, with the rank the page means.
    private func byRank(_ reps: [(index: Int, rank: Int?)], _ rows: [RepRowView], limit: Int = .max) -> [RepRowView] {
        let names = data.team.reps
        return reps.sorted { ($0.rank ?? .max, names[$0.index].name) < ($1.rank ?? .max, names[$1.index].name) }.prefix(limit).map { rep in
            var row = rows[rep.index]
            row.rank = rep.rank.map(String.init) ?? ""
            return row
        }
    }

    /// Reps behind or at risk on revenue, lowest attainment first.
    private func atRisk(_ rows: [RepRowView]) -> [RepRowView] {
        Array(
            rows.filter { $0.statusClass == "status-behind" || $0.statusClass == "status-at-risk" }
                .sorted { (Double($0.attainmentSort) ?? 0, $0.name) < (Double($1.attainmentSort) ?? 0, $1.name) }.prefix(10))
    }

    /// The largest deals won in the 30 days up to the as-of date, for recognition.
    private func recentWins(_ asOf: Day) -> [DealRowView] {
        let names = Dictionary(uniqueKeysWithValues: data.team.reps.map { ($0.id, $0.name) })
        return data.deals.compactMap { deal -> (deal: Deal, closed: Day)? in
            guard deal.isWon, let closed = deal.closed, closed <= asOf, asOf.ordinal - closed.ordinal < 30 else { return nil }
            return (deal, closed)
        }
        .sorted { ($0.deal.amount ?? 0, $1.deal.id) > ($1.deal.amount ?? 0, $0.deal.id) }.prefix(5)
        .map { dealRow($0.deal, rep: names[$0.deal.rep] ?? $0.deal.rep, date: $0.closed) }
    }

    /// A rep's deals open at the as-of date, as they stood then (one won later shows as open), largest first.
    private func openDeals(of rep: String) -> [DealRowView] {
        (openByRep[rep] ?? []).sorted { ($0.amount ?? -1, $1.id) > ($1.amount ?? -1, $0.id) }.prefix(10)
            .map { dealRow($0, rep: rep, date: $0.expectedClose) }
    }

    private func dealRow(_ deal: Deal, rep: String, date: Day?) -> DealRowView {
        let probability = deal.probability(stages: site.config.stageProbabilities)
        return DealRowView(
            rep: rep, account: deal.account ?? "–", product: deal.product ?? "–", stage: deal.stage,
            amount: deal.amount.map { format.money(Double($0) / 100) + (deal.amountEstimated ? " " + labels["atListPrice"] : "") } ?? "–",
            date: date.map(format.date) ?? "–",
            probability: probability.map(format.percent) ?? "–")
    }

    /// Lessons completed per course: every course when the library has at most `allCoursesUpTo`, else the courses
    /// the rep has started (a scorecard listing three hundred courses would be mostly empty bars).
    private func progress(of rep: String, lessons: LessonLookup) -> [ProgressView] {
        var counts = [Int](repeating: 0, count: lessons.courses.count)
        for lesson in lessonsDone[rep] ?? [] {
            if let course = lessons.courseOfLesson[lesson] { counts[course] += 1 }
        }
        let listAll = lessons.courses.count <= Self.allCoursesUpTo
        return zip(lessons.courses, counts).enumerated().filter { listAll || $0.element.1 > 0 }.map { index, pair in
            let (course, count) = pair
            let title = lessons.courseTitles[index]
            return ProgressView(
                course: title, url: site.url(course.url), done: "\(count) / \(course.lessons.count)",
                bullet: charts.bullet(
                    id: "training-\(course.id)", title: title, actual: Double(count), target: Double(course.lessons.count),
                    format: { String(Int($0)) }))
        }
    }

    /// Courses a scorecard lists whether or not the rep has started them.
    static let allCoursesUpTo = 12
    /// Recommended lessons a scorecard lists at most.
    static let recommendedLimit = 10
    /// Playbooks a scorecard lists at most (its region's page lists them all).
    static let scorecardPlaybookLimit = 10

    /// Lessons whose front matter names a KPI on which the rep is behind, not yet completed: the first
    /// `recommendedLimit` in library order.
    private func recommended(for index: Int, current: Int, lessons: LessonLookup) -> [LinkView] {
        let figures = board.reps[index].periods[current]
        let behind = board.kpis.indices.filter { status(figures, $0) == .behind }.map { board.kpis[$0].id }
        let done = lessonsDone[data.team.reps[index].id] ?? []
        func open(_ position: Int) -> Bool { !done.contains(lessons.lessonIDs[position]) }
        // Each KPI's list is in library order, so the first few open lessons of each are enough to merge.
        let candidates = Set(behind.flatMap { (lessons.byKPI[$0] ?? []).lazy.filter(open).prefix(Self.recommendedLimit) }).sorted()
        return candidates.prefix(Self.recommendedLimit).map { position in
            let document = lessons.documents[position]
            return LinkView(title: document.title, url: site.url(document.document.url))
        }
    }

    private func listing(title: String, asOf: Day, current: Int, rows: [RepRowView]) -> PerformancePageView {
        PerformancePageView(
            title: title, subtitle: "", asOf: asOfText(asOf), periodName: periodName(current), cards: [], trend: nil, attainmentChart: nil,
            forecasts: [], reps: byRank(board.reps.indices.map { ($0, board.reps[$0].periods[current].rankInTeam) }, rows), atRisk: [], wins: [],
            openDeals: [], progress: [], recommended: [],
            playbooks: [], recent: [], people: [], facts: [])
    }

    private func page(_ url: String, _ template: String, title: String, crumbs: [LinkView], view: PerformancePageView, private: Bool) -> Page {
        var view = view
        view.asOfDate = board.asOf?.description ?? ""
        view.staleAfterDays = settings.staleAfterDays
        return Page(
            outputPath: url + "index.html", template: template,
            meta: PageMeta(title: title, description: "\(title): \(view.periodName)", url: site.url(url), breadcrumbs: crumbs, noindex: `private`),
            view: view)
    }
}

/// What scorecards look up in the library, worked out once for all of them: with 10,000 documents and 5,000 reps,
/// scanning every document for every rep was most of a build.
struct LessonLookup {
    let documents: [RenderedDocument]
    /// Courses with lessons, in library order, and their titles (the intro's title, else from the folder name).
    let courses: [Course]
    let courseTitles: [String]
    /// Positions in `documents` of the lessons whose front matter names each KPI, in order.
    let byKPI: [String: [Int]]
    /// Each document's `<course>/<slug>` (as training records name lessons); empty for other documents.
    let lessonIDs: [String]
    /// The position in `courses` of the course of each lesson, by `<course>/<slug>`.
    let courseOfLesson: [String: Int]
    /// Each region's playbook links (its shelf's and the global shelf's), and the global ones for any other region.
    private let playbooksByRegion: [String: [LinkView]]
    private let globalPlaybooks: [LinkView]

    init(library: Library, documents: [RenderedDocument], site: SiteView) {
        self.documents = documents
        let titles = Dictionary(documents.map { ($0.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        courses = library.courses.filter { !$0.lessons.isEmpty }
        courseTitles = courses.map { course in course.intro.flatMap { titles[$0.source.path] } ?? Slug.humanized(course.id) }
        var byKPI: [String: [Int]] = [:]
        var lessonIDs: [String] = []
        for (index, document) in documents.enumerated() {
            guard case .lesson(let course) = document.document.kind else {
                lessonIDs.append("")
                continue
            }
            lessonIDs.append("\(course)/\(document.document.slug)")
            for kpi in Set(document.frontMatter.kpis) { byKPI[kpi, default: []].append(index) }
        }
        self.byKPI = byKPI
        self.lessonIDs = lessonIDs
        var courseOfLesson: [String: Int] = [:]
        for (index, course) in courses.enumerated() {
            for lesson in course.lessons { courseOfLesson["\(course.id)/\(lesson.slug)"] = index }
        }
        self.courseOfLesson = courseOfLesson
        func links(_ shelves: [PlaybookShelf]) -> [LinkView] {
            shelves.flatMap { shelf in shelf.playbooks.map { LinkView(title: titles[$0.source.path] ?? $0.fileTitle, url: site.url($0.url)) } }
        }
        globalPlaybooks = links(library.shelves.filter { $0.region == PlaybookShelf.globalRegion })
        var byRegion: [String: [LinkView]] = [:]
        for region in Set(library.shelves.map(\.region)) where region != PlaybookShelf.globalRegion {
            byRegion[region] = links(library.shelves.filter { $0.region == region || $0.region == PlaybookShelf.globalRegion })
        }
        playbooksByRegion = byRegion
    }

    /// The playbooks of a region's shelf and the global one, in shelf order.
    func playbooks(for region: String) -> [LinkView] { playbooksByRegion[region] ?? globalPlaybooks }
}
