import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookImport
@testable import FieldbookRender
@testable import FieldbookSearch

@Suite struct DocumentRendererTests {
    /// The rule for any text, by Characters: the oracle for the byte-wise path plain ASCII takes.
    func reference(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.prefix(400))).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 160 else { return flat }
        let cut = flat.prefix(160)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 80 { return cut[..<space] + "…" }
        return cut + "…"
    }

    @Test func summariesCutAtAWordWithinTheFirst160Characters() {
        let words = (1...60).map { "word\($0)" }.joined(separator: " ")
        let summary = DocumentRenderer.summary(of: words)
        // "word1 … word24" is 9 × 5 + 15 × 6 letters and 23 spaces: 158 characters; " word25" would end at 165.
        #expect(summary.hasSuffix(" word24…"))
        #expect(summary.count <= 161)
        #expect(DocumentRenderer.summary(of: "Short.\r\n\tText  here") == "Short. Text here")
        #expect(DocumentRenderer.summary(of: String(repeating: "x", count: 300)) == String(repeating: "x", count: 160) + "…")
    }

    @Test func asciiAndUnicodeTextFollowOneRule() throws {
        var texts = [
            "", " ", "a\u{0B}b\u{0C}c\u{1C}d", String(repeating: "ab ", count: 200), String(repeating: "é ", count: 200),
            "价格 " + String(repeating: "z", count: 500),
        ]
        for length in [79, 80, 81, 159, 160, 161, 399, 400, 401] {
            texts.append(String(repeating: "w", count: length) + " tail words follow here")
            texts.append((0..<length).map { $0 % 7 == 0 ? " " : "k" }.joined())
        }
        let content = Repository.root.appendingPathComponent("content")
        for case let url as URL in FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)! where url.pathExtension == "md" {
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        for text in texts { #expect(DocumentRenderer.summary(of: text) == reference(text), "\(text.prefix(40))") }
    }
}
