/// Fingerprints any `Encodable` value: every stored property, as the compiler-synthesized `encode(to:)` lists them,
/// goes into one byte stream that is then hashed. A view model that gains a field is covered without anyone
/// remembering to add it to a key, which is what makes cached pages safe to reuse.
///
/// Each value is written with its depth in the tree and its key, so different shapes never give the same bytes
/// (`[["a"], "b"]` and `[["a", "b"]]` differ in the depth of `"b"`).
package enum FingerprintEncoder {
    package static func fingerprint(_ value: some Encodable, into writer: inout ByteWriter) {
        let sink = Sink(writer)
        // Encoding into this sink cannot fail: no container refuses a value.
        try? value.encode(to: ValueEncoder(sink: sink, depth: 0))
        writer = sink.writer
    }

    package static func fingerprint(_ value: some Encodable) -> Fingerprint {
        var writer = ByteWriter()
        fingerprint(value, into: &writer)
        return Fingerprint(writer.bytes)
    }

    final class Sink {
        var writer: ByteWriter
        init(_ writer: ByteWriter) { self.writer = writer }

        enum Tag: UInt8 { case keyed = 1, unkeyed, key, null, bool, string, integer, unsigned, double, longString }

        func mark(_ depth: Int, _ tag: Tag) {
            writer.write(UInt64(depth))
            writer.write(tag.rawValue)
        }

        /// A long string (a page's HTML) goes in as its length and its own hash, taken in place: copying it into the
        /// stream first would double the bytes to move for every page.
        func write(_ value: String, _ depth: Int) {
            guard value.utf8.count > Self.longString else {
                mark(depth, .string)
                writer.write(value)
                return
            }
            mark(depth, .longString)
            writer.write(UInt64(value.utf8.count))
            writer.write(Fingerprint(value).value)
        }

        static let longString = 256
    }

    struct ValueEncoder: Encoder {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            sink.mark(depth, .keyed)
            return KeyedEncodingContainer(Keyed<Key>(sink: sink, depth: depth + 1))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.mark(depth, .unkeyed)
            return Unkeyed(sink: sink, depth: depth + 1)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink, depth: depth) }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        func encodeNil() { sink.mark(depth, .null) }
        func encode(_ value: Bool) {
            sink.mark(depth, .bool)
            sink.writer.write(value)
        }
        func encode(_ value: String) { sink.write(value, depth) }
        func encode(_ value: Double) {
            sink.mark(depth, .double)
            sink.writer.write(value)
        }
        func encode(_ value: Float) { encode(Double(value)) }
        func encode(_ value: Int) {
            sink.mark(depth, .integer)
            sink.writer.write(value)
        }
        func encode(_ value: Int8) { encode(Int(value)) }
        func encode(_ value: Int16) { encode(Int(value)) }
        func encode(_ value: Int32) { encode(Int(value)) }
        func encode(_ value: Int64) { encode(Int(value)) }
        func encode(_ value: UInt) { encode(UInt64(value)) }
        func encode(_ value: UInt8) { encode(UInt64(value)) }
        func encode(_ value: UInt16) { encode(UInt64(value)) }
        func encode(_ value: UInt32) { encode(UInt64(value)) }
        func encode(_ value: UInt64) {
            sink.mark(depth, .unsigned)
            sink.writer.write(value)
        }
        func encode<T: Encodable>(_ value: T) throws { try value.encode(to: ValueEncoder(sink: sink, depth: depth)) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        private func single(_ key: Key) -> Single {
            sink.mark(depth, .key)
            sink.writer.write(key.stringValue)
            return Single(sink: sink, depth: depth)
        }

        func encodeNil(forKey key: Key) { single(key).encodeNil() }
        func encode(_ value: Bool, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: String, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: Double, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: Float, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: Int, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: Int8, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: Int16, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: Int32, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: Int64, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: UInt, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: UInt8, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: UInt16, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: UInt32, forKey key: Key) { single(key).encode(value) }
        func encode(_ value: UInt64, forKey key: Key) { single(key).encode(value) }
        func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try single(key).encode(value) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            ValueEncoder(sink: single(key).sink, depth: depth).container(keyedBy: keyType)
        }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            ValueEncoder(sink: single(key).sink, depth: depth).unkeyedContainer()
        }
        func superEncoder() -> any Encoder { ValueEncoder(sink: sink, depth: depth) }
        func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(sink: single(key).sink, depth: depth) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(sink: Sink, depth: Int) {
            self.sink = sink
            self.depth = depth
        }

        private mutating func single() -> Single {
            count += 1
            return Single(sink: sink, depth: depth)
        }

        mutating func encodeNil() { single().encodeNil() }
        mutating func encode(_ value: Bool) { single().encode(value) }
        mutating func encode(_ value: String) { single().encode(value) }
        mutating func encode(_ value: Double) { single().encode(value) }
        mutating func encode(_ value: Float) { single().encode(value) }
        mutating func encode(_ value: Int) { single().encode(value) }
        mutating func encode(_ value: Int8) { single().encode(value) }
        mutating func encode(_ value: Int16) { single().encode(value) }
        mutating func encode(_ value: Int32) { single().encode(value) }
        mutating func encode(_ value: Int64) { single().encode(value) }
        mutating func encode(_ value: UInt) { single().encode(value) }
        mutating func encode(_ value: UInt8) { single().encode(value) }
        mutating func encode(_ value: UInt16) { single().encode(value) }
        mutating func encode(_ value: UInt32) { single().encode(value) }
        mutating func encode(_ value: UInt64) { single().encode(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try single().encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            ValueEncoder(sink: single().sink, depth: depth).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            ValueEncoder(sink: single().sink, depth: depth).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(sink: single().sink, depth: depth) }
    }
}
