import Testing

@testable import FieldbookAnalyze
@testable import FieldbookModel
@testable import FieldbookRender

/// The one as-of rule: a deal as it stood on the as-of date.
@Suite struct DealRulesTests {
    let asOf = Day(year: 2024, month: 5, day: 15)

    func deal(_ stage: String, created: String?, closed: String?, probability: Double? = nil) -> Deal {
        Deal(
            id: "d", rep: "ann", account: nil, product: nil, stage: stage, amount: 700, created: created.flatMap(Day.init),
            closed: closed.flatMap(Day.init), expectedClose: nil, probability: probability)
    }

    @Test func aDealCreatedLaterDidNotExistYet() {
        #expect(deal("proposal", created: "2024-05-16", closed: nil).as(of: asOf) == nil)
        #expect(deal("proposal", created: "2024-05-15", closed: nil).as(of: asOf) != nil)
        #expect(deal("proposal", created: nil, closed: nil).isOpen(on: asOf))  // undated: open at the as-of date
    }

    @Test func aDealClosedLaterWasStillOpenAtAStageUnknownThen() throws {
        let later = try #require(deal("won", created: "2024-04-01", closed: "2024-05-20").as(of: asOf))
        #expect(later.stage == "open" && later.closed == nil && later.closedLater)
        #expect(later.amount == 700)  // its final amount is the best estimate of its size
        #expect(!later.isWon && later.isOpen(on: asOf))
        #expect(later.probability(stages: ["open": 0.9, "won": 1]) == nil)  // its stage then is unknown
        #expect(deal("lost", created: "2024-04-01", closed: "2024-05-20", probability: 0.25).as(of: asOf)?.probability(stages: [:]) == 0.25)
    }

    @Test func aDealClosedByThenStaysClosed() {
        let won = deal("won", created: "2024-04-01", closed: "2024-05-15")
        #expect(won.as(of: asOf) == won)
        #expect(!won.isOpen(on: asOf))
        #expect(deal("proposal", created: "2024-04-01", closed: nil).probability(stages: ["proposal": 0.6]) == 0.6)
    }
}
