/// What an import read, printed before anything is trusted: which CSV column feeds each field and how many of its
/// cells were empty, which fields had no column, and how the CRM's stage names became Fieldbook's stages.
package struct ImportReport: Sendable, Equatable {
    /// One field and the header that feeds it (nil: no column, the field is left out).
    package struct Column: Sendable, Equatable {
        package var field: String
        package var header: String?
        package var emptyCells: Int
        /// The headers looked for, said when none was found.
        package var lookedFor: [String]
    }

    /// A CRM stage name, the stage it became and how many rows had it.
    package struct StageMapping: Sendable, Equatable {
        package var name: String
        package var stage: String
        package var count: Int
    }

    /// Open deals valued at a list price: the deals' product name, the price list's, and how many.
    package struct Valuation: Sendable, Equatable {
        package var product: String
        package var listed: String
        package var count: Int
    }

    package var file: String
    package var rows: Int
    package var delimiter: Character
    package var columns: [Column]
    package var stages: [StageMapping] = []
    /// The price list's file and what it valued (nil: no price list given).
    package var priceList: String?
    package var valued: [Valuation] = []
    /// Open deals left without an amount: pipeline figures leave them out.
    package var unvalued = 0
    /// Columns read by no field.
    package var ignored: [String] = []
    /// What was imported: `8800 deals (4238 won, 2473 lost, ...)`.
    package var summary: String = ""

    /// The report as lines of text.
    package var lines: [String] {
        let name = delimiter == "\t" ? "tab" : "\"\(delimiter)\""
        var lines = ["Read \(file): \(rows) row\(rows == 1 ? "" : "s"), separated by \(name). Columns:"]
        let width = (columns.map(\.field.count).max() ?? 0) + 2
        for column in columns {
            let field = "  " + column.field + String(repeating: " ", count: width - column.field.count)
            if let header = column.header {
                lines.append(field + "← " + header + (column.emptyCells > 0 ? " (empty in \(column.emptyCells) of \(rows) rows)" : ""))
            } else {
                lines.append(field + "no column, left out (looked for \(column.lookedFor.joined(separator: ", ")); --column \(column.field)=HEADER)")
            }
        }
        if !ignored.isEmpty { lines.append("Ignored columns (no field reads them): " + ignored.joined(separator: ", ")) }
        if !stages.isEmpty {
            lines.append("Stages: " + stages.map { "\($0.name) → \($0.stage) (\($0.count))" }.joined(separator: ", "))
        }
        if let priceList, !valued.isEmpty {
            let total = valued.reduce(0) { $0 + $1.count }
            lines.append(
                "Valued at list price (\(priceList)): \(total) open deal\(total == 1 ? "" : "s") without an amount, marked amount_estimated: "
                    + valued.map { "\($0.product)\($0.product == $0.listed ? "" : " → \($0.listed)") (\($0.count))" }.joined(separator: ", "))
        }
        if unvalued > 0 {
            lines.append(
                "\(unvalued) open deal\(unvalued == 1 ? " has" : "s have") no amount: pipeline figures leave \(unvalued == 1 ? "it" : "them") out"
                    + (priceList == nil ? " (value them with --prices FILE.csv, a product price list)" : " (no product to price)"))
        }
        return lines
    }
}
