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

    /// Two-space indented JSON with a final newline.
    var rendered: String {
        var output = ""
        write(to: &output, indent: "")
        return output + "\n"
    }

    private func write(to output: inout String, indent: String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .string(let value): output += Self.quoted(value)
        case .number(let value, let decimals): output += Self.format(value, decimals: decimals)
        case .array(let values):
            guard !values.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, value) in values.enumerated() {
                output += indent + "  "
                value.write(to: &output, indent: indent + "  ")
                output += index + 1 < values.count ? ",\n" : "\n"
            }
            output += indent + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += indent + "  " + Self.quoted(key) + ": "
                value.write(to: &output, indent: indent + "  ")
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            output += indent + "}"
        }
    }

    /// Fixed decimals, then trailing zeros (and a trailing point) removed: 1054.50 → 1054.5, 3.00 → 3.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            // `<` and `>` escaped so the JSON can also sit inside an HTML <script> without ending it.
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
