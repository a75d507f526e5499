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

/// Unpadded base64url (RFC 4648 §5), the alphabet of keys in links and files: Foundation's base64, two letters swapped,
/// byte by byte (a sealed page is hundreds of kilobytes of it).
package enum Base64URL {
    package static func encode(_ bytes: [UInt8]) -> String { String(decoding: encodedBytes(bytes), as: UTF8.self) }

    package static func encodedBytes(_ bytes: [UInt8]) -> [UInt8] {
        var encoded = [UInt8](Data(bytes).base64EncodedData())
        while encoded.last == UInt8(ascii: "=") { encoded.removeLast() }
        for index in encoded.indices {
            switch encoded[index] {
            case UInt8(ascii: "+"): encoded[index] = UInt8(ascii: "-")
            case UInt8(ascii: "/"): encoded[index] = UInt8(ascii: "_")
            default: break
            }
        }
        return encoded
    }

    /// Nil when `text` is not unpadded base64url.
    package static func decode(_ text: String) -> [UInt8]? {
        var standard = Array(text.utf8)
        for index in standard.indices {
            switch standard[index] {
            case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): return nil
            case UInt8(ascii: "-"): standard[index] = UInt8(ascii: "+")
            case UInt8(ascii: "_"): standard[index] = UInt8(ascii: "/")
            default: break
            }
        }
        while standard.count % 4 != 0 { standard.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(standard)).map { [UInt8]($0) }
    }
}
