/// A KPI as the engine computes it: its definition plus how its values add up.
package struct KPI: Sendable, Equatable {
    package var definition: KPIDefinition
    /// A flow that sums over time (revenue, deals won): a quarter's target splits evenly into its months.
    package var additiveOverTime: Bool
    /// A quantity that sums over people (revenue, pipeline): a region's target defaults to its reps' sum.
    package var additiveAcrossReps: Bool

    package var id: String { definition.id }

    /// The KPIs computed from deals, each defined where it is computed (`Measure.value(of:)` in Analyze):
    /// - `revenue`: sum of `amount` of deals won with `closed` in the period
    /// - `deals_won`, `deals_lost`: deals closed in the period with that stage
    /// - `win_rate`: deals_won ÷ (deals_won + deals_lost); absent when nothing closed
    /// - `avg_deal_size`: revenue ÷ deals_won; absent without wins
    /// - `cycle_days`: mean days from `created` to `closed` of the period's won deals that have both dates
    /// - `open_deals`, `pipeline`, `weighted_pipeline`: deals open at the period's end (the as-of date for the current
    ///   period), their known amounts, and amounts × probability (this one only for periods containing the as-of date)
    /// - `deals_created`: deals with `created` in the period
    package static let builtIn: [KPI] = [
        builtIn("revenue", "Revenue", .currency, flow: true),
        builtIn("deals_won", "Deals won", .count, flow: true),
        builtIn("deals_lost", "Deals lost", .count, better: .lower, flow: true),
        builtIn("win_rate", "Win rate", .percent, flow: false, acrossReps: false),
        builtIn("avg_deal_size", "Average deal size", .currency, flow: false, acrossReps: false),
        builtIn("cycle_days", "Sales cycle", .days, better: .lower, flow: false, acrossReps: false),
        builtIn("open_deals", "Open deals", .count, flow: false),
        builtIn("pipeline", "Pipeline", .currency, flow: false),
        builtIn("weighted_pipeline", "Weighted pipeline", .currency, flow: false),
        builtIn("deals_created", "Deals created", .count, flow: true),
    ]

    /// A metric from kpis.json: `sum` metrics add over time and people; `last` ones of counts or money add over people.
    package static func metric(_ definition: KPIDefinition) -> KPI {
        let flow = definition.aggregate == .sum
        let stockOfThings = definition.aggregate == .last && (definition.unit == .count || definition.unit == .currency)
        return KPI(definition: definition, additiveOverTime: flow, additiveAcrossReps: flow || stockOfThings)
    }

    private static func builtIn(
        _ id: String, _ label: String, _ unit: KPIDefinition.Unit, better: KPIDefinition.Better = .higher, flow: Bool, acrossReps: Bool = true
    ) -> KPI {
        KPI(
            definition: KPIDefinition(id: id, label: label, unit: unit, better: better, aggregate: flow ? .sum : .last),
            additiveOverTime: flow, additiveAcrossReps: acrossReps)
    }
}
