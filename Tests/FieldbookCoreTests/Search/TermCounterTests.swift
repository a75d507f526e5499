import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch

@Suite struct TermCounterTests {
    private func weights(_ entry: SearchEntry) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: SearchIndexer.weigh(entry).map { ("\($0.0.isCJK ? "cjk:" : "")\($0.0.text)", $0.1) })
    }

    @Test func weighsTitleTagsHeadingsSummaryAndCappedText() {
        let entry = SearchEntry(
            kind: .lesson, url: "a/", title: "Cold Call", headings: ["Call plan"], tags: ["calls"],
            body: String(repeating: "call ", count: 25) + "cold 客户", summary: "Raise your win rate")
        // call: 1000 (title) + 40 (heading) + 20 (25 in the text, capped); cold: 1000 + 1; calls: 100 (tag);
        // plan: 40 (heading); raise, your, win, rate: 40 each (the summary); 客户: its two characters and the pair,
        // once each in the text.
        #expect(
            weights(entry) == [
                "call": 1060, "cold": 1001, "calls": 100, "plan": 40, "raise": 40, "your": 40, "win": 40, "rate": 40, "cjk:客": 1, "cjk:户": 1,
                "cjk:客户": 1,
            ])
    }

    /// A title match outranks any number of matches elsewhere: everything but the title is capped below it.
    @Test func aTitleMatchOutranksEverythingElse() {
        let crowded = SearchEntry(
            kind: .lesson, url: "b/", title: "Other", headings: Array(repeating: "Pricing", count: 40), tags: ["pricing", "Pricing"],
            body: String(repeating: "pricing ", count: 50), summary: "pricing")
        #expect(weights(crowded)["pricing"] == 999)
        #expect(weights(SearchEntry(kind: .lesson, url: "a/", title: "Pricing"))["pricing"] == 1000)
    }

    /// Thousands of terms (so the table grows several times), repeats far apart, and a term that is a prefix of
    /// another: the same weights as counting with a dictionary.
    @Test func agreesWithADictionaryOverManyTerms() {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<3000).map { "w\($0)" } + (0..<200).map { "w\($0)x" }
        let body = (0..<20000).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
        let title = "w1 w2 w2999"
        var expected: [String: Int] = [:]
        for word in title.split(separator: " ") { expected[String(word), default: 0] += 1000 }
        var text: [String: Int] = [:]
        for word in body.split(separator: " ") { text[String(word), default: 0] += 1 }
        for (word, count) in text { expected[word, default: 0] += min(count, 20) }
        #expect(weights(SearchEntry(kind: .lesson, url: "a/", title: title, body: body)) == expected)
    }

    @Test func sameBytesFromCJKAndFromWordsAreDifferentTerms() {
        var counter = TermCounter(expectedTerms: 1)
        let bytes = Array("ab".utf8)
        bytes.withUnsafeBufferPointer {
            counter.add($0, isCJK: true, weight: 3)
            counter.add($0, isCJK: false, weight: 5)
            counter.add($0, isCJK: true, weight: 0)
        }
        let weighed = counter.weighed(textCap: 20, titleWeight: 1000)
        #expect(weighed.map(\.0) == [SearchTokenizer.Token(text: "ab", isCJK: true), SearchTokenizer.Token(text: "ab", isCJK: false)])
        #expect(weighed.map(\.1) == [4, 5])
    }
}
