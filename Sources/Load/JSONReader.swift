/// A strict RFC 8259 JSON reader that keeps positions: no comments, no trailing commas, no duplicate keys,
/// no numbers outside `Double`, and a nesting limit so hostile input cannot exhaust the stack.
package struct JSONReader {
    /// Deepest nesting of arrays and objects accepted.
    package static let maximumDepth = 256

    /// A syntax error at a byte offset.
    package struct SyntaxError: Error, Equatable, Sendable {
        package var offset: Int
        package var message: String
    }

    /// The document; internal, as are `index` and `error`, for the scanning of strings and numbers in
    /// `JSONReader+Scalars.swift`.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var index: Int
    private var depth = 0

    private init(bytes: [UInt8], start: Int) {
        self.bytes = bytes
        self.index = start
    }

    /// Reads a whole document: one value, surrounded only by whitespace.
    package static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var reader = JSONReader(bytes: bytes, start: 0)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        let node = try reader.readValue()
        reader.skipWhitespace()
        if reader.index < bytes.count { throw reader.error("unexpected text after the JSON value") }
        return node
    }

    /// Reads a document that is one array, handing each element to `body` as soon as it is parsed, so a file of a
    /// million records never exists as one tree. Returns nil without calling `body` when the document is not an
    /// array; then the root value is returned for the caller to report.
    package static func forEachElement(_ bytes: [UInt8], _ body: (JSONNode, Int) -> Void) throws(SyntaxError) -> JSONNode? {
        try readEachElement(bytes, reading: { reader, index throws(SyntaxError) in body(try reader.readValue(), index) })
    }

    /// Reads one element of an array: the reader stands at its first byte and must read exactly the element (with
    /// `readNode`, or `readScalarMembers`), then the element's number.
    package typealias ElementReader = (inout JSONReader, Int) throws(SyntaxError) -> Void

    /// `forEachElement`, with each element read by `element` (which may skip building a tree).
    package static func readEachElement(_ bytes: [UInt8], reading element: ElementReader) throws(SyntaxError) -> JSONNode? {
        var reader = JSONReader(bytes: bytes, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        reader.skipWhitespace()
        guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "[") else { return try parse(bytes) }
        try reader.enter()
        reader.index += 1
        reader.skipWhitespace()
        if reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "]") {
            reader.index += 1
        } else {
            _ = try reader.readElements(stoppingAt: nil, element)
        }
        try reader.finish()
        return nil
    }

    // MARK: - A large array in two halves, one per core

    /// Where a document that is one array of objects can be cut in two for reading on two cores: the start of an
    /// element near the middle, found by looking for `}`, `,` and `{` with only white space between. A guess (those
    /// bytes could be inside a string), so the first half checks that its elements end exactly there.
    package static func middleElementGuess(_ bytes: [UInt8]) -> Int? {
        func previous(_ offset: Int) -> Int? {
            var offset = offset - 1
            while offset >= 0, isWhitespace(bytes[offset]) { offset -= 1 }
            return offset >= 0 ? offset : nil
        }
        var candidate = bytes.count / 2
        while candidate < bytes.count - 1 {
            if bytes[candidate] == UInt8(ascii: "{"), let comma = previous(candidate), bytes[comma] == UInt8(ascii: ","), let close = previous(comma),
                bytes[close] == UInt8(ascii: "}")
            {
                return candidate
            }
            candidate += 1
        }
        return nil
    }

    /// Reads the elements of the array that starts the document up to `split`: true when the last of them ends
    /// right before `split` (the guess was an element's start), false when it was not (the array ended, or an element
    /// runs past it). Elements are numbered from 0.
    package static func forEachElement(_ bytes: [UInt8], until split: Int, _ body: (JSONNode, Int) -> Void) throws(SyntaxError) -> Bool {
        try readEachElement(bytes, until: split, reading: { reader, index throws(SyntaxError) in body(try reader.readValue(), index) })
    }

    package static func readEachElement(_ bytes: [UInt8], until split: Int, reading element: ElementReader) throws(SyntaxError) -> Bool {
        var reader = JSONReader(bytes: bytes, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        reader.skipWhitespace()
        guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "[") else { return false }
        try reader.enter()
        reader.index += 1
        reader.skipWhitespace()
        guard reader.index < bytes.count, bytes[reader.index] != UInt8(ascii: "]") else { return false }
        return try reader.readElements(stoppingAt: split, element)
    }

    /// Reads the elements from `split` (where `forEachElement(_:until:_:)` stopped) to the end of the array and of the
    /// document. Elements are numbered from 0.
    package static func forEachElement(_ bytes: [UInt8], from split: Int, _ body: (JSONNode, Int) -> Void) throws(SyntaxError) {
        try readEachElement(bytes, from: split, reading: { reader, index throws(SyntaxError) in body(try reader.readValue(), index) })
    }

    package static func readEachElement(_ bytes: [UInt8], from split: Int, reading element: ElementReader) throws(SyntaxError) {
        var reader = JSONReader(bytes: bytes, start: split)
        try reader.enter()
        _ = try reader.readElements(stoppingAt: nil, element)
        try reader.finish()
    }

    /// Reads elements and the commas between them up to the closing `]` (returns false) or up to `split` (returns
    /// whether the next element starts exactly there).
    private mutating func readElements(stoppingAt split: Int?, _ element: ElementReader) throws(SyntaxError) -> Bool {
        var count = 0
        while true {
            skipWhitespace()
            if let split, index >= split { return index == split }
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            try element(&self, count)
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated array: expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return false
            } else {
                throw error("expected ',' or ']' in array")
            }
        }
    }

    /// After the top-level value: only white space.
    private mutating func finish() throws(SyntaxError) {
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the JSON value") }
    }

    /// Reads one value that starts at `start` and returns it with the offset just past its end.
    package static func parsePrefix(_ bytes: [UInt8], from start: Int) throws(SyntaxError) -> (JSONNode, end: Int) {
        var reader = JSONReader(bytes: bytes, start: start)
        let node = try reader.readValue()
        return (node, reader.index)
    }

    /// A syntax error at `offset`, else at the byte being read.
    func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(offset: offset ?? index, message: message)
    }

    mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Reads the value at the reader's position as a tree.
    package mutating func readNode() throws(SyntaxError) -> JSONNode { try readValue() }

    private mutating func readValue() throws(SyntaxError) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the file") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try readObject(), offset: start)
        case UInt8(ascii: "["): return JSONNode(try readArray(), offset: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try readString()), offset: start)
        case UInt8(ascii: "t"): try readLiteral("true"); return JSONNode(.bool(true), offset: start)
        case UInt8(ascii: "f"): try readLiteral("false"); return JSONNode(.bool(false), offset: start)
        case UInt8(ascii: "n"): try readLiteral("null"); return JSONNode(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(.number(try readNumber()), offset: start)
        default: throw error("expected a JSON value")
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("JSON nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func readObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONMember] = []
        // Duplicate keys: records are small objects, where looking through the members beats hashing every key (a
        // million deals are a million objects); a large object gets a dictionary once it passes 16 members.
        var seen: Set<String>? = nil
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([])
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(
                    index < bytes.count && bytes[index] == UInt8(ascii: "}") ? "trailing comma before '}'" : "expected a key in double quotes")
            }
            let keyOffset = index
            let key = try readString()
            if members.count >= 16, seen == nil { seen = Set(members.map(\.key)) }
            if seen?.insert(key).inserted == false || (seen == nil && members.contains(where: { $0.key == key })) {
                throw error("duplicate key \"\(key)\"", at: keyOffset)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            index += 1
            members.append(JSONMember(key: key, keyOffset: keyOffset, node: try readValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated object: expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            } else {
                throw error("expected ',' or '}' in object")
            }
        }
    }

    private mutating func readArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        var elements: [JSONNode] = []
        _ = try readElements(stoppingAt: nil) { reader, _ throws(SyntaxError) in elements.append(try reader.readValue()) }
        return .array(elements)
    }
}
