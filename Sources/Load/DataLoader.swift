import FieldbookModel

/// Reads and checks `content/data/`: team, deals, targets, metrics (with their KPI definitions) and training.
///
/// Every file is optional, but team.json is required as soon as any other is present. Each record is checked as it
/// is read (types, ids, dates, ranges), and every reference (a deal's rep, a target's region) against the team, so
/// the KPI engine only ever sees consistent data.
public struct DataLoader: Sendable {
    package static let folder = PortalSource.dataFolder
    package let fiscalCalendar: FiscalCalendar
    /// The open stages of `pipeline.stages`. A deal's stage is `won`, `lost` or one of these: anything else is an
    /// error (a misspelt `"wonn"` would otherwise be an open deal weighted 0). Nil only for callers that read the
    /// team alone (`fieldbook new`, `fieldbook import`).
    package let openStages: Set<String>?

    public init(fiscalCalendar: FiscalCalendar = FiscalCalendar(), openStages: Set<String>? = nil) {
        self.fiscalCalendar = fiscalCalendar
        self.openStages = openStages
    }

    /// Parses the data files given as file name (`deals.json`) → bytes. Nil data when there are no files.
    public func load(_ files: [String: [UInt8]]) -> (PerformanceData?, [Diagnostic]) {
        guard !files.isEmpty else { return (nil, []) }
        var diagnostics = Self.checkNames(files)
        guard files["team.json"] != nil else {
            return (
                nil, diagnostics + [.error(SourceLocation(path: "\(Self.folder)/team.json"), "team.json is required when other data files exist")]
            )
        }
        var context = Context()
        func read(_ name: String, _ body: (inout DataFileReader, [UInt8]) -> Void) {
            guard let bytes = files[name] else { return }
            var file = DataFileReader(path: "\(Self.folder)/\(name)", bytes: bytes)
            body(&file, bytes)
            diagnostics += file.diagnostics
        }
        read("team.json") { file, bytes in
            do throws(JSONReader.SyntaxError) {
                readTeam(try JSONReader.parse(bytes), &file, &context)
            } catch {
                file.syntaxError(error)
            }
        }
        // The other files are arrays of records, streamed: a million deals never exist as one JSON tree.
        read("kpis.json") { file, bytes in readKPIs(bytes, &file, &context) }
        // Deals, targets, metrics and training each check against the team and the KPIs alone, never against one
        // another: they are read at the same time, each into its own copy of what is known, and merged in this order.
        let known = context
        let parts = parallelMap(["deals.json", "extract.json", "rollups.json", "targets.json", "metrics.json", "training.json"]) {
            name -> (Context, [Diagnostic])? in
            guard let bytes = files[name] else { return nil }
            var file = DataFileReader(path: "\(Self.folder)/\(name)", bytes: bytes)
            var part = known
            switch name {
            case "deals.json": readDeals(bytes, &file, &part)
            case "extract.json": readDeals(bytes, &file, &part, records: "extract")
            case "rollups.json": readRollups(bytes, &file, &part)
            case "targets.json": readTargets(bytes, &file, &part)
            case "metrics.json": readMetrics(bytes, &file, &part)
            default: readTraining(bytes, &file, &part)
            }
            if name == "extract.json" { (part.extract, part.deals) = (part.deals, []) }
            return (part, file.diagnostics)
        }
        // Each kind of record comes from its own file: taking the part's array whole spares copying a million deals.
        for case (let part, let found)? in parts {
            if !part.deals.isEmpty { context.deals = part.deals }
            if let rollups = part.rollups { context.rollups = rollups }
            if !part.extract.isEmpty { context.extract = part.extract }
            if !part.targets.isEmpty { context.targets = part.targets }
            if !part.metrics.isEmpty { context.metrics = part.metrics }
            if !part.training.isEmpty { context.training = part.training }
            diagnostics += found
        }
        // A rep without deals, metrics or targets yet is normal (a new hire): not a warning.
        var data = PerformanceData(
            team: context.team, deals: context.deals, targets: context.targets, metrics: context.metrics,
            metricDefinitions: context.metricDefinitions, training: context.training)
        (data.rollups, data.extract) = (context.rollups, context.extract)
        return (data, diagnostics)
    }

    /// Warnings for files of no known name, and an error for deals.json beside rollups.json: which would count?
    private static func checkNames(_ files: [String: [UInt8]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in files.keys.sorted() where !fileNames.contains(name) {
            diagnostics.append(
                .warning(SourceLocation(path: "\(folder)/\(name)"), "unknown data file (known: \(fileNames.joined(separator: ", ")))"))
        }
        if files["deals.json"] != nil, files["rollups.json"] != nil {
            diagnostics.append(
                .error(
                    SourceLocation(path: "\(folder)/rollups.json"),
                    "a portal has deals.json or rollups.json, not both: remove deals.json to build from the warehouse's rollups"))
        }
        if files["extract.json"] != nil, files["rollups.json"] == nil {
            diagnostics.append(
                .error(
                    SourceLocation(path: "\(folder)/extract.json"),
                    "the warehouse's extract lists deals behind rollups: import them too (fieldbook import rollups), or remove extract.json"))
        }
        return diagnostics
    }

    static let fileNames = ["team.json", "deals.json", "rollups.json", "extract.json", "targets.json", "metrics.json", "kpis.json", "training.json"]

    /// What has been read so far, for checking references in the files that follow.
    struct Context {
        var team = Team(regions: [], managers: [], reps: [])
        var deals: [Deal] = []
        var rollups: Rollups?
        var extract: [Deal] = []
        var targets: [TargetRecord] = []
        var metrics: [MetricRecord] = []
        var metricDefinitions: [KPIDefinition] = []
        var training: [TrainingRecord] = []
        var regionIds: Set<String> { Set(team.regions.map(\.id)) }
        var managerIds: Set<String> { Set(team.managers.map(\.id)) }
    }
}
