import FieldbookModel

/// What every performance page says above its figures: what it is about and how current it is (the `as-of` partial).
public struct PerformanceHeaderView: Sendable, Encodable {
    public var title: String
    public var subtitle: String
    /// "Data as of 20 Nov 2026".
    public var asOf: String
    /// The period the page shows: "Q4 2026 (so far)".
    public var periodName: String
    /// The as-of date (`2026-11-20`) and the portal's `staleAfterDays`, for the script that says how old figures are.
    public var asOfDate: String
    public var staleAfterDays: Int

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
public struct EntityFiguresView: Sendable, Encodable {
    public var cards: [KPICardView]
    public var trend: Chart
    public var forecasts: [ForecastView]

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
public struct DashboardView: TemplateView {
    public var header: PerformanceHeaderView
    public var figures: EntityFiguresView
    public var attainmentChart: Chart
    /// The leaderboard: the first ten reps by rank.
    public var reps: [RepRowView]
    public var atRisk: [RepRowView]
    public var wins: [DealRowView]
    public var recent: [DocumentSummaryView]
    /// The regions, linked.
    public var people: [LinkView]
    /// Whether any rep has a revenue target for the period: without one, nobody can be behind, and the page says
    /// that instead of "no rep is behind".
    public var revenueTargetsSet: Bool

    public func field(_ name: String) -> Any? {
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
public struct RegionPageView: TemplateView {
    public var header: PerformanceHeaderView
    public var figures: EntityFiguresView
    public var reps: [RepRowView]
    public var playbooks: [LinkView]
    /// The region's managers, linked when scorecards are public.
    public var people: [LinkView]

    public func field(_ name: String) -> Any? {
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
public struct ManagerPageView: TemplateView {
    public var header: PerformanceHeaderView
    public var figures: EntityFiguresView
    public var reps: [RepRowView]

    public func field(_ name: String) -> Any? {
        switch name {
        case "reps": reps
        case "hasReps": !reps.isEmpty
        default: header.field(name) ?? figures.field(name)
        }
    }
}

/// Every rep in one sortable table, at `/reps/`.
public struct RepListView: TemplateView {
    public var header: PerformanceHeaderView
    public var reps: [RepRowView]

    public func field(_ name: String) -> Any? {
        switch name {
        case "reps": reps
        case "hasReps": !reps.isEmpty
        default: header.field(name)
        }
    }
}

/// A rep's scorecard at `/reps/<id>/`: their figures with bullets, open deals, training and what to read next.
public struct ScorecardView: TemplateView {
    public var header: PerformanceHeaderView
    public var figures: EntityFiguresView
    public var openDeals: [DealRowView]
    public var progress: [ProgressView]
    public var recommended: [LinkView]
    public var playbooks: [LinkView]
    /// Region, manager and ranks.
    public var facts: [FactView]

    public func field(_ name: String) -> Any? {
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
