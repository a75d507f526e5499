import FieldbookModel

/// Reads a keys file (`KeyRing`): `{"format": "fieldbook-keys-1", "secret": …, "readers": {id: key, …}}`, every
/// key 32 bytes in unpadded base64url. Problems are errors at their place, and never quote a key.
package enum KeyRingParser {
    package static func parse(_ bytes: [UInt8], path: String) -> (KeyRing?, [Diagnostic]) {
        let lines = LineIndex(bytes: bytes)
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            return (nil, [.error(lines.location(ofByte: error.offset, in: path), error.message)])
        }
        guard let members = root.members else {
            return (nil, [.error(lines.location(ofByte: root.offset, in: path), "a keys file must hold a JSON object")])
        }
        var reader = JSONObjectReader(members, path: path, lines: lines)
        func key(_ node: JSONNode, _ name: String, _ reader: inout JSONObjectReader) -> [UInt8]? {
            guard let text = node.string, let key = Base64URL.decode(text), key.count == 32 else {
                reader.report(node, "\(name) must be 32 bytes in unpadded base64url (fieldbook keys makes them)")
                return nil
            }
            return key
        }
        if let format = reader.string("format"), format != KeyRing.format {
            reader.report(key: "format", "unknown keys file format \"\(format)\" (this Fieldbook reads \(KeyRing.format))")
        }
        let secret = reader.node("secret").flatMap { key($0, "'secret'", &reader) }
        if secret == nil, reader.diagnostics.isEmpty { reader.report(key: "secret", "a keys file needs its 'secret'") }
        var readers: [String: [UInt8]] = [:]
        if let object = reader.object("readers") {
            for member in object.members ?? [] {
                if let value = key(member.node, "the key of reader '\(member.key)'", &reader) { readers[member.key] = value }
            }
        }
        reader.warnUnknownKeys("format, secret, readers")
        guard let secret, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        return (KeyRing(secret: secret, readers: readers), reader.diagnostics)
    }
}
