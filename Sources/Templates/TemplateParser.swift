import FieldbookModel

/// A Mustache template parsed into a tree, every tag with its byte offset in the source (for `path:line:column`).
///
/// Parsing follows the Mustache specification: `{{name}}`, `{{{name}}}` and `{{&name}}`, sections `{{#name}}` and
/// inverted sections `{{^name}}` closed by `{{/name}}`, comments `{{! … }}`, set delimiters `{{=<% %>=}}`, partials
/// `{{>name}}`, parents `{{<name}}` and blocks `{{$name}}`. A line holding only whitespace and one tag other than a
/// variable is standalone: the line disappears from the output, and a standalone partial or parent indents every
/// line it renders by the whitespace before its tag. As in Fieldbook's earlier engine (swift-mustache), a line with
/// two tags or more is never standalone, so themes written for it render byte for byte the same (docs/themes.md
/// lists the specification's inheritance cases this decides).
package struct ParsedTemplate: Sendable {
    package let name: String
    package let path: String
    package let nodes: [TemplateNode]
    /// Turns tag offsets into lines and columns for diagnostics.
    let lines: LineIndex

    package func location(of tag: TemplateTag) -> (line: Int, column: Int) { lines.position(ofByte: tag.offset) }
}

/// A tag's name (`title`, `labels.home`, `.`) and where it starts in its template.
package struct TemplateTag: Sendable, Hashable {
    package var name: String
    package var offset: Int
}

/// One piece of a parsed template.
package indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateTag, escaped: Bool)
    case section(TemplateTag, [TemplateNode], inverted: Bool)
    case partial(TemplateTag, indent: [UInt8])
    /// `{{<name}}…{{/name}}`: the named template with the blocks defined inside replacing its own.
    case parent(TemplateTag, indent: [UInt8], [TemplateNode])
    /// `{{$name}}…{{/name}}`; `id` tells one definition from another.
    case block(TemplateTag, id: Int, [TemplateNode])
}

/// A syntax error and the byte offset it was found at.
package struct TemplateSyntaxError: Error, Sendable, Equatable {
    package var message: String
    package var offset: Int
}

extension ParsedTemplate {
    /// Parses a template's text; `blockIDs` numbers blocks apart across every template parsed with the same counter.
    package static func parse(_ text: String, name: String, path: String, blockIDs: inout Int) throws(TemplateSyntaxError) -> ParsedTemplate {
        let bytes = Array(text.utf8)
        var scanner = TemplateScanner(bytes)
        let tokens = try scanner.scan()
        var builder = TreeBuilder(blockIDs: blockIDs)
        let nodes = try builder.build(removingStandaloneLines(tokens))
        blockIDs = builder.blockIDs
        return ParsedTemplate(name: name, path: path, nodes: nodes, lines: LineIndex(bytes: bytes))
    }

    /// Drops lines that hold only whitespace and one non-variable tag, keeping the indentation of partials and parents.
    static func removingStandaloneLines(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var kept: [TemplateToken] = []
        var line: [TemplateToken] = []
        func flush() {
            let tags = line.filter { if case .tag = $0 { true } else { false } }
            let standalone =
                tags.count == 1 && tags.allSatisfy(\.canStandAlone)
                && line.allSatisfy { if case .text(let bytes) = $0 { bytes.allSatisfy(isLineSpace) } else { true } }
            guard standalone else { return kept += line }
            let indent: [UInt8] = if case .text(let bytes) = line.first { bytes } else { [] }
            for case .tag(var tag) in line {
                if tag.sigil == UInt8(ascii: ">") || tag.sigil == UInt8(ascii: "<") { tag.indent = indent }
                kept.append(.tag(tag))
            }
        }
        for token in tokens {
            line.append(token)
            if case .text(let bytes) = token, bytes.last == UInt8(ascii: "\n") {
                flush()
                line = []
            }
        }
        flush()
        return kept
    }

    private static func isLineSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

/// Text (split after each newline, so lines can be judged standalone) or a tag.
enum TemplateToken {
    case text([UInt8])
    case tag(ScannedTag)
}

struct ScannedTag {
    /// `#`, `^`, `/`, `!`, `=`, `>`, `<`, `$`, `&`, `{`, or 0 for a plain variable.
    var sigil: UInt8
    var name: String
    var offset: Int
    var indent: [UInt8] = []
}

extension TemplateToken {
    /// Tags that leave nothing on their line (all but variables).
    var canStandAlone: Bool {
        guard case .tag(let tag) = self else { return false }
        return tag.sigil != 0 && tag.sigil != UInt8(ascii: "&") && tag.sigil != UInt8(ascii: "{")
    }
}

/// Splits template bytes into text and tags, following set-delimiter tags.
struct TemplateScanner {
    let bytes: [UInt8]
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func scan() throws(TemplateSyntaxError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var index = 0
        var textStart = 0
        func emitText(upTo end: Int) {
            var start = textStart
            for position in textStart..<end where bytes[position] == UInt8(ascii: "\n") {
                tokens.append(.text(Array(bytes[start...position])))
                start = position + 1
            }
            if start < end { tokens.append(.text(Array(bytes[start..<end]))) }
        }
        while index < bytes.count {
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            emitText(upTo: index)
            let (tag, end) = try scanTag(at: index)
            if tag.sigil == UInt8(ascii: "=") { try setDelimiters(tag) }
            tokens.append(.tag(tag))
            index = end
            textStart = end
        }
        emitText(upTo: bytes.count)
        return tokens
    }

