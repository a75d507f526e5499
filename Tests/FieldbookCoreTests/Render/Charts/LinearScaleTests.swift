import Testing

@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct LinearScaleTests {
    @Test func ticksAreRoundAndCoverTheData() {
        let scale = LinearScale(covering: [3, 97], includeZero: true, range: (0, 100))
        #expect(scale.ticks == [0, 50, 100])
        #expect(scale(50) == 50)
        let money = LinearScale(covering: [1_230_000, 2_870_000], includeZero: true, range: (200, 0))
        #expect(money.ticks == [0, 1_000_000, 2_000_000, 3_000_000])
        #expect(money(1_500_000) == 100)
    }

    @Test func negativeValuesAndSinglePoints() {
        #expect(LinearScale(covering: [-40, 60], includeZero: true, range: (0, 100)).ticks == [-50, 0, 50, 100])
        let single = LinearScale(covering: [5], includeZero: false, range: (0, 100))
        #expect(single.domain.contains(5) && single.domain.lowerBound < 5 && single.domain.upperBound > 5)
        #expect(LinearScale(covering: [0], includeZero: true, range: (0, 100)).ticks.last! > 0)
        #expect(LinearScale(covering: [], includeZero: true, range: (0, 100)).ticks == [0, 0.5, 1])
    }

    @Test(arguments: [(0.7, 1.0), (1.3, 2.0), (3.0, 5.0), (7.0, 10.0), (0.031, 0.05), (240_000, 500_000)])
    func stepsAreOneTwoOrFiveTimesAPowerOfTen(raw: Double, step: Double) {
        #expect(LinearScale.niceStep(raw) == step)
    }
}
