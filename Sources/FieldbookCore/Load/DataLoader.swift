/// Reads and checks `content/data/`: team, deals, targets, metrics (with their KPI definitions) and training.
///
/// Every file is optional, but team.json is required as soon as any other is present. Each record is checked as it
/// is read (types, ids, dates, ranges), and every reference (a deal's rep, a target's region) against the team, so
/// the KPI engine only ever sees consistent data.
public struct DataLoader {
    public static let folder = "content/data"
    public let fiscalCalendar: FiscalCalendar

    public init(fiscalCalendar: FiscalCalendar = FiscalCalendar()) {
        self.fiscalCalendar = fiscalCalendar
    }

    /// Parses the data files given as file name (`deals.json`) → bytes. Nil data when there are no files.
    public func load(_ files: [String: [UInt8]]) -> (PerformanceData?, [Diagnostic]) {
        guard !files.isEmpty else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        for name in files.keys.sorted() where !Self.fileNames.contains(name) {
            diagnostics.append(
                .warning(SourceLocation(path: "\(Self.folder)/\(name)"), "unknown data file (known: \(Self.fileNames.joined(separator: ", ")))"))
        }
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
        read("deals.json") { file, bytes in readDeals(bytes, &file, &context) }
        read("targets.json") { file, bytes in readTargets(bytes, &file, &context) }
        read("metrics.json") { file, bytes in readMetrics(bytes, &file, &context) }
        read("training.json") { file, bytes in readTraining(bytes, &file, &context) }
        for (rep, location) in context.repLocations.sorted(by: { $0.value < $1.value }) where !context.repsWithData.contains(rep) {
            diagnostics.append(.warning(location, "rep \"\(rep)\" has no deals, metrics or targets"))
        }
        let data = PerformanceData(
            team: context.team, deals: context.deals, targets: context.targets, metrics: context.metrics,
            metricDefinitions: context.metricDefinitions, training: context.training)
        return (data, diagnostics)
    }

    static let fileNames = ["team.json", "deals.json", "targets.json", "metrics.json", "kpis.json", "training.json"]

    /// What has been read so far, for checking references in the files that follow.
    private struct Context {
        var team = Team(regions: [], managers: [], reps: [])
        var repLocations: [String: SourceLocation] = [:]
        var repsWithData: Set<String> = []
        var deals: [Deal] = []
        var targets: [TargetRecord] = []
        var metrics: [MetricRecord] = []
        var metricDefinitions: [KPIDefinition] = []
        var training: [TrainingRecord] = []
        var regionIds: Set<String> { Set(team.regions.map(\.id)) }
        var managerIds: Set<String> { Set(team.managers.map(\.id)) }
    }

