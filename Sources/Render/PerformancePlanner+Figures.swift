import FieldbookAnalyze
import FieldbookModel

/// KPI cards, charts and forecasts.
extension PerformancePlanner {
    /// A KPI's card for an entity (whose reps are `members`) in a period. Its note says what the figure leaves out or
    /// estimates (pipeline cards), and on a group's card how many of its reps have a target, when not all do: a
    /// target summed from some reps' targets is measured against everyone's results.
    func card(_ entity: EntityFigures, _ k: Int, _ p: Int, withBullet: Bool = false, members: [Int]) -> KPICardView {
        let kpi = board.kpis[k]
        let figures = entity.periods[p]
        let unit = kpi.definition.unit
        let status = status(figures, k)
        let change = changeText(figures.change[k], against: figures.period.previous, partial: figures.partial, unit: unit)
        let yearChange = changeText(figures.yearChange[k], against: figures.period.yearEarlier, partial: figures.partial, unit: unit)
        let months = trendMonths(p)
        let points = months.map { ChartPoint(format.period(board.periods[$0], calendar: board.calendar), entity.periods[$0].actual[k]) }
        let spark =
            points.count(where: { $0.value != nil }) < 2
            ? nil
            : charts.sparkline(
                id: "spark-\(entity.id)-\(kpi.id)", title: "\(label(kpi)), \(labels["last12Months"])", points: points,
                format: { [format] in format.value($0, unit: unit, compact: true) })
        let bullet =
            withBullet && figures.target[k] != nil
            ? charts.bullet(
                id: "bullet-\(entity.id)-\(kpi.id)", title: label(kpi), actual: figures.actual[k], target: figures.target[k],
                format: { [format] in format.value($0, unit: unit) }) : nil
        return KPICardView(
            kpi: kpi.id, unit: unit.rawValue, label: label(kpi), value: format.value(figures.actual[k], unit: unit, compact: unit == .currency),
            target: figures.target[k].map { format.value($0, unit: unit, compact: unit == .currency) },
            attainment: figures.attainment(k).map(format.percent),
            status: status.map(statusText), statusClass: Status.cssClass(status), change: change, yearChange: yearChange, sparkline: spark,
            bullet: bullet,
            note: cardNote(kpi, k, p, entity: entity, members: members))
    }

    /// The status of KPI `k` in one entity's period, by the configured thresholds.
    func status(_ figures: PeriodFigures, _ k: Int?) -> Status? {
        guard let k else { return nil }
        return Status.of(
            actual: figures.actual[k], target: figures.target[k], kpi: board.kpis[k], period: figures.period, partial: figures.partial,
            asOf: board.asOf, thresholds: settings.thresholds)
    }

    func statusText(_ status: Status) -> String {
        switch status {
        case .onTrack: "✓ " + labels["onTrack"]
        case .atRisk: "! " + labels["atRisk"]
        case .behind: "✗ " + labels["behind"]
        }
    }

    func label(_ kpi: KPI) -> String { labels.kpiLabel(kpi.id) ?? kpi.definition.label }

    /// "+$1.2M vs Q3 2017": a change against an earlier period, "…, same days" while the period is under way (the
    /// comparison is then like for like: `LikeForLike`); nil when the change is unknown.
    func changeText(_ change: Double?, against earlier: Period, partial: Bool, unit: KPIDefinition.Unit) -> String? {
        guard let change else { return nil }
        let text = "\(format.signed(change, unit: unit)) \(labels["vs"]) \(format.period(earlier, calendar: board.calendar))"
        return partial ? text + labels["sameDays"] : text
    }

    /// The last 13 months up to the end of period `p` (at most the as-of month): a year and the month a year before.
    func trendMonths(_ p: Int) -> [Int] {
        let end = board.periods[p].lastMonth
        return Array(board.periods.indices.filter { board.periods[$0].kind == .month && board.periods[$0].firstMonth <= end }.suffix(13))
    }

