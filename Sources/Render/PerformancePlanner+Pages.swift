import FieldbookAnalyze
import FieldbookModel

/// The performance pages, one function per page kind. Team, region and manager pages exist for the current period
/// (`/`, `/regions/<id>/`, `/managers/<id>/`) and for every period in the data (`At.period`).
extension PerformancePlanner {
    /// The team dashboard: the team's figures, the leaderboard, reps at risk, wins and regions.
    func dashboardPage(_ asOf: Day, _ at: At, rows: [RepRowView], recent: [DocumentSummaryView]) -> Page {
        let p = at.index
        let view = DashboardView(
            header: header(site.config.title, labels["dashboard"], asOf: asOf, current: p, periods: periodNav(at, url: teamURL)),
            figures: figures(board.team, p, members: Array(board.reps.indices), trendID: "team-trend", latest: at.isLatest),
            attainmentChart: regionAttainment(p),
            reps: byRank(board.reps.indices.map { ($0, board.reps[$0].periods[p].rankInTeam) }, rows, limit: 10),
            fullTable: at.isLatest, atRisk: atRisk(rows),
            wins: at.isLatest ? recentWins(asOf) : largestWins(in: board.periods[p], asOf: asOf),
            winsTitle: labels[at.isLatest ? "recentWins" : "largestWins"], noWins: labels[at.isLatest ? "noWins" : "noWinsInPeriod"],
            recent: at.isLatest ? recent : [],
            people: board.regions.map { LinkView(title: $0.name, url: regionURL($0.id, at)) },
            revenueTargetsSet: revenue.map { revenue in board.reps.contains { $0.periods[p].target[revenue] != nil } } ?? false)
        return page(
            at.isLatest ? "" : teamPath(p), "dashboard", title: title(site.config.title, at), crumbs: at.isLatest ? [] : [home], view: view,
            period: view.header.periodName, private: false)
    }

    /// Every rep at `/reps/`, by rank in the team.
    func repListPage(_ asOf: Day, _ current: Int, teamRows: [RepRowView]) -> Page {
        let view = RepListView(
            header: header(labels["reps"], "", asOf: asOf, current: current),
            reps: byRank(board.reps.indices.map { ($0, board.reps[$0].periods[current].rankInTeam) }, teamRows))
        return page("reps/", "reps", title: labels["reps"], crumbs: [home], view: view, period: view.header.periodName, private: isPrivate)
    }

    /// A page per region: its figures, its reps ranked in the region, its managers and playbooks.
    func regionPages(_ asOf: Day, _ at: At, rows: [RepRowView], lessons: LessonLookup) -> [Page] {
        let (team, p) = (data.team, at.index)
        let managerOf = team.reps.map { team.manager(of: $0) }
        return zip(team.regions, board.regions).map { region, entity in
            let members = regionMembers[region.id] ?? []
            let managersHere = Set(members.compactMap { managerOf[$0] })
            let view = RegionPageView(
                header: header(region.name, labels["region"], asOf: asOf, current: p, periods: periodNav(at) { regionURL(region.id, $0) }),
                figures: figures(entity, p, members: members, trendID: "region-trend", latest: at.isLatest),
                reps: byRank(members.map { ($0, board.reps[$0].periods[p].rankInRegion) }, rows), fullTable: at.isLatest,
                playbooks: lessons.playbooks(for: region.id),
                people: team.managers.filter { managersHere.contains($0.id) }.map { LinkView(title: $0.name, url: managerURL($0.id, at) ?? "") })
            return page(
                entityPath("regions", region.id, at), "region", title: title(region.name, at), crumbs: crumbs(at, "regions", region.id, region.name),
                view: view, period: view.header.periodName, private: false)
        }
    }

    /// A page per manager: their reps' figures, and their reps ranked among themselves, the people the page is about.
    func managerPages(_ asOf: Day, _ at: At, rows: [RepRowView]) -> [Page] {
        let p = at.index
        return zip(data.team.managers, board.managers).map { manager, entity in
            let members = managerMembers[manager.id] ?? []
            let ranks = KPICalculator.competitionRanks(members.map { revenue(of: board.reps[$0].periods[p]) ?? 0 })
            let view = ManagerPageView(
                header: header(
                    manager.name, labels["manager"], asOf: asOf, current: p,
                    periods: periodNav(at) { site.url(entityPath("managers", manager.id, $0)) }),
                figures: figures(entity, p, members: members, trendID: "manager-trend", latest: at.isLatest),
                reps: byRank(Array(zip(members, ranks.map(Optional.some))), rows), fullTable: at.isLatest)
            return page(
                entityPath("managers", manager.id, at), "manager", title: title(manager.name, at),
                crumbs: crumbs(at, "managers", manager.id, manager.name), view: view, period: view.header.periodName, private: isPrivate)
        }
    }

    /// A scorecard per rep, planned on every core: they are most of the pages, and each is its rep's alone.
    func scorecardPages(_ asOf: Day, _ current: Int, lessons: LessonLookup) -> [Page] {
        let regionNames = Dictionary(data.team.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let managerNames = Dictionary(data.team.managers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let crumbs = [home] + (isPrivate ? [] : [LinkView(title: labels["reps"], url: site.url("reps/"))])
        return parallelMap(Array(data.team.reps.enumerated())) { index, rep in
            let period = board.reps[index].periods[current]
            let periods = scorecardPeriods(of: rep)
            let view = ScorecardView(
                header: header(rep.name, rep.title ?? labels["rep"], asOf: asOf, current: current, periods: periods.nav),
                periodSwitch: periods.switch,
                figures: figures(board.reps[index], current, members: [index], trendID: "rep-trend", bullets: true),
                openDeals: openDeals(of: rep.id), progress: progress(of: rep.id, lessons: lessons),
                recommended: recommended(for: index, current: current, lessons: lessons),
                playbooks: Array(lessons.playbooks(for: rep.region).prefix(Self.scorecardPlaybookLimit)),
                facts: [
                    FactView(term: labels["region"], value: regionNames[rep.region] ?? rep.region),
                    FactView(term: labels["manager"], value: data.team.manager(of: rep).flatMap { managerNames[$0] } ?? "–"),
                    FactView(term: labels["rankInRegion"], value: period.rankInRegion.map { "\($0)" } ?? "–"),
                    FactView(term: labels["rankInTeam"], value: period.rankInTeam.map { "\($0) / \(data.team.reps.count)" } ?? "–"),
                ])
            return page(
                "reps/\(rep.id)/", "scorecard", title: rep.name, crumbs: crumbs, view: view, period: view.header.periodName, private: isPrivate)
        }
    }
}
