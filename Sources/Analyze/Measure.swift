import FieldbookModel

/// What a KPI measures, found once from its id: the definitions of the built-in KPIs live in `value(of:)`, so no
/// figure depends on where a KPI sits in a list.
enum Measure: Sendable, Equatable {
    case revenue, dealsWon, dealsLost, winRate, averageDealSize, cycleDays, openDeals, pipeline, weightedPipeline, dealsCreated
    /// A custom metric from kpis.json: its position among the tally's metrics, and how it aggregates.
    case metric(Int, KPIDefinition.Aggregate, addsAcrossReps: Bool)

    /// The measures of `kpis`, in order: built-in ids by name, the rest metrics in the order kpis.json lists them.
    static func of(_ kpis: [KPI]) -> [Measure] {
        var metrics = 0
        return kpis.map { kpi in
            if let builtIn = builtIns[kpi.id] { return builtIn }
            defer { metrics += 1 }
            return .metric(metrics, kpi.definition.aggregate, addsAcrossReps: kpi.additiveAcrossReps)
        }
    }

    private static let builtIns: [String: Measure] = [
        "revenue": .revenue, "deals_won": .dealsWon, "deals_lost": .dealsLost, "win_rate": .winRate, "avg_deal_size": .averageDealSize,
        "cycle_days": .cycleDays, "open_deals": .openDeals, "pipeline": .pipeline, "weighted_pipeline": .weightedPipeline,
        "deals_created": .dealsCreated,
    ]

    /// The value of this measure in a tally (money in currency units, not cents); nil where it is undefined.
    func value(of t: Tally) -> Double? {
        switch self {
        case .revenue: return Double(t.revenue) / 100
        case .dealsWon: return Double(t.won)
        case .dealsLost: return Double(t.lost)
        case .winRate: return t.won + t.lost > 0 ? Double(t.won) / Double(t.won + t.lost) : nil
        case .averageDealSize: return t.won > 0 ? Double(t.revenue) / 100 / Double(t.won) : nil
        case .cycleDays: return t.cycleCount > 0 ? Double(t.cycleDays) / Double(t.cycleCount) : nil
        case .openDeals: return Double(t.open)
        case .pipeline: return Double(t.pipeline) / 100
        case .weightedPipeline: return t.weighted / 100
        case .dealsCreated: return Double(t.created)
        case .metric(let m, .sum, _): return t.metricCount[m] > 0 ? t.metricSum[m] : nil
        case .metric(let m, .mean, _): return t.metricCount[m] > 0 ? t.metricSum[m] / Double(t.metricCount[m]) : nil
        case .metric(let m, .last, let addsAcrossReps):
            guard t.lastCount[m] > 0 else { return nil }
            return addsAcrossReps ? t.lastSum[m] : t.lastSum[m] / Double(t.lastCount[m])
        }
    }
}
