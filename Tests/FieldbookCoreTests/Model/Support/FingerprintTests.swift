import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch

@Suite struct FingerprintTests {
    /// Reference values from the xxHash project's own implementation (Python `xxhash.xxh64`, seed 0).
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
        ("0123456789abcdef0123456789abcdef", 0x642A_9495_8E71_E6C5),
    ])
    func xxh64MatchesTheReference(text: String, expected: UInt64) {
        #expect(Fingerprint(text).value == expected)
        #expect(Fingerprint(Array(text.utf8)).value == expected)
    }

    @Test func xxh64CoversEveryTailLength() {
        // 100 bytes: four 32-byte stripes, then an 8-byte word... the reference value covers the whole tail path.
        #expect(Fingerprint((0..<100).map { UInt8($0) }).value == 0x6AC1_E580_3216_6597)
        #expect(Fingerprint("0123456789abcdef").description == String(Fingerprint("0123456789abcdef").value, radix: 16).leftPadded(16))
    }

    struct Card: Encodable {
        var title: String
        var note: String?
        var rows: [[String]]
    }

    @Test func everyFieldAndShapeChangesTheFingerprint() {
        let base = Card(title: "Q3", note: nil, rows: [["a"], ["b"]])
        let variants = [
            Card(title: "Q4", note: nil, rows: [["a"], ["b"]]),
            Card(title: "Q3", note: "", rows: [["a"], ["b"]]),
            Card(title: "Q3", note: nil, rows: [["a", "b"]]),
            Card(title: "Q3", note: nil, rows: [["ab"]]),
            Card(title: "Q3", note: nil, rows: [["a"], ["b"], []]),
        ]
        let fingerprints = Set(([base] + variants).map { FingerprintEncoder.fingerprint($0) })
        #expect(fingerprints.count == variants.count + 1)
        #expect(FingerprintEncoder.fingerprint(base) == FingerprintEncoder.fingerprint(Card(title: "Q3", note: nil, rows: [["a"], ["b"]])))
    }

    /// Strings past `Sink.longString` bytes go in as their length and hash: every byte, and the cut-over itself, still count.
    @Test func longStringsAreCoveredByEveryByte() {
        let limit = FingerprintEncoder.Sink.longString
        let long = String(repeating: "a", count: limit + 40)
        var variants = [long, long + "a", String(long.dropLast()), String(repeating: "a", count: limit), String(repeating: "a", count: limit + 1)]
        for position in [0, limit / 2, limit + 39] {
            var bytes = Array(long.utf8)
            bytes[position] = UInt8(ascii: "b")
            variants.append(String(decoding: bytes, as: UTF8.self))
        }
        let cards = variants.map { Card(title: $0, note: nil, rows: []) }
        #expect(Set(cards.map { FingerprintEncoder.fingerprint($0) }).count == variants.count)
        // The same text in another field, or at another depth, is another value.
        func fingerprint(_ title: String, _ note: String?, _ rows: [[String]]) -> Fingerprint {
            FingerprintEncoder.fingerprint(Card(title: title, note: note, rows: rows))
        }
        #expect(fingerprint(long, nil, []) != fingerprint("", long, []))
        #expect(fingerprint("", nil, [[long]]) != fingerprint("", nil, [[], [long]]))
        #expect(fingerprint(long, nil, []) == fingerprint(long, nil, []))
    }

    @Test func labelsAreFingerprintedByTheirLocale() {
        #expect(FingerprintEncoder.fingerprint(Labels(.english)) == FingerprintEncoder.fingerprint(Labels(.english)))
        #expect(FingerprintEncoder.fingerprint(Labels(.english)) != FingerprintEncoder.fingerprint(Labels(.simplifiedChinese)))
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
