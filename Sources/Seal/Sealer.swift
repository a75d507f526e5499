import Crypto
import FieldbookModel
import Foundation

/// Encrypts the private files of an encrypted portal (`AccessPolicy`), each once, for every reader allowed to open it
/// (envelope encryption, AES-256-GCM, keys derived with HKDF-SHA256): what `templates/assets/unlock.js` decrypts in the
/// reader's browser with WebCrypto. docs/security.md gives the format and the argument that no key ever encrypts
/// two different plaintexts.
///
/// - A file's **content key** is derived from the keys file's secret, the file's path and a SHA-256 of its bytes;
///   its **id** (`cid`) is a SHA-256 of that key. The same bytes at the same path give the same ciphertext, so builds
///   are reproducible; different bytes give a different key.
/// - For each reader, a **wrapping key** is derived from their key and the content id, and encrypts the content key.
/// - A reader finds their entry by a **key id** derived from their key (names are not in the file).
/// Every key encrypts exactly one plaintext, so the nonce can be fixed (all zeros).
package struct Sealer: Sendable {
    package let policy: AccessPolicy
    private let secret: SymmetricKey
    /// Reader id → key id and key.
    private let keys: [String: (id: String, key: SymmetricKey)]
    /// The open page a sealed page's envelope goes into.
    package var shell: Shell?

    /// The page that stands in for a private one: `prefix`, the envelope's JSON, `suffix`.
    package struct Shell: Sendable {
        package var prefix: [UInt8]
        package var suffix: [UInt8]
        package init(prefix: [UInt8], suffix: [UInt8]) { (self.prefix, self.suffix) = (prefix, suffix) }
    }

    package init(policy: AccessPolicy, ring: KeyRing) {
        self.policy = policy
        secret = SymmetricKey(data: ring.secret)
        keys = ring.readers.mapValues { bytes in
            let key = SymmetricKey(data: bytes)
            return (Self.keyID(of: key), key)
        }
    }

    /// The file as published: as it is when open, its envelope in the shell (a page) or alone (JSON) when private,
    /// nil when dropped.
    package func seal(_ file: OutputFile) -> OutputFile? {
        switch policy.access(file.path) {
        case .open: return file
        case .dropped: return nil
        case .sealed(let readers):
            let envelope = self.envelope(file.bytes, path: file.path, readers: readers)
            if file.path.hasSuffix(".html"), let shell {
                return OutputFile(path: file.path, bytes: shell.prefix + envelope + shell.suffix, inputs: file.inputs)
            }
            return OutputFile(path: file.path, bytes: envelope + [0x0A], inputs: file.inputs)
        }
    }

    /// Readers the policy names who have no key (the keys file did not list them): their files are sealed for the
    /// others allowed to open them.
    package var readersWithoutKeys: [String] { policy.readers.map(\.id).filter { keys[$0] == nil } }

    /// `{"sealed": "fieldbook-1", "cid": …, "keys": [[key id, wrapped content key], …], "ct": …}`, base64url.
    package func envelope(_ plaintext: [UInt8], path: String, readers: [String]) -> [UInt8] {
        let contentKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: secret, salt: Array("fieldbook content key".utf8), info: Array(path.utf8) + [0] + Array(SHA256.hash(data: plaintext)),
            outputByteCount: 32)
        let contentKeyBytes = contentKey.withUnsafeBytes { Array($0) }
        let cid = Array(SHA256.hash(data: Array("fieldbook content id".utf8) + contentKeyBytes).prefix(16))
        let wrapped = readers.compactMap { keys[$0] }.map { reader in
            let wrapping = HKDF<SHA256>.deriveKey(
                inputKeyMaterial: reader.key, salt: Array("fieldbook wrapping key".utf8), info: cid, outputByteCount: 32)
            return (reader.id, Self.encrypt(contentKeyBytes, with: wrapping))
        }.sorted { $0.0 < $1.0 }
        let ciphertext = Base64URL.encodedBytes(Self.encrypt(plaintext, with: contentKey))
        var json = #"{"sealed":"fieldbook-1","cid":""# + Base64URL.encode(cid) + #"","keys":["#
        json += wrapped.map { #"[""# + $0.0 + #"",""# + Base64URL.encode($0.1) + #""]"# }.joined(separator: ",")
        var bytes = Array((json + #"],"ct":""#).utf8)
        bytes.reserveCapacity(bytes.count + ciphertext.count + 2)
        bytes += ciphertext
        bytes += Array(#""}"#.utf8)
        return bytes
    }

    /// AES-256-GCM with the all-zero nonce (each key here encrypts one plaintext only): ciphertext, then the tag.
    static func encrypt(_ plaintext: [UInt8], with key: SymmetricKey) -> [UInt8] {
        do {
            let box = try AES.GCM.seal(plaintext, using: key, nonce: try AES.GCM.Nonce(data: zeroNonce))
            return Array(box.ciphertext) + Array(box.tag)
        } catch {
            preconditionFailure("AES-GCM refused a 256-bit key and a 12-byte nonce: \(error)")
        }
    }

    private static let zeroNonce = [UInt8](repeating: 0, count: 12)

    /// What `unlock.js` does in the browser, for tests and tools: the plaintext of `envelope` for the reader whose
    /// key is `readerKey`; nil when it is not among the envelope's readers, or when anything in it was changed.
    package static func open(_ envelope: [UInt8], readerKey: [UInt8]) -> [UInt8]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(envelope)) as? [String: Any], object["sealed"] as? String == "fieldbook-1",
            let cid = (object["cid"] as? String).flatMap(Base64URL.decode), let ct = (object["ct"] as? String).flatMap(Base64URL.decode),
            let entries = object["keys"] as? [[String]]
        else { return nil }
        let key = SymmetricKey(data: readerKey)
        guard let entry = entries.first(where: { $0.first == keyID(of: key) }), entry.count == 2, let wrapped = Base64URL.decode(entry[1]) else {
            return nil
        }
        let wrapping = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: Array("fieldbook wrapping key".utf8), info: cid, outputByteCount: 32)
        guard let contentKey = decrypt(wrapped, with: wrapping) else { return nil }
        return decrypt(ct, with: SymmetricKey(data: contentKey))
    }

    private static func decrypt(_ data: [UInt8], with key: SymmetricKey) -> [UInt8]? {
        guard data.count >= 16, let nonce = try? AES.GCM.Nonce(data: zeroNonce),
            let box = try? AES.GCM.SealedBox(nonce: nonce, ciphertext: data.dropLast(16), tag: data.suffix(16))
        else { return nil }
        return (try? AES.GCM.open(box, using: key)).map { Array($0) }
    }

    /// The id a reader's entries carry: derived from their key, so a browser holding it finds them and the file
    /// names nobody.
    package static func keyID(of key: SymmetricKey) -> String {
        Base64URL.encode(
            HKDF<SHA256>.deriveKey(inputKeyMaterial: key, salt: Array("fieldbook key id".utf8), info: [UInt8](), outputByteCount: 12)
                .withUnsafeBytes { Array($0) })
    }
}

extension KeyRing {
    /// 32 bytes from the system's secure random source.
    package static func randomKey() -> [UInt8] { SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } }

    /// A new ring with a random secret and no readers.
    package static func random() -> KeyRing { KeyRing(secret: randomKey(), readers: [:]) }

    /// This ring with a random key for each of `readers` it lacks, and those it added.
    package func adding(_ readers: [String]) -> (ring: KeyRing, added: [String]) {
        var ring = self
        let added = readers.filter { ring.readers[$0] == nil }
        for reader in added { ring.readers[reader] = Self.randomKey() }
        return (ring, added)
    }
}
