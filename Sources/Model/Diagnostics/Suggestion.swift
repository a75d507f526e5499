/// "Did you mean" for a misspelt name: the closest known name within a small edit distance, so a typo gets a hint
/// and an unrelated word does not.
package enum Suggestion {
    /// The known name nearest `word` (Levenshtein distance at most 2, and less than half its length), or nil.
    package static func closest(to word: String, in known: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for name in known {
            let distance = Self.distance(target, Array(name.lowercased()))
            guard distance <= 2, distance * 2 < max(target.count, 1), distance < (best?.distance ?? .max) else { continue }
            best = (name, distance)
        }
        return best?.name
    }

    /// `" (did you mean \"won\"?)"`, or an empty string when nothing is close.
    package static func hint(for word: String, in known: some Sequence<String>) -> String {
        closest(to: word, in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost 1.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
