import Foundation

/// Splits text into search terms. `templates/assets/search.js` splits queries by the same rule, so anything a reader
/// types is looked up the way it was indexed:
///
/// 1. Normalise: compatibility decomposition (full-width ＣＲＭ becomes CRM), accents dropped (café → cafe),
///    recomposed, lower-cased.
/// 2. Chinese, Japanese and Korean characters have no spaces between words: each run of them gives every character
///    (unigram) and every pair of neighbours (bigram), so any substring a reader remembers is found (客户拜访 inside
///    重点客户拜访计划).
/// 3. Other letters and digits form words; words shorter than two characters are dropped.
public enum SearchTokenizer {
    /// A term and whether it came from CJK text (matched exactly) or a word (matched by prefix in queries).
    public struct Token: Hashable, Sendable {
        public var text: String
        public var isCJK: Bool
    }

    public static func normalize(_ text: String) -> String {
        // Plain ASCII (most English text) has nothing to decompose: lower-case it directly, much faster.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        let decomposed = text.decomposedStringWithCompatibilityMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
        return String(String.UnicodeScalarView(decomposed)).precomposedStringWithCanonicalMapping.lowercased()
    }

    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Every token of `text`, in order, repeats included (their count is what weighs them).
    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flushWord() {
            if word.count >= 2 { tokens.append(Token(text: String(word), isCJK: false)) }
            word.removeAll()
        }
        func flushRun() {
            for (index, scalar) in run.enumerated() {
                tokens.append(Token(text: String(scalar), isCJK: true))
                if index + 1 < run.count { tokens.append(Token(text: String(scalar) + String(run[index + 1]), isCJK: true)) }
            }
            run.removeAll()
        }
        for scalar in normalize(text).unicodeScalars {
            // ASCII first, without Unicode property look-ups: most text is.
            if scalar.isASCII {
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) {
                    flushRun()
                    word.append(scalar)
                } else {
                    flushWord()
                    flushRun()
                }
            } else if isCJK(scalar) {
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

    /// The shard a term is stored in: the first character of CJK terms, the first three of words (two-letter words
    /// are their own shard). A query term finds every indexed term it is a prefix of in that one shard.
    public static func shardKey(_ term: Token) -> String {
        term.isCJK ? String(term.text.unicodeScalars.first!) : String(String.UnicodeScalarView(term.text.unicodeScalars.prefix(3)))
    }
}
