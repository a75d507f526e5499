import Foundation

/// The keys of an encrypted portal (`access.mode: "encrypted"`), as the keys file holds them: a secret that content
/// keys are derived from, and each reader's key. Never part of the output (docs/security.md).
package struct KeyRing: Sendable, Equatable {
    /// 32 random bytes: every page's content key is derived from it and the page's own bytes.
    package var secret: [UInt8]
    /// Reader id → 32 random bytes, the key their personal link carries.
    package var readers: [String: [UInt8]]

    package init(secret: [UInt8], readers: [String: [UInt8]]) {
        self.secret = secret
        self.readers = readers
    }

    /// The format's name, the file's first field.
    package static let format = "fieldbook-keys-1"

    /// The keys file's bytes: readers sorted by id, keys in unpadded base64url.
    package var fileBytes: [UInt8] {
        let readers = self.readers.sorted { $0.key < $1.key }.map { ($0.key, JSONOutput.string(Base64URL.encode($0.value))) }
        return JSONOutput.object([
            ("format", .string(Self.format)), ("secret", .string(Base64URL.encode(secret))), ("readers", .object(readers)),
        ]).bytes(indentedLevels: 2) + [0x0A]
    }

    /// A fingerprint of every key, for the build cache's key (never written anywhere readable).
    package var fingerprint: Fingerprint { Fingerprint(fileBytes) }
}

/// Unpadded base64url (RFC 4648 §5), the alphabet of keys in links and files: Foundation's base64, two letters swapped.
package enum Base64URL {
    package static func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.last == "=" { text.removeLast() }
        return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }

    /// Nil when `text` is not unpadded base64url.
    package static func decode(_ text: String) -> [UInt8]? {
        guard !text.contains(where: { $0 == "+" || $0 == "/" || $0 == "=" }) else { return nil }
        var standard = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map { [UInt8]($0) }
    }
}
