import FieldbookAnalyze
import FieldbookModel

/// Comparison: a rep beside their region's and the team's medians, attainment distributions, regions side by side.
extension PerformancePlanner {
    /// The card KPIs of rep `index` in period `p` beside the medians of their region's reps and of all reps.
    func comparison(of index: Int, _ p: Int) -> [ComparisonRowView] {
        let region = data.team.reps[index].region
        let peers = regionMembers[region] ?? []
        return cardKPIs.map { k in
            let unit = board.kpis[k].definition.unit
            let median = { (members: [Int]) in
                format.value(PeerComparison.median(members.map { board.reps[$0].periods[p].actual[k] }), unit: unit, compact: unit == .currency)
            }
            return ComparisonRowView(
                label: label(board.kpis[k]), value: format.value(board.reps[index].periods[p].actual[k], unit: unit, compact: unit == .currency),
                region: median(peers), team: median(Array(board.reps.indices)))
        }
    }

    /// How reps `members` spread over revenue attainment in period `p`; nil when none of them has a revenue target.
    func distribution(_ members: [Int], _ p: Int, id: String) -> DistributionView? {
        let (counts, absent) = PeerComparison.distribution(members.map { revenueAttainment(of: board.reps[$0].periods[p]) })
        guard absent < members.count else { return nil }
        let bounds = PeerComparison.bands.map { format.grouped($0 * 100, decimals: 0) + "%" }
        let names =
            [labels["below"].replacingOccurrences(of: "{n}", with: bounds[0])] + zip(bounds, bounds.dropFirst()).map { "\($0)–\($1)" }
            + [labels["andAbove"].replacingOccurrences(of: "{n}", with: bounds[bounds.count - 1])]
        let chart = charts.bars(
            id: id, title: "\(labels["attainmentDistribution"]), \(periodName(p))",
            points: zip(names, counts).map { ChartPoint($0, Double($1)) }, columns: (labels["attainment"], labels["reps"]),
            format: { format.value($0, unit: .count) })
        return DistributionView(chart: chart, note: absent > 0 ? labels.count(absent, "withoutRevenueTarget") : nil)
    }

    /// Every region's headline figures in period `p`, in the team's order.
    func regionRows(_ p: Int, at: At) -> [RegionRowView] {
        zip(data.team.regions, board.regions).map { region, entity in
            let figures = entity.periods[p]
            let status = status(figures, revenue)
            let value = { (id: String, compact: Bool) -> String in
                board.index(of: id).map { format.value(figures.actual[$0], unit: board.kpis[$0].definition.unit, compact: compact) } ?? "–"
            }
            return RegionRowView(
                name: region.name, url: regionURL(region.id, at), reps: "\(regionMembers[region.id]?.count ?? 0)",
                revenue: revenue(of: figures).map { format.money($0, compact: true) } ?? "–",
                target: revenueTarget(of: figures).map { format.money($0, compact: true) } ?? "–",
                attainment: revenueAttainment(of: figures).map(format.percent) ?? "–", status: status.map(statusText),
                statusClass: Status.cssClass(status), winRate: value("win_rate", false), dealsWon: value("deals_won", false),
                pipeline: value("pipeline", true))
        }
    }
}
