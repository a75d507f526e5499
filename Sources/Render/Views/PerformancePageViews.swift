import FieldbookModel
import FieldbookTemplates

/// What every performance page says above its figures: what it is about and how current it is (the `as-of` partial).
package struct PerformanceHeaderView: Sendable {
    package var title: String
    package var subtitle: String
    /// "Data as of 20 Nov 2026".
    package var asOf: String
    /// The period the page shows: "Q4 2026 (so far)".
    package var periodName: String
    /// The as-of date (`2026-11-20`) and the portal's `staleAfterDays`, for the script that says how old figures are.
    package var asOfDate: String
    package var staleAfterDays: Int
    /// Previous and next period and the period picker; nil on pages that show only the current period.
    package var periods: PeriodNavView?
    /// Said when the period began before the data does: "The data begins in November 2024: this period holds only
    /// part of its months."
    package var coverage: String? = nil

    package static let templateFields: [String: TemplateField<Self>] = [
        "title": .value(\.title),
        "subtitle": .value(\.subtitle),
        "asOf": .value(\.asOf),
        "periodName": .value(\.periodName),
        "asOfDate": .value(\.asOfDate),
        "staleAfterDays": .value(\.staleAfterDays),
        "periods": .value(\.periods),
        "coverage": .value(\.coverage),
    ]
}

/// An entity's figures for the period: KPI cards, the revenue trend and forecasts (the `kpi-cards`, `trend` and
/// `forecasts` partials).
package struct EntityFiguresView: Sendable {
    package var cards: [KPICardView]
    package var trend: Chart
    /// "Revenue by month against target", or "Revenue by month" when no month of the trend has a target.
    package var trendTitle: String
    package var forecasts: [ForecastView]

    package static let templateFields: [String: TemplateField<Self>] = [
        "cards": .value(\.cards),
        "trend": .value(\.trend),
        "trendTitle": .value(\.trendTitle),
        "forecasts": .value(\.forecasts),
        "hasForecasts": .value { !$0.forecasts.isEmpty },
    ]
}

/// The team dashboard at `/`.
package struct DashboardView: TemplateView {
    package var header: PerformanceHeaderView
    package var figures: EntityFiguresView
    /// Reps by revenue attainment band; the regions' headline figures side by side.
    package var distribution: DistributionView?
    package var regionRows: [RegionRowView]
    /// Pipeline health on the as-of date; nil on period pages and without open or closed deals.
    package var pipeline: PipelineView?
    package var attainmentChart: Chart
    /// The leaderboard: the first ten reps by rank.
    package var reps: [RepRowView]
    /// The reps table with target, win rate and the 13-month trend (the current period's pages); a period page's table
    /// has rank, revenue, attainment and status, so that every period of every region stays affordable.
    package var fullTable: Bool
    package var atRisk: [RepRowView]
    package var wins: [DealRowView]
    /// "Wins wall" on `/`, "Largest wins" on a period's page.
    package var winsTitle: String
    /// On `/`: the wins wall (deals won this week and this month) and records, in place of the period's largest wins.
    package var wallWeek: [DealRowView]?
    package var wallMonth: [DealRowView]
    package var records: [RecordView]
    /// False for a portal built from rollups (`PerformancePlanner.fromRollups`): it has no deals to list.
    package var listsDeals = true
    package var recent: [DocumentSummaryView]
    /// The regions, linked.
    package var people: [LinkView]
    /// Whether any rep has a revenue target for the period: without one, nobody can be behind, and the page says
    /// that instead of "no rep is behind".
    package var revenueTargetsSet: Bool
    /// The period's report (`/reports/<period>/`).
    package var report: LinkView? = nil
    /// Whether the page names reps beside their figures (leaderboard, reps at risk, wins): not in an encrypted
    /// portal, whose team pages are open and carry aggregates only.
    package var namesReps = true

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "namesReps": .value(\.namesReps),
            "distribution": .value(\.distribution),
            "regionRows": .value(\.regionRows),
            "pipeline": .value(\.pipeline),
            "attainmentChart": .value(\.attainmentChart),
            "reps": .value(\.reps),
            "hasReps": .value { !$0.reps.isEmpty },
            "fullTable": .value(\.fullTable),
            "atRisk": .value(\.atRisk),
            "hasAtRisk": .value { !$0.atRisk.isEmpty },
            "wins": .value(\.wins),
            "hasWins": .value { !$0.wins.isEmpty },
            "winsTitle": .value(\.winsTitle),
            "hasWall": .value { $0.wallWeek != nil },
            "listsDeals": .value(\.listsDeals),
            "showsWins": .value { $0.listsDeals || ($0.wallWeek != nil && !$0.records.isEmpty) },
            "wallWeek": .value { $0.wallWeek ?? [] },
            "hasWallWeek": .value { !($0.wallWeek ?? []).isEmpty },
            "wallMonth": .value(\.wallMonth),
            "hasWallMonth": .value { !$0.wallMonth.isEmpty },
            "records": .value(\.records),
            "hasRecords": .value { !$0.records.isEmpty },
            "recent": .value(\.recent),
            "hasRecent": .value { !$0.recent.isEmpty },
            "people": .value(\.people),
            "hasPeople": .value { !$0.people.isEmpty },
            "revenueTargetsSet": .value(\.revenueTargetsSet),
            "report": .value(\.report),
        ],
        including: [
            RepColumns.fields(region: true, manager: true),
            TemplateField.lifting(PerformanceHeaderView.templateFields, from: \.header),
            TemplateField.lifting(EntityFiguresView.templateFields, from: \.figures),
        ])
}

