/// A parsed JSON value that remembers the byte offset where it starts, so every diagnostic about it has a position.
///
/// Foundation's decoders report neither the position of a syntax error nor of a key, and they accept duplicate
/// keys silently; portal files need all three, so Fieldbook reads JSON with `JSONReader` into this type.
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    /// UTF-8 offset of the value's first byte in its file.
    public var offset: Int

    public init(_ value: JSONValue, offset: Int) {
        self.value = value
        self.offset = offset
    }
}

/// One key of a JSON object, with the offset of the key itself.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyOffset: Int
    public var node: JSONNode
}

/// The JSON data model; objects keep their members in file order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// A short name of the value's type for messages ("a string", "an object").
    public var kindName: String {
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
    public var string: String? { if case .string(let s) = value { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    public var number: Double? { if case .number(let n) = value { n } else { nil } }
    public var array: [JSONNode]? { if case .array(let a) = value { a } else { nil } }
    public var members: [JSONMember]? { if case .object(let m) = value { m } else { nil } }
}
