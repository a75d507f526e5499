/// A value as a template sees it while rendering.
package enum TemplateValue {
    /// A known field with nothing in it: renders as empty text, skips `{{#section}}`, shows `{{^section}}`.
    case absent
    case text(String)
    case flag(Bool)
    /// A nested view (or, for contexts resolved at render time, any object) with what it offers templates.
    case view(Any, TemplateSchema)
    case list([TemplateValue])

    /// Whether `{{#name}}` renders (and `{{^name}}` does not): false, absent and empty lists are falsey. Text is
    /// truthy even when empty, as in Fieldbook's earlier engine (a view hands over `absent` for "nothing").
    var isTruthy: Bool {
        switch self {
        case .absent: false
        case .text: true
        case .flag(let flag): flag
        case .view: true
        case .list(let items): !items.isEmpty
        }
    }
}

/// What a kind of value offers templates, known before anything renders, so names resolve once, at compile time.
package struct TemplateSchema: @unchecked Sendable {
    /// Tells schemas apart when compiled programs are shared (the view type, or a fixed name).
    package let id: ObjectIdentifier
    /// The view's type name, for diagnostics.
    package let name: String
    let kind: Kind

    enum Kind {
        /// Named fields, each an accessor.
        case fields([String: TemplateAccessor])
        /// Any name the schema `knows`, looked up by name at render time (labels, custom front-matter values).
        case keyed(knows: (String) -> Bool, shape: TemplateShape, lookup: (Any, String) -> TemplateValue)
        /// Names resolved at render time, walking down the context stack as the specification describes; nil from
        /// `lookup` means "not here".
        case dynamic(lookup: (Any, String) -> TemplateValue?)
        /// Plain text: no fields, only `{{.}}`.
        case text
    }

    /// The schema of text values (strings and numbers in lists, and text pushed by a section).
    package static let text = TemplateSchema(id: ObjectIdentifier(TextMarker.self), name: "text", kind: .text)
    private enum TextMarker {}

    /// A schema whose names resolve at render time (contexts made of JSON data, as the specification's tests use).
    package static func dynamic(_ type: Any.Type, lookup: @escaping (Any, String) -> TemplateValue?) -> TemplateSchema {
        TemplateSchema(id: ObjectIdentifier(type), name: "\(type)", kind: .dynamic(lookup: lookup))
    }

    /// A schema answering any name it `knows` by looking it up in the value.
    package static func keyed<V>(
        _ type: V.Type, shape: TemplateShape, knows: @escaping (String) -> Bool, lookup: @escaping (V, String) -> TemplateValue
    ) -> TemplateSchema {
        TemplateSchema(
            id: ObjectIdentifier(type), name: "\(type)",
            kind: .keyed(knows: knows, shape: shape, lookup: { value, name in (value as? V).map { lookup($0, name) } ?? .absent }))
    }

    /// A view type's named fields, and those of parts it is made of (`including`), which its own fields override.
    package init<V>(_ type: V.Type, _ fields: [String: TemplateField<V>], including parts: [[String: TemplateField<V>]] = []) {
        id = ObjectIdentifier(type)
        name = "\(type)"
        var accessors: [String: TemplateAccessor] = [:]
        for part in parts {
            for (name, field) in part { accessors[name] = field.erased }
        }
        for (name, field) in fields { accessors[name] = field.erased }
        kind = .fields(accessors)
    }

    private init(id: ObjectIdentifier, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    /// The field `name` of `object` (a value of this schema's type), looked up by name; nil when it has no such field.
    package func value(of name: String, in object: Any) -> TemplateValue? {
        switch kind {
        case .fields(let fields): fields[name]?.read(object)
        case .keyed(let knows, _, let lookup): knows(name) ? lookup(object, name) : nil
        case .dynamic(let lookup): lookup(object, name)
        case .text: nil
        }
    }

    /// The names a template can use here, for suggestions in diagnostics.
    var fieldNames: [String] {
        if case .fields(let fields) = kind { return fields.keys.sorted() }
        return []
    }
}

/// What a field holds, as far as compiling a template needs to know.
package enum TemplateShape {
    case text
    case flag
    /// A nested view with this schema (computed on demand: views may refer to one another).
    case view(() -> TemplateSchema)
    /// A list whose items have this schema.
    case list(() -> TemplateSchema)
    /// Known only when rendering.
    case dynamic
}

/// A field read from any value of its view type.
struct TemplateAccessor {
    let shape: TemplateShape
    let read: (Any) -> TemplateValue
}

/// One field of a view type `V`: `.value(\.title)`, `.value { !$0.reps.isEmpty }`.
///
/// `@unchecked Sendable`: fields are made once, in a type's `static let`, from key paths and pure closures.
package struct TemplateField<V>: @unchecked Sendable {
    let shape: TemplateShape
    let read: (V) -> TemplateValue

    /// A field read with `get`; what it holds (text, flag, view, list, optional) follows from its type.
    package static func value<T: TemplateRepresentable>(_ get: @escaping (V) -> T) -> TemplateField<V> {
        TemplateField(shape: T.templateShape, read: { get($0).templateValue })
    }

    /// The fields of a part `W` of `V` (a page's header), read through `get`.
    package static func lifting<W>(_ fields: [String: TemplateField<W>], from get: @escaping (V) -> W) -> [String: TemplateField<V>] {
        fields.mapValues { field in
            let read = field.read
            return TemplateField(shape: field.shape, read: { read(get($0)) })
        }
    }

    var erased: TemplateAccessor {
        let read = self.read
        return TemplateAccessor(shape: shape, read: { value in (value as? V).map(read) ?? .absent })
    }
}

/// A value a view can hand to templates: text, numbers, flags, views, lists of them and optionals.
package protocol TemplateRepresentable {
    static var templateShape: TemplateShape { get }
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    package static var templateShape: TemplateShape { .text }
    package var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    package static var templateShape: TemplateShape { .text }
    package var templateValue: TemplateValue { .text(String(self)) }
}

extension Bool: TemplateRepresentable {
    package static var templateShape: TemplateShape { .flag }
    package var templateValue: TemplateValue { .flag(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    package static var templateShape: TemplateShape { Wrapped.templateShape }
    package var templateValue: TemplateValue { map(\.templateValue) ?? .absent }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    package static var templateShape: TemplateShape {
        switch Element.templateShape {
        case .view(let schema): .list(schema)
        case .text: .list({ .text })
        default: .dynamic
        }
    }
    package var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

/// A view model a template renders: its fields, by name, resolved when the template is compiled.
package protocol TemplateViewModel: TemplateRepresentable {
    static var templateSchema: TemplateSchema { get }
}

extension TemplateViewModel {
    package static var templateShape: TemplateShape { .view({ Self.templateSchema }) }
    package var templateValue: TemplateValue { .view(self, Self.templateSchema) }
}
