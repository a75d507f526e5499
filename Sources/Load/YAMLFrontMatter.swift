import FieldbookModel
import Foundation

/// Front matter written in YAML (`---` lines), as other site generators take it. Fieldbook reads JSON only, and a
/// YAML block would otherwise render as a rule and a heading of its text, so it is an error whose hint is the same
/// front matter as JSON, when its lines are simple `key: value` pairs.
enum YAMLFrontMatter {
    static func error(in text: String, path: String) -> Diagnostic? {
        // Most documents start otherwise: look at the first line, byte by byte, before splitting the text into lines.
        guard opensWithRule(text) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }),
            // YAML only when it reads as YAML: a `key:` first. A rule, a paragraph and another rule are Markdown.
            let first = lines[1..<end].first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
            first.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_-]*:( .*)?/) != nil
        else { return nil }
        let json = asJSON(lines[1..<end])
        return .error(
            SourceLocation(path: path, line: 1, column: 1),
            "front matter in YAML (between --- lines) is not read; write it as a JSON object on the first line"
                + (json.map { " instead of lines 1-\(end + 1): \($0)" } ?? ", e.g. {\"title\": \"…\", \"tags\": [\"…\"]}"))
    }

    /// Whether the first line is `---`, give or take spaces, tabs and a carriage return.
    static func opensWithRule(_ text: String) -> Bool {
        var dashes = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): return dashes == 3
            case UInt8(ascii: "-") where dashes < 3: dashes += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): if dashes != 0 && dashes != 3 { return false }
            default: return false
            }
        }
        return dashes == 3
    }

    /// `title: Renewals` / `tags: [a, b]` / `draft: true` as a JSON object; nil when a line is anything else.
    static func asJSON(_ lines: ArraySlice<Substring>) -> String? {
        var members: [(String, JSONOutput)] = []
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return nil }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let raw = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !raw.isEmpty else { return nil }
            members.append((key, value(raw)))
        }
        let json = JSONOutput.object(members).rendered(indentedLevels: 0)
        return members.isEmpty ? nil : String(json.dropLast())  // one line, without the final newline
    }

    private static func value(_ raw: String) -> JSONOutput {
        if raw == "true" || raw == "false" { return .bool(raw == "true") }
        if let number = Int(raw) { return .number(Double(number), decimals: 0) }
        if raw.hasPrefix("["), raw.hasSuffix("]") {
            return .array(raw.dropFirst().dropLast().split(separator: ",").map { .string(unquoted($0.trimmingCharacters(in: .whitespaces))) })
        }
        return .string(unquoted(raw))
    }

    private static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
