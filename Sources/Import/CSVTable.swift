import CSV
import FieldbookLoad
import FieldbookModel
import Foundation

/// A CSV export read with CSV.swift: a header and rows, each row with the line it starts on for diagnostics.
package struct CSVTable: Sendable {
    package var path: String
    package var header: [String]
    package var rows: [[String]]
    /// The field separator: given, or found in the header line.
    package var delimiter: Character = ","

    /// The separators CRM exports use: comma, semicolon (spreadsheets in locales with a decimal comma) and tab.
    package static let delimiters: [Character] = [",", ";", "\t"]

    /// Parses a CSV file's bytes, which must be UTF-8: a file saved in another encoding (Windows-1252, GBK) is an
    /// error at its first bad byte, never names with `�` in them.
    package static func parse(bytes: [UInt8], path: String, delimiter: Character? = nil) -> Result<CSVTable, DiagnosticsError> {
        switch TextDecoding.decode(bytes, path: path) {
        case .success(let text): parse(text, path: path, delimiter: delimiter)
        case .failure(let diagnostic): .failure(DiagnosticsError([diagnostic]))
        }
    }

    /// Parses CSV text. A byte-order mark, CRLF line ends and spaces around headers are taken in stride; without a
    /// `delimiter`, the one of `delimiters` found most often in the header line (outside quotes) is used.
    package static func parse(_ text: String, path: String, delimiter: Character? = nil) -> Result<CSVTable, DiagnosticsError> {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let separator = delimiter ?? detectDelimiter(body)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, delimiter: separator.unicodeScalars.first ?? ",")
        } catch let failure {
            return .failure(DiagnosticsError([Diagnostic.error(SourceLocation(path: path), "cannot read CSV: \(failure)")]))
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let failure = reader.error {
            return .failure(DiagnosticsError([Diagnostic.error(SourceLocation(path: path, line: rows.count + 2), "cannot read CSV: \(failure)")]))
        }
        return .success(CSVTable(path: path, header: header, rows: rows, delimiter: separator))
    }

    /// The separator found most often in the first line outside quotes; a comma when there is none.
    static func detectDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [:]
        var quoted = false
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r", !quoted { break }
            if character == "\"" { quoted.toggle() }
            if !quoted, delimiters.contains(character) { counts[character, default: 0] += 1 }
        }
        return delimiters.max { counts[$0, default: 0] < counts[$1, default: 0] }.flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? ","
    }

    /// Where row `index` is, assuming one line per record after the header (true of CRM exports without line breaks in fields).
    package func location(ofRow index: Int) -> SourceLocation { SourceLocation(path: path, line: index + 2) }
}
