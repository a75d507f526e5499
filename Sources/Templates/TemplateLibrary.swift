import FieldbookModel

/// A theme's templates, parsed once; each is compiled on demand against the schemas of the context it renders.
package struct TemplateLibrary: Sendable {
    package let templates: [String: ParsedTemplate]
    /// The specification renders a partial that does not exist as nothing; a theme would rather hear about the typo.
    package let missingPartialsRenderEmpty: Bool

    package init(_ templates: [String: ParsedTemplate], missingPartialsRenderEmpty: Bool = false) {
        self.templates = templates
        self.missingPartialsRenderEmpty = missingPartialsRenderEmpty
    }

    /// Compiles template `name` for a context stack whose frames (bottom first) have these schemas.
    package func compile(_ name: String, context: [TemplateSchema]) -> Result<CompiledTemplate, TemplateProblems> {
        guard let template = templates[name] else {
            return .failure(TemplateProblems(list: [TemplateProblem(path: name, line: 1, column: 1, kind: .missingTemplate(name))]))
        }
        var compiler = TemplateCompiler(templates: templates, missingPartialsRenderEmpty: missingPartialsRenderEmpty)
        let scope = TemplateCompiler.Scope(template: template, frames: context.map { .known($0) }, indent: [], overrides: [:], depth: 0)
        let ops = compiler.compile(template.nodes, scope)
        guard compiler.problems.isEmpty else { return .failure(TemplateProblems(list: compiler.problems)) }
        return .success(CompiledTemplate(ops: ops, text: compiler.arena.bytes, frameCount: context.count))
    }
}

/// A template compiled against the schemas of its context: rendering does no name lookups (except in schemas
/// resolved at render time), only accessor calls and byte copies.
package struct CompiledTemplate: @unchecked Sendable {
    let ops: [TemplateOp]
    let text: [UInt8]
    let frameCount: Int

    /// Renders with `context` (bottom first, one value per schema it was compiled for) onto `output`.
    package func render(_ context: [TemplateValue], into output: inout [UInt8]) {
        precondition(context.count == frameCount, "a template renders with the context it was compiled for")
        context.withUnsafeBufferPointer { context in
            text.withUnsafeBufferPointer { text in
                var renderer = TemplateRenderer(output: output, context: context, text: text)
                output = []
                renderer.run(ops)
                output = renderer.output
            }
        }
    }
}

/// Runs compiled instructions against a context stack, appending bytes.
struct TemplateRenderer {
    var output: [UInt8]
    /// The context stack, bottom first. Each frame points at a value that its owner keeps alive for as long as the
    /// frame is on the stack (the context `render` was given, the list a section goes through, or a section's value):
    /// pushing and popping a frame copies nothing, so no reference is counted.
    private var stack: [UnsafePointer<TemplateValue>]
    /// The view of each frame of `stack` (nil for other values), unretained: fields are read through these without
    /// the reference counting that copying a frame's value costs.
    private var objects: [Unmanaged<AnyObject>?]
    /// The compiled template's static text, which `.text` instructions take ranges of.
    let text: UnsafeBufferPointer<UInt8>

    /// `context` must outlive the renderer.
    init(output: [UInt8], context: UnsafeBufferPointer<TemplateValue>, text: UnsafeBufferPointer<UInt8>) {
        self.output = output
        self.text = text
        stack = context.indices.map { context.baseAddress.unsafelyUnwrapped + $0 }
        objects = stack.map(Self.object)
    }

    private static func object(_ value: UnsafePointer<TemplateValue>) -> Unmanaged<AnyObject>? {
        if case .view(let object, _) = value.pointee { Unmanaged.passUnretained(object) } else { nil }
    }

    /// `value` must stay alive until the frame is popped.
    private mutating func push(_ value: UnsafePointer<TemplateValue>) {
        stack.append(value)
        objects.append(Self.object(value))
    }

    private mutating func pop() {
        objects.removeLast()
        stack.removeLast()
    }

    /// The view `depth` frames below the top, if that frame is a view, borrowed for `body`.
    @inline(__always)
    private func withView<R>(at depth: Int, _ body: (AnyObject) -> R) -> R? {
        guard let object = objects[objects.count - 1 - depth] else { return nil }
        return object._withUnsafeGuaranteedRef(body)
    }

    mutating func run(_ ops: [TemplateOp]) {
        // In place: iterating the array itself would copy each instruction, and retain what it holds.
        ops.withUnsafeBufferPointer { ops in
            for index in ops.indices { perform(ops[index]) }
        }
    }

    private mutating func perform(_ op: TemplateOp) {
        switch op {
        case .text(let start, let count): output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<start + count]))
        case .value(let path, let escaped):
            if let (depth, append) = path.field {
                var output = self.output
                self.output = []
                _ = withView(at: depth) { append($0, &output, escaped) }
                self.output = output
            } else {
                evaluate(path).appendText(to: &output, escaped: escaped)
            }
        case .section(let path, let body, let pushes):
            let value = evaluate(path)
            guard value.isTruthy else { return }
            guard pushes else { return run(body) }
            if case .list(let items) = value {
                items.withUnsafeBufferPointer { items in
                    for index in items.indices {
                        push(items.baseAddress.unsafelyUnwrapped + index)
                        run(body)
                        pop()
                    }
                }
            } else {
                withUnsafePointer(to: value) { value in
                    push(value)
                    run(body)
                    pop()
                }
            }
        case .inverted(let path, let body): if !evaluate(path).isTruthy { run(body) }
        case .include(let box): run(box.ops)
        case .indentingLines(let indent, let ops):
            for op in ops {
                let start = output.count
                let startsLine = output.last.map { $0 == UInt8(ascii: "\n") } ?? true
                perform(op)
                if startsLine, output.count > start { output.insert(contentsOf: indent, at: start) }
            }
        }
    }

    private func evaluate(_ name: CompiledName) -> TemplateValue {
        var value: TemplateValue
        switch name.path.head {
        case .current: value = stack.last?.pointee ?? .absent
        case .field(let depth, let read):
            value = withView(at: depth, read) ?? .absent
        case .keyed(let depth, let index, let name, let lookup):
            value = withView(at: depth) { lookup($0, index, name) } ?? .absent
        case .runtime(let depth, let name):
            value = .absent
            for frame in stack[..<(stack.count - depth)].reversed() {
                if let found = frame.pointee[field: name] {
                    value = found
                    break
                }
            }
        }
        for step in name.path.steps {
            switch step {
            case .field(let read):
                guard case .view(let object, _) = value else { return .absent }
                value = read(object)
            case .keyed(let index, let name, let lookup):
                guard case .view(let object, _) = value else { return .absent }
                value = lookup(object, index, name)
            case .runtime(let name): value = value[field: name] ?? .absent
            }
        }
        if let transform = name.path.transform, case .text(let text) = value { return .text(transform(text)) }
        return value
    }
}
