/// What an import read, printed before anything is trusted: which CSV column feeds each field and how many of its
/// cells were empty, which fields had no column, and how the CRM's stage names became Fieldbook's stages.
public struct ImportReport: Sendable, Equatable {
    /// One field and the header that feeds it (nil: no column, the field is left out).
    public struct Column: Sendable, Equatable {
        public var field: String
        public var header: String?
        public var emptyCells: Int
        /// The headers looked for, said when none was found.
        public var lookedFor: [String]
    }

    /// A CRM stage name, the stage it became and how many rows had it.
    public struct StageMapping: Sendable, Equatable {
        public var name: String
        public var stage: String
        public var count: Int
    }

    /// Open deals valued at a list price: the deals' product name, the price list's, and how many.
    public struct Valuation: Sendable, Equatable {
        public var product: String
        public var listed: String
        public var count: Int
    }

    public var file: String
    public var rows: Int
    public var delimiter: Character
    public var columns: [Column]
    public var stages: [StageMapping] = []
    /// The price list's file and what it valued (nil: no price list given).
    public var priceList: String?
    public var valued: [Valuation] = []
    /// Open deals left without an amount: pipeline figures leave them out.
    public var unvalued = 0
    /// Columns read by no field.
    public var ignored: [String] = []
    /// What was imported: `8800 deals (4238 won, 2473 lost, ...)`.
    public var summary: String = ""

    /// The report as lines of text.
    public var lines: [String] {
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
