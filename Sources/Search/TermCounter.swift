import FieldbookModel
import Foundation

/// One document's terms and their weights, kept by their UTF-8 bytes. Weighing runs over every word of every
/// document; a `[Token: Int]` dictionary made a String and a SipHash for each word, which was most of the index's
/// cost. Here a word is hashed once (FNV-1a, then mixed), looked up by open addressing, and copied only the first
/// time it is seen.
struct TermCounter {
    private struct Term {
        var start: Int32
        var length: Int32
        var isCJK: Bool
        var hash: UInt64
        /// The first eight bytes, packed: a term of eight bytes or fewer is compared by this alone.
        var prefix: UInt64
        /// Occurrences in the title, which outrank everything else.
        var titleCount: Int32
        /// From the tags, headings and summary.
        var weight: Int32
        /// Occurrences in the text, capped when the weight is read.
        var textCount: Int32
    }

    private var terms: [Term] = []
    private var bytes: [UInt8] = []
    /// Index into `terms` plus one; 0 is an empty slot. The count is a power of two, at most half full.
    private var slots: [Int32]

    init(expectedTerms: Int = 64) {
        var count = 16
        while count < expectedTerms * 2 { count *= 2 }
        slots = [Int32](repeating: 0, count: count)
        terms.reserveCapacity(expectedTerms)
    }

    /// The `weight` that counts an occurrence in the title.
    static let title: Int32 = -1

    /// Adds `weight` to the term; `weight` 0 counts one occurrence in the text, `title` one in the title.
    mutating func add(_ token: UnsafeBufferPointer<UInt8>, isCJK: Bool, weight: Int32) {
        let hash = Self.hash(token, isCJK: isCJK)
        let prefix = Self.prefix(token)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if terms[index].hash == hash && terms[index].prefix == prefix
                && (token.count <= 8
                    ? terms[index].isCJK == isCJK && Int(terms[index].length) == token.count : isEqual(terms[index], token, isCJK: isCJK))
            {
                if weight == 0 {
                    terms[index].textCount += 1
                } else if weight == Self.title {
                    terms[index].titleCount += 1
                } else {
                    terms[index].weight += weight
                }
                return
            }
            slot = (slot + 1) & mask
        }
        terms.append(
            Term(
                start: Int32(bytes.count), length: Int32(token.count), isCJK: isCJK, hash: hash, prefix: prefix,
                titleCount: weight == Self.title ? 1 : 0,
                weight: weight > 0 ? weight : 0, textCount: weight == 0 ? 1 : 0))
        bytes.append(contentsOf: token)
        slots[slot] = Int32(terms.count)
        if terms.count * 2 > slots.count { grow() }
    }

    /// Every term with its weight, in the order the terms first appeared: `titleWeight` per occurrence in the title,
    /// plus the other weights and the text count (capped at `textCap`), together capped below `titleWeight`, so a
    /// title match always outranks any number of matches elsewhere.
    func weighed(textCap: Int32, titleWeight: Int32) -> [(SearchTokenizer.Token, Int)] {
        terms.map { term in
            let text = String(decoding: bytes[Int(term.start)..<Int(term.start + term.length)], as: UTF8.self)
            let rest = min(term.weight + min(term.textCount, textCap), titleWeight - 1)
            return (SearchTokenizer.Token(text: text, isCJK: term.isCJK), Int(term.titleCount) * Int(titleWeight) + Int(rest))
        }
    }

    private func isEqual(_ term: Term, _ token: UnsafeBufferPointer<UInt8>, isCJK: Bool) -> Bool {
        guard term.isCJK == isCJK, Int(term.length) == token.count else { return false }
        return bytes.withUnsafeBytes { all in
            sameBytes(UnsafeRawBufferPointer(rebasing: all[Int(term.start)..<Int(term.start) + token.count]), UnsafeRawBufferPointer(token))
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, term) in terms.enumerated() {
            var slot = Int(truncatingIfNeeded: term.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// Up to eight bytes of the token, packed in order.
    static func prefix(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for (offset, byte) in token.prefix(8).enumerated() { packed |= UInt64(byte) << (8 * UInt64(offset)) }
        return packed
    }

    /// FNV-1a over the bytes, then MurmurHash3's finaliser, so that the low bits used for the slot depend on every byte.
    static func hash(_ token: UnsafeBufferPointer<UInt8>, isCJK: Bool) -> UInt64 {
        var hash: UInt64 = isCJK ? 0x84222325_cbf29ce4 : 0xcbf29ce4_84222325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash = hash &* 0xff51afd7_ed558ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ceb9fe_1a85ec53
        return hash ^ (hash >> 33)
    }
}
