/// Appends values to a byte buffer in a compact, unambiguous form: integers as LEB128 varints, strings and byte
/// runs with their length first. The build cache stores its files this way and fingerprints values through it.
package struct ByteWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zigzag, so small negative numbers stay short.
    package mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func write(_ value: UInt8) { bytes.append(value) }

    package mutating func write(_ value: Double) { write(value.bitPattern) }

    package mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    package mutating func write(raw: some Collection<UInt8>) { bytes.append(contentsOf: raw) }
}

/// Reads what a `ByteWriter` wrote. Every read checks its bounds: a cache file cut short or corrupted is an error
/// to recover from (by rebuilding), never a crash.
package struct ByteReader {
    /// The bytes ended before the value did.
    package struct Truncated: Error {
        package init() {}
    }

    private let bytes: [UInt8]
    package private(set) var offset: Int

    package init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    package var isAtEnd: Bool { offset == bytes.count }

    package mutating func readUInt64() throws(Truncated) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Truncated() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    package mutating func readInt() throws(Truncated) -> Int {
        let zigzag = Int64(bitPattern: try readUInt64())
        return Int((zigzag >> 1) ^ -(zigzag & 1))
    }

    /// A count of things still to read: at most the bytes left, so a corrupt length cannot ask for gigabytes.
    package mutating func readCount() throws(Truncated) -> Int {
        let count = try readUInt64()
        guard count <= UInt64(bytes.count - offset) else { throw Truncated() }
        return Int(count)
    }

    package mutating func readUInt8() throws(Truncated) -> UInt8 {
        guard offset < bytes.count else { throw Truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }

    package mutating func readBool() throws(Truncated) -> Bool { try readUInt8() != 0 }

    package mutating func readDouble() throws(Truncated) -> Double { Double(bitPattern: try readUInt64()) }

    package mutating func readString() throws(Truncated) -> String {
        let count = try readCount()
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self) }
    }

    package mutating func readOptionalString() throws(Truncated) -> String? {
        try readBool() ? try readString() : nil
    }

    package mutating func readArray<T>(_ element: (inout ByteReader) throws(Truncated) -> T) throws(Truncated) -> [T] {
        let count = try readCount()
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try element(&self)) }
        return result
    }
}
