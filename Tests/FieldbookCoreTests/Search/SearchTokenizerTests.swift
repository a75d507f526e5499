import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch

@Suite struct SearchTokenizerTests {
    private func terms(_ text: String) -> [String] { SearchTokenizer.tokens(text).map(\.text) }

    @Test func englishWordsAreLowerCasedAndShortOnesDropped() {
        #expect(terms("Qualifying with MEDDIC: a 3-step plan!") == ["qualifying", "with", "meddic", "step", "plan"])
    }

    @Test func chineseGivesUnigramsAndBigrams() {
        #expect(terms("客户拜访") == ["客", "客户", "户", "户拜", "拜", "拜访", "访"])
        // Every substring of two or more characters is a run of bigrams of the text.
        let indexed = Set(terms("重点客户拜访计划"))
        #expect(["客户", "户拜", "拜访"].allSatisfy(indexed.contains))
    }

    @Test func mixedScriptsAndPunctuationSplitRuns() {
        #expect(terms("CRM系统，Q4目标") == ["crm", "系", "系统", "统", "q4", "目", "目标", "标"])
        #expect(terms("e-mail & follow-up") == ["mail", "follow", "up"])
    }

    @Test func fullWidthAndAccentsFold() {
        #expect(terms("ＣＲＭ Café naïve") == ["crm", "cafe", "naive"])
    }

    @Test func japaneseAndKoreanAreCJK() {
        #expect(terms("カタ한국") == ["カ", "カタ", "タ", "タ한", "한", "한국", "국"])
    }

    @Test func shardKeys() {
        #expect(SearchTokenizer.shardKey(.init(text: "qualifying", isCJK: false)) == "qua")
        #expect(SearchTokenizer.shardKey(.init(text: "q4", isCJK: false)) == "q4")
        #expect(SearchTokenizer.shardKey(.init(text: "客户", isCJK: true)) == "客")
        #expect(SearchIndexer.shardFile("客") == "t-e5aea2.js")
    }

    @Test func wordsInOtherScriptsAndAstralCharacters() {
        #expect(terms("Привет мир 𠀀𠀁 α") == ["привет", "мир", "𠀀", "𠀀𠀁", "𠀁"])
        #expect(terms("x 12 ab3") == ["12", "ab3"])
    }

    /// The tokenizer cuts terms out of UTF-8 bytes for speed; this is the rule written the plain way, one scalar at a
    /// time, as the oracle it must agree with on every document of the example portal and on mixed-script text.
    @Test func agreesWithTheRuleWrittenScalarByScalar() throws {
        func reference(_ text: String) -> [SearchTokenizer.Token] {
            var tokens: [SearchTokenizer.Token] = []
            var word = String.UnicodeScalarView()
            var run: [Unicode.Scalar] = []
            func flushWord() {
                if word.count >= 2 { tokens.append(.init(text: String(word), isCJK: false)) }
                word.removeAll()
            }
            func flushRun() {
                for (index, scalar) in run.enumerated() {
                    tokens.append(.init(text: String(scalar), isCJK: true))
                    if index + 1 < run.count { tokens.append(.init(text: String(scalar) + String(run[index + 1]), isCJK: true)) }
                }
                run.removeAll()
            }
            for scalar in SearchTokenizer.normalize(text).unicodeScalars {
                if SearchTokenizer.isCJK(scalar) {
                    flushWord()
                    run.append(scalar)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    flushRun()
                    word.append(scalar)
                } else {
                    flushWord()
                    flushRun()
                }
            }
            flushWord()
            flushRun()
            return tokens
        }
        var texts = ["CRM系统，Q4目标 e-mail café 𠀀x𠀁 ١٢٣ Ωmega ½ ２０２６年 a\u{301}b 한국어ok"]
        let content = Repository.root.appendingPathComponent("content")
        for case let url as URL in FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)! where url.pathExtension == "md" {
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        for text in texts { #expect(SearchTokenizer.tokens(text) == reference(text)) }
    }

    /// `normalize` hands only some stretches to Foundation; the result must be what normalising the whole text at once
    /// gives. Random mixes of the scalars where a split could go wrong: marks that combine with the letter before
    /// them, Hangul jamo that join the syllable before them, full-width and compatibility forms, and the final sigma.
    @Test func normalizingByStretchesEqualsNormalizingTheWhole() {
        let pool: [String] = [
            "a", "E", "z", " ", "-", "\u{301}", "\u{308}", "\u{338}", "=", "\u{323}", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "각",
            "客", "户", "、", "。", "\u{3000}", "Ａ", "ｚ", "\u{FF10}", "ｶ", "\u{FF9E}", "か", "\u{3099}", "ﬁ", "½", "İ", "Σ", "ß", "é",
            "\u{F900}", "𠀀", "\u{2F800}", "Ω", "\u{212B}", "\u{1E9B}", "ǅ",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }.joined()
            #expect(SearchTokenizer.normalize(text) == SearchTokenizer.fullyNormalized(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// Every scalar `normalize` handles without Foundation, checked against it.
    @Test func stableScalarsNormalizeAsFoundationDoes() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E]
        var mismatches: [UInt32] = []
        for value in ranges.joined() {
            let text = String(Unicode.Scalar(value)!)
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBufferPointer({ SearchTokenizer.stableForm(of: $0) }) != nil else {
                mismatches.append(value)
                continue
            }
            if SearchTokenizer.normalize("x" + text) != SearchTokenizer.fullyNormalized("x" + text) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty)
    }
}
