import Testing

@testable import FieldbookCore

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
}
