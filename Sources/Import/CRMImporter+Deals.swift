import FieldbookModel

/// Importing deals: owners matched to the team's reps, stages to the portal's, open deals valued from a price list.
extension CRMImporter {
    /// `deals.json` from a table of opportunities. Owners must be reps of `team` (by name or id); stages must be won,
    /// lost or one of `openStages` (the portal's `pipeline.stages`; nil skips that check). With `prices`, an open
    /// deal without an amount is valued at its product's list price and marked `amount_estimated`; a product the
    /// list does not have is an error.
    package func deals(from table: CSVTable, team: Team?, openStages: Set<String>?, prices: PriceList? = nil) -> Result<Imported, DiagnosticsError> {
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
        let rows = readDeals(table, columns, team: team, openStages: openStages, prices: prices)
        // A stage or product missing from the settings is one mistake on many rows: said first, never cut by the limit.
        let summaries = Self.unknownStageErrors(rows.unknownStages, openStages: openStages ?? []) + Self.unpricedErrors(rows.unpriced, prices: prices)
        guard summaries.isEmpty, !rows.diagnostics.hasErrors else {
            return .failure(DiagnosticsError(summaries + Self.limited(rows.diagnostics, in: table).diagnostics))
        }
        let byStage = rows.stages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var report = Self.report(Self.dealFields, columns, in: table)
        report.stages = rows.mappings.values.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        report.priceList = prices?.file
        report.valued = rows.valued.values.sorted { ($0.count, $1.product) > ($1.count, $0.product) }
        report.unvalued = rows.unvalued
        report.summary = "\(rows.deals.count) deal\(rows.deals.count == 1 ? "" : "s") (\(byStage))"
        return .success(Imported(json: JSONOutput.array(rows.deals).rendered(indentedLevels: 1), report: report))
    }

    /// Every row as a deal, or as what is wrong with it.
    private func readDeals(_ table: CSVTable, _ columns: [String: Int], team: Team, openStages: Set<String>?, prices: PriceList?) -> DealRows {
        let repByName = Dictionary(team.reps.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        let repIds = Set(team.reps.map(\.id))
        var rows = DealRows()
        for (index, row) in table.rows.enumerated() {
            let location = table.location(ofRow: index)
            let value = { (field: String) in Self.cell(row, columns[field]) }
            guard let id = value("id"), let owner = value("rep"), let stageName = value("stage") else {
                rows.diagnostics.append(.error(location, "a deal needs an id, an owner and a stage"))
                continue
            }
            guard rows.seen.insert(id).inserted else {
                rows.diagnostics.append(.error(location, "duplicate deal id \"\(id)\""))
                continue
            }
            let stage = Self.stage(stageName)
            rows.mappings[stageName, default: .init(name: stageName, stage: stage, count: 0)].count += 1
            if let open = openStages, stage != "won", stage != "lost", !open.contains(stage) {
                rows.unknownStages.append((stageName, stage, location))
                continue
            }
            guard let rep = repByName[owner] ?? SlugAllocator.slug(owner).flatMap({ repIds.contains($0) ? $0 : nil }) else {
                rows.diagnostics.append(.error(location, "deal \"\(id)\": owner \"\(owner)\" is not a rep of the team (content/data/team.json)"))
                continue
            }
            rows.stages[stage, default: 0] += 1
            var listPrice: Double?
            if value("amount") == nil, stage != "won", stage != "lost" { listPrice = rows.listPrice(value, in: prices, at: location) }
            switch dealFields(id: id, rep: rep, stage: stage, listPrice: listPrice, value) {
            case .success(let fields): rows.deals.append(.object(fields))
            case .failure(let problems): rows.diagnostics.append(.error(location, "deal \"\(id)\": " + problems.joined(separator: "; ")))
            }
        }
        return rows
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
}

/// The deals as their rows are read, with what the report and the errors about settings need.
private struct DealRows {
    var deals: [JSONOutput] = []
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []
    var stages: [String: Int] = [:]
    var mappings: [String: ImportReport.StageMapping] = [:]
    var unknownStages: [(name: String, stage: String, location: SourceLocation)] = []
    var valued: [String: ImportReport.Valuation] = [:]
    var unpriced: [(product: String, location: SourceLocation)] = []
    var unvalued = 0

    /// The list price of an open deal without an amount, counting it as valued, unpriced or unvalued.
    mutating func listPrice(_ value: (String) -> String?, in prices: PriceList?, at location: SourceLocation) -> Double? {
        guard let prices, let product = value("product") else {
            unvalued += 1
            return nil
        }
        guard let match = prices.match(product) else {
            unpriced.append((product, location))
            return nil
        }
        valued[product, default: .init(product: product, listed: match.name, count: 0)].count += 1
        return match.price
    }
}
