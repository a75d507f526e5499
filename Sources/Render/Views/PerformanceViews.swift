import FieldbookModel

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

/// A rep in a table: figures as numbers (for ranking, risk and sorting) and as text (for reading).
public struct RepRowView: TemplateView {
    public var rank: String
    public var name: String
    /// Nil when scorecards are private: names are not linked.
    public var url: String?
    public var region: String
    public var manager: String
    public var revenue: Figure
    public var target: String
    public var attainment: Figure
    public var status: Status?
    /// `status` in words, with its mark (never colour alone).
    public var statusText: String?
    public var winRate: Figure
    public var trend: Chart

    public func field(_ name: String) -> Any? {
        switch name {
        case "rank": rank
        case "name": self.name
        case "url": TemplateValue.optional(url)
        case "region": region
        case "manager": manager
        case "revenue": revenue.text
        case "revenueSort": revenue.sortKey
        case "target": target
        case "attainment": attainment.text
        case "attainmentSort": attainment.sortKey
        case "status": TemplateValue.optional(statusText)
        case "statusClass": Status.cssClass(status)
        case "winRate": winRate.text
        case "winRateSort": winRate.sortKey
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
