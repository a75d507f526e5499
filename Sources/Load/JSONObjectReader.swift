import FieldbookModel

/// Reads the members of one JSON object into typed fields, collecting a positioned diagnostic for each wrong type
/// and, at the end, a warning for each key nobody asked for.
struct JSONObjectReader {
    let path: String
    let lines: LineIndex
    /// Prefix for keys in messages, e.g. `markdown.` for a nested object.
    let keyPrefix: String
    private let members: [JSONMember]
    private var used: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    init(_ members: [JSONMember], path: String, lines: LineIndex, keyPrefix: String = "") {
        self.members = members
        self.path = path
        self.lines = lines
        self.keyPrefix = keyPrefix
    }

    func location(of node: JSONNode) -> SourceLocation { lines.location(ofByte: node.offset, in: path) }

    /// A reader for `node`, an object inside this one, that names its keys in messages after `keyPrefix`.
    func nested(_ node: JSONNode, keyPrefix: String) -> JSONObjectReader {
        JSONObjectReader(node.members ?? [], path: path, lines: lines, keyPrefix: keyPrefix)
    }

    /// The member named `key`, marked as known.
    mutating func node(_ key: String) -> JSONNode? {
        used.insert(key)
        return members.first { $0.key == key }?.node
    }

    mutating func report(_ node: JSONNode, _ message: String) {
        diagnostics.append(.error(location(of: node), message))
    }

    /// An error at `key`'s value (the key was just read, so it is there; else at the top of the file).
    mutating func report(key: String, _ message: String) {
        if let node = members.first(where: { $0.key == key })?.node {
            report(node, message)
        } else {
            diagnostics.append(.error(SourceLocation(path: path), message))
        }
    }

    private mutating func typed<T>(_ key: String, _ expected: String, _ extract: (JSONNode) -> T?) -> T? {
        guard let node = node(key), node.value != .null else { return nil }
        if let value = extract(node) { return value }
        report(node, "'\(keyPrefix)\(key)' must be \(expected), not \(node.value.kindName)")
        return nil
    }

    mutating func string(_ key: String) -> String? { typed(key, "a string") { $0.string } }
    mutating func bool(_ key: String) -> Bool? { typed(key, "true or false") { $0.bool } }
    mutating func number(_ key: String) -> Double? { typed(key, "a number") { $0.number } }
    mutating func object(_ key: String) -> JSONNode? { typed(key, "an object") { $0.members == nil ? nil : $0 } }

    mutating func integer(_ key: String) -> Int? {
        guard let value = number(key) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            report(key: key, "'\(keyPrefix)\(key)' must be a whole number")
            return nil
        }
        return Int(value)
    }

    /// A list of strings; a single string is accepted as a list of one.
    mutating func strings(_ key: String) -> [String] {
        guard let node = node(key), node.value != .null else { return [] }
        if let single = node.string { return [single] }
        guard let array = node.array else {
            report(node, "'\(keyPrefix)\(key)' must be a list of strings, not \(node.value.kindName)")
            return []
        }
        var result: [String] = []
        for element in array {
            if let text = element.string { result.append(text) } else { report(element, "'\(keyPrefix)\(key)' must contain only strings") }
        }
        return result
    }

    /// Where each key of the object is.
    var keyLocations: [String: SourceLocation] {
        Dictionary(members.map { ($0.key, lines.location(ofByte: $0.keyOffset, in: path)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The members nobody asked for, in file order.
    var unusedMembers: [JSONMember] { members.filter { !used.contains($0.key) } }

    /// Warnings for keys that were never read, at the key's own position.
    mutating func warnUnknownKeys(_ known: String) {
        for member in members where !used.contains(member.key) {
            diagnostics.append(
                .warning(lines.location(ofByte: member.keyOffset, in: path), "unknown key '\(keyPrefix)\(member.key)' (known keys: \(known))")
            )
        }
    }
}
