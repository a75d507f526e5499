/// `fieldbook.json` `dashboard` and `scorecards`: what the performance pages show and who may find them.
package struct DashboardSettings: Sendable, Equatable {
    /// The period headline figures are for: the month, quarter or year containing the as-of date.
    package var period: Period.Kind = .quarter
    /// KPI ids shown as cards, in order.
    package var cards: [String] = ["revenue", "deals_won", "win_rate", "avg_deal_size", "weighted_pipeline"]
    package var thresholds = Status.Thresholds()
    /// When false, rep and manager pages are built but left out of the sitemap, search and every listing's links,
    /// and carry `noindex`: reachable only by their URL.
    package var scorecardsPublic = true
    /// Figures older than this many days are flagged: in the reader's browser, against its clock ("these figures are 12
    /// days old"), and by `check` when the newest deal is that much older than a configured as-of date.
    package var staleAfterDays = 7

    package init() {}
}
