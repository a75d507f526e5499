import FieldbookModel

/// What every performance page says above its figures: what it is about and how current it is (the `as-of` partial).
package struct PerformanceHeaderView: Sendable, Encodable {
    package var title: String
    package var subtitle: String
    /// "Data as of 20 Nov 2026".
    package var asOf: String
    /// The period the page shows: "Q4 2026 (so far)".
    package var periodName: String
    /// The as-of date (`2026-11-20`) and the portal's `staleAfterDays`, for the script that says how old figures are.
    package var asOfDate: String
    package var staleAfterDays: Int

    func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "subtitle": subtitle
        case "asOf": asOf
        case "periodName": periodName
        case "asOfDate": asOfDate
        case "staleAfterDays": String(staleAfterDays)
        default: nil
        }
    }
}

/// An entity's figures for the period: KPI cards, the revenue trend and forecasts (the `kpi-cards`, `trend` and
/// `forecasts` partials).
package struct EntityFiguresView: Sendable, Encodable {
    package var cards: [KPICardView]
    package var trend: Chart
    package var forecasts: [ForecastView]

    func field(_ name: String) -> Any? {
        switch name {
        case "cards": cards
        case "trend": trend
        case "forecasts": forecasts
        case "hasForecasts": !forecasts.isEmpty
        default: nil
        }
    }
}

/// The team dashboard at `/`.
package struct DashboardView: TemplateView {
    package var header: PerformanceHeaderView
    package var figures: EntityFiguresView
    package var attainmentChart: Chart
    /// The leaderboard: the first ten reps by rank.
    package var reps: [RepRowView]
    package var atRisk: [RepRowView]
    package var wins: [DealRowView]
    package var recent: [DocumentSummaryView]
    /// The regions, linked.
    package var people: [LinkView]
    /// Whether any rep has a revenue target for the period: without one, nobody can be behind, and the page says
    /// that instead of "no rep is behind".
    package var revenueTargetsSet: Bool

    package func field(_ name: String) -> Any? {
        switch name {
        case "attainmentChart": attainmentChart
        case "reps": reps
        case "hasReps": !reps.isEmpty
        case "atRisk": atRisk
        case "hasAtRisk": !atRisk.isEmpty
        case "wins": wins
        case "hasWins": !wins.isEmpty
        case "recent": recent
        case "hasRecent": !recent.isEmpty
        case "people": people
        case "hasPeople": !people.isEmpty
        case "revenueTargetsSet": revenueTargetsSet
        default: header.field(name) ?? figures.field(name)
        }
    }
}

/// A region's page at `/regions/<id>/`.
package struct RegionPageView: TemplateView {
    package var header: PerformanceHeaderView
    package var figures: EntityFiguresView
    package var reps: [RepRowView]
    package var playbooks: [LinkView]
    /// The region's managers, linked when scorecards are public.
    package var people: [LinkView]

    package func field(_ name: String) -> Any? {
        switch name {
        case "reps": reps
        case "hasReps": !reps.isEmpty
        case "playbooks": playbooks
        case "hasPlaybooks": !playbooks.isEmpty
        case "people": people
        case "hasPeople": !people.isEmpty
        default: header.field(name) ?? figures.field(name)
        }
    }
}

/// A manager's page at `/managers/<id>/`.
package struct ManagerPageView: TemplateView {
    package var header: PerformanceHeaderView
    package var figures: EntityFiguresView
    package var reps: [RepRowView]

    package func field(_ name: String) -> Any? {
        switch name {
        case "reps": reps
        case "hasReps": !reps.isEmpty
        default: header.field(name) ?? figures.field(name)
        }
    }
}

/// Every rep in one sortable table, at `/reps/`.
package struct RepListView: TemplateView {
    package var header: PerformanceHeaderView
    package var reps: [RepRowView]

    package func field(_ name: String) -> Any? {
        switch name {
        case "reps": reps
        case "hasReps": !reps.isEmpty
        default: header.field(name)
        }
    }
}

/// A rep's scorecard at `/reps/<id>/`: their figures with bullets, open deals, training and what to read next.
package struct ScorecardView: TemplateView {
    package var header: PerformanceHeaderView
    package var figures: EntityFiguresView
    package var openDeals: [DealRowView]
    package var progress: [ProgressView]
    package var recommended: [LinkView]
    package var playbooks: [LinkView]
    /// Region, manager and ranks.
    package var facts: [FactView]

    package func field(_ name: String) -> Any? {
        switch name {
        case "openDeals": openDeals
        case "hasOpenDeals": !openDeals.isEmpty
        case "progress": progress
        case "hasProgress": !progress.isEmpty
        case "recommended": recommended
        case "hasRecommended": !recommended.isEmpty
        case "playbooks": playbooks
        case "hasPlaybooks": !playbooks.isEmpty
        case "facts": facts
        default: header.field(name) ?? figures.field(name)
        }
    }
}
