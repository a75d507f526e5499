import FieldbookModel
import Foundation

/// Turns CRM exports (Salesforce, Zoho, HubSpot, 纷享销客, Maven's sample) into `team.json` and `deals.json`.
///
/// Columns are recognised by common names (case, spaces and underscores ignored), or named with `--column
/// field=header`; the report says which column fed each field. Rep, region and manager ids are slugs of their names;
/// deal owners must be reps of the portal's team (by name, or by id). Stages named like Won / Closed Won / 赢单
/// become `won`, Lost / Closed Lost / 输单 become `lost`; any other stage becomes its name as a slug, which must be
/// one of the portal's `pipeline.stages`. Nothing is guessed silently: a missing column is one error naming the
/// file's headers, and at most `rowErrorLimit` row errors are listed.
public struct CRMImporter: Sendable {
    /// Explicit column choices: field → header.
    public var columns: [String: String]

    public init(columns: [String: String] = [:]) {
        self.columns = columns
    }

    /// What an import produced: the data file's text and the report to print.
    public struct Imported: Sendable {
        public var json: String
        public var report: ImportReport
    }

    /// Row errors listed before the rest are counted in one line: a systematic problem is one mistake.
    public static let rowErrorLimit = 20

    /// `team.json` from a table of reps with their region and manager.
    public func team(from table: CSVTable) -> Result<Imported, DiagnosticsError> {
        let columns: [String: Int]
        switch resolve(Self.teamFields, in: table) {
        case .success(let found): columns = found
        case .failure(let error): return .failure(error)
        }
        var ids = SlugAllocator()
        var regions: [(id: String, name: String)] = []
        var managers: [(id: String, name: String, regions: Set<String>)] = []
        var reps: [JSONOutput] = []
        var diagnostics: [Diagnostic] = []
        var regionIds: [String: String] = [:]
        var managerIndex: [String: Int] = [:]
        var regionManagers: [String: Set<String>] = [:]
        var repLines: [String: Int] = [:]
        for (index, row) in table.rows.enumerated() {
            let value = { (field: String) in Self.cell(row, columns[field]) }
            guard let name = value("rep"), let regionName = value("region") else {
                diagnostics.append(.error(table.location(ofRow: index), "a rep needs a name and a region"))
                continue
            }
            if let first = repLines[name] {
                diagnostics.append(.error(table.location(ofRow: index), "rep \"\(name)\" is listed twice (first on line \(first))"))
                continue
            }
            repLines[name] = table.location(ofRow: index).line
            let region = regionIds[regionName] ?? ids.id(for: regionName, kind: "region")
            if regionIds[regionName] == nil {
                regionIds[regionName] = region
                regions.append((region, regionName))
            }
            var fields: [(String, JSONOutput)] = [
                ("id", .string(ids.id(for: name, kind: "rep"))), ("name", .string(name)), ("region", .string(region)),
            ]
            if let managerName = value("manager") {
                let position = managerIndex[managerName] ?? managers.count
                if position == managers.count {
                    managers.append((ids.id(for: managerName, kind: "manager"), managerName, []))
                    managerIndex[managerName] = position
                }
                managers[position].regions.insert(region)
                regionManagers[region, default: []].insert(managers[position].id)
                fields.append(("manager", .string(managers[position].id)))
            }
            for field in ["title", "email"] { if let text = value(field) { fields.append((field, .string(text))) } }
            if let started = value("started") {
                guard let day = Self.day(started) else {
                    diagnostics.append(.error(table.location(ofRow: index), "started: \"\(started)\" is not a date"))
                    continue
                }
                fields.append(("started", .string(day.description)))
            }
            reps.append(.object(fields))
        }
        guard !diagnostics.hasErrors else { return .failure(Self.limited(diagnostics, in: table)) }
        // A region led by exactly one manager names them; with several, each rep names their own.
        var regionObjects: [JSONOutput] = []
        for (id, name) in regions {
            var fields: [(String, JSONOutput)] = [("id", .string(id)), ("name", .string(name))]
            if let leads = regionManagers[id], leads.count == 1, let lead = leads.first { fields.append(("manager", .string(lead))) }
            regionObjects.append(.object(fields))
        }
        var managerObjects: [JSONOutput] = []
        for manager in managers {
            var fields: [(String, JSONOutput)] = [("id", .string(manager.id)), ("name", .string(manager.name))]
            if manager.regions.count == 1, let region = manager.regions.first { fields.append(("region", .string(region))) }
            managerObjects.append(.object(fields))
        }
        let json = JSONOutput.object([("regions", .array(regionObjects)), ("managers", .array(managerObjects)), ("reps", .array(reps))])
        var report = Self.report(Self.teamFields, columns, in: table)
        report.summary =
            "\(reps.count) rep\(reps.count == 1 ? "" : "s") in \(regions.count) region\(regions.count == 1 ? "" : "s") with \(managers.count) manager\(managers.count == 1 ? "" : "s")"
        return .success(Imported(json: json.rendered, report: report))
    }