    private func readTeam(_ root: JSONNode, _ file: inout DataFileReader, _ context: inout Context) {
        guard var top = file.members(root, "team").map({ RecordFields(node: root, jsonPath: "team", members: $0) }) else { return }
        var seen: [String: String] = [:]
        func unique(_ id: String, _ path: String, _ node: JSONNode, _ file: inout DataFileReader) -> Bool {
            if let first = seen[id] {
                file.error(node, path, "duplicate id \"\(id)\" (first used at \(first))")
                return false
            }
            seen[id] = path
            return true
        }
        var regionManagers: [(Int, String, JSONNode, String)] = []
        for (node, path) in top.member("regions").map({ file.array($0, "regions") }) ?? [] {
            guard let members = file.members(node, path) else { continue }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file), unique(id, path, node, &file) else { continue }
            let name = fields.string("name", required: true, in: &file) ?? id
            let manager = fields.id("manager", in: &file)
            if let manager { regionManagers.append((context.team.regions.count, manager, fields.member("manager")!, path)) }
            context.team.regions.append(Region(id: id, name: name, manager: manager, timezone: fields.string("timezone", in: &file)))
            fields.warnUnknownKeys(in: &file)
        }
        seen = [:]
        for (node, path) in top.member("managers").map({ file.array($0, "managers") }) ?? [] {
            guard let members = file.members(node, path) else { continue }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file), unique(id, path, node, &file) else { continue }
            let name = fields.string("name", required: true, in: &file) ?? id
            var region = fields.id("region", in: &file)
            if let known = region, !context.regionIds.contains(known) {
                file.error(fields.member("region")!, "\(path).region", "unknown region \"\(known)\"")
                region = nil
            }
            context.team.managers.append(Manager(id: id, name: name, region: region))
            fields.warnUnknownKeys(in: &file)
        }
        for (index, manager, node, path) in regionManagers where !context.managerIds.contains(manager) {
            file.error(node, "\(path).manager", "unknown manager \"\(manager)\"")
            context.team.regions[index].manager = nil
        }
        seen = [:]
        guard let repsNode = top.member("reps") else {
            file.error(root, "team", "missing \"reps\"")
            return
        }
        for (node, path) in file.array(repsNode, "reps") {
            guard let members = file.members(node, path) else { continue }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file), unique(id, path, node, &file) else { continue }
            let name = fields.string("name", required: true, in: &file) ?? id
            guard let region = fields.id("region", required: true, in: &file) else { continue }
            guard context.regionIds.contains(region) else {
                file.error(fields.member("region")!, "\(path).region", "unknown region \"\(region)\"")
                continue
            }
            var manager = fields.id("manager", in: &file)
            if let known = manager, !context.managerIds.contains(known) {
                file.error(fields.member("manager")!, "\(path).manager", "unknown manager \"\(known)\"")
                manager = nil
            }
            context.team.reps.append(
                Rep(
                    id: id, name: name, region: region, manager: manager, title: fields.string("title", in: &file),
                    started: fields.day("started", in: &file), email: fields.string("email", in: &file)))
            context.repLocations[id] = file.location(node)
            fields.warnUnknownKeys(in: &file)
        }
        top.warnUnknownKeys(in: &file)
    }

    private func readKPIs(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        var seen: Set<String> = Set(KPI.builtIn.map(\.id))
        file.forEachRecord(bytes, "kpis") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file) else { return }
            guard seen.insert(id).inserted else {
                file.error(
                    fields.member("id")!, "\(path).id",
                    KPI.builtIn.contains { $0.id == id } ? "\"\(id)\" is a built-in KPI" : "duplicate KPI \"\(id)\"")
                return
            }
            func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ fields: inout RecordFields, default value: T) -> T
            where T.RawValue == String {
                guard let text = fields.string(key, in: &file) else { return value }
                guard let parsed = T(rawValue: text) else {
                    file.error(
                        fields.member(key)!, "\(path).\(key)",
                        "expected one of \(T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), found \"\(text)\"")
                    return value
                }
                return parsed
            }
            let definition = KPIDefinition(
                id: id, label: fields.string("label", in: &file) ?? Slug.humanized(id), unit: choice("unit", &fields, default: .count),
                better: choice("better", &fields, default: .higher), aggregate: choice("aggregate", &fields, default: .sum))
            context.metricDefinitions.append(definition)
            fields.warnUnknownKeys(in: &file)
        }
    }

    private func readDeals(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        var seen: [String: Int] = [:]
        var index = -1
        file.forEachRecord(bytes, "deals") { file, node, path in
            index += 1
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.string("id", required: true, in: &file), !id.isEmpty else { return }
            if let first = seen[id] {
                file.error(fields.member("id")!, "\(path).id", "duplicate deal id \"\(id)\" (first at deals[\(first)])")
                return
            }
            seen[id] = index
            guard let rep = fields.id("rep", required: true, in: &file) else { return }
            guard reps.contains(rep) else {
                file.error(fields.member("rep")!, "\(path).rep", "unknown rep \"\(rep)\"")
                return
            }
            guard let stage = fields.string("stage", required: true, in: &file)?.lowercased(), !stage.isEmpty else { return }
            var deal = Deal(
                id: id, rep: rep, account: fields.string("account", in: &file), product: fields.string("product", in: &file), stage: stage,
                amount: nil, created: fields.day("created", in: &file), closed: fields.day("closed", in: &file),
                expectedClose: fields.day("expected_close", in: &file), probability: nil)
            if let amount = fields.number("amount", in: &file) {
                if amount < 0 {
                    file.error(fields.member("amount")!, "\(path).amount", "must not be negative, found \(amount)")
                } else if amount > 1e15 {
                    file.error(fields.member("amount")!, "\(path).amount", "is too large")
                } else {
                    deal.amount = Cents((amount * 100).rounded())
                }
            }
            if let probability = fields.number("probability", in: &file) {
                if (0...1).contains(probability) {
                    deal.probability = probability
                } else {
                    file.error(fields.member("probability")!, "\(path).probability", "must be between 0 and 1, found \(probability)")
                }
            }
            if (deal.isWon || deal.isLost), deal.closed == nil, fields.member("closed") == nil {
                file.error(node, path, "\(stage) deal \"\(id)\" has no \"closed\" date")
                return
            }
            if let created = deal.created, let closed = deal.closed, closed < created {
                file.error(fields.member("closed")!, "\(path).closed", "\(closed) is before the deal was created (\(created))")
                return
            }
            fields.warnUnknownKeys(in: &file)
            context.repsWithData.insert(rep)
            context.deals.append(deal)
        }
    }

    private func readTargets(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        let kpis = Set(KPI.builtIn.map(\.id) + context.metricDefinitions.map(\.id))
        var seen: [String: String] = [:]
        file.forEachRecord(bytes, "targets") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            let scopes = ["rep", "region", "team"].filter { fields.member($0) != nil }
            guard scopes.count == 1 else {
                file.error(
                    node, path, scopes.isEmpty ? "needs one of \"rep\", \"region\" or \"team\"" : "has both \"\(scopes[0])\" and \"\(scopes[1])\"")
                return
            }
            let scope: TargetScope
            switch scopes[0] {
            case "team":
                guard fields.member("team")?.bool == true else {
                    file.error(fields.member("team")!, "\(path).team", "expected true")
                    return
                }
                scope = .team
            case "rep":
                guard let rep = fields.id("rep", in: &file) else { return }
                guard reps.contains(rep) else {
                    file.error(fields.member("rep")!, "\(path).rep", "unknown rep \"\(rep)\"")
                    return
                }
                scope = .rep(rep)
                context.repsWithData.insert(rep)
            default:
                guard let region = fields.id("region", in: &file) else { return }
                guard context.regionIds.contains(region) else {
                    file.error(fields.member("region")!, "\(path).region", "unknown region \"\(region)\"")
                    return
                }
                scope = .region(region)
            }
            guard let periodText = fields.string("period", required: true, in: &file) else { return }
            guard let period = fiscalCalendar.parse(periodText) else {
                file.error(fields.member("period")!, "\(path).period", "expected YYYY-MM, YYYY-Qn or YYYY, found \"\(periodText)\"")
                return
            }
            var values: [String: Double] = [:]
            for (member, value) in fields.kpiValues(known: kpis, unknown: { "unknown KPI \"\($0)\"" }, allowNegative: false, in: &file) {
                let keyPath = "\(path).\(member.key)"
                let key = "\(scope) \(period) \(member.key)"
                if let first = seen[key] {
                    file.error(member.node, keyPath, "duplicate target (first at \(first))")
                    continue
                }
                seen[key] = keyPath
                values[member.key] = value
            }
            context.targets.append(TargetRecord(scope: scope, period: period, values: values))
        }
    }

    private func readMetrics(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        let metrics = Set(context.metricDefinitions.map(\.id))
        var seen: [String: String] = [:]
        file.forEachRecord(bytes, "metrics") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let rep = fields.id("rep", required: true, in: &file) else { return }
            guard reps.contains(rep) else {
                file.error(fields.member("rep")!, "\(path).rep", "unknown rep \"\(rep)\"")
                return
            }
            guard let periodText = fields.string("period", required: true, in: &file) else { return }
            guard let period = fiscalCalendar.parse(periodText), period.kind == .month else {
                file.error(fields.member("period")!, "\(path).period", "expected a month written YYYY-MM, found \"\(periodText)\"")
                return
            }
            var values: [String: Double] = [:]
            let unknown = { (key: String) in "unknown metric \"\(key)\": describe it in kpis.json" }
            for (member, value) in fields.kpiValues(known: metrics, unknown: unknown, allowNegative: true, in: &file) {
                let keyPath = "\(path).\(member.key)"
                let key = "\(rep) \(period.firstMonth) \(member.key)"
                if let first = seen[key] {
                    file.error(member.node, keyPath, "duplicate value for \(rep) in \(periodText) (first at \(first))")
                    continue
                }
                seen[key] = keyPath
                values[member.key] = value
            }
            context.repsWithData.insert(rep)
            context.metrics.append(MetricRecord(rep: rep, month: period.firstMonth, values: values))
        }
    }

    private func readTraining(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        file.forEachRecord(bytes, "training") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let rep = fields.id("rep", required: true, in: &file), let lesson = fields.string("lesson", required: true, in: &file),
                let completed = fields.day("completed", required: true, in: &file)
            else { return }
            guard reps.contains(rep) else {
                file.error(fields.member("rep")!, "\(path).rep", "unknown rep \"\(rep)\"")
                return
            }
            let parts = lesson.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, Slug.isValid(String(parts[0])), Slug.isValidPageName(String(parts[1])) else {
                file.error(fields.member("lesson")!, "\(path).lesson", "expected <course>/<lesson>, found \"\(lesson)\"")
                return
            }
            let score = fields.number("score", in: &file)
            fields.warnUnknownKeys(in: &file)
            context.training.append(TrainingRecord(rep: rep, lesson: lesson, completed: completed, score: score, location: file.location(node)))
        }
    }
}
