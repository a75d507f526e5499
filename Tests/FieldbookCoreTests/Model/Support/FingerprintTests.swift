import Foundation
import Testing

@testable import FieldbookModel

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
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