    /// `deals.json` from a table of opportunities. Owners must be reps of `team` (by name or id); stages must be won,
    /// lost or one of `openStages` (the portal's `pipeline.stages`; nil skips that check). With `prices`, an open
    /// deal without an amount is valued at its product's list price and marked `amount_estimated`; a product the
    /// list does not have is an error.
    public func deals(from table: CSVTable, team: Team?, openStages: Set<String>?, prices: PriceList? = nil) -> Result<Imported, DiagnosticsError> {
        let columns: [String: Int]
        switch resolve(Self.dealFields, in: table) {
        case .success(let found): columns = found
        case .failure(let error): return .failure(error)
        }
        guard let team else {
            return .failure(
                DiagnosticsError([
                    .error(
                        SourceLocation(path: table.path),
                        "the portal has no team yet: import it first (fieldbook import team FILE.csv), so owners match reps")
                ]))
        }
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        let repByName = Dictionary(team.reps.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        let repIds = Set(team.reps.map(\.id))
        var deals: [JSONOutput] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        var stages: [String: Int] = [:]
        var mappings: [String: ImportReport.StageMapping] = [:]
        var unknownStages: [(name: String, stage: String, location: SourceLocation)] = []
        var valued: [String: ImportReport.Valuation] = [:]
        var unpriced: [(product: String, location: SourceLocation)] = []
        var unvalued = 0
        for (index, row) in table.rows.enumerated() {
            let location = table.location(ofRow: index)
            let value = { (field: String) in Self.cell(row, columns[field]) }
            guard let id = value("id"), let owner = value("rep"), let stageName = value("stage") else {
                diagnostics.append(.error(location, "a deal needs an id, an owner and a stage"))
                continue
            }
            guard seen.insert(id).inserted else {
                diagnostics.append(.error(location, "duplicate deal id \"\(id)\""))
                continue
            }
            let stage = Self.stage(stageName)
            mappings[stageName, default: .init(name: stageName, stage: stage, count: 0)].count += 1
            if let open = openStages, stage != "won", stage != "lost", !open.contains(stage) {
                unknownStages.append((stageName, stage, location))
                continue
            }
            guard let rep = repByName[owner] ?? SlugAllocator.slug(owner).flatMap({ repIds.contains($0) ? $0 : nil }) else {
                diagnostics.append(.error(location, "deal \"\(id)\": owner \"\(owner)\" is not a rep of the team (content/data/team.json)"))
                continue
            }
            stages[stage, default: 0] += 1
            var listPrice: Double?
            if value("amount") == nil, stage != "won", stage != "lost" {
                if let prices, let product = value("product") {
                    if let match = prices.match(product) {
                        listPrice = match.price
                        valued[product, default: .init(product: product, listed: match.name, count: 0)].count += 1
                    } else {
                        unpriced.append((product, location))
                    }
                } else {
                    unvalued += 1
                }
            }
            switch dealFields(id: id, rep: rep, stage: stage, listPrice: listPrice, value) {
            case .success(let fields): deals.append(.object(fields))
            case .failure(let problems): diagnostics.append(.error(location, "deal \"\(id)\": " + problems.joined(separator: "; ")))
            }
        }
        // A stage or product missing from the settings is one mistake on many rows: said first, never cut by the limit.
        let summaries = Self.unknownStageErrors(unknownStages, openStages: openStages ?? []) + Self.unpricedErrors(unpriced, prices: prices)
        guard summaries.isEmpty, !diagnostics.hasErrors else {
            return .failure(DiagnosticsError(summaries + Self.limited(diagnostics, in: table).diagnostics))
        }
        let byStage = stages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var report = Self.report(Self.dealFields, columns, in: table)
        report.stages = mappings.values.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        report.priceList = prices?.file
        report.valued = valued.values.sorted { ($0.count, $1.product) > ($1.count, $0.product) }
        report.unvalued = unvalued
        report.summary = "\(deals.count) deal\(deals.count == 1 ? "" : "s") (\(byStage))"
        return .success(Imported(json: JSONOutput.array(deals).rendered(indentedLevels: 1), report: report))
    }

    /// The fields of one deal, or what is wrong with its cells. `listPrice` values an open deal without an amount.
    private func dealFields(
        id: String, rep: String, stage: String, listPrice: Double?, _ value: (String) -> String?
    ) -> Result<[(String, JSONOutput)], Problems> {
        var fields: [(String, JSONOutput)] = [("id", .string(id)), ("rep", .string(rep)), ("stage", .string(stage))]
        var problems: [String] = []
        for field in ["account", "product"] { if let text = value(field) { fields.append((field, .string(text))) } }
        if let text = value("amount") {
            if let amount = Self.amount(text), amount >= 0 {
                fields.append(("amount", .number(amount, decimals: 2)))
            } else if let amount = Self.amount(text) {
                problems.append("amount \(amount) is negative")
            } else {
                problems.append("amount \"\(text)\" is not a number")
            }
        } else if let listPrice {
            fields.append(("amount", .number(listPrice, decimals: 2)))
            fields.append(("amount_estimated", .bool(true)))
        } else if stage == "won" {
            problems.append("a won deal needs an amount")
        }
        for field in ["created", "closed", "expected_close"] {
            guard let text = value(field) else { continue }
            if let day = Self.day(text) {
                fields.append((field, .string(day.description)))
            } else {
                problems.append("\(field) \"\(text)\" is not a date")
            }
        }
        if let text = value("probability") {
            if let number = Self.amount(text) {
                let probability = text.hasSuffix("%") || number > 1 ? number / 100 : number  // "40", "40%" and "0.4" mean 0.4
                if (0...1).contains(probability) {
                    fields.append(("probability", .number(probability, decimals: 4)))
                } else {
                    problems.append("probability \"\(text)\" is out of range")
                }
            } else {
                problems.append("probability \"\(text)\" is not a number")
            }
        }
        if stage == "won" || stage == "lost", value("closed") == nil { problems.append("a \(stage) deal needs a close date") }
        return problems.isEmpty ? .success(fields) : .failure(Problems(problems))
    }

    /// What is wrong with one row's cells.
    struct Problems: Error {
        var list: [String]
        init(_ list: [String]) { self.list = list }
        func joined(separator: String) -> String { list.joined(separator: separator) }
    }

    /// Columns only some deals need: an amount for won deals and a close date for won and lost ones. When the file
    /// has such deals and no such column, that is one error about the column, not one per row.
    private func missingColumns(_ table: CSVTable, _ columns: [String: Int]) -> DiagnosticsError? {
        var won = 0, closed = 0
        for row in table.rows {
            let stage = Self.cell(row, columns["stage"]).map(Self.stage)
            if stage == "won" { won += 1 }
            if stage == "won" || stage == "lost" { closed += 1 }
        }
        var diagnostics: [Diagnostic] = []
        for (field, count, who) in [("amount", won, "won deals"), ("closed", closed, "won and lost deals")] where count > 0 && columns[field] == nil {
            let names = Self.dealFields.first { $0.field == field }?.names ?? []
            diagnostics.append(
                .error(
                    SourceLocation(path: table.path, line: 1, column: 1),
                    "no column for \(field), which \(who) need (\(count) in this file; looked for \(names.joined(separator: ", "))); "
                        + "the file's columns are \(table.header.joined(separator: ", ")); name one with --column \(field)=HEADER"))
        }
        return diagnostics.isEmpty ? nil : DiagnosticsError(diagnostics)
    }

    /// One error per stage that is not won, lost or a configured stage, at its first row, with its count.
    static func unknownStageErrors(_ found: [(name: String, stage: String, location: SourceLocation)], openStages: Set<String>) -> [Diagnostic] {
        let known = ["won", "lost"] + openStages.sorted()
        return found.firstOfEach(by: \.stage).map { item, count in
            .error(
                item.location,
                "stage \"\(item.name)\" (\(count) deal\(count == 1 ? "" : "s"); this is the first)\(Suggestion.hint(for: item.stage, in: known)) is not won, "
                    + "lost or one of pipeline.stages in fieldbook.json (\(known.joined(separator: ", "))); add \"\(item.stage)\" there with its probability"
            )
        }
    }

    /// One error per product the price list does not have, at its first deal, with how many deals name it.
    static func unpricedErrors(_ found: [(product: String, location: SourceLocation)], prices: PriceList?) -> [Diagnostic] {
        guard let prices else { return [] }
        return found.firstOfEach(by: \.product).map { item, count in
            .error(
                item.location,
                "product \"\(item.product)\" (\(count) open deal\(count == 1 ? "" : "s") without an amount; this is the first) is not in "
                    + "\(prices.file)\(Suggestion.hint(for: item.product, in: prices.prices.map(\.name)))")
        }
    }

    /// At most `rowErrorLimit` errors, then one line counting the rest.
    static func limited(_ diagnostics: [Diagnostic], in table: CSVTable) -> DiagnosticsError {
        guard diagnostics.count > rowErrorLimit else { return DiagnosticsError(diagnostics) }
        let rest = diagnostics.count - rowErrorLimit
        return DiagnosticsError(
            Array(diagnostics.prefix(rowErrorLimit)) + [
                .error(
                    SourceLocation(path: table.path),
                    "\(rest) more row\(rest == 1 ? " has" : "s have") problems (the first \(rowErrorLimit) are above)")
            ])
    }

    /// The column of each field, and how many of its cells are empty.
    static func report(_ fields: [(field: String, names: [String], required: Bool)], _ columns: [String: Int], in table: CSVTable) -> ImportReport {
        let reported = fields.map { field, names, _ in
            let column = columns[field]
            let empty = column.map { index in table.rows.count { cell($0, index) == nil } } ?? 0
            return ImportReport.Column(field: field, header: column.map { table.header[$0] }, emptyCells: empty, lookedFor: names)
        }
        return ImportReport(file: table.path, rows: table.rows.count, delimiter: table.delimiter, columns: reported)
    }
}
