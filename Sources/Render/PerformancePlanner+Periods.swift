import FieldbookModel

/// Pages for every period: where each lives, and how a page links to the periods around it.
extension PerformancePlanner {
    /// The period a team, region or manager page shows (an index into `board.periods`), and whether it is the
    /// entity's main page (`/`, `/regions/<id>/`: the current period) or its page for that period.
    struct At {
        var index: Int
        var isLatest: Bool
    }

    func teamPath(_ p: Int) -> String { "team/\(board.calendar.label(board.periods[p]))/" }
    func teamURL(_ at: At) -> String { site.url(at.isLatest ? "" : teamPath(at.index)) }

    func entityPath(_ folder: String, _ id: String, _ at: At) -> String {
        at.isLatest ? "\(folder)/\(id)/" : "\(folder)/\(id)/\(board.calendar.label(board.periods[at.index]))/"
    }

    func regionURL(_ id: String, _ at: At) -> String { site.url(entityPath("regions", id, at)) }

    /// A manager's page, or nil when scorecards are private (then nothing outside manager pages links to them).
    func managerURL(_ id: String, _ at: At) -> String? { settings.scorecardsPublic ? site.url(entityPath("managers", id, at)) : nil }

    /// "EMEA · Q3 2017" for a period page; the entity's name on its main page.
    func title(_ name: String, _ at: At) -> String {
        at.isLatest ? name : "\(name) · \(format.period(board.periods[at.index], calendar: board.calendar))"
    }

    /// Home, and on a period page the entity's main page.
    func crumbs(_ at: At, _ folder: String, _ id: String, _ name: String) -> [LinkView] {
        at.isLatest ? [home] : [home, LinkView(title: name, url: site.url(entityPath(folder, id, At(index: at.index, isLatest: true))))]
    }

    /// The previous and next period of the page's kind, its main page, the year to date, and every period by fiscal
    /// year, newest first; `url` gives the page of the same entity for another period. `switchable` links carry the
    /// period's API label and name for a scorecard's script.
    func periodNav(_ at: At, switchable: Bool = false, url: (At) -> String) -> PeriodNavView {
        let period = board.periods[at.index]
        func link(_ p: Int) -> LinkView {
            LinkView(title: format.period(board.periods[p], calendar: board.calendar), url: url(At(index: p, isLatest: false)))
        }
        func entry(_ p: Int, title: String? = nil) -> PeriodLinkView {
            PeriodLinkView(
                title: title ?? format.shortPeriod(board.periods[p], calendar: board.calendar), url: url(At(index: p, isLatest: false)),
                current: p == at.index, period: switchable ? board.calendar.label(board.periods[p]) : nil, name: switchable ? periodName(p) : nil)
        }
        let years = board.periods.indices.filter { board.periods[$0].kind == .year }.reversed().map { y in
            let inYear = board.periods.indices.filter {
                board.periods[$0].kind != .year && board.periods[y].contains(month: board.periods[$0].firstMonth)
            }
            return PeriodYearView(
                year: entry(y), quarters: inYear.filter { board.periods[$0].kind == .quarter }.map { entry($0) },
                months: inYear.filter { board.periods[$0].kind == .month }.map { entry($0) })
        }
        let yearToDate = board.asOf.flatMap { periodIndex(.year, containing: $0.monthNumber) }.map { y in
            var link = entry(y, title: labels["yearToDate"])
            link.current = y == at.index && !at.isLatest
            return link
        }
        return PeriodNavView(
            previous: periodIndices[period.previous].map(link), next: periodIndices[period.next].map(link),
            latest: at.isLatest ? nil : LinkView(title: labels["latestPeriod"], url: url(At(index: current, isLatest: true))),
            yearToDate: yearToDate, years: years)
    }

    /// A scorecard's period picker: every period, each leading to the rep's manager's (else region's) page for it,
    /// where the rep's row has that period's figures; with JavaScript the scorecard switches in place instead.
    func scorecardPeriods(of rep: Rep) -> (nav: PeriodNavView, switch: PeriodSwitchView) {
        let folder = data.team.manager(of: rep).map { ("managers", $0) } ?? ("regions", rep.region)
        var nav = periodNav(At(index: current, isLatest: true), switchable: true) { site.url(entityPath(folder.0, folder.1, $0)) }
        (nav.previous, nav.next, nav.latest) = (nil, nil, nil)
        let view = PeriodSwitchView(
            api: site.url("api/reps/\(rep.id).json"), current: board.calendar.label(board.periods[current]),
            locale: site.config.locale.rawValue, symbol: format.currencySymbol)
        return (nav, view)
    }

    /// The `limit` largest deals won in a period (up to the as-of date), largest first.
    func largestWins(in period: Period, limit: Int = 5) -> [DealRowView] {
        wins(limit: limit) { closed in closed >= period.firstDay && closed <= period.lastDay }
    }
}
