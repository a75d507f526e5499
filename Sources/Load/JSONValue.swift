/// A parsed JSON value that remembers the byte offset where it starts, so every diagnostic about it has a position.
///
/// Foundation's decoders report neither the position of a syntax error nor of a key, and they accept duplicate
/// keys silently; portal files need all three, so Fieldbook reads JSON with `JSONReader` into this type.
package struct JSONNode: Sendable, Equatable {
    package var value: JSONValue
    /// UTF-8 offset of the value's first byte in its file.
    package var offset: Int

    package init(_ value: JSONValue, offset: Int) {
        self.value = value
        self.offset = offset
    }
}

/// One key of a JSON object, with the offset of the key itself.
package struct JSONMember: Sendable, Equatable {
    package var key: String
    package var keyOffset: Int
    package var node: JSONNode
}

/// The JSON data model; objects keep their members in file order.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// A short name of the value's type for messages ("a string", "an object").
    package var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONNode {
    package var string: String? { if case .string(let s) = value { s } else { nil } }
    package var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    package var number: Double? { if case .number(let n) = value { n } else { nil } }
    package var array: [JSONNode]? { if case .array(let a) = value { a } else { nil } }
    package var members: [JSONMember]? { if case .object(let m) = value { m } else { nil } }
}