/// A region's page at `/regions/<id>/`.
package struct RegionPageView: TemplateView {
    package var header: PerformanceHeaderView
    package var figures: EntityFiguresView
    /// The region's reps by revenue attainment band.
    package var distribution: DistributionView?
    /// Pipeline health on the as-of date; nil on period pages and without open or closed deals.
    package var pipeline: PipelineView?
    package var reps: [RepRowView]
    /// The reps table with target, win rate and the 13-month trend (the current period's pages); a period page's table
    /// has rank, revenue, attainment and status, so that every period of every region stays affordable.
    package var fullTable: Bool
    package var playbooks: [LinkView]
    /// The region's managers, linked when scorecards are public.
    package var people: [LinkView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "distribution": .value(\.distribution),
            "pipeline": .value(\.pipeline),
            "reps": .value(\.reps),
            "hasReps": .value { !$0.reps.isEmpty },
            "fullTable": .value(\.fullTable),
            "playbooks": .value(\.playbooks),
            "hasPlaybooks": .value { !$0.playbooks.isEmpty },
            "people": .value(\.people),
            "hasPeople": .value { !$0.people.isEmpty },
        ],
        including: [
            RepColumns.fields(region: false, manager: true),
            TemplateField.lifting(PerformanceHeaderView.templateFields, from: \.header),
            TemplateField.lifting(EntityFiguresView.templateFields, from: \.figures),
        ])
}

/// A manager's page at `/managers/<id>/`.
package struct ManagerPageView: TemplateView {
    package var header: PerformanceHeaderView
    package var figures: EntityFiguresView
    /// Pipeline health on the as-of date; nil on period pages and without open or closed deals.
    package var pipeline: PipelineView?
    package var reps: [RepRowView]
    /// The reps table with target, win rate and the 13-month trend (the current period's pages); a period page's table
    /// has rank, revenue, attainment and status, so that every period of every region stays affordable.
    package var fullTable: Bool

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "pipeline": .value(\.pipeline),
            "reps": .value(\.reps),
            "hasReps": .value { !$0.reps.isEmpty },
            "fullTable": .value(\.fullTable),
        ],
        including: [
            RepColumns.fields(region: true, manager: false),
            TemplateField.lifting(PerformanceHeaderView.templateFields, from: \.header),
            TemplateField.lifting(EntityFiguresView.templateFields, from: \.figures),
        ])
}

