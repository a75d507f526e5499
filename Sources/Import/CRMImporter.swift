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
package struct CRMImporter: Sendable {
    /// Explicit column choices: field → header.
    package var columns: [String: String]

    package init(columns: [String: String] = [:]) {
        self.columns = columns
    }

    /// What an import produced: the data file's text and the report to print.
    package struct Imported: Sendable {
        package var json: String
        package var report: ImportReport
    }

    /// Row errors listed before the rest are counted in one line: a systematic problem is one mistake.
    package static let rowErrorLimit = 20

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
