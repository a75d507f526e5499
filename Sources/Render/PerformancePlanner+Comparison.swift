import FieldbookAnalyze
import FieldbookModel

/// Comparison: a rep beside their region's and the team's medians, attainment distributions, regions side by side.
extension PerformancePlanner {
    /// Every KPI's median in period `p` over each region's reps and over all reps, worked out once for every scorecard.
    func medians(_ p: Int) -> (regions: [String: [Double?]], team: [Double?]) {
        func of(_ members: [Int]) -> [Double?] {
            board.kpis.indices.map { k in PeerComparison.median(members.map { board.reps[$0].periods[p].actual[k] }) }
        }
        return (regionMembers.mapValues(of), of(Array(board.reps.indices)))
    }

    /// The card KPIs of rep `index` in period `p` beside the medians of their region's reps and of all reps.
    func comparison(of index: Int, _ p: Int, medians: (regions: [String: [Double?]], team: [Double?])) -> [ComparisonRowView] {
        let region = medians.regions[data.team.reps[index].region] ?? []
        return cardKPIs.map { k in
            let unit = board.kpis[k].definition.unit
            let text = { (value: Double?) in format.value(value, unit: unit, compact: unit == .currency) }
            return ComparisonRowView(
                label: label(board.kpis[k]), value: text(board.reps[index].periods[p].actual[k]), region: text(k < region.count ? region[k] : nil),
                team: text(medians.team[k]))
        }
    }

    /// "What to work on" for rep `index` in period `p`: each KPI furthest behind with the numbers that say why, and up to
    /// three open lessons whose front matter names it.
    func focus(of index: Int, _ p: Int, medians: [Double?], lessons: LessonLookup) -> [FocusView] {
        let figures = board.reps[index].periods[p]
        let done = lessonsDone[data.team.reps[index].id] ?? []
        let found = Coaching.focus(figures, medians: medians, kpis: board.kpis, asOf: board.asOf, thresholds: settings.thresholds)
        return found.map { focus in
            let kpi = board.kpis[focus.kpi]
            let unit = kpi.definition.unit
            let text = { (value: Double?) in format.value(value, unit: unit, compact: unit == .currency) }
            let reference = focus.basis == .peers ? labels["regionMedian"] : labels[figures.partial && kpi.additiveOverTime ? "dueByNow" : "target"]
            let open = (lessons.byKPI[kpi.id] ?? []).filter { !done.contains(lessons.lessonIDs[$0]) }.prefix(3)
            return FocusView(
                label: label(kpi), why: "\(text(figures.actual[focus.kpi])) · \(reference) \(text(focus.reference))",
                lessons: open.map { LinkView(title: lessons.documents[$0].title, url: site.url(lessons.documents[$0].document.url)) })
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
            format: { [format] in format.value($0, unit: .count) })
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

/// Recognition on the team dashboard: the wins wall and records.
extension PerformancePlanner {
    /// Deals won in the 7 days up to the as-of date (this week) and from the first of its month (this month), the ten
    /// largest of each.
    func winsWall(_ asOf: Day) -> (week: [DealRowView], month: [DealRowView]) {
        let monthStart = Day(year: asOf.year, month: asOf.month, day: 1)
        return (wins(limit: 10) { asOf.ordinal - $0.ordinal < 7 }, wins(limit: 10) { $0 >= monthStart })
    }

    /// The largest deal won in the quarter containing the as-of date (up to it), and the most improved rep: the largest
    /// rise in revenue against the previous period of the dashboard's kind (like for like while it is under way).
    func records(_ asOf: Day) -> [RecordView] {
        var records: [RecordView] = []
        if let q = periodIndex(.quarter, containing: asOf.monthNumber), let deal = largestWins(in: board.periods[q], limit: 1).first {
            records.append(
                RecordView(
                    title: "\(labels["largestDeal"]), \(format.period(board.periods[q], calendar: board.calendar))",
                    value: "\(deal.amount) · \(deal.account)", name: deal.rep, url: deal.repURL))
        }
        let rises = board.reps.indices.compactMap { index -> (index: Int, rise: Double)? in
            guard let revenue, let rise = board.reps[index].periods[current].change[revenue], rise > 0 else { return nil }
            return (index, rise)
        }
        let names = data.team.reps
        if let best = rises.min(by: { ($1.rise, names[$0.index].name) < ($0.rise, names[$1.index].name) }) {
            let figures = board.reps[best.index].periods[current]
            records.append(
                RecordView(
                    title: labels["mostImproved"],
                    value: changeText(best.rise, against: figures.period.previous, partial: figures.partial, unit: .currency) ?? "",
                    name: names[best.index].name, url: repURL(names[best.index].id)))
        }
        return records
    }
}
