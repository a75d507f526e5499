import FieldbookModel

/// How reps compare with their peers in one period: the median of each KPI over a group's reps, and how a group's
/// revenue attainment is spread.
package enum PeerComparison {
    /// The median of the values that exist (a rep with nothing closed has no win rate: left out, not counted as 0);
    /// with an even count, the mean of the middle two. Nil when no rep has a value.
    package static func median(_ values: [Double?]) -> Double? {
        let sorted = values.compactMap { $0 }.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The lower bounds of the attainment bands: below 50%, 50–75%, 75–90%, 90–100%, 100–125%, 125% and above. 90% and
    /// 100% are the default at-risk and on-track thresholds.
    package static let bands: [Double] = [0.5, 0.75, 0.9, 1.0, 1.25]

    /// How many attainments fall in each band of `bands` (a value on a bound belongs to the band above it), and how
    /// many are absent (no target).
    package static func distribution(_ attainments: [Double?]) -> (counts: [Int], absent: Int) {
        var counts = Array(repeating: 0, count: bands.count + 1)
        var absent = 0
        for attainment in attainments {
            guard let attainment else {
                absent += 1
                continue
            }
            counts[bands.firstIndex { attainment < $0 } ?? bands.count] += 1
        }
        return (counts, absent)
    }
}
