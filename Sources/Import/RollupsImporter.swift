import FieldbookModel

/// Turns the result of `sql/rollups.sql`, saved as CSV, into `content/data/rollups.json`.
///
/// Only the shape of each cell is checked here (a kind, dates, whole numbers, amounts), at the CSV's own lines; what
/// the rows mean (known reps, one as-of date, whole months, the windows the portal needs) is checked by the loader and
/// `Warehouse`, as for a build. The JSON holds one record per line in the CSV's order, so record `i` is on line
/// `i + 2` like CSV row `i`, and the loader's findings point at the CSV's lines too (`lines(of:)`).
package enum RollupsImporter {
    /// The columns of `sql/rollups.sql`'s result, in its order.
    package static let columns = [
        "kind", "rep", "as_of", "year", "month", "first_day", "last_day", "created", "won", "lost", "revenue", "cycle_days", "cycle_count", "open",
        "pipeline", "weighted", "pending",
    ]
    private static let counts = ["created", "won", "lost", "cycle_days", "cycle_count", "open"]
    private static let amounts = ["revenue", "pipeline", "weighted", "pending"]

    package static func rollups(from table: CSVTable) -> Result<CRMImporter.Imported, DiagnosticsError> {
        var index: [String: Int] = [:]
        for (position, header) in table.header.enumerated() where index[header] == nil { index[header] = position }
        let missing = columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            return .failure(
                DiagnosticsError([
                    .error(
                        SourceLocation(path: table.path),
                        "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (the file has \(table.header.joined(separator: ", "))): save the result of sql/rollups.sql as it is"
                    )
                ]))
        }
        var diagnostics: [Diagnostic] = []
        var records: [String] = []
        for (r, row) in table.rows.enumerated() {
            let (record, problems) = Self.record(row, index)
            diagnostics += problems.map { .error(table.location(ofRow: r), $0) }
            records.append(record)
        }
        guard diagnostics.isEmpty else { return .failure(CRMImporter.limited(diagnostics, in: table)) }
        var report = ImportReport(
            file: table.path, rows: table.rows.count, delimiter: table.delimiter,
            columns: columns.map { ImportReport.Column(field: $0, header: $0, emptyCells: 0, lookedFor: [$0]) })
        report.ignored = table.header.filter { !columns.contains($0) }
        let months = records.count { $0.hasPrefix(#"{"kind": "month""#) }
        report.summary = "\(months) month rows and \(records.count - months) window rows"
        return .success(CRMImporter.Imported(json: "[\n" + records.joined(separator: ",\n") + "\n]\n", report: report))
    }

    /// One row as a JSON record, and what is wrong with its cells.
    private static func record(_ row: [String], _ index: [String: Int]) -> (String, [String]) {
        func cell(_ name: String) -> String { index[name].flatMap { $0 < row.count ? row[$0].trimmingWhitespace : nil } ?? "" }
        var problems: [String] = []
        var fields: [(String, String)] = []
        func text(_ name: String, _ value: String) {
            var quoted: [UInt8] = []
            JSONOutput.appendQuoted(value, to: &quoted)
            fields.append((name, String(decoding: quoted, as: UTF8.self)))
        }
        let kind = cell("kind")
        for name in ["kind", "rep", "as_of"] { text(name, cell(name)) }
        switch kind {
        case "month":
            if let year = Int(cell("year")), let month = Int(cell("month")), (1...9999).contains(year), (1...12).contains(month) {
                text("month", String(Period(kind: .month, firstMonth: year * 12 + month - 1).firstDay.description.prefix(7)))
            } else {
                problems.append("year \"\(cell("year"))\" and month \"\(cell("month"))\" are not a year and a month (1 to 12)")
            }
        case "window":
            text("first_day", cell("first_day"))
            text("last_day", cell("last_day"))
        default:
            problems.append("kind \"\(kind)\" is neither month nor window")
        }
        for name in columns where counts.contains(name) || amounts.contains(name) {
            guard let value = Double(cell(name)), value.isFinite else {
                problems.append("\(name) \"\(cell(name))\" is not a number")
                continue
            }
            fields.append((name, counts.contains(name) && value == value.rounded() ? String(Int(value)) : "\(value)"))
        }
        return ("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}", problems)
    }

    /// The loader's findings about the JSON written from `table`, at the CSV's lines (record `i` is on line `i + 2` of
    /// both): the file a manager can open and fix is the CSV.
    package static func lines(of found: [Diagnostic], in table: CSVTable) -> [Diagnostic] {
        found.map { diagnostic in
            var moved = diagnostic
            moved.location = SourceLocation(path: table.path, line: diagnostic.location.line)
            return moved
        }
    }
}
