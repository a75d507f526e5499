import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel

/// Pipeline health of the small team (`SmallTeam`), worked out by hand. As of 2024-05-15 the open deals are d5
/// (proposal, 800, created April 1), d6 (engaging, no amount, May 2), d8 (proposal, 1000 at 20%, undated, expected
/// December 1) and d9 (700, created May 1, won June 2: after the as-of date, so open at a stage unknown then).
@Suite struct PipelineHealthTests {
    let stages = ["proposal": 0.5]

    func health(asOf: Day, closedFrom first: Day, to last: Day) throws -> PipelineHealth {
        let deals = try SmallTeam.data().deals
        let closed = deals.compactMap { $0.as(of: asOf) }.filter { deal in
            (deal.isWon || deal.isLost) && deal.closed.map { $0 >= first && $0 <= last } ?? false
        }
        return PipelineHealth(
            open: deals.compactMap { $0.open(on: asOf) }, closed: closed, asOf: asOf,
            typicalCycle: PipelineHealth.typicalCycle(of: deals, asOf: asOf), stages: stages)
    }

    @Test func stagesAgesStaleDealsAndCoverage() throws {
        let health = try health(
            asOf: Day(year: 2024, month: 5, day: 15), closedFrom: Day(year: 2024, month: 4, day: 1), to: Day(year: 2024, month: 6, day: 30))
        // Stages by probability; one not in pipeline.stages after; the stage unknown on the as-of date last.
        #expect(
            health.stages == [
                PipelineHealth.Stage(name: "proposal", probability: 0.5, count: 2, amount: 180_000, unpriced: 0),
                PipelineHealth.Stage(name: "engaging", probability: nil, count: 1, amount: 0, unpriced: 1),
                PipelineHealth.Stage(name: nil, probability: nil, count: 1, amount: 70_000, unpriced: 0),
            ])
        #expect(health.open == 4)
        #expect(health.pipeline == 250_000)
        #expect(health.weighted == 60_000)  // 800 × 0.5 + 1000 × 0.2; engaging and the unknown stage weigh nothing
        // Ages 44 (d5), 13 (d6), 14 (d9); d8 has no created date.
        #expect(health.medianAge == 14)
        // Won in the year up to May 15: d1 26 days, d2 19, d4 40 (d7 has no created date): median 26. d5 is older.
        #expect(health.typicalCycle == 26)
        #expect(health.stale == 1)
        #expect(health.staleAmount == 80_000)
        #expect(health.slipping == 0)
        // 2500 open against 1250 still to win: 2×; weighted 600: 0.48×. Nothing left to win: no coverage.
        let coverage = try #require(health.coverage(remaining: 1250))
        #expect(coverage.pipeline == 2)
        #expect(coverage.weighted == 0.48)
        #expect(health.coverage(remaining: 0) == nil)
        #expect(health.coverage(remaining: nil) == nil)
    }

    @Test func slippingDealsAndProducts() throws {
        let health = try health(
            asOf: Day(year: 2024, month: 6, day: 15), closedFrom: Day(year: 2024, month: 4, day: 1), to: Day(year: 2024, month: 6, day: 30))
        // d5 was expected on June 10 and is still open on June 15.
        #expect(health.slipping == 1)
        #expect(health.slippingAmount == 80_000)
        // Closed in Q2 by June 15: d4 (2000, 40 days), d7 (1000, no created date), d9 (700, May 1 to June 2: 32 days); no
        // product on any of them.
        #expect(health.products.count == 1)
        let product = try #require(health.products.first)
        #expect(product.name == nil)
        #expect(product.won == 3)
        #expect(product.revenue == 370_000)
        #expect(product.winRate == 1)
        #expect(product.cycle == 36)
    }
}
