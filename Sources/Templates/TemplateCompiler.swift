/// Compiles a parsed template against the schemas of the values it will render: every name becomes an accessor (or,
/// for schemas known only at render time, a lookup), partials and parents are expanded in place, and names no schema
/// has are problems with their tag's position.
struct TemplateCompiler {
    let templates: [String: ParsedTemplate]
    let missingPartialsRenderEmpty: Bool
    private(set) var problems: [TemplateProblem] = []
    /// Every piece of static text of the compiled template, end to end.
    let arena = TextArena()
    private var expansions: [String: ProgramBox] = [:]

    init(templates: [String: ParsedTemplate], missingPartialsRenderEmpty: Bool) {
        self.templates = templates
        self.missingPartialsRenderEmpty = missingPartialsRenderEmpty
    }

    /// What the compiler knows of a context frame.
    enum Frame {
        case known(TemplateSchema)
        /// Resolved at render time.
        case unknown

        var signature: String {
            switch self {
            case .known(let schema): "\(UInt(bitPattern: schema.id))"
            case .unknown: "?"
            }
        }
    }

    /// Block overrides in force: name to the definition that wins.
    typealias Overrides = [String: (id: Int, nodes: [TemplateNode], template: ParsedTemplate)]

    struct Scope {
        var template: ParsedTemplate
        var frames: [Frame]
        var indent: [UInt8]
        var overrides: Overrides
        var depth: Int
    }

    mutating func compile(_ nodes: [TemplateNode], _ scope: Scope) -> [TemplateOp] {
        var ops: [TemplateOp] = []
        for node in nodes {
            switch node {
            case .text(let bytes):
                let text = indented(bytes, scope.indent)
                ops.append(.text(start: text.isEmpty ? 0 : arena.bytes.count, count: text.count))
                arena.bytes += text
            case .variable(let tag, let escaped):
                guard let resolved = resolve(tag, in: scope, asText: true) else { continue }
                ops.append(.value(CompiledName(resolved.path), escaped: escaped))
            case .section(let tag, let body, let inverted):
                guard let resolved = resolve(tag, in: scope, asText: false) else { continue }
                if inverted {
                    ops.append(.inverted(CompiledName(resolved.path), compile(body, scope)))
                } else {
                    var inner = scope
                    let pushed = Self.frame(pushedBy: resolved.shape)
                    if let pushed { inner.frames.append(pushed) }
                    ops.append(.section(CompiledName(resolved.path), compile(body, inner), pushes: pushed != nil))
                }
            case .partial(let tag, let indent):
                ops += include(tag, indent: indent, overrides: scope.overrides, scope)
            case .parent(let tag, let indent, let body):
                var overrides = scope.overrides
                for case .block(let block, let id, let nodes) in body where overrides[block.name] == nil {
                    overrides[block.name] = (id, nodes, scope.template)
                }
                ops += include(tag, indent: indent, overrides: overrides, scope)
            case .block(let tag, _, let defaults):
                if let override = scope.overrides[tag.name] {
                    var inner = scope
                    inner.template = override.template
                    ops += compile(override.nodes, inner)
                } else {
                    ops += compile(defaults, scope)
                }
            }
        }
        return ops
    }

    /// A partial or parent, compiled once per template, indentation, context and overrides (so recursive partials
    /// refer to themselves instead of expanding forever).
    private mutating func include(_ tag: TemplateTag, indent: [UInt8], overrides: Overrides, _ scope: Scope) -> [TemplateOp] {
        guard let template = templates[tag.name] else {
            if !missingPartialsRenderEmpty { problem(at: tag, in: scope, .missingTemplate(tag.name)) }
            return []
        }
        guard scope.depth < 64 else {
            problem(at: tag, in: scope, .tooDeep(tag.name))
            return []
        }
        let fullIndent = scope.indent + indent
        let key = [
            tag.name, String(decoding: fullIndent, as: UTF8.self), Self.signature(scope.frames),
            overrides.map { "\($0.key)=\($0.value.id)" }.sorted().joined(separator: ","),
        ].joined(separator: "\u{0}")
        if let box = expansions[key] { return [.include(box)] }
        let box = ProgramBox()
        expansions[key] = box
        let inner = Scope(template: template, frames: scope.frames, indent: fullIndent, overrides: overrides, depth: scope.depth + 1)
        let ops = compile(template.nodes, inner)
        // Indentation as swift-mustache gave it, so themes written for it render the same: after every newline
        // inside a text, and before each of the template's own pieces that starts a line.
        box.ops = fullIndent.isEmpty ? ops : [.indentingLines(fullIndent, ops)]
        return [.include(box)]
    }

    /// Context frames down to the first one resolved at render time are all that resolution depends on.
    private static func signature(_ frames: [Frame]) -> String {
        var parts: [String] = []
        for frame in frames.reversed() {
            parts.append(frame.signature)
            if case .unknown = frame { break }
            if case .known(let schema) = frame, case .dynamic = schema.kind { break }
        }
        return parts.joined(separator: "/")
    }

    private func indented(_ bytes: [UInt8], _ indent: [UInt8]) -> [UInt8] {
        guard !indent.isEmpty, bytes.contains(UInt8(ascii: "\n")) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + indent.count * 4)
        for (offset, byte) in bytes.enumerated() {
            result.append(byte)
            if byte == UInt8(ascii: "\n"), offset < bytes.count - 1 { result += indent }
        }
        return result
    }

    /// The frame a section pushes for each item (nil for a flag, which pushes nothing).
    static func frame(pushedBy shape: TemplateShape) -> Frame? {
        switch shape {
        case .flag: nil
        case .text: .known(.text)
        case .view(let schema), .list(let schema): .known(schema())
        case .dynamic: .unknown
        }
    }

    mutating func problem(at tag: TemplateTag, in scope: Scope, _ kind: TemplateProblem.Kind) {
        let (line, column) = scope.template.location(of: tag)
        problems.append(TemplateProblem(path: scope.template.path, line: line, column: column, kind: kind))
    }
}

/// A name in a template that compiling found wrong.
package struct TemplateProblem: Sendable, Hashable {
    package var path: String
    package var line: Int
    package var column: Int
    package var kind: Kind

    package enum Kind: Sendable, Hashable {
        /// No schema on the context stack has the name (the whole dotted name); the closest known name, if any.
        case unknownName(String, suggestion: String?)
        /// A name used as text holds a view or a list.
        case notText(String)
        case missingTemplate(String)
        case tooDeep(String)
        /// `{{name(field)}}` with a transform the engine does not have.
        case unknownTransform(String)
    }
}

/// What compiling one template found wrong, in template order.
package struct TemplateProblems: Error, Sendable {
    package var list: [TemplateProblem]
}
