import FieldbookModel
import Foundation

/// Splits a Markdown file into its JSON front matter and its Markdown.
///
/// Front matter is an optional JSON object at the very top of the file (the form Hugo accepts); YAML is not read.
/// The object may span lines; nothing but spaces may follow its closing brace on that line.
public enum DocumentParser {
    /// Largest Markdown file accepted: a playbook is a few kilobytes; 8 MB is a mistake (or an attack) worth stopping.
    package static let maximumSize = 8 * 1024 * 1024

    public static func parse(_ bytes: [UInt8], path: String) -> (SourceDocument?, [Diagnostic]) {
        guard bytes.count <= maximumSize else {
            return (
                nil,
                [
                    .error(
                        SourceLocation(path: path),
                        "file is \(bytes.count / 1_048_576) MB; Markdown files may be at most \(maximumSize / 1_048_576) MB")
                ]
            )
        }
        let text: String
        switch TextDecoding.decode(bytes, path: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        if let yaml = YAMLFrontMatter.error(in: text, path: path) { return (nil, [yaml]) }
        guard text.utf8.first == UInt8(ascii: "{") else {
            return (SourceDocument(path: path, frontMatter: FrontMatter(), markdown: text, contents: Fingerprint(bytes)), [])
        }
        let utf8 = Array(text.utf8)
        let root: JSONNode
        var end: Int
        do {
            (root, end) = try JSONReader.parsePrefix(utf8, from: 0)
        } catch {
            return (nil, [.error(LineIndex(bytes: utf8).location(ofByte: error.offset, in: path), "front matter: \(error.message)")])
        }
        while end < utf8.count, utf8[end] == UInt8(ascii: " ") || utf8[end] == UInt8(ascii: "\t") { end += 1 }
        if end < utf8.count, utf8[end] != UInt8(ascii: "\n") {
            return (nil, [.error(LineIndex(bytes: utf8).location(ofByte: end, in: path), "front matter must end at the end of a line")])
        }
        // Every location the fields report lies in the front matter: only its lines are indexed.
        let (frontMatter, diagnostics) = readFields(root, path: path, lines: LineIndex(bytes: Array(utf8[..<end])))
        // Keep the front matter's lines as blank lines so cmark's positions are the file's positions.
        let blankLines = String(repeating: "\n", count: utf8[0..<end].count { $0 == UInt8(ascii: "\n") })
        // `end` is at a newline or the end, never inside a character, so this cut needs no decoding again.
        let markdown = blankLines + String(Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: end)...]))
        return (SourceDocument(path: path, frontMatter: frontMatter, markdown: markdown, contents: Fingerprint(bytes)), diagnostics)
    }

    /// A custom value as text: strings, numbers, true/false, and lists of those joined with commas.
    private static func paramText(_ node: JSONNode) -> String? {
        switch node.value {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let elements):
            let items = elements.compactMap(paramText)
            return items.count == elements.count ? items.joined(separator: ", ") : nil
        default: return nil
        }
    }

    private static func readFields(_ root: JSONNode, path: String, lines: LineIndex) -> (FrontMatter, [Diagnostic]) {
        var reader = JSONObjectReader(root.members ?? [], path: path, lines: lines)
        var fields = FrontMatter()
        fields.title = reader.string("title")
        fields.description = reader.string("description")
        fields.tags = reader.strings("tags")
        fields.owner = reader.string("owner") ?? reader.string("author")
        if let updated = reader.string("updated") {
            if let day = Day(updated) {
                fields.updated = day
            } else {
                reader.report(key: "updated", "'updated' must be a real date written YYYY-MM-DD, not \"\(updated)\"")
            }
        } else if let date = reader.string("date") {
            // Other tools write a time too: `2024-01-05T10:00:00Z` is dated 2024-01-05.
            if let day = Day(String(date.prefix(10))) {
                fields.updated = day
            } else {
                reader.report(key: "date", "'date' must be a real date written YYYY-MM-DD, not \"\(date)\"")
            }
        }
        fields.draft = reader.bool("draft") ?? false
        fields.order = reader.integer("order") ?? reader.integer("weight")
        fields.kpis = reader.strings("kpis")
        fields.region = reader.string("region")
        for tag in fields.tags where tag.trimmingWhitespace.isEmpty {
            reader.report(key: "tags", "tags must not be empty")
        }
        var params: [String: String] = [:]
        var flags: [String: Bool] = [:]
        if let object = reader.node("params") {
            if let members = object.members {
                for member in members {
                    guard let text = paramText(member.node) else {
                        reader.report(member.node, "'params.\(member.key)' must be text, a number, true or false, or a list of text")
                        continue
                    }
                    params[member.key] = text
                    flags[member.key] = member.node.bool
                }
            } else {
                reader.report(object, "'params' must be an object of custom values")
            }
        }
        // Other keys are kept for templates too, and named for the checker, which reports each once for the portal.
        for member in reader.unusedMembers where FrontMatter.aliases[member.key] == nil {
            fields.unknownKeys.append(member.key)
            if params[member.key] == nil, let text = paramText(member.node) {
                params[member.key] = text
                flags[member.key] = member.node.bool
            }
        }
        fields.params = params.sorted { $0.key < $1.key }.map { FrontMatter.Param(key: $0.key, value: $0.value, flag: flags[$0.key]) }
        fields.locations = reader.keyLocations
        return (fields, reader.diagnostics)
    }
}
