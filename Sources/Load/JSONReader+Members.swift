/// Reading an object of scalars without building a tree: the fast path for clean records (`DataLoader.scanDeal`).
extension JSONReader {
    /// A member's value in `readScalarMembers`.
    package enum Scalar {
        case null, bool(Bool), number(Double), string(String)
    }

    /// Reads an object whose members all hold scalars (no arrays, no objects), handing each to `member` with its key
    /// (its bytes, without escapes) and its value's offset, without building a tree. Returns false, with the reader
    /// back where it was, when the value is anything else, a key has an escape, the JSON is not valid, or `member`
    /// refuses a member (returns false); then `readNode` reads it, and reports what is wrong. `member` must refuse a
    /// key it has seen before: the node reader reports duplicate keys.
    package mutating func readScalarMembers(_ member: (_ key: ArraySlice<UInt8>, _ value: Scalar, _ offset: Int) -> Bool) -> Bool {
        let start = index
        guard scanScalarMembers(member) else {
            index = start
            return false
        }
        return true
    }

    private mutating func scanScalarMembers(_ member: (ArraySlice<UInt8>, Scalar, Int) -> Bool) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return true
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
            let keyStart = index + 1
            var keyEnd = keyStart
            while keyEnd < bytes.count, bytes[keyEnd] != UInt8(ascii: "\""), bytes[keyEnd] != UInt8(ascii: "\\"), bytes[keyEnd] >= 0x20 {
                keyEnd += 1
            }
            guard keyEnd < bytes.count, bytes[keyEnd] == UInt8(ascii: "\"") else { return false }
            index = keyEnd + 1
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            guard index < bytes.count else { return false }
            let offset = index
            let value: Scalar
            do throws(SyntaxError) {
                switch bytes[index] {
                case UInt8(ascii: "\""): value = .string(try readString())
                case UInt8(ascii: "t"): try readLiteral("true"); value = .bool(true)
                case UInt8(ascii: "f"): try readLiteral("false"); value = .bool(false)
                case UInt8(ascii: "n"): try readLiteral("null"); value = .null
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try readNumber())
                default: return false
                }
            } catch {
                return false
            }
            guard member(bytes[keyStart..<keyEnd], value, offset) else { return false }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return true
            } else {
                return false
            }
        }
    }
}
