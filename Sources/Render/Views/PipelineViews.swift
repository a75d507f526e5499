import FieldbookModel
import FieldbookTemplates

/// Pipeline health on the as-of date (the `pipeline` partial): open deals by stage (a funnel and its table), the
/// figures that say whether the pipeline is enough and moving (coverage, age, stale and slipping deals), and how
/// deals closed in the period, product by product. Definitions: `PipelineHealth`.
package struct PipelineView: TemplateView {
    package var funnel: Chart
    package var stages: [StageRowView]
    package var facts: [FactView]
    package var products: [ProductRowView]
    /// "By product, Q4 2017".
    package var productsTitle: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "funnel": .value(\.funnel),
            "stages": .value(\.stages),
            "facts": .value(\.facts),
            "products": .value(\.products),
            "hasProducts": .value { !$0.products.isEmpty },
            "productsTitle": .value(\.productsTitle),
        ])
}

/// One stage of open deals: how many, their known amount, and the probability `pipeline.stages` gives it.
package struct StageRowView: TemplateView {
    package var name: String
    package var count: String
    package var amount: String
    package var probability: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "name": .value(\.name),
            "count": .value(\.count),
            "amount": .value(\.amount),
            "probability": .value(\.probability),
        ])
}

/// One product's deals closed in the period.
package struct ProductRowView: TemplateView {
    package var name: String
    package var won: String
    package var winRate: String
    package var cycle: String
    package var revenue: String

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "name": .value(\.name),
            "won": .value(\.won),
            "winRate": .value(\.winRate),
            "cycle": .value(\.cycle),
            "revenue": .value(\.revenue),
        ])
}
