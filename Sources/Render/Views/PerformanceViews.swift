import FieldbookModel
import FieldbookTemplates

/// One KPI as a card: the figure, its target and attainment, its status in words, the change and a sparkline.
package struct KPICardView: TemplateView {
    /// The KPI's id and unit (`revenue`, `currency`): a scorecard's script rewrites the card for another period.
    package var kpi: String
    package var unit: String
    package var label: String
    package var value: String
    package var target: String?
    package var attainment: String?
    /// Status in words (never colour alone) and the class that colours it.
    package var status: String?
    package var statusClass: String
    /// "+$1.2M vs Q3 2017"; while the period is under way, against the same days ("…, same days").
    package var change: String?
    /// The change against the same period a year earlier, written the same way.
    package var yearChange: String?
    /// Nil with fewer than two months of figures: one dot is not a trend.
    package var sparkline: Chart?
    package var bullet: Chart?
    /// What the figure leaves out or estimates: "1,589 open deals without an amount" on a pipeline card.
    package var note: String?
    /// The list behind the figure (`…/deals/#won`); nil where there is none.
    package var url: String? = nil

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "url": .value(\.url),
            "kpi": .value(\.kpi),
            "unit": .value(\.unit),
            "label": .value(\.label),
            "value": .value(\.value),
            "target": .value(\.target),
            "attainment": .value(\.attainment),
            "status": .value(\.status),
            "statusClass": .value(\.statusClass),
            "change": .value(\.change),
            "yearChange": .value(\.yearChange),
            "sparkline": .value(\.sparkline),
            "bullet": .value(\.bullet),
            "note": .value(\.note),
        ])
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
    /// Revenue over the last 13 months; nil on period pages, whose table is about one period.
    package var trend: Chart?

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "rank": .value(\.rank),
            "name": .value(\.name),
            "url": .value(\.url),
            "region": .value(\.region),
            "manager": .value(\.manager),
            "revenue": .value(\.revenue.text),
            "revenueSort": .value(\.revenue.sortKey),
            "target": .value(\.target),
            "attainment": .value(\.attainment.text),
            "attainmentSort": .value(\.attainment.sortKey),
            "status": .value(\.statusText),
            "statusClass": .value { Status.cssClass($0.status) },
            "winRate": .value(\.winRate.text),
            "winRateSort": .value(\.winRate.sortKey),
            "trend": .value(\.trend),
        ])
}

/// A deal in a list (recent wins, open deals).
package struct DealRowView: TemplateView {
    package var rep: String
    /// The rep's scorecard, when scorecards are public.
    package var repURL: String? = nil
    package var account: String
    package var product: String
    package var stage: String
    package var amount: String
    package var date: String
    package var probability: String
    /// Days open on the as-of date ("–" for closed deals and those without a `created` date).
    package var age: String
    /// "Stale", "Past expected close" (open deals only).
    package var flags: String?

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "rep": .value(\.rep),
            "repURL": .value(\.repURL),
            "account": .value(\.account),
            "product": .value(\.product),
            "stage": .value(\.stage),
            "amount": .value(\.amount),
            "date": .value(\.date),
            "probability": .value(\.probability),
            "age": .value(\.age),
            "flags": .value(\.flags),
        ])
}

/// A labelled value: a fact about a rep, a forecast method and its figure.
package struct FactView: TemplateView {
    package var term: String
    package var value: String
    /// A longer explanation, when the term needs one.
    package var note: String?

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "term": .value(\.term),
            "value": .value(\.value),
            "note": .value(\.note),
        ])
}

/// The revenue forecast of a period under way: both methods and the range between them.
package struct ForecastView: TemplateView {
    package var period: String
    package var target: String?
    package var range: String
    package var methods: [FactView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "period": .value(\.period),
            "target": .value(\.target),
            "range": .value(\.range),
            "methods": .value(\.methods),
        ])
}

/// A course's training progress for one rep.
package struct ProgressView: TemplateView {
    package var course: String
    package var url: String
    package var done: String
    package var bullet: Chart

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "course": .value(\.course),
            "url": .value(\.url),
            "done": .value(\.done),
            "bullet": .value(\.bullet),
        ])
}
