import FieldbookModel
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
package enum SearchTokenizer {
    /// A term and whether it came from CJK text (matched exactly) or a word (matched by prefix in queries).
    package struct Token: Hashable, Sendable {
        package var text: String
        package var isCJK: Bool

        // By bytes: terms are already normalised, so canonically equal terms have equal bytes, and String's own
        // hashing (which normalises every non-ASCII string again) was a large part of indexing Chinese text.
        package func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(isCJK)
        }

        package static func == (a: Token, b: Token) -> Bool {
            guard a.isCJK == b.isCJK else { return false }
            var x = a.text, y = b.text
            return x.withUTF8 { p in y.withUTF8 { q in sameBytes(UnsafeRawBufferPointer(p), UnsafeRawBufferPointer(q)) } }
        }
    }

    package static func normalize(_ text: String) -> String {
        // Plain ASCII (most English text) has nothing to decompose: lower-case it directly, much faster (a loop over
        // the bytes in place: String's UTF-8 view, iterated, checks every index).
        var text = text
        let ascii = text.withUTF8 { utf8 -> String? in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                for index in utf8.indices { buffer[index] = lowercasedASCII(utf8[index]) }
                return utf8.count
            }
        }
        if let ascii { return ascii }
        // Otherwise only the stretches that need it go through Foundation: ASCII, Chinese characters, Hangul syllables
        // and full-width forms are normalised a scalar at a time (`stableForm`). A stretch starts one scalar early,
        // because a scalar can combine with the mark after it (e + ◌́); it ends before a stable scalar, which never
        // combines with the one before it. A test holds this to normalising the whole text at once.
        return text.withUTF8 { utf8 -> String in
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count)
            var stretch: Int? = nil  // where the stretch that needs Foundation starts
            var previous = (input: 0, output: 0)  // where the last stable scalar starts
            var offset = 0
            while offset < utf8.count {
                let length = utf8[offset] < 0x80 ? 1 : utf8[offset] >= 0xF0 ? 4 : utf8[offset] >= 0xE0 ? 3 : 2
                let scalar = UnsafeBufferPointer(rebasing: utf8[offset..<min(offset + length, utf8.count)])
                if let start = stretch, stableForm(of: scalar) != nil {
                    output.append(
                        contentsOf: fullyNormalized(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<offset]), as: UTF8.self)).utf8)
                    stretch = nil
                }
                if stretch == nil, let stable = stableForm(of: scalar) {
                    previous = (offset, output.count)
                    stable.append(to: &output, from: scalar)
                } else if stretch == nil {
                    output.removeLast(output.count - previous.output)
                    stretch = previous.input
                }
                offset += length
            }
            if let start = stretch {
                output.append(contentsOf: fullyNormalized(String(decoding: UnsafeBufferPointer(rebasing: utf8[start...]), as: UTF8.self)).utf8)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The rule itself: compatibility decomposition, marks U+0300 to U+036F dropped, canonical composition, lower case.
    static func fullyNormalized(_ text: String) -> String {
        let decomposed = text.decomposedStringWithCompatibilityMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
        return String(String.UnicodeScalarView(decomposed)).precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Scalars whose normal form is known without Foundation, and that never combine with the scalar before them.
    enum StableForm {
        /// ASCII, lower-cased.
        case ascii
        /// Chinese characters (U+3400 to U+4DBF, U+4E00 to U+9FFF) and Hangul syllables (U+AC00 to U+D7A3): unchanged.
        case itself
        /// Full-width ASCII (U+FF01 to U+FF5E): its ASCII letter, lower-cased.
        case fullWidth

        func append(to output: inout [UInt8], from scalar: UnsafeBufferPointer<UInt8>) {
            switch self {
            case .ascii: output.append(lowercasedASCII(scalar[0]))
            case .itself: output.append(contentsOf: scalar)
            case .fullWidth: output.append(lowercasedASCII(UInt8(truncatingIfNeeded: decode3(scalar) - 0xFEE0)))
            }
        }
    }

    static func stableForm(of scalar: UnsafeBufferPointer<UInt8>) -> StableForm? {
        if scalar.count == 1 { return .ascii }
        guard scalar.count == 3 else { return nil }
        switch decode3(scalar) {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return .itself
        case 0xFF01...0xFF5E: return .fullWidth
        default: return nil
        }
    }

    private static func decode3(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(bytes[0] & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Every token of `text`, in order, repeats included (their count is what weighs them).
    package static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        forEachToken(in: text) { bytes, isCJK in tokens.append(Token(text: String(decoding: bytes, as: UTF8.self), isCJK: isCJK)) }
        return tokens
    }

    /// Calls `body` with the UTF-8 bytes of every token of `text`, in order, repeats included, and whether it is CJK.
    /// Terms are contiguous in the normalised text, so they are handed out as byte ranges of it rather than built up a
    /// scalar at a time, and nothing is allocated per token: this runs over every word of every document.
    package static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>, _ isCJK: Bool) -> Void) {
        var normalized = normalize(text)
        normalized.withUTF8 { utf8 in
            func emit(_ range: Range<Int>, isCJK: Bool) { body(UnsafeBufferPointer(rebasing: utf8[range]), isCJK) }
            var wordStart = 0, wordScalars = 0
            var run: [Range<Int>] = []  // the byte ranges of the CJK run's scalars
            func flushWord(at end: Int) {
                if wordScalars >= 2 { emit(wordStart..<end, isCJK: false) }
                wordScalars = 0
            }
            func flushRun() {
                for (index, scalar) in run.enumerated() {
                    emit(scalar, isCJK: true)
                    if index + 1 < run.count { emit(scalar.lowerBound..<run[index + 1].upperBound, isCJK: true) }
                }
                run.removeAll(keepingCapacity: true)
            }
            func extendWord(_ start: Int) {
                if wordScalars == 0 { wordStart = start }
                wordScalars += 1
            }
            var offset = 0
            while offset < utf8.count {
                let byte = utf8[offset]
                // ASCII first, without Unicode property look-ups: most text is.
                if byte < 0x80 {
                    if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) {
                        if !run.isEmpty { flushRun() }
                        extendWord(offset)
                    } else {
                        flushWord(at: offset)
                        if !run.isEmpty { flushRun() }
                    }
                    offset += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var scalarValue = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                for continuation in utf8[(offset + 1)..<min(offset + length, utf8.count)] {
                    scalarValue = scalarValue << 6 | UInt32(continuation & 0x3F)
                }
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                if isCJK(scalar) {
                    flushWord(at: offset)
                    run.append(offset..<offset + length)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if !run.isEmpty { flushRun() }
                    extendWord(offset)
                } else {
                    flushWord(at: offset)
                    if !run.isEmpty { flushRun() }
                }
                offset += length
            }
            flushWord(at: utf8.count)
            flushRun()
        }
    }

    /// The shard a term is stored in: the first character of CJK terms, the first three of words (two-letter words
    /// are their own shard). A query term finds every indexed term it is a prefix of in that one shard.
    package static func shardKey(_ term: Token) -> String {
        String(String.UnicodeScalarView(term.text.unicodeScalars.prefix(term.isCJK ? 1 : 3)))
    }
}
