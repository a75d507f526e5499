import FieldbookModel

/// Reading the record files (kpis, targets, metrics, training; deals in DataLoader+Deals.swift), streamed one record at a time.
extension DataLoader {
    func readKPIs(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        var seen: Set<String> = Set(KPI.builtIn.map(\.id))
        file.forEachRecord(bytes, "kpis") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file) else { return }
            guard seen.insert(id).inserted else {
                file.error(
                    fields.at("id"), "\(path).id",
                    KPI.builtIn.contains { $0.id == id } ? "\"\(id)\" is a built-in KPI" : "duplicate KPI \"\(id)\"")
                return
            }
            func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ fields: inout RecordFields, default value: T) -> T
            where T.RawValue == String {
                guard let text = fields.string(key, in: &file) else { return value }
                guard let parsed = T(rawValue: text) else {
                    file.error(
                        fields.at(key), "\(path).\(key)",
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

    func readTargets(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        let kpis = Set(KPI.builtIn.map(\.id) + context.metricDefinitions.map(\.id))
        var seen = FirstGiven<TargetSlot>()
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
                    file.error(fields.at("team"), "\(path).team", "expected true")
                    return
                }
                scope = .team
            case "rep":
                guard let rep = fields.id("rep", in: &file) else { return }
                guard reps.contains(rep) else {
                    file.error(fields.at("rep"), "\(path).rep", "unknown rep \"\(rep)\"")
                    return
                }
                scope = .rep(rep)
            default:
                guard let region = fields.id("region", in: &file) else { return }
                guard context.regionIds.contains(region) else {
                    file.error(fields.at("region"), "\(path).region", "unknown region \"\(region)\"")
                    return
                }
                scope = .region(region)
            }
            guard let periodText = fields.string("period", required: true, in: &file) else { return }
            guard let period = fiscalCalendar.parse(periodText) else {
                file.error(fields.at("period"), "\(path).period", "expected YYYY-MM, YYYY-Qn or YYYY, found \"\(periodText)\"")
                return
            }
            var values: [String: Double] = [:]
            for (member, value) in fields.kpiValues(known: kpis, unknown: { "unknown KPI \"\($0)\"" }, allowNegative: false, in: &file) {
                if let first = seen.earlier(TargetSlot(scope: scope, period: period), member.key, record: path) {
                    file.error(member.node, "\(path).\(member.key)", "duplicate target (first at \(first).\(member.key))")
                    continue
                }
                values[member.key] = value
            }
            context.targets.append(TargetRecord(scope: scope, period: period, values: values))
        }
    }

    func readMetrics(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        let metrics = Set(context.metricDefinitions.map(\.id))
        var seen = FirstGiven<MetricSlot>()
        file.forEachRecord(bytes, "metrics") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let rep = fields.id("rep", required: true, in: &file) else { return }
            guard reps.contains(rep) else {
                file.error(fields.at("rep"), "\(path).rep", "unknown rep \"\(rep)\"")
                return
            }
            guard let periodText = fields.string("period", required: true, in: &file) else { return }
            guard let period = fiscalCalendar.parse(periodText), period.kind == .month else {
                file.error(fields.at("period"), "\(path).period", "expected a month written YYYY-MM, found \"\(periodText)\"")
                return
            }
            var values: [String: Double] = [:]
            let unknown = { (key: String) in "unknown metric \"\(key)\": describe it in kpis.json" }
            for (member, value) in fields.kpiValues(known: metrics, unknown: unknown, allowNegative: true, in: &file) {
                if let first = seen.earlier(MetricSlot(rep: rep, month: period.firstMonth), member.key, record: path) {
                    file.error(member.node, "\(path).\(member.key)", "duplicate value for \(rep) in \(periodText) (first at \(first).\(member.key))")
                    continue
                }
                values[member.key] = value
            }
            context.metrics.append(MetricRecord(rep: rep, month: period.firstMonth, values: values))
        }
    }

    func readTraining(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        file.forEachRecord(bytes, "training") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let rep = fields.id("rep", required: true, in: &file), let lesson = fields.string("lesson", required: true, in: &file),
                let completed = fields.day("completed", required: true, in: &file)
            else { return }
            guard reps.contains(rep) else {
                file.error(fields.at("rep"), "\(path).rep", "unknown rep \"\(rep)\"")
                return
            }
            let parts = lesson.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, Slug.isValid(String(parts[0])), Slug.isValidPageName(String(parts[1])) else {
                file.error(fields.at("lesson"), "\(path).lesson", "expected <course>/<lesson>, found \"\(lesson)\"")
                return
            }
            let score = fields.number("score", in: &file)
            fields.warnUnknownKeys(in: &file)
            context.training.append(TrainingRecord(rep: rep, lesson: lesson, completed: completed, score: score, location: file.location(node)))
        }
    }
}

/// The record that first gave each value, to point at when another gives it again: a target for a scope and period,
/// a metric for a rep and month. Kept by value (no text made per value: metrics.json holds hundreds of thousands).
struct FirstGiven<Slot: Hashable> {
    private struct Given: Hashable {
        var slot: Slot
        var key: String
    }
    private var records: [Given: String] = [:]

    /// The path of the record that gave `key` for `slot` before; nil when none did, and `record` is remembered.
    mutating func earlier(_ slot: Slot, _ key: String, record: String) -> String? {
        let given = Given(slot: slot, key: key)
        if let first = records[given] { return first }
        records[given] = record
        return nil
    }
}

struct TargetSlot: Hashable {
    var scope: TargetScope
    var period: Period
}

struct MetricSlot: Hashable {
    var rep: String
    var month: Int
}
