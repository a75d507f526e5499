import FieldbookModel

/// A value as a template sees it while rendering.
///
/// `@unchecked Sendable`: a view inside is boxed once and never changed, and view models are `Sendable` values.
package enum TemplateValue: @unchecked Sendable {
    /// A known field with nothing in it: renders as empty text, skips `{{#section}}`, shows `{{^section}}`.
    case absent
    case text(String)
    case flag(Bool)
    /// A nested view (or, for contexts resolved at render time, any object), boxed once, with what it offers
    /// templates. The box is a `TemplateBox` of the schema's type: accessors read through it without copying the view.
    case view(AnyObject, TemplateSchema)
    case list([TemplateValue])

    /// The field `name` of a view, looked up by name (as a template resolved at render time would); nil when this is
    /// not a view or has no such field.
    package subscript(field name: String) -> TemplateValue? {
        guard case .view(let object, let schema) = self else { return nil }
        return schema.value(of: name, in: object)
    }

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
/// A class: every value a template reads carries its schema, and passing one along is then a single retain.
package final class TemplateSchema: @unchecked Sendable {
    /// Tells schemas apart when compiled programs are shared (the view type's identity).
    package let id: ObjectIdentifier
    let kind: Kind

    enum Kind {
        /// Named fields, each an accessor.
        case fields([String: TemplateAccessor])
        /// Names that `index` finds (at compile time), each read by that index, or by name (custom front-matter
        /// values), at render time.
        case keyed(
            index: (String) -> Int?, shape: TemplateShape, lookup: (AnyObject, Int, String) -> TemplateValue, names: [String],
            contents: (AnyObject) -> [(name: String, value: TemplateValue)])
        /// Names resolved at render time, walking down the context stack as the specification describes; nil from
        /// `lookup` means "not here".
        case dynamic(lookup: (AnyObject, String) -> TemplateValue?)
        /// Plain text: no fields, only `{{.}}`.
        case text
    }

    /// The schema of text values (strings and numbers in lists, and text pushed by a section).
    package static let text = TemplateSchema(id: ObjectIdentifier(TextMarker.self), kind: .text)
    private enum TextMarker {}

    /// A schema whose names resolve at render time (contexts made of JSON data, as the specification's tests use).
    package static func dynamic<V>(_ type: V.Type, lookup: @escaping (V, String) -> TemplateValue?) -> TemplateSchema {
        TemplateSchema(
            id: ObjectIdentifier(type), kind: .dynamic(lookup: { object, name in lookup(TemplateBox<V>.unbox(object), name) }))
    }

    /// A schema answering the names `index` finds, read by that index (found once, when a template is compiled) or
    /// by name: the theme's words, a document's custom front-matter values.
    /// `names`: the names it knows, for suggestions in diagnostics. `contents`: every name a value holds with its
    /// value, for its fingerprint.
    package static func keyed<V>(
        _ type: V.Type, shape: TemplateShape, names: [String] = [], index: @escaping (String) -> Int?,
        lookup: @escaping (V, Int, String) -> TemplateValue, contents: @escaping (V) -> [(name: String, value: TemplateValue)]
    ) -> TemplateSchema {
        TemplateSchema(
            id: ObjectIdentifier(type),
            kind: .keyed(
                index: index, shape: shape, lookup: { object, index, name in lookup(TemplateBox<V>.unbox(object), index, name) }, names: names,
                contents: { contents(TemplateBox<V>.unbox($0)) }))
    }

    /// A view type's named fields, and those of parts it is made of (`including`), which its own fields override.
    package convenience init<V>(_ type: V.Type, _ fields: [String: TemplateField<V>], including parts: [[String: TemplateField<V>]] = []) {
        var accessors: [String: TemplateAccessor] = [:]
        for part in parts {
            for (name, field) in part { accessors[name] = field.erased }
        }
        for (name, field) in fields { accessors[name] = field.erased }
        self.init(id: ObjectIdentifier(type), kind: .fields(accessors))
    }

    private init(id: ObjectIdentifier, kind: Kind) {
        self.id = id
        self.kind = kind
        if case .fields(let fields) = kind { sortedFields = fields.sorted { $0.key < $1.key }.map(\.value) } else { sortedFields = [] }
    }

    /// A fields schema's accessors in the order of their names (a dictionary's order changes from process to process).
    let sortedFields: [TemplateAccessor]

    /// The field `name` of `object` (a value of this schema's type), looked up by name; nil when it has no such field.
    package func value(of name: String, in object: AnyObject) -> TemplateValue? {
        switch kind {
        case .fields(let fields): fields[name]?.read(object)
        case .keyed(let index, _, let lookup, _, _): index(name).map { lookup(object, $0, name) }
        case .dynamic(let lookup): lookup(object, name)
        case .text: nil
        }
    }

    /// The names a template can use here, for suggestions in diagnostics.
    var fieldNames: [String] {
        switch kind {
        case .fields(let fields): fields.keys.sorted()
        case .keyed(_, _, _, let names, _): names
        case .dynamic, .text: []
        }
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

/// A field read from any value of its view type: boxed (`read`, for rendering), or in place, to fingerprint it
/// without boxing the views inside (`fingerprint`, from a pointer to a value of the view type).
struct TemplateAccessor {
    let shape: TemplateShape
    let read: (AnyObject) -> TemplateValue
    /// Writes the field as `{{name}}` (escaped) or `{{{name}}}` would, without making a `TemplateValue` first.
    let append: (AnyObject, inout [UInt8], _ escaped: Bool) -> Void
    let fingerprint: (UnsafeRawPointer, inout ByteWriter) -> Void
}

/// A view boxed once for rendering, so reading one field does not copy the whole view out of an `Any`.
package final class TemplateBox<V>: @unchecked Sendable {
    package let value: V
    package init(_ value: V) { self.value = value }

    /// The view in `object`, which the schema it came with says is a box of `V` (checked in debug builds).
    static func unbox(_ object: AnyObject) -> V { unsafeDowncast(object, to: TemplateBox<V>.self).value }
}

/// One field of a view type `V`: `.value(\.title)`, `.value { !$0.reps.isEmpty }`.
///
/// `@unchecked Sendable`: fields are made once, in a type's `static let`, from key paths and pure closures.
package struct TemplateField<V>: @unchecked Sendable {
    let shape: TemplateShape
    let read: (V) -> TemplateValue
    let append: (V, inout [UInt8], Bool) -> Void
    let fingerprint: (V, inout ByteWriter) -> Void

    /// A field read with `get`; what it holds (text, flag, view, list, optional) follows from its type.
    package static func value<T: TemplateRepresentable>(_ get: @escaping (V) -> T) -> TemplateField<V> {
        TemplateField(
            shape: T.templateShape, read: { get($0).templateValue }, append: { get($0).appendTemplateText(to: &$1, escaped: $2) },
            fingerprint: { get($0).fingerprint(into: &$1) })
    }

    /// A field whose value the view keeps ready (a nested view boxed once, read on every page): `shape` says what
    /// it holds, as `W.templateShape` would.
    package static func prepared(_ shape: TemplateShape, _ get: @escaping (V) -> TemplateValue) -> TemplateField<V> {
        TemplateField(
            shape: shape, read: get, append: { get($0).appendText(to: &$1, escaped: $2) }, fingerprint: { get($0).fingerprint(into: &$1) })
    }

    /// The fields of a part `W` of `V` (a page's header), read through `get`.
    package static func lifting<W>(_ fields: [String: TemplateField<W>], from get: @escaping (V) -> W) -> [String: TemplateField<V>] {
        fields.mapValues { field in
            let (read, append, fingerprint) = (field.read, field.append, field.fingerprint)
            return TemplateField(
                shape: field.shape, read: { read(get($0)) }, append: { append(get($0), &$1, $2) }, fingerprint: { fingerprint(get($0), &$1) })
        }
    }

    var erased: TemplateAccessor {
        let (read, append, fingerprint) = (self.read, self.append, self.fingerprint)
        return TemplateAccessor(
            shape: shape, read: { object in read(unsafeDowncast(object, to: TemplateBox<V>.self).value) },
            append: { object, output, escaped in append(unsafeDowncast(object, to: TemplateBox<V>.self).value, &output, escaped) },
            fingerprint: { pointer, writer in fingerprint(pointer.assumingMemoryBound(to: V.self).pointee, &writer) })
    }
}

/// A value a view can hand to templates: text, numbers, flags, views, lists of them and optionals.
package protocol TemplateRepresentable {
    static var templateShape: TemplateShape { get }
    var templateValue: TemplateValue { get }
    /// Writes what `templateValue.fingerprint(into:)` would, without making the value (and boxing its views) first.
    func fingerprint(into writer: inout ByteWriter)
    /// Writes what `{{name}}` (`escaped`) or `{{{name}}}` shows of `templateValue`, without making it first.
    func appendTemplateText(to output: inout [UInt8], escaped: Bool)
}

extension TemplateRepresentable {
    package func appendTemplateText(to output: inout [UInt8], escaped: Bool) { templateValue.appendText(to: &output, escaped: escaped) }
}

extension TemplateValue {
    /// What `{{name}}` (`escaped`) or `{{{name}}}` shows of this value: text, `true` or `false`, or nothing.
    package func appendText(to output: inout [UInt8], escaped: Bool) {
        switch self {
        case .text(let text): escaped ? appendEscapingHTML(text, to: &output) : output.append(contentsOf: text.utf8)
        case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .absent, .view, .list: break
        }
    }
}

extension String: TemplateRepresentable {
    package static var templateShape: TemplateShape { .text }
    package var templateValue: TemplateValue { .text(self) }
    package func fingerprint(into writer: inout ByteWriter) { TemplateValue.fingerprint(text: self, into: &writer) }
    package func appendTemplateText(to output: inout [UInt8], escaped: Bool) {
        escaped ? appendEscapingHTML(self, to: &output) : output.append(contentsOf: utf8)
    }
}

extension Int: TemplateRepresentable {
    package static var templateShape: TemplateShape { .text }
    package var templateValue: TemplateValue { .text(String(self)) }
    package func fingerprint(into writer: inout ByteWriter) { TemplateValue.fingerprint(text: String(self), into: &writer) }
    package func appendTemplateText(to output: inout [UInt8], escaped: Bool) {
        // Digits and a sign need no escaping; written without making a String.
        var magnitude = magnitude
        if self < 0 { output.append(UInt8(ascii: "-")) }
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
    }
}

extension Bool: TemplateRepresentable {
    package static var templateShape: TemplateShape { .flag }
    package var templateValue: TemplateValue { .flag(self) }
    package func fingerprint(into writer: inout ByteWriter) { TemplateValue.flag(self).fingerprint(into: &writer) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    package static var templateShape: TemplateShape { Wrapped.templateShape }
    // Closures, not key paths: a key path in generic code is built anew at every call.
    package var templateValue: TemplateValue { map { $0.templateValue } ?? .absent }
    package func appendTemplateText(to output: inout [UInt8], escaped: Bool) { self?.appendTemplateText(to: &output, escaped: escaped) }
    package func fingerprint(into writer: inout ByteWriter) {
        if let self { self.fingerprint(into: &writer) } else { TemplateValue.absent.fingerprint(into: &writer) }
    }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    package static var templateShape: TemplateShape {
        switch Element.templateShape {
        case .view(let schema): .list(schema)
        case .text: .list({ .text })
        default: .dynamic
        }
    }
    package var templateValue: TemplateValue { .list(map { $0.templateValue }) }
    package func fingerprint(into writer: inout ByteWriter) {
        TemplateValue.fingerprint(listOf: count, into: &writer)
        for item in self { item.fingerprint(into: &writer) }
    }
}

/// A view model a template renders: its fields, by name, resolved when the template is compiled.
package protocol TemplateViewModel: TemplateRepresentable {
    static var templateSchema: TemplateSchema { get }
}

extension TemplateViewModel {
    package static var templateShape: TemplateShape { .view({ Self.templateSchema }) }
    package var templateValue: TemplateValue { .view(TemplateBox(self), Self.templateSchema) }
    package func fingerprint(into writer: inout ByteWriter) {
        let schema = Self.templateSchema
        guard case .fields = schema.kind else { return templateValue.fingerprint(into: &writer) }
        TemplateValue.fingerprint(viewOf: schema.sortedFields.count, into: &writer)
        withUnsafePointer(to: self) { pointer in
            for field in schema.sortedFields { field.fingerprint(UnsafeRawPointer(pointer), &writer) }
        }
    }
}