/// Every rep in one sortable table, at `/reps/`.
package struct RepListView: TemplateView {
    package var header: PerformanceHeaderView
    package var reps: [RepRowView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "reps": .value(\.reps),
            "hasReps": .value { !$0.reps.isEmpty },
            "fullTable": .value { _ in true },
        ],
        including: [
            RepColumns.fields(region: true, manager: true), TemplateField.lifting(PerformanceHeaderView.templateFields, from: \.header),
        ])
}

/// A rep's scorecard at `/reps/<id>/`: their figures with bullets, the deals behind them, training and what to read next.
package struct ScorecardView: TemplateView {
    package var header: PerformanceHeaderView
    /// Switching to another period in place (with JavaScript; the picker's links lead to the manager's period pages).
    package var periodSwitch: PeriodSwitchView
    package var figures: EntityFiguresView
    /// "What to work on": at most three KPIs furthest behind target or peers (`Coaching`).
    package var focus: [FocusView]
    /// The rep's card KPIs beside their region's and the team's medians.
    package var comparison: [ComparisonRowView]
    /// Pipeline health on the as-of date; nil on period pages and without open or closed deals.
    package var pipeline: PipelineView?
    /// The open deals, largest first (at most `PerformancePlanner.drillDownLimit`): the list a pipeline card leads
    /// to (`#open`), its count and sum in `openDealsSummary` when a card counts it, and "The 50 largest of 194 deals
    /// are listed" when not every one is.
    package var openDeals: [DealRowView]
    package var openDealsSummary: String?
    package var openDealsNote: String?
    /// The other lists the cards count (won, lost, created), as on a group's deals page.
    package var lists: [DealListView]
    /// The stale and slipping deals to talk about.
    package var toDiscuss: [DealRowView]
    /// False for a portal built from rollups (`PerformancePlanner.fromRollups`): it has no deals to list.
    package var listsDeals = true
    package var progress: [ProgressView]
    package var recommended: [LinkView]
    package var playbooks: [LinkView]
    /// Region, manager and ranks.
    package var facts: [FactView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "focus": .value(\.focus),
            "hasFocus": .value { !$0.focus.isEmpty },
            "comparison": .value(\.comparison),
            "hasComparison": .value { !$0.comparison.isEmpty },
            "pipeline": .value(\.pipeline),
            "periodSwitch": .value(\.periodSwitch),
            "openDeals": .value(\.openDeals),
            "hasOpenDeals": .value { !$0.openDeals.isEmpty },
            "listsDeals": .value(\.listsDeals),
            "openDealsNote": .value(\.openDealsNote),
            "openDealsSummary": .value(\.openDealsSummary),
            "lists": .value(\.lists),
            "toDiscuss": .value(\.toDiscuss),
            "hasToDiscuss": .value { !$0.toDiscuss.isEmpty },
            "progress": .value(\.progress),
            "hasProgress": .value { !$0.progress.isEmpty },
            "recommended": .value(\.recommended),
            "hasRecommended": .value { !$0.recommended.isEmpty },
            "playbooks": .value(\.playbooks),
            "hasPlaybooks": .value { !$0.playbooks.isEmpty },
            "facts": .value(\.facts),
        ],
        including: [
            TemplateField.lifting(PerformanceHeaderView.templateFields, from: \.header),
            TemplateField.lifting(EntityFiguresView.templateFields, from: \.figures),
        ])
}

/// Which of the reps table's columns a page shows: a region's page leaves out the region and a manager's page the
/// manager, the same on every row.
enum RepColumns {
    static func fields<V>(region: Bool, manager: Bool) -> [String: TemplateField<V>] {
        ["showRegion": .value { _ in region }, "showManager": .value { _ in manager }]
    }
}
