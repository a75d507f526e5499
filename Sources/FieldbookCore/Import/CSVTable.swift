import CSV
import Foundation

/// A CSV export read with CSV.swift: a header and rows, each row with the line it starts on for diagnostics.
public struct CSVTable: Sendable {
    public var path: String
    public var header: [String]
    public var rows: [[String]]

    /// Parses CSV text (a byte-order mark and surrounding spaces in headers are dropped).
    public static func parse(_ text: String, path: String) -> Result<CSVTable, DiagnosticsError> {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true)
        } catch let failure {
            return .failure(DiagnosticsError([Diagnostic.error(SourceLocation(path: path), "cannot read CSV: \(failure)")]))
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let failure = reader.error {
            return .failure(DiagnosticsError([Diagnostic.error(SourceLocation(path: path, line: rows.count + 2), "cannot read CSV: \(failure)")]))
        }
        return .success(CSVTable(path: path, header: header, rows: rows))
    }

    /// Where row `index` is, assuming one line per record after the header (true of CRM exports without line breaks in fields).
    public func location(ofRow index: Int) -> SourceLocation { SourceLocation(path: path, line: index + 2) }
}
