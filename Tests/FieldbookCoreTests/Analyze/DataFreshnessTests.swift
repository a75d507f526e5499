import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookModel
@testable import FieldbookRender

/// `check` says when the newest deal is far older than a configured as-of date: the pages would say "as of" a recent
/// day over an old export.
@Suite struct StaleDataTests {
    func deal(_ created: String, closed: String? = nil) -> Deal {
        Deal(
            id: created, rep: "ann", account: nil, product: nil, stage: closed == nil ? "proposal" : "won", amount: 5, created: Day(created),
            closed: closed.flatMap(Day.init), expectedClose: nil, probability: nil)
    }

    @Test func theNewestDealFarBeforeTheAsOfDateIsAWarning() {
        var config = SiteConfig(title: "T")
        config.asOf = Day("2024-05-15")
        let deals = [deal("2024-04-01", closed: "2024-05-01"), deal("2024-03-01"), deal("2024-06-01")]  // the last is after as-of
        #expect(
            DataFreshness.staleDeals(deals, config: config).map(\.description) == [
                "content/data/deals.json:1:1: warning: the newest deal is from 2024-05-01, 14 days before the as-of date 2024-05-15 in "
                    + "fieldbook.json: is the export current? (dashboard.staleAfterDays is 7)"
            ])
        config.dashboard.staleAfterDays = 14
        #expect(DataFreshness.staleDeals(deals, config: config) == [])
        config.asOf = nil  // the as-of date is then the newest date in the data
        #expect(DataFreshness.staleDeals(deals, config: config) == [])
    }
}
