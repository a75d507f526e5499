import FieldbookModel

/// One KPI as a card: the figure, its target and attainment, its status in words, the change and a sparkline.
package struct KPICardView: TemplateView {
    package var label: String
    package var value: String
    package var target: String?
    package var attainment: String?
    /// Status in words (never colour alone) and the class that colours it.
    package var status: String?
    package var statusClass: String
    package var change: String?
    package var sparkline: Chart
    package var bullet: Chart?
    /// What the figure leaves out or estimates: "1,589 open deals without an amount" on a pipeline card.
    package var note: String?

    package func field(_ name: String) -> Any? {
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
package struct RepRowView: TemplateView {
    package var rank: String
    package var name: String
    /// Nil when scorecards are private: names are not linked.
    package var url: String?
    package var region: String
    package var manager: String
    package var revenue: Figure
    package var target: String
    package var attainment: Figure
    package var status: Status?
    /// `status` in words, with its mark (never colour alone).
    package var statusText: String?
    package var winRate: Figure
    package var trend: Chart

    package func field(_ name: String) -> Any? {
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
package struct DealRowView: TemplateView {
    package var rep: String
    package var account: String
    package var product: String
    package var stage: String
    package var amount: String
    package var date: String
    package var probability: String

    package func field(_ name: String) -> Any? {
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
package struct FactView: TemplateView {
    package var term: String
    package var value: String
    /// A longer explanation, when the term needs one.
    package var note: String?

    package func field(_ name: String) -> Any? {
        switch name {
        case "term": term
        case "value": value
        case "note": TemplateValue.optional(note)
        default: nil
        }
    }
}

/// The revenue forecast of a period under way: both methods and the range between them.
package struct ForecastView: TemplateView {
    package var period: String
    package var target: String?
    package var range: String
    package var methods: [FactView]

    package func field(_ name: String) -> Any? {
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
package struct ProgressView: TemplateView {
    package var course: String
    package var url: String
    package var done: String
    package var bullet: Chart

    package func field(_ name: String) -> Any? {
        switch name {
        case "course": course
        case "url": url
        case "done": done
        case "bullet": bullet
        default: nil
        }
    }
}
