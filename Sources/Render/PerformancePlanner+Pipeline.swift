import FieldbookAnalyze
import FieldbookModel

/// Pipeline health on the current period's pages: the funnel, coverage, age, stale and slipping deals, products.
extension PerformancePlanner {
    /// The pipeline of reps `members` on the as-of date, with coverage of what `entity` still has to win in the current
    /// period; nil when they have no open deal and closed nothing in the period.
    func pipeline(_ entity: EntityFigures, members: [Int]) -> PipelineView? {
        // From rollups there are no deals to count by stage, age or product (an extract holds the largest only).
        guard let asOf = board.asOf, !fromRollups else { return nil }
        let ids = members.map { data.team.reps[$0].id }
        let health = PipelineHealth(
            open: ids.flatMap { openByRep[$0] ?? [] }, closed: ids.flatMap { (closedByRep[$0] ?? []).map { listed[$0] } }, asOf: asOf,
            typicalCycle: typicalCycle,
            stages: site.config.stageProbabilities)
        guard health.open > 0 || !health.products.isEmpty else { return nil }
        let stageNames = health.stages.map { $0.name ?? labels["stageUnknown"] }
        let funnel = charts.bars(
            id: "funnel-\(entity.id)", title: "\(labels["openByStage"]), \(format.date(asOf))",
            points: zip(stageNames, health.stages).map { ChartPoint($0, Double($1.amount) / 100) },
            format: { [format] in format.money($0, compact: true) })
        let stages = zip(stageNames, health.stages).map { name, stage in
            StageRowView(
                name: name, count: format.value(Double(stage.count), unit: .count), amount: format.money(Double(stage.amount) / 100),
                probability: stage.probability.map(format.percent) ?? "–")
        }
        let products = health.products.map { product in
            ProductRowView(
                name: product.name ?? labels["noProduct"], won: format.value(Double(product.won), unit: .count),
                winRate: product.winRate.map(format.percent) ?? "–", cycle: format.value(product.cycle, unit: .days),
                revenue: format.money(Double(product.revenue) / 100))
        }
        return PipelineView(
            funnel: funnel, stages: stages, facts: pipelineFacts(health, entity, members: members), products: products,
            productsTitle: "\(labels["byProduct"]), \(periodName(current))")
    }

    /// Open deals and their value, coverage, median age, stale and slipping deals, in words.
    private func pipelineFacts(_ health: PipelineHealth, _ entity: EntityFigures, members: [Int]) -> [FactView] {
        let figures = entity.periods[current]
        let remaining = revenueTarget(of: figures).map { $0 - (revenue(of: figures) ?? 0) }
        var facts = [
            FactView(term: labels["openDeals"], value: format.value(Double(health.open), unit: .count), note: pipelineNote(members)),
            FactView(term: labels.kpiLabel("pipeline") ?? "", value: format.money(Double(health.pipeline) / 100, compact: true)),
            FactView(term: labels.kpiLabel("weighted_pipeline") ?? "", value: format.money(health.weighted / 100, compact: true)),
        ]
        if let coverage = health.coverage(remaining: remaining), let remaining {
            facts.append(
                FactView(
                    term: labels["coverage"], value: "\(format.grouped(coverage.pipeline, decimals: 1))×",
                    note: labels["coverageHow"].replacingOccurrences(of: "{weighted}", with: "\(format.grouped(coverage.weighted, decimals: 1))×")
                        .replacingOccurrences(of: "{remaining}", with: format.money(remaining, compact: true))))
        }
        facts.append(FactView(term: labels["medianAge"], value: format.value(health.medianAge, unit: .days)))
        if let cycle = health.typicalCycle {
            facts.append(
                FactView(
                    term: labels["staleDeals"], value: "\(health.stale) · \(format.money(Double(health.staleAmount) / 100, compact: true))",
                    note: labels["staleHow"].replacingOccurrences(of: "{days}", with: format.value(cycle, unit: .days))))
        }
        facts.append(
            FactView(
                term: labels["slippingDeals"], value: "\(health.slipping) · \(format.money(Double(health.slippingAmount) / 100, compact: true))",
                note: labels["slippingHow"]))
        return facts
    }

    /// "The 50 largest of 194 deals are listed." when a scorecard lists only some of its open deals.
    func openDealsNote(of rep: String, index: Int) -> String? {
        // From rollups, the extract holds the largest open deals; how many there are is the figure.
        let count =
            fromRollups
            ? Int(board.index(of: "open_deals").flatMap { board.reps[index].periods[current].actual[$0] } ?? 0) : openByRep[rep]?.count ?? 0
        return largestNote(shown: min(count, Self.drillDownLimit), of: count)
    }
}