    /// Revenue by month up to the end of period `p`, with the target where there is one; the title says "against
    /// target" only then.
    func revenueTrend(_ entity: EntityFigures, _ p: Int, id: String) -> (chart: Chart, title: String) {
        let months = trendMonths(p)
        let points = months.map {
            ChartPoint(
                format.period(board.periods[$0], calendar: board.calendar), revenue(of: entity.periods[$0]),
                target: revenueTarget(of: entity.periods[$0]))
        }
        let title = labels[points.contains { $0.target != nil } ? "revenueTrend" : "revenueByMonth"]
        let chart = charts.line(
            id: id, title: title, points: points, lastIsPartial: months.last.map { entity.periods[$0].partial } ?? false,
            format: { [format] in format.money($0, compact: true) })
        return (chart, title)
    }

    func regionAttainment(_ p: Int) -> Chart {
        // A region without a revenue target has no attainment: it says so in words, with no 100% mark.
        let points = board.regions.map { region in
            let attainment = revenueAttainment(of: region.periods[p])
            return ChartPoint(region.name, attainment, target: attainment == nil ? nil : 1)
        }
        return charts.bars(
            id: "region-attainment", title: "\(labels["attainmentByRegion"]), \(periodName(p))", points: points, missing: labels["noTarget"],
            format: format.percent)
    }

    /// Forecasts of the quarter and year under way (`only` one of them).
    func forecasts(_ entity: EntityFigures, only: Period? = nil) -> [ForecastView] {
        entity.periods.compactMap { figures in
            if let only, figures.period != only { return nil }
            let values = figures.forecasts.map(\.revenue)
            guard let low = values.min(), let high = values.max() else { return nil }
            return ForecastView(
                period: format.period(figures.period, calendar: board.calendar),
                target: revenueTarget(of: figures).map { format.money($0, compact: true) },
                range: "\(format.money(low, compact: true)) – \(format.money(high, compact: true))",
                methods: figures.forecasts.map { forecast in
                    let runRate = forecast.method == .runRate
                    return FactView(
                        term: labels[runRate ? "runRate" : "pipelineForecast"], value: format.money(forecast.revenue, compact: true),
                        note: labels[runRate ? "runRateHow" : "pipelineHow"])
                })
        }
    }

    /// What a card must say besides its figure: what a pipeline on the as-of date leaves out or estimates, and how
    /// many of a group's reps have a target when not all do.
    func cardNote(_ kpi: KPI, _ k: Int, _ p: Int, entity: EntityFigures, members: [Int]) -> String? {
        var notes: [String] = []
        // The note counts deals open on the as-of date: it belongs to the period that ends with it, not to earlier ones.
        if ["pipeline", "weighted_pipeline"].contains(kpi.id), board.asOf.map({ board.periods[p].contains(month: $0.monthNumber) }) ?? false,
            let note = pipelineNote(members)
        {
            notes.append(note)
        }
        let scope: TargetScope? =
            switch entity.kind {
            case .team: .team
            case .region: .region(entity.id)
            default: nil
            }
        let own = scope.map { entered.target($0, kpi, board.periods[p]) != nil } ?? false
        if entity.kind != .rep, !own, kpi.additiveAcrossReps, entity.periods[p].target[k] != nil {
            let covered = members.count { board.reps[$0].periods[p].target[k] != nil }
            if covered < members.count {
                notes.append(labels.count(covered, "repsWithTarget").replacingOccurrences(of: "{n}", with: "\(members.count)"))
            }
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// What a pipeline card must say about the amounts it adds up, for reps `members` on the as-of date: open deals
    /// without an amount are left out (a bare $0 would hide them), and estimated ones are list prices.
    func pipelineNote(_ members: [Int]) -> String? {
        let missing = members.reduce(0) { $0 + unpriced[$1].missing }
        let estimated = members.reduce(0) { $0 + unpriced[$1].estimated }
        let notes = [
            missing > 0 ? labels.count(missing, "openWithoutAmount") : nil, estimated > 0 ? labels.count(estimated, "openAtListPrice") : nil,
        ].compactMap { $0 }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// Revenue, its target and attainment in one entity's period (nil when the board has no revenue KPI).
    func revenue(of figures: PeriodFigures) -> Double? { revenue.flatMap { figures.actual[$0] } }
    func revenueTarget(of figures: PeriodFigures) -> Double? { revenue.flatMap { figures.target[$0] } }
    func revenueAttainment(of figures: PeriodFigures) -> Double? { revenue.flatMap { figures.attainment($0) } }
}
