import FieldbookModel

/// Quotas as people enter them, in a spreadsheet, into `targets.json`.
///
/// One row per rep, region or team and period: a `rep` column (a rep's name or id), a `region` column (a region's name
/// or id), or a `team` column (yes, true, 1 or x) says whose; `period` is `YYYY`, `YYYY-Qn` or `YYYY-MM`; every other
/// column whose header is a KPI id (`Revenue`, `Deals won`: case, spaces and `-` aside) is a target. A row with a
/// rep is the rep's, else with a region the region's. A header that is nearly a KPI id is an error (`Revnue`); other
/// columns are named in the report as ignored. Percentages may be written `45%`, `45` or `0.45`.
package struct TargetImporter: Sendable {
    package var team: Team
    package var kpis: [KPIDefinition]
    package var calendar: FiscalCalendar
    /// Explicit column choices (`--column period=Quarter`): field → header.
    package var columns: [String: String]

    package init(team: Team, kpis: [KPIDefinition], calendar: FiscalCalendar, columns: [String: String] = [:]) {
        self.team = team
        self.kpis = kpis
        self.calendar = calendar
        self.columns = columns
    }

    static let fields: [(field: String, names: [String], required: Bool)] = [
        ("rep", ["rep", "rep_name", "sales_agent", "sales_rep", "owner", "销售"], false),
        ("region", ["region", "regional_office", "office", "territory", "区域"], false),
        ("team", ["team", "whole_team", "团队"], false),
        ("period", ["period", "month", "quarter", "year", "期间"], true),
    ]

    package func targets(from table: CSVTable) -> Result<CRMImporter.Imported, DiagnosticsError> {
        let importer = CRMImporter(columns: self.columns)
        let columns: [String: Int]
        switch importer.resolve(Self.fields, in: table) {
        case .success(let found): columns = found
        case .failure(let error): return .failure(error)
        }
        let kpiColumns: [KPIColumn]
        let ignored: [String]
        switch self.kpiColumns(of: table, besides: Set(columns.values)) {
        case .success(let found): (kpiColumns, ignored) = found
        case .failure(let error): return .failure(error)
        }
        let read = records(of: table, columns: columns, kpiColumns: kpiColumns)
        guard read.diagnostics.isEmpty else { return .failure(CRMImporter.limited(read.diagnostics, in: table)) }
        var report = CRMImporter.report(Self.fields, columns, in: table)
        report.columns += kpiColumns.map { column in
            let empty = table.rows.count { CRMImporter.cell($0, column.index) == nil }
            return ImportReport.Column(field: column.kpi.id, header: table.header[column.index], emptyCells: empty, lookedFor: [])
        }
        report.ignored = ignored
        let kinds = ["rep", "region", "team"].compactMap { kind in read.counts[kind].map { "\($0) \(kind)" } }
        report.summary = "\(read.records.count) target row\(read.records.count == 1 ? "" : "s") (\(kinds.joined(separator: ", ")))"
        return .success(CRMImporter.Imported(json: JSONOutput.array(read.records).rendered(indentedLevels: 1), report: report))
    }

    /// A column of targets: its position and the KPI its header names.
    private typealias KPIColumn = (index: Int, kpi: KPIDefinition)

    /// The columns that name KPIs, and the headers the import ignores. A header that is nearly a KPI id is an error,
    /// as is a file with no KPI column at all.
    private func kpiColumns(of table: CSVTable, besides taken: Set<Int>) -> Result<(columns: [KPIColumn], ignored: [String]), DiagnosticsError> {
        var kpiColumns: [KPIColumn] = []
        var ignored: [String] = []
        var diagnostics: [Diagnostic] = []
        let ids = kpis.map(\.id)
        for (index, header) in table.header.enumerated() where !taken.contains(index) {
            let key = header.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: "_")
            if let kpi = kpis.first(where: { $0.id == key }) {
                kpiColumns.append((index, kpi))
            } else if let near = Suggestion.closest(to: key, in: ids) {
                diagnostics.append(.error(SourceLocation(path: table.path), "column \"\(header)\" is no KPI (did you mean \"\(near)\"?)"))
            } else {
                ignored.append(header)
            }
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticsError(diagnostics)) }
        guard !kpiColumns.isEmpty else {
            return .failure(
                DiagnosticsError([
                    .error(
                        SourceLocation(path: table.path),
                        "no column names a KPI (the file's columns are \(table.header.joined(separator: ", ")); KPIs: \(ids.joined(separator: ", ")))"
                    )
                ]))
        }
        return .success((kpiColumns, ignored))
    }

    /// Every row with a target as a record, how many rows each kind of scope has, and what is wrong with the rest.
    private func records(
        of table: CSVTable, columns: [String: Int], kpiColumns: [KPIColumn]
    ) -> (records: [JSONOutput], counts: [String: Int], diagnostics: [Diagnostic]) {
        var records: [JSONOutput] = []
        var seen: [String: Int] = [:]
        var counts: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, row) in table.rows.enumerated() {
            let location = table.location(ofRow: index)
            let value = { (field: String) in CRMImporter.cell(row, columns[field]) }
            // A row with no target at all says nothing (a spreadsheet's blank or heading rows).
            guard kpiColumns.contains(where: { CRMImporter.cell(row, $0.index) != nil }) else { continue }
            let scope: (key: String, value: JSONOutput)
            switch whose(
                rep: value("rep"), region: value("region"), team: value("team"), hasScopeColumns: columns["rep"] != nil || columns["region"] != nil)
            {
            case .success(let found): scope = found
            case .failure(let problem):
                diagnostics.append(.error(location, problem.message))
                continue
            }
            guard let text = value("period"), let period = calendar.parse(text) else {
                diagnostics.append(.error(location, "period \"\(value("period") ?? "")\" is not YYYY, YYYY-Qn or YYYY-MM"))
                continue
            }
            let label = calendar.label(period)
            let key = "\(scope.key) \(scope.value.rendered(indentedLevels: 0)) \(label)"
            if let first = seen[key] {
                diagnostics.append(.error(location, "a second row for the same \(scope.key) and period \(label) (the first is on line \(first))"))
                continue
            }
            seen[key] = location.line
            var fields: [(String, JSONOutput)] = [scope, ("period", .string(label))]
            for (column, kpi) in kpiColumns {
                guard let cell = CRMImporter.cell(row, column) else { continue }
                guard var number = AmountParser.parse(cell), number >= 0 else {
                    diagnostics.append(.error(location, "\(kpi.id): \"\(cell)\" is not a non-negative number"))
                    continue
                }
                if kpi.unit == .percent, cell.hasSuffix("%") || number > 1 { number /= 100 }  // 45% and 45 mean 0.45
                fields.append((kpi.id, .number(number, decimals: 6)))
            }
            counts[scope.key, default: 0] += 1
            records.append(.object(fields))
        }
        return (records, counts, diagnostics)
    }

    private struct Problem: Error { var message: String }

    /// Whose target a row is: its rep, else its region, else the team.
    private func whose(rep: String?, region: String?, team flag: String?, hasScopeColumns: Bool) -> Result<(key: String, value: JSONOutput), Problem>
    {
        if let rep {
            guard let found = team.reps.first(where: { $0.name == rep || $0.id == rep }) else {
                return .failure(Problem(message: "rep \"\(rep)\" is not in content/data/team.json"))
            }
            return .success(("rep", .string(found.id)))
        }
        if let region {
            guard let found = team.regions.first(where: { $0.name == region || $0.id == region }) else {
                return .failure(Problem(message: "region \"\(region)\" is not in content/data/team.json"))
            }
            return .success(("region", .string(found.id)))
        }
        if !hasScopeColumns { return .success(("team", .bool(true))) }  // a sheet of the team's targets alone
        if let flag, ["yes", "true", "1", "x", "team", "是"].contains(flag.lowercased()) { return .success(("team", .bool(true))) }
        return .failure(Problem(message: "a target row needs a rep, a region or team (yes)"))
    }
}
