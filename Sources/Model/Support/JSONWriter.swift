import Foundation

/// A JSON value to write, with keys in the order given: output is the same bytes every time.
package enum JSONOutput: Sendable {
    case null
    case bool(Bool)
    case string(String)
    /// A number printed with at most `decimals` decimals, trailing zeros dropped.
    case number(Double, decimals: Int)
    case array([JSONOutput])
    case object([(String, JSONOutput)])
    /// JSON already written on one line (below the indented levels), put in as it is.
    case raw([UInt8])

    /// A number, or null when absent.
    static func decimal(_ value: Double?, _ decimals: Int) -> JSONOutput { value.map { .number($0, decimals: decimals) } ?? .null }
    /// A string, or null when absent.
    static package func text(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }
    /// A whole number, or null when absent.
    static func whole(_ value: Int?) -> JSONOutput { value.map { .number(Double($0), decimals: 0) } ?? .null }

    /// JSON with a final newline: the top two levels indented two spaces a level, anything deeper on one line, so a
    /// file of records (periods, deals) reads and diffs one record a line without megabytes of indentation.
    package var rendered: String { rendered(indentedLevels: 2) }

    package func rendered(indentedLevels: Int) -> String { String(decoding: bytes(indentedLevels: indentedLevels), as: UTF8.self) }

    /// `rendered`, as the UTF-8 bytes a file gets. Written into one byte buffer: the API of a large team is hundreds
    /// of megabytes of this.
    package func bytes(indentedLevels: Int = 2) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, depth: 0, indentedLevels: indentedLevels)
        output.append(0x0A)
        return output
    }

    private func write(to output: inout [UInt8], depth: Int, indentedLevels: Int) {
        func newline(_ depth: Int) {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .string(let value): Self.appendQuoted(value, to: &output)
        case .number(let value, let decimals): Self.append(value, decimals: decimals, to: &output)
        case .array(let values):
            guard !values.isEmpty else { return output.append(contentsOf: "[]".utf8) }
            let pretty = depth < indentedLevels
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if pretty { newline(depth + 1) }
                value.write(to: &output, depth: depth + 1, indentedLevels: indentedLevels)
                if index + 1 < values.count { output.append(contentsOf: pretty ? [0x2C] : [0x2C, 0x20]) }
            }
            if pretty { newline(depth) }
            output.append(UInt8(ascii: "]"))
        case .raw(let bytes): output.append(contentsOf: bytes)
        case .object(let members):
            guard !members.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            let pretty = depth < indentedLevels
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if pretty { newline(depth + 1) }
                Self.appendQuoted(key, to: &output)
                output.append(contentsOf: [0x3A, 0x20])
                value.write(to: &output, depth: depth + 1, indentedLevels: indentedLevels)
                if index + 1 < members.count { output.append(contentsOf: pretty ? [0x2C] : [0x2C, 0x20]) }
            }
            if pretty { newline(depth) }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Fixed decimals, then trailing zeros (and a trailing point) removed: 1054.50 → 1054.5, 3.00 → 3. Integer
    /// arithmetic, because `String(format:)` costs more than everything else when an API has millions of numbers.
    static package func format(_ value: Double, decimals: Int) -> String {
        var output: [UInt8] = []
        append(value, decimals: decimals, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static package func append(_ value: Double, decimals: Int, to output: inout [UInt8]) {
        guard value.isFinite else { return output.append(contentsOf: "null".utf8) }
        let scale = [1.0, 10, 100, 1000, 10000, 100_000, 1_000_000][min(decimals, 6)]
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return output.append(contentsOf: String(format: "%.\(decimals)f", value).utf8) }
        var units = Int64(scaled)
        let negative = units < 0
        units = abs(units)
        let divisor = Int64(scale)
        let whole = units / divisor
        var fraction = units % divisor
        if negative && units != 0 { output.append(UInt8(ascii: "-")) }
        appendDigits(whole, count: 1, to: &output)
        guard fraction != 0 else { return }
        var digits = min(decimals, 6)
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        output.append(UInt8(ascii: "."))
        appendDigits(fraction, count: digits, to: &output)
    }

    /// The decimal digits of `value` (not negative), zero-padded on the left to at least `count`.
    private static func appendDigits(_ value: Int64, count: Int, to output: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, on the stack
        var length = 0
        var rest = UInt64(value)
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - length] = UInt8(0x30 + rest % 10)
                rest /= 10
                length += 1
            } while rest > 0 || length < count
            output.append(contentsOf: buffer[(24 - length)...])
        }
    }

    static package func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as a JSON string. `<`, `>` and `&` are escaped so the JSON can also sit inside an HTML <script>.
    /// Works on the string's bytes in place, copying runs that need no escape whole.
    static package func appendQuoted(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            output.append(UInt8(ascii: "\""))
            var copied = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                var width = 1
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line in JavaScript.
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<index]))
                output.append(contentsOf: escape.utf8)
                index += width
                copied = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
            output.append(UInt8(ascii: "\""))
        }
    }
}
