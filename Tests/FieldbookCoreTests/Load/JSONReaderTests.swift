import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct JSONReaderTests {
    private func parse(_ text: String) throws(JSONReader.SyntaxError) -> JSONNode { try JSONReader.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValueWithOffsets() throws {
        let node = try parse(#"{"a": [1, -2.5e2, true, null], "b": "x\u00e9\ud83d\ude00\n"}"#)
        let members = try #require(node.members)
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyOffset == 1)
        #expect(members[0].node.array?.map(\.value) == [.number(1), .number(-250), .bool(true), .null])
        #expect(members[1].node.string == "xé😀\n")
        #expect(members[1].node.offset == 36)
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 8, "trailing comma before '}'"),
        ("[1, 2,]", 6, "trailing comma before ']'"),
        (#"{"a": 1, "a": 2}"#, 9, "duplicate key \"a\""),
        ("[1e309]", 1, "number 1e309 is out of range"),
        ("NaN", 0, "expected a JSON value"),
        ("[01]", 1, "numbers may not have leading zeros"),
        (#"{"a" 1}"#, 5, "expected ':' after the key"),
        (#"["abc"#, 1, "unterminated string"),
        ("{} x", 3, "unexpected text after the JSON value"),
        ("", 0, "expected a JSON value, found the end of the file"),
        (#"{"a": "\x"}"#, 7, "invalid escape in string"),
    ])
    func rejectsInvalidJSONWithPosition(text: String, offset: Int, message: String) {
        #expect(throws: JSONReader.SyntaxError(offset: offset, message: message)) { try parse(text) }
    }

    /// Past 16 members the reader keeps a set of keys instead of looking through them: both ways find a repeat.
    @Test(arguments: [(15, "k14"), (16, "k0"), (20, "k3"), (40, "k39")])
    func findsARepeatedKeyInObjectsOfAnySize(members: Int, repeated: String) {
        let prefix = "{" + (0..<members).map { "\"k\($0)\": 0, " }.joined()
        #expect(throws: JSONReader.SyntaxError(offset: prefix.utf8.count, message: "duplicate key \"\(repeated)\"")) {
            try parse(prefix + "\"\(repeated)\": 1}")
        }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONReader.SyntaxError(offset: JSONReader.maximumDepth, message: "JSON nested deeper than 256 levels")) { try parse(deep) }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONReader.SyntaxError(offset: 2, message: "invalid UTF-8 in string")) {
            try JSONReader.parse([UInt8(ascii: "["), UInt8(ascii: "\""), 0xFF, UInt8(ascii: "\""), UInt8(ascii: "]")])
        }
    }

    /// Strings are checked by hand rather than by `String(validating:as:)`: that check is the reference, on random
    /// bytes weighted towards the edges of UTF-8 (overlong forms, surrogates, past U+10FFFF, cut sequences).
    @Test func acceptsExactlyTheStringsThatAreValidUTF8() throws {
        var generator = SystemRandomNumberGenerator()
        let edges: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90]
        for round in 0..<3000 {
            let body = (0..<Int.random(in: 1...6, using: &generator)).map { _ in edges.randomElement(using: &generator)! }
            // Half the time behind an escape, so the path for strings with escapes is checked too.
            let prefix: [UInt8] = round.isMultiple(of: 2) ? [] : Array(#"\n"#.utf8)
            let json = Array(#"[""#.utf8) + prefix + body + Array(#""]"#.utf8)
            let expected = String(validating: body, as: UTF8.self).map { (round.isMultiple(of: 2) ? "" : "\n") + $0 }
            let parsed = try? JSONReader.parse(json).array?.first?.string
            #expect(parsed == expected, "bytes \(body.map { String($0, radix: 16) })")
        }
    }

    @Test func parsesAPrefixAndReportsWhereItEnds() throws {
        let (node, end) = try JSONReader.parsePrefix(Array(#"{"title": "x"} rest"#.utf8), from: 0)
        #expect(node.members?.first?.node.string == "x")
        #expect(end == 14)
    }
}
