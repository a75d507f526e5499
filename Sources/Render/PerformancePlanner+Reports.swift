import FieldbookAnalyze
import FieldbookModel

/// A report for every period at `/reports/<period>/`: the team's key figures and what changed, the regions, who
/// moved, the deals won and the risks, as lists and as plain text to paste into the team's email or chat. Periods
/// that have ended by the as-of date are listed in the feed.
extension PerformancePlanner {
    /// How many reps "Who moved" names each way, and how many wins a report lists.
    static let reportMovers = 3
    static let reportWins = 5

    func reportPath(_ p: Int) -> String { "reports/\(board.calendar.label(board.periods[p]))/" }

    /// Every period's report, made when rendered.
    func reportPages(_ asOf: Day) -> [Page] {
        board.periods.indices.map { p in
            let title = reportTitle(p)
            return Page(
                outputPath: reportPath(p) + "index.html", template: "report",
                meta: meta(reportPath(p), title: title, crumbs: [home], p: p, private: false), deferred: { reportView(asOf, p) })
        }
    }

    /// "Report · Q3 2025".
    func reportTitle(_ p: Int) -> String { "\(labels["report"]) · \(format.period(board.periods[p], calendar: board.calendar))" }

    /// The feed's entries: the report of every month and quarter that ended by the as-of date, dated its last day.
    package func reportFeed() -> [FeedEntry] {
        guard let asOf = board.asOf else { return [] }
        return board.periods.indices.filter { board.periods[$0].kind != .year && board.periods[$0].lastDay <= asOf }.map { p in
            FeedEntry(
                title: "\(site.config.title): \(reportTitle(p))", url: reportPath(p), updated: board.periods[p].lastDay,
                summary: keyFigures(p).map(plain).joined(separator: "; "))
        }
    }

    func reportView(_ asOf: Day, _ p: Int) -> ReportView {
        let sections = [
            ReportSectionView(title: labels["figures"], lines: keyFigures(p)),
            ReportSectionView(title: labels["regions"], lines: regionLines(p)),
            ReportSectionView(title: labels["whoMoved"], lines: movers(p)),
            ReportSectionView(title: labels["dealsWonTitle"], lines: winLines(p)),
            ReportSectionView(title: labels["risks"], lines: risks(asOf, p)),
        ].filter { !$0.lines.isEmpty }
        let name = reportTitle(p)
        let dashboard = LinkView(title: title(labels["dashboard"], At(index: p, isLatest: false)), url: site.url(teamPath(p)))
        var text = ["\(site.config.title) · \(name)", "\(labels["dataAsOf"]) \(format.date(asOf))"]
        for section in sections { text += ["", section.title] + section.lines.map { "- " + plain($0) } }
        if dashboard.url.contains("://") { text += ["", dashboard.url] }
        return ReportView(
            header: header(
                title(site.config.title, At(index: p, isLatest: false)), labels["report"], asOf: asOf, current: p,
                periods: periodNav(At(index: p, isLatest: false)) { site.url(reportPath($0.index)) }),
            dashboard: dashboard, sections: sections, text: text.joined(separator: "\n"))
    }

    /// "Revenue: $1.2M (target $1.5M, 80.0%); +$200K vs Q2 2025" for each card KPI of the team.
    /// KPIs without a figure for the period (a weighted pipeline of the past) are left out.
    func keyFigures(_ p: Int) -> [ReportLineView] {
        cardKPIs.compactMap { k in
            guard board.team.periods[p].actual[k] != nil else { return nil }
            let card = card(board.team, k, p, members: [])
            let target = [card.target.map { "\(labels["target"]) \($0)" }, card.attainment].compactMap { $0 }
            let facts = [card.value + (target.isEmpty ? "" : " (\(target.joined(separator: ", ")))"), card.change, card.yearChange].compactMap { $0 }
            return ReportLineView(lead: card.label, url: nil, text: facts.joined(separator: "; "))
        }
    }

    /// Each region's revenue, attainment, status and change.
    private func regionLines(_ p: Int) -> [ReportLineView] {
        zip(data.team.regions, board.regions).map { region, entity in
            let figures = entity.periods[p]
            let parts = [
                revenue(of: figures).map { format.money($0, compact: true) },
                revenueAttainment(of: figures).map { "\(format.percent($0)) \(labels["ofTarget"])" },
                status(figures, revenue).map(statusText),
                revenue.flatMap { changeText(figures.change[$0], against: figures.period.previous, partial: figures.partial, unit: .currency) },
            ]
            return ReportLineView(
                lead: region.name, url: regionURL(region.id, At(index: p, isLatest: false)), text: parts.compactMap { $0 }.joined(separator: "; "))
        }
    }

    /// The reps whose revenue rose most and fell most against the previous period (like for like while under way).
    private func movers(_ p: Int) -> [ReportLineView] {
        guard let k = revenue else { return [] }
        let changes = board.reps.indices.compactMap { index in board.reps[index].periods[p].change[k].map { (index: index, change: $0) } }
        let names = data.team.reps
        let up = changes.filter { $0.change > 0 }.sorted { ($1.change, names[$0.index].name) < ($0.change, names[$1.index].name) }
        let down = changes.filter { $0.change < 0 }.sorted { ($0.change, names[$0.index].name) < ($1.change, names[$1.index].name) }
        return (up.prefix(Self.reportMovers) + down.prefix(Self.reportMovers)).map { mover in
            let figures = board.reps[mover.index].periods[p]
            let change = changeText(mover.change, against: figures.period.previous, partial: figures.partial, unit: .currency) ?? ""
            return ReportLineView(
                lead: names[mover.index].name, url: repURL(names[mover.index].id),
                text: "\(change) (\(format.money(revenue(of: figures) ?? 0, compact: true)))")
        }
    }

    /// How many deals were won and for how much, then the largest.
    private func winLines(_ p: Int) -> [ReportLineView] {
        let figures = board.team.periods[p]
        guard let won = board.index(of: "deals_won").flatMap({ figures.actual[$0] }), won > 0 else { return [] }
        let total = ReportLineView(
            lead: nil, url: nil,
            text: "\(labels.count(Int(won), "dealCount", written: format.value(won, unit: .count))) · \(format.money(revenue(of: figures) ?? 0))")
        return [total]
            + largestWins(in: board.periods[p], limit: Self.reportWins).map { deal in
                ReportLineView(lead: deal.rep, url: deal.repURL, text: "\(deal.amount) · \(deal.account) · \(deal.date)")
            }
    }

    /// Reps behind or at risk on revenue; for the period under way, the team's stale and slipping deals too (when any).
    private func risks(_ asOf: Day, _ p: Int) -> [ReportLineView] {
        var lines = atRisk(p, rows: nil).map { row in
            ReportLineView(lead: row.name, url: row.url, text: [row.statusText, row.attainment.text].compactMap { $0 }.joined(separator: " · "))
        }
        if board.periods[p].contains(month: asOf.monthNumber), let health = pipeline(board.team, members: Array(board.reps.indices)) {
            lines += health.facts.filter { [labels["staleDeals"], labels["slippingDeals"]].contains($0.term) && !$0.value.hasPrefix("0 ") }.map {
                ReportLineView(lead: $0.term, url: nil, text: $0.value)
            }
        }
        return lines
    }

    /// A line as plain text: "Lead: text" ("Lead：text" in Chinese).
    func plain(_ line: ReportLineView) -> String { line.lead.map { "\($0)\(labels["colon"])\(line.text)" } ?? line.text }
}
