import Foundation

/// Splits a Markdown file into its JSON front matter and its Markdown.
///
/// Front matter is an optional JSON object at the very top of the file (the form Hugo accepts); YAML is not read.
/// The object may span lines; nothing but spaces may follow its closing brace on that line.
public enum DocumentParser {
    /// Largest Markdown file accepted: a playbook is a few kilobytes; 8 MB is a mistake (or an attack) worth stopping.
    public static let maximumSize = 8 * 1024 * 1024

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
            return (SourceDocument(path: path, frontMatter: FrontMatter(), markdown: text), [])
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
        return (SourceDocument(path: path, frontMatter: frontMatter, markdown: markdown), diagnostics)
    }

    private static func readFields(_ root: JSONNode, path: String, lines: LineIndex) -> (FrontMatter, [Diagnostic]) {
        var reader = JSONObjectReader(root.members ?? [], path: path, lines: lines)
        var fields = FrontMatter()
        fields.title = reader.string("title")
        fields.description = reader.string("description")
        fields.tags = reader.strings("tags")
        fields.owner = reader.string("owner")
        if let updated = reader.string("updated") {
            if let day = Day(updated) {
                fields.updated = day
            } else {
                reader.report(reader.node("updated")!, "'updated' must be a real date written YYYY-MM-DD, not \"\(updated)\"")
            }
        }
        fields.draft = reader.bool("draft") ?? false
        fields.order = reader.integer("order")
        fields.kpis = reader.strings("kpis")
        fields.region = reader.string("region")
        for tag in fields.tags where tag.trimmingCharacters(in: .whitespaces).isEmpty {
            reader.report(reader.node("tags")!, "tags must not be empty")
        }
        reader.warnUnknownKeys(FrontMatter.knownKeys.joined(separator: ", "))
        fields.locations = reader.keyLocations
        return (fields, reader.diagnostics)
    }
}
