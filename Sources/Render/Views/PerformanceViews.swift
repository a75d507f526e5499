/// One KPI as a card: the figure, its target and attainment, its status in words, the change and a sparkline.
public struct KPICardView: TemplateView {
    public var label: String
    public var value: String
    public var target: String?
    public var attainment: String?
    /// Status in words (never colour alone) and the class that colours it.
    public var status: String?
    public var statusClass: String
    public var change: String?
    public var sparkline: Chart
    public var bullet: Chart?
    /// What the figure leaves out or estimates: "1,589 open deals without an amount" on a pipeline card.
    public var note: String?

    public func field(_ name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "target": TemplateValue.optional(target)
        case "attainment": TemplateValue.optional(attainment)
        case "status": TemplateValue.optional(status)
        case "statusClass": statusClass
        case "change": TemplateValue.optional(change)
        case "sparkline": sparkline
        case "bullet": TemplateValue.optional(bullet)
        case "note": TemplateValue.optional(note)
        default: nil
        }
    }
}

/// A rep in a table: figures formatted for reading, raw numbers for sorting.
public struct RepRowView: TemplateView {
    public var rank: String
    public var name: String
    /// Nil when scorecards are private: names are not linked.
    public var url: String?
    public var region: String
    public var manager: String
    public var revenue: String
    public var revenueSort: String
    public var target: String
    public var attainment: String
    public var attainmentSort: String
    public var status: String?
    public var statusClass: String
    public var winRate: String
    public var winRateSort: String
    public var trend: Chart

    public func field(_ name: String) -> Any? {
        switch name {
        case "rank": rank
        case "name": self.name
        case "url": TemplateValue.optional(url)
        case "region": region
        case "manager": manager
        case "revenue": revenue
        case "revenueSort": revenueSort
        case "target": target
        case "attainment": attainment
        case "attainmentSort": attainmentSort
        case "status": TemplateValue.optional(status)
        case "statusClass": statusClass
        case "winRate": winRate
        case "winRateSort": winRateSort
        case "trend": trend
        default: nil
        }
    }
}

/// A deal in a list (recent wins, open deals).
public struct DealRowView: TemplateView {
    public var rep: String
    public var account: String
    public var product: String
    public var stage: String
    public var amount: String
    public var date: String
    public var probability: String

    public func field(_ name: String) -> Any? {
        switch name {
        case "rep": rep
        case "account": account
        case "product": product
        case "stage": stage
        case "amount": amount
        case "date": date
        case "probability": probability
        default: nil
        }
    }
}

/// A labelled value: a fact about a rep, a forecast method and its figure.
public struct FactView: TemplateView {
    public var term: String
    public var value: String
    /// A longer explanation, when the term needs one.
    public var note: String?

    public func field(_ name: String) -> Any? {
        switch name {
        case "term": term
        case "value": value
        case "note": TemplateValue.optional(note)
        default: nil
        }
    }
}

/// The revenue forecast of a period under way: both methods and the range between them.
public struct ForecastView: TemplateView {
    public var period: String
    public var target: String?
    public var range: String
    public var methods: [FactView]

    public func field(_ name: String) -> Any? {
        switch name {
        case "period": period
        case "target": TemplateValue.optional(target)
        case "range": range
        case "methods": methods
        default: nil
        }
    }
}

/// A course's training progress for one rep.
public struct ProgressView: TemplateView {
    public var course: String
    public var url: String
    public var done: String
    public var bullet: Chart

    public func field(_ name: String) -> Any? {
        switch name {
        case "course": course
        case "url": url
        case "done": done
        case "bullet": bullet
        default: nil
        }
    }
}

/// Everything a performance page shows; each page fills the parts it has.
public struct PerformancePageView: TemplateView {
    public var title: String
    public var subtitle: String
    public var asOf: String
    public var periodName: String
    public var cards: [KPICardView]
    public var trend: Chart?
    public var attainmentChart: Chart?
    public var forecasts: [ForecastView]
    public var reps: [RepRowView]
    public var atRisk: [RepRowView]
    public var wins: [DealRowView]
    public var openDeals: [DealRowView]
    public var progress: [ProgressView]
    public var recommended: [LinkView]
    public var playbooks: [LinkView]
    public var recent: [DocumentSummaryView]
    public var people: [LinkView]
    public var facts: [FactView]
    /// Whether any rep has a revenue target for the period: without one, nobody can be behind, and the page says
    /// that instead of "no rep is behind".
    public var revenueTargetsSet = true
    /// The as-of date (`2026-11-20`) and the portal's `staleAfterDays`, for the script that says how old figures are.
    public var asOfDate = ""
    public var staleAfterDays = 7

    public func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "subtitle": subtitle
        case "asOf": asOf
        case "periodName": periodName
        case "cards": cards
        case "trend": TemplateValue.optional(trend)
        case "attainmentChart": TemplateValue.optional(attainmentChart)
        case "forecasts": forecasts
        case "hasForecasts": !forecasts.isEmpty
        case "reps": reps
        case "hasReps": !reps.isEmpty
        case "atRisk": atRisk
        case "hasAtRisk": !atRisk.isEmpty
        case "wins": wins
        case "hasWins": !wins.isEmpty
        case "openDeals": openDeals
        case "hasOpenDeals": !openDeals.isEmpty
        case "progress": progress
        case "hasProgress": !progress.isEmpty
        case "recommended": recommended
        case "hasRecommended": !recommended.isEmpty
        case "playbooks": playbooks
        case "hasPlaybooks": !playbooks.isEmpty
        case "recent": recent
        case "hasRecent": !recent.isEmpty
        case "people": people
        case "hasPeople": !people.isEmpty
        case "facts": facts
        case "revenueTargetsSet": revenueTargetsSet
        case "asOfDate": asOfDate
        case "staleAfterDays": String(staleAfterDays)
        default: nil
        }
    }
}
