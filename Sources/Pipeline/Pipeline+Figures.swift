import FieldbookAnalyze
import FieldbookIncremental
import FieldbookLoad
import FieldbookModel
import FieldbookRender

/// What Analyze makes of the data alone, before any page: no document is needed, so a clean build begins it while
/// the documents are arranged and their Markdown rendered (`earlyFigures`).
struct Figures: Sendable {
    /// Each data file's fingerprint, for the performance side's cache key (the bytes are let go once parsed).
    var prints: [String: Fingerprint]
    var data: PerformanceData?
    /// What reading the data reported, then what checking it did (stale deals, a warehouse's rollups).
    var loading: [Diagnostic]
    var checks: [Diagnostic]
    /// Every figure; `dashboard` only when there is an as-of date (data with no date has no pages).
    var scoreboard: (data: PerformanceData, figures: Scoreboard)?
    var dashboard: (data: PerformanceData, figures: Scoreboard)?
    /// The performance pages' planner, with what it arranges once for every page (deal lists, members, periods).
    var planner: PerformancePlanner?
}

extension Pipeline {
    /// Load and Analyze for the data: parsed, checked and every KPI computed, and the planner made.
    static func figures(_ files: Handoff<[String: [UInt8]]>, config: SiteConfig) -> Figures {
        var dataFiles = files.take() ?? [:]
        let prints = dataFiles.mapValues { Fingerprint($0) }
        let (data, loading) = DataLoader(fiscalCalendar: config.fiscalCalendar, openStages: Set(config.stageProbabilities.keys)).load(dataFiles)
        dataFiles = [:]  // parsed: the raw bytes (hundreds of megabytes for a large CRM) go before the figures are made
        var checks = data.map { DataFreshness.staleDeals($0.deals, config: config) } ?? []
        if let rollups = data?.rollups {
            let file = SourceLocation(path: "\(DataLoader.folder)/rollups.json")
            checks += Warehouse.problems(rollups, asOf: config.asOf, calendar: config.fiscalCalendar).map { .error(file, $0) }
        }
        let calculator = KPICalculator(
            asOf: config.asOf, calendar: config.fiscalCalendar, stageProbabilities: config.stageProbabilities, ramp: config.ramp)
        let scoreboard = data.map { (data: $0, figures: calculator.compute($0)) }
        let dashboard = scoreboard.flatMap { $0.figures.asOf == nil ? nil : $0 }
        let site = SiteView(config: config, hasReps: dashboard != nil && config.listsReps)
        let planner = dashboard.map { PerformancePlanner(site: site, board: $0.figures, data: $0.data) }
        return Figures(
            prints: prints, data: data, loading: loading, checks: checks, scoreboard: scoreboard, dashboard: dashboard, planner: planner)
    }

    /// The figures begun at once, on a thread of their own, when the build has data and no earlier build can spare
    /// the performance side (a clean build, or the first): they take seconds for a large team, with cores left idle
    /// while the documents are read and rendered. Nil otherwise: whether the cache spares it is known only once the
    /// documents are rendered (its key covers their metadata), and an edit to a lesson must not cost the figures.
    /// The data files' bytes go with the work, which lets them go once parsed.
    static func earlyFigures(_ source: inout LoadedPortal, _ incremental: Incremental) -> Background<Figures>? {
        guard incremental.cache?.performance == nil, !source.portal.dataFiles.isEmpty else { return nil }
        let (files, config) = (Handoff(source.portal.dataFiles), source.portal.config)
        source.portal.dataFiles = [:]
        return Background(ownThread: true) { figures(files, config: config) }
    }
}
