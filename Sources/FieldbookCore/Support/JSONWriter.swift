import Foundation

/// A JSON value to write, with keys in the order given: output is the same bytes every time.
enum JSONOutput {
    case null
    case bool(Bool)
    case string(String)
    /// A number printed with at most `decimals` decimals, trailing zeros dropped.
    case number(Double, decimals: Int)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    /// A number, or null when absent.
    static func decimal(_ value: Double?, _ decimals: Int) -> JSONOutput { value.map { .number($0, decimals: decimals) } ?? .null }
    /// A string, or null when absent.
    static func text(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }
    /// A whole number, or null when absent.
    static func whole(_ value: Int?) -> JSONOutput { value.map { .number(Double($0), decimals: 0) } ?? .null }

    /// JSON with a final newline: the top two levels indented two spaces a level, anything deeper on one line, so a
    /// file of records (periods, deals) reads and diffs one record a line without megabytes of indentation.
    var rendered: String { rendered(indentedLevels: 2) }

    func rendered(indentedLevels: Int) -> String {
        var output = ""
        write(to: &output, indent: "", depth: 0, indentedLevels: indentedLevels)
        return output + "\n"
    }

    private func write(to output: inout String, indent: String, depth: Int, indentedLevels: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .string(let value): Self.appendQuoted(value, to: &output)
        case .number(let value, let decimals): output += Self.format(value, decimals: decimals)
        case .array(let values):
            guard !values.isEmpty else {
                output += "[]"
                return
            }
            let pretty = depth < indentedLevels
            output += pretty ? "[\n" : "["
            for (index, value) in values.enumerated() {
                if pretty { output += indent + "  " }
                value.write(to: &output, indent: indent + "  ", depth: depth + 1, indentedLevels: indentedLevels)
                if index + 1 < values.count { output += pretty ? ",\n" : ", " }
            }
            output += pretty ? "\n" + indent + "]" : "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            let pretty = depth < indentedLevels
            output += pretty ? "{\n" : "{"
            for (index, (key, value)) in members.enumerated() {
                if pretty { output += indent + "  " }
                Self.appendQuoted(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + "  ", depth: depth + 1, indentedLevels: indentedLevels)
                if index + 1 < members.count { output += pretty ? ",\n" : ", " }
            }
            output += pretty ? "\n" + indent + "}" : "}"
        }
    }

    /// Fixed decimals, then trailing zeros (and a trailing point) removed: 1054.50 → 1054.5, 3.00 → 3. Integer
    /// arithmetic, because `String(format:)` costs more than everything else when an API has millions of numbers.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        let scale = [1.0, 10, 100, 1000, 10000, 100_000, 1_000_000][min(decimals, 6)]
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return String(format: "%.\(decimals)f", value) }
        var units = Int64(scaled)
        let negative = units < 0
        units = abs(units)
        let divisor = Int64(scale)
        let whole = units / divisor
        var fraction = units % divisor
        var text = negative && units != 0 ? "-" : ""
        text += String(whole)
        guard fraction != 0 else { return text }
        var digits = min(decimals, 6)
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return text + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    static func quoted(_ text: String) -> String {
        var output = ""
        appendQuoted(text, to: &output)
        return output
    }

    /// Appends `text` as a JSON string. `<`, `>` and `&` are escaped so the JSON can also sit inside an HTML <script>.
    static func appendQuoted(_ text: String, to output: inout String) {
        let needsEscaping = text.utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "&") || byte == 0xE2  // 0xE2 starts U+2028 and U+2029
        }
        output += "\""
        guard needsEscaping else {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    output += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