    /// The tag opening at `start` and the offset just past it.
    private func scanTag(at start: Int) throws(TemplateSyntaxError) -> (ScannedTag, Int) {
        var contentStart = start + open.count
        let sigils = Array("#^/!=><$&{".utf8)
        let sigil = contentStart < bytes.count && sigils.contains(bytes[contentStart]) ? bytes[contentStart] : 0
        if sigil != 0 { contentStart += 1 }
        // `{{{name}}}` ends with `}` before the closing delimiter; `{{=a b=}}` with `=`.
        let ending: [UInt8] =
            switch sigil {
            case UInt8(ascii: "{"): [UInt8(ascii: "}")] + close
            case UInt8(ascii: "="): [UInt8(ascii: "=")] + close
            default: close
            }
        var end = contentStart
        while end < bytes.count, !matches(ending, at: end) { end += 1 }
        guard end < bytes.count else { throw TemplateSyntaxError(message: "unfinished tag", offset: start) }
        let content = String(decoding: bytes[contentStart..<end], as: UTF8.self)
        let name = sigil == UInt8(ascii: "!") ? "" : content.trimmingSpaces
        if name.isEmpty, sigil != UInt8(ascii: "!") {
            throw TemplateSyntaxError(message: "a tag without a name", offset: start)
        }
        return (ScannedTag(sigil: sigil, name: name, offset: start), end + ending.count)
    }

    private mutating func setDelimiters(_ tag: ScannedTag) throws(TemplateSyntaxError) {
        let parts = tag.name.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw TemplateSyntaxError(message: "invalid set-delimiter tag", offset: tag.offset)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}

/// Nests sections, parents and blocks, checking that each is closed with its own name.
struct TreeBuilder {
    var blockIDs: Int

    mutating func build(_ tokens: [TemplateToken]) throws(TemplateSyntaxError) -> [TemplateNode] {
        var index = 0
        let nodes = try nodes(tokens, from: &index, closing: nil)
        return nodes
    }

    private mutating func nodes(
        _ tokens: [TemplateToken], from index: inout Int, closing opener: ScannedTag?
    ) throws(TemplateSyntaxError)
        -> [TemplateNode]
    {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard case .tag(let tag) = token else {
                if case .text(let bytes) = token { appendText(bytes, to: &nodes) }
                continue
            }
            let named = TemplateTag(name: tag.name, offset: tag.offset)
            switch tag.sigil {
            case UInt8(ascii: "/"):
                guard let opener else { throw TemplateSyntaxError(message: "'{{/\(tag.name)}}' closes nothing", offset: tag.offset) }
                guard opener.name == tag.name else {
                    throw TemplateSyntaxError(message: "'{{/\(tag.name)}}' closes '\(opener.name)', which is still open", offset: tag.offset)
                }
                return nodes
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let body = try self.nodes(tokens, from: &index, closing: tag)
                nodes.append(.section(named, body, inverted: tag.sigil == UInt8(ascii: "^")))
            case UInt8(ascii: "<"):
                nodes.append(.parent(named, indent: tag.indent, try self.nodes(tokens, from: &index, closing: tag)))
            case UInt8(ascii: "$"):
                blockIDs += 1
                let id = blockIDs
                nodes.append(.block(named, id: id, try self.nodes(tokens, from: &index, closing: tag)))
            case UInt8(ascii: ">"): nodes.append(.partial(named, indent: tag.indent))
            case UInt8(ascii: "!"), UInt8(ascii: "="): continue
            default: nodes.append(.variable(named, escaped: tag.sigil == 0))
            }
        }
        if let opener { throw TemplateSyntaxError(message: "'\(opener.name)' is opened here and never closed", offset: opener.offset) }
        return nodes
    }

    private func appendText(_ bytes: [UInt8], to nodes: inout [TemplateNode]) {
        if case .text(let previous) = nodes.last {
            nodes[nodes.count - 1] = .text(previous + bytes)
        } else {
            nodes.append(.text(bytes))
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
