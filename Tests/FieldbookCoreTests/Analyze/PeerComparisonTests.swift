import Testing

@testable import FieldbookAnalyze

@Suite struct PeerComparisonTests {
    @Test func mediansLeaveOutAbsentValues() {
        #expect(PeerComparison.median([3, nil, 1, 2]) == 2)
        #expect(PeerComparison.median([4, 1, 3, 2]) == 2.5)
        #expect(PeerComparison.median([nil, nil]) == nil)
        #expect(PeerComparison.median([0.25]) == 0.25)
    }

    @Test func attainmentsFallInBandsWithTheirLowerBound() {
        // 0.49 below 50%; 0.5 and 0.74 in 50–75%; 0.9 in 90–100%; 1.0 and 1.2 in 100–125%; 1.25 and 3 above.
        let (counts, absent) = PeerComparison.distribution([0.49, 0.5, 0.74, nil, 0.9, 1.0, 1.2, 1.25, 3, nil])
        #expect(counts == [1, 2, 0, 1, 2, 2])
        #expect(absent == 2)
    }
}
