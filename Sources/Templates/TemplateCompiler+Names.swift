import FieldbookModel

/// Resolving a tag's name against the context stack the compiler knows.
extension TemplateCompiler {
    struct Resolved {
        var path: NamePath
        var shape: TemplateShape
    }

    /// The name of `tag` as an accessor path; nil (and a problem) when nothing on the stack has it, or, for a
    /// variable (`asText`), when it names a view or a list.
    mutating func resolve(_ tag: TemplateTag, in scope: Scope, asText: Bool) -> Resolved? {
        if let (transform, inner) = Self.transform(in: tag.name) {
            guard let transform else {
                problem(at: tag, in: scope, .unknownTransform(tag.name))
                return nil
            }
            guard var resolved = resolve(TemplateTag(name: inner, offset: tag.offset), in: scope, asText: true) else { return nil }
            resolved.path.transform = transform
            return resolved
        }
        guard let resolved = lookUp(tag.name, in: scope.frames) else {
            problem(at: tag, in: scope, .unknownName(tag.name, suggestion: suggestion(for: tag.name, in: scope.frames)))
            return nil
        }
        if asText {
            switch resolved.shape {
            case .view, .list:
                problem(at: tag, in: scope, .notText(tag.name))
                return nil
            default: break
            }
        }
        return resolved
    }

    /// The known name closest to a misspelt one: among the fields of the value before its last part for a dotted
    /// name (`labels.libary`), else among every field on the context stack.
    private func suggestion(for name: String, in frames: [Frame]) -> String? {
        if let dot = name.lastIndex(of: ".") {
            let prefix = String(name[..<dot])
            guard let parent = lookUp(prefix, in: frames), case .view(let schema) = parent.shape else { return nil }
            return Suggestion.closest(to: String(name[name.index(after: dot)...]), in: schema().fieldNames).map { prefix + "." + $0 }
        }
        let known = frames.flatMap { frame -> [String] in if case .known(let schema) = frame { schema.fieldNames } else { [] } }
        return Suggestion.closest(to: name, in: known)
    }

    /// `uppercased(title)`: the transforms swift-mustache offered on text, which themes written for it may use.
    private static func transform(in name: String) -> (((String) -> String)?, String)? {
        guard name.hasSuffix(")"), let open = name.firstIndex(of: "(") else { return nil }
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        let transforms: [String: (String) -> String] = [
            "uppercased": { $0.uppercased() }, "lowercased": { $0.lowercased() }, "capitalized": { $0.capitalized },
        ]
        return (transforms[String(name[..<open])], inner)
    }

    private func lookUp(_ name: String, in frames: [Frame]) -> Resolved? {
        if name == "." {
            let shape: TemplateShape =
                switch frames.last {
                case .known(let schema):
                    switch schema.kind {
                    case .fields: .view({ schema })
                    case .text: .text
                    case .keyed, .dynamic: .dynamic
                    }
                case .unknown, nil: .dynamic
                }
            return Resolved(path: NamePath(head: .current, steps: []), shape: shape)
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, var resolved = head(first, in: frames) else { return nil }
        for part in parts.dropFirst() {
            guard let next = Self.step(part, after: resolved.shape) else { return nil }
            resolved.path.steps.append(next.0)
            resolved.shape = next.1
        }
        return resolved
    }

    /// The first frame, from the top, that has `name`; a frame known only at render time ends the search there.
    private func head(_ name: String, in frames: [Frame]) -> Resolved? {
        for (depth, frame) in frames.reversed().enumerated() {
            guard case .known(let schema) = frame else {
                return Resolved(path: NamePath(head: .runtime(depth: depth, name), steps: []), shape: .dynamic)
            }
            switch schema.kind {
            case .fields(let fields):
                if let accessor = fields[name] {
                    return Resolved(
                        path: NamePath(head: .field(depth: depth, accessor.read), steps: [], append: accessor.append), shape: accessor.shape)
                }
            case .keyed(let index, let shape, let lookup, _, _):
                if let index = index(name) {
                    return Resolved(path: NamePath(head: .keyed(depth: depth, index, name, lookup), steps: []), shape: shape)
                }
            case .dynamic:
                return Resolved(path: NamePath(head: .runtime(depth: depth, name), steps: []), shape: .dynamic)
            case .text: continue
            }
        }
        return nil
    }

    /// A dotted name's next part, looked up only in the value before it.
    private static func step(_ name: String, after shape: TemplateShape) -> (NamePath.Step, TemplateShape)? {
        switch shape {
        case .dynamic: return (.runtime(name), .dynamic)
        case .view(let schema):
            switch schema().kind {
            case .fields(let fields): return fields[name].map { (.field($0.read), $0.shape) }
            case .keyed(let index, let shape, let lookup, _, _): return index(name).map { (.keyed($0, name, lookup), shape) }
            case .dynamic: return (.runtime(name), .dynamic)
            case .text: return nil
            }
        case .text, .flag, .list: return nil
        }
    }
}

/// A compiled name: where its first part is found, and the fields after it.
struct NamePath {
    enum Head {
        /// `{{.}}`: the top of the context stack.
        case current
        /// A field of the frame `depth` below the top.
        case field(depth: Int, (AnyObject) -> TemplateValue)
        case keyed(depth: Int, Int, String, (AnyObject, Int, String) -> TemplateValue)
        /// Looked up by name from the frame `depth` below the top downwards, at render time.
        case runtime(depth: Int, String)
    }

    enum Step {
        case field((AnyObject) -> TemplateValue)
        case keyed(Int, String, (AnyObject, Int, String) -> TemplateValue)
        case runtime(String)
    }

    var head: Head
    var steps: [Step]
    /// Applied to the text the name holds (`{{uppercased(title)}}`).
    var transform: ((String) -> String)? = nil
    /// For a field of a frame (the head), writes it as `{{name}}` or `{{{name}}}` would.
    var append: ((AnyObject, inout [UInt8], Bool) -> Void)? = nil
}

/// A compiled name, shared by reference: an instruction that reads it then costs one retain, not one per part.
final class CompiledName: @unchecked Sendable {
    let path: NamePath
    /// A plain field of a frame (`{{title}}`: no dots, no transform), written by its accessor straight onto the page.
    let field: (depth: Int, append: (AnyObject, inout [UInt8], Bool) -> Void)?

    init(_ path: NamePath) {
        self.path = path
        if case .field(let depth, _) = path.head, let append = path.append, path.steps.isEmpty, path.transform == nil {
            field = (depth, append)
        } else {
            field = nil
        }
    }
}

/// The static text of a compiled template, in one buffer: writing a piece copies a range, with no reference counting.
final class TextArena: @unchecked Sendable {
    var bytes: [UInt8] = []
}

/// One instruction of a compiled template.
enum TemplateOp {
    /// A range of the template's `TextArena`.
    case text(start: Int, count: Int)
    case value(CompiledName, escaped: Bool)
    /// `pushes`: whether the value (or each item) goes on the context stack; a flag's section pushes nothing.
    case section(CompiledName, [TemplateOp], pushes: Bool)
    case inverted(CompiledName, [TemplateOp])
    case include(ProgramBox)
    /// A partial's pieces, each indented when it starts a line and renders something.
    case indentingLines([UInt8], [TemplateOp])
}

/// A partial's compiled instructions, shared by every place that includes it with the same context (and by itself,
/// when it is recursive). Written once while compiling, only read afterwards.
final class ProgramBox: @unchecked Sendable {
    var ops: [TemplateOp] = []
}
