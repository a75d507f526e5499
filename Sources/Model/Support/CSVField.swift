import Foundation

/// One field of a CSV file anyone may open in a spreadsheet: RFC 4180 quoting (a comma, quote or line break quotes it,
/// quotes doubled), and text a spreadsheet would run as a formula (a leading `=`, `+`, `@`, or `-` not of a number)
/// gets a `'`. The API's `reps.csv` and `fieldbook keys` write through it.
package func csvField(_ field: String) -> String {
    guard let first = field.utf8.first else { return field }
    let plain = !field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    let formulaLike =
        first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "@")
        || (first == UInt8(ascii: "-") && Double(field) == nil)
    if plain && !formulaLike { return field }
    let defused = formulaLike ? "'" + field : field
    guard !plain else { return defused }
    return "\"" + defused.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
