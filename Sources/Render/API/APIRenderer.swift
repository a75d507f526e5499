import FieldbookModel
import Foundation

/// Publishes every computed figure as JSON beside the portal (`api/team.json`, `api/regions/<id>.json`,
/// `api/managers/<id>.json`, `api/reps/<id>.json`) and one CSV of every rep and period (`api/reps.csv`).
/// The format is documented in docs/api.md.
package struct APIRenderer: Sendable {
    package let scoreboard: Scoreboard
    package let team: Team
    package let currency: String

    package init(scoreboard: Scoreboard, team: Team, currency: String) {
        self.scoreboard = scoreboard
        self.team = team
        self.currency = currency
        periodText = Dictionary(scoreboard.periods.map { ($0, PeriodText($0, scoreboard.calendar)) }, uniquingKeysWith: { first, _ in first })
        kpiKeys = scoreboard.kpis.map { kpi in
            func key(_ name: String) -> [UInt8] {
                var bytes = Array(", ".utf8)
                JSONOutput.appendQuoted(name, to: &bytes)
                return bytes + Array(": ".utf8)
            }
            return KPIKeys(
                actual: key(kpi.id), target: key("\(kpi.id)_target"), attainment: key("\(kpi.id)_attainment"), change: key("\(kpi.id)_change"),
                yearChange: key("\(kpi.id)_change_year"), decimals: Self.decimals(kpi.definition.unit))
        }
    }

    // What every entity's periods share, worked out once: 5,000 reps have 170,000 periods between them.
    /// Each period's label, first day and last day.
    private let periodText: [Period: PeriodText]
    /// Each KPI's four field names, quoted, with the comma before and the colon after; and its decimals.
    private let kpiKeys: [KPIKeys]

    private struct PeriodText: Sendable {
        var label: String
        var start: String
        var end: String
        init(_ period: Period, _ calendar: FiscalCalendar) {
            (label, start, end) = (calendar.label(period), period.firstDay.description, period.lastDay.description)
        }
    }

    private struct KPIKeys: Sendable {
        var actual: [UInt8]
        var target: [UInt8]
        var attainment: [UInt8]
        var change: [UInt8]
        var yearChange: [UInt8]
        var decimals: Int
    }

    private func describe(_ period: Period) -> PeriodText { periodText[period] ?? PeriodText(period, scoreboard.calendar) }

    /// Every file of the API.
    package func render() -> [OutputFile] {
        var files: [OutputFile] = []
        render { files += $0 }
        return files
    }

    /// Every file of the API, handed to `emit` in batches as they are made: the reps' files (most of the output, 70 KB
    /// each with three years of data) `batchSize` at a time, so a writer that takes each batch as it comes never holds
    /// the API whole.
    package func render(batches emit: ([OutputFile]) -> Void) {
        var files: [OutputFile] = []
        func repsOf(_ include: (Rep) -> Bool) -> JSONOutput { .array(team.reps.filter(include).map { .string($0.id) }) }

        let kpiList = JSONOutput.array(
            scoreboard.kpis.map { kpi in
                .object([
                    ("id", .string(kpi.id)), ("label", .string(kpi.definition.label)), ("unit", .string(kpi.definition.unit.rawValue)),
                    ("better", .string(kpi.definition.better.rawValue)), ("aggregate", .string(kpi.definition.aggregate.rawValue)),
                ])
            })
        files.append(
            file(
                "api/team.json", scoreboard.team,
                extra: [
                    ("regions", .array(team.regions.map { .string($0.id) })), ("managers", .array(team.managers.map { .string($0.id) })),
                    ("reps", repsOf { _ in true }), ("kpis", kpiList),
                ]))
        // The scoreboard lists regions and managers in the team's order.
        for (figures, region) in zip(scoreboard.regions, team.regions) {
            files.append(
                file(
                    "api/regions/\(figures.id).json", figures,
                    extra: [("manager", .text(region.manager)), ("timezone", .text(region.timezone)), ("reps", repsOf { $0.region == region.id })]))
        }
        for (figures, manager) in zip(scoreboard.managers, team.managers) {
            files.append(
                file(
                    "api/managers/\(figures.id).json", figures,
                    extra: [("region", .text(manager.region)), ("reps", repsOf { team.manager(of: $0) == manager.id })]))
        }
        emit(files)
        // Reps are most of the output: render them on every core.
        let reps = Array(zip(scoreboard.reps, team.reps))
        for start in stride(from: 0, to: reps.count, by: Self.batchSize) {
            emit(
                parallelMap(Array(reps[start..<min(start + Self.batchSize, reps.count)])) { figures, rep in
                    file(
                        "api/reps/\(figures.id).json", figures,
                        extra: [
                            ("region", .string(rep.region)), ("manager", .text(team.manager(of: rep))), ("title", .text(rep.title)),
                            ("started", .text(rep.started?.description)),
                        ])
                })
        }
        emit([OutputFile(path: "api/reps.csv", bytes: csv())])
    }

    /// Reps' files per batch.
    static let batchSize = 256

    private func file(_ path: String, _ figures: EntityFigures, extra: [(String, JSONOutput)]) -> OutputFile {
        let object = JSONOutput.object(
            [("id", .string(figures.id)), ("name", .string(figures.name)), ("kind", .string(figures.kind.rawValue))] + extra + [
                ("asOf", .text(scoreboard.asOf?.description)), ("currency", .string(currency)),
                ("periods", .array(figures.periods.map { .raw(periodLine($0, rep: figures.kind == .rep)) })),
            ])
        return OutputFile(path: path, bytes: object.bytes())
    }

    /// One period, on one line: its identity, then for each KPI its actual, target, attainment and changes, a rep's
    /// ranks, and the forecasts. Written straight to bytes, field names ready-made: 5,000 reps have 170,000 of these.
    /// The same bytes `JSONOutput` writes for an object below the indented levels (a golden file holds them to it).
    func periodLine(_ figures: PeriodFigures, rep: Bool) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(64 * kpiKeys.count + 256)
        func key(_ name: StaticString) { line.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) }
        func text(_ value: String) { JSONOutput.appendQuoted(value, to: &line) }
        func number(_ value: Double?, _ decimals: Int) {
            if let value { JSONOutput.append(value, decimals: decimals, to: &line) } else { key("null") }
        }
        let period = figures.period
        let labels = describe(period)
        key(#"{"period": "#)
        text(labels.label)
        key(#", "kind": "#)
        text(period.kind.rawValue)
        key(#", "partial": "#)
        key(figures.partial ? "true" : "false")
        key(#", "start": "#)
        text(labels.start)
        key(#", "end": "#)
        text(labels.end)
        for (k, keys) in kpiKeys.enumerated() {
            line += keys.actual
            number(figures.actual[k], keys.decimals)
            line += keys.target
            number(figures.target[k], keys.decimals)
            line += keys.attainment
            number(figures.attainment(k), 6)
            line += keys.change
            number(figures.change[k], keys.decimals)
            line += keys.yearChange
            number(figures.yearChange[k], keys.decimals)
        }
        if rep {
            key(#", "rank_in_region": "#)
            number(figures.rankInRegion.map(Double.init), 0)
            key(#", "rank_in_team": "#)
            number(figures.rankInTeam.map(Double.init), 0)
        }
        key(#", "forecasts": ["#)
        for (index, forecast) in figures.forecasts.enumerated() {
            key(index == 0 ? #"{"method": "# : #", {"method": "#)
            text(forecast.method.rawValue)
            key(#", "description": "#)
            text(forecast.explanation)
            key(#", "revenue": "#)
            number(forecast.revenue, 2)
            key("}")
        }
        key("]}")
        return line
    }

    /// Money to the cent, rates to six places, counts whole, days and scores to two places.
    static func decimals(_ unit: KPIDefinition.Unit) -> Int {
        switch unit {
        case .currency, .days, .score: 2
        case .percent: 6
        case .count: 2
        }
    }

    /// One row per rep and period, the same columns as the JSON periods. Reps' rows are written on every core.
    func csv() -> [UInt8] {
        var header = ["rep", "name", "region", "manager", "period", "kind", "partial"]
        for kpi in scoreboard.kpis { header += [kpi.id, "\(kpi.id)_target", "\(kpi.id)_attainment", "\(kpi.id)_change", "\(kpi.id)_change_year"] }
        header += ["rank_in_region", "rank_in_team"]
        let decimals = scoreboard.kpis.map { Self.decimals($0.definition.unit) }
        let rows = parallelMap(Array(zip(scoreboard.reps, team.reps))) { figures, rep -> [UInt8] in
            var output: [UInt8] = []
            let identity = [rep.id, rep.name, rep.region, team.manager(of: rep) ?? ""].map(Self.csvField).joined(separator: ",")
            for period in figures.periods {
                output.append(contentsOf: identity.utf8)
                for field in [describe(period.period).label, period.period.kind.rawValue, period.partial ? "true" : "false"] {
                    output.append(UInt8(ascii: ","))
                    output.append(contentsOf: Self.csvField(field).utf8)
                }
                for k in decimals.indices {
                    for (value, places) in [
                        (period.actual[k], decimals[k]), (period.target[k], decimals[k]), (period.attainment(k), 6), (period.change[k], decimals[k]),
                        (period.yearChange[k], decimals[k]),
                    ] {
                        output.append(UInt8(ascii: ","))
                        if let value { JSONOutput.append(value, decimals: places, to: &output) }
                    }
                }
                for rank in [period.rankInRegion, period.rankInTeam] {
                    output.append(UInt8(ascii: ","))
                    if let rank { output.append(contentsOf: String(rank).utf8) }
                }
                output.append(0x0A)
            }
            return output
        }
        var output = Array((header.map(Self.csvField).joined(separator: ",") + "\n").utf8)
        output.reserveCapacity(output.count + rows.reduce(0) { $0 + $1.count })
        for row in rows { output.append(contentsOf: row) }
        return output
    }

    static func csvField(_ field: String) -> String { FieldbookModel.csvField(field) }
}
