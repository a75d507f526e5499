import FieldbookAnalyze
import FieldbookModel

/// The performance pages, one function per page kind. Team, region and manager pages exist for the current period
/// (`/`, `/regions/<id>/`, `/managers/<id>/`) and for every period in the data (`At`).
extension PerformancePlanner {
    /// The team dashboard: the team's figures, the leaderboard, reps at risk, wins and regions. `rows` are every
    /// rep's rows for the period when made already (the current period's), else each list makes the rows it shows.
    func dashboardView(_ asOf: Day, _ at: At, rows: [RepRowView]?, recent: [DocumentSummaryView]) -> DashboardView {
        let p = at.index
        let wall = at.isLatest ? winsWall(asOf) : nil
        var view = DashboardView(
            header: header(site.config.title, labels["dashboard"], asOf: asOf, current: p, periods: periodNav(at, url: teamURL)),
            figures: figures(
                board.team, p, members: Array(board.reps.indices), trendID: "team-trend", latest: at.isLatest,
                deals: site.url((at.isLatest ? "" : teamPath(p)) + "deals/")),
            distribution: distribution(Array(board.reps.indices), p, id: "team-distribution"), regionRows: regionRows(p, at: at),
            pipeline: at.isLatest ? pipeline(board.team, members: Array(board.reps.indices)) : nil,
            attainmentChart: regionAttainment(p),
            reps: ranked(board.reps.indices.map { ($0, board.reps[$0].periods[p].rankInTeam) }, p, rows: rows, limit: 10),
            fullTable: at.isLatest, atRisk: atRisk(p, rows: rows),
            wins: at.isLatest ? [] : largestWins(in: board.periods[p]),
            winsTitle: labels[at.isLatest ? "winsWall" : "largestWins"],
            wallWeek: wall?.week, wallMonth: wall?.month ?? [],
            records: at.isLatest ? records(asOf) : [],
            recent: at.isLatest ? recent : [],
            people: board.regions.map { LinkView(title: $0.name, url: regionURL($0.id, at)) },
            revenueTargetsSet: revenue.map { revenue in board.reps.contains { $0.periods[p].target[revenue] != nil } } ?? false,
            report: LinkView(title: reportTitle(p), url: site.url(reportPath(p))))
        view.listsDeals = listsDeals
        if site.config.access.encrypted {
            // Open pages of an encrypted portal: aggregates only; names with figures are in the private pages.
            (view.namesReps, view.reps, view.atRisk, view.wins, view.wallWeek, view.wallMonth, view.records) = (false, [], [], [], nil, [], [])
        }
        return view
    }

    /// Every rep at `/reps/`, by rank in the team.
    func repListPage(_ asOf: Day, _ current: Int, teamRows: [RepRowView]) -> Page {
        let view = RepListView(
            header: header(labels["reps"], "", asOf: asOf, current: current),
            reps: ranked(board.reps.indices.map { ($0, board.reps[$0].periods[current].rankInTeam) }, current, rows: teamRows))
        return page("reps/", "reps", title: labels["reps"], crumbs: [home], p: current, private: isPrivate, view: view)
    }

    /// Region `r`'s page: its figures, its reps ranked in the region, its managers and playbooks.
    func regionView(_ asOf: Day, _ at: At, _ r: Int, rows: [RepRowView]?, lessons: LessonLookup) -> RegionPageView {
        let (team, p) = (data.team, at.index)
        let region = team.regions[r]
        let members = regionMembers[region.id] ?? []
        let managersHere = Set(members.compactMap { team.manager(of: team.reps[$0]) })
        return RegionPageView(
            header: header(region.name, labels["region"], asOf: asOf, current: p, periods: periodNav(at) { regionURL(region.id, $0) }),
            figures: figures(
                board.regions[r], p, members: members, trendID: "region-trend", latest: at.isLatest,
                deals: site.url(entityPath("regions", region.id, at) + "deals/")),
            distribution: distribution(members, p, id: "region-distribution"),
            pipeline: at.isLatest ? pipeline(board.regions[r], members: members) : nil,
            reps: ranked(members.map { ($0, board.reps[$0].periods[p].rankInRegion) }, p, rows: rows), fullTable: at.isLatest,
            playbooks: lessons.playbooks(for: region.id),
            people: team.managers.filter { managersHere.contains($0.id) }.map { LinkView(title: $0.name, url: managerURL($0.id, at) ?? "") })
    }

    /// Manager `m`'s page: their reps' figures, and their reps ranked among themselves, the people the page is about.
    func managerView(_ asOf: Day, _ at: At, _ m: Int, rows: [RepRowView]?) -> ManagerPageView {
        let (manager, p) = (data.team.managers[m], at.index)
        let members = managerMembers[manager.id] ?? []
        let ranks = KPICalculator.competitionRanks(members.map { revenue(of: board.reps[$0].periods[p]) ?? 0 })
        return ManagerPageView(
            header: header(
                manager.name, labels["manager"], asOf: asOf, current: p, periods: periodNav(at) { site.url(entityPath("managers", manager.id, $0)) }),
            figures: figures(
                board.managers[m], p, members: members, trendID: "manager-trend", latest: at.isLatest,
                deals: site.url(entityPath("managers", manager.id, at) + "deals/")),
            pipeline: at.isLatest ? pipeline(board.managers[m], members: members) : nil,
            reps: ranked(Array(zip(members, ranks.map(Optional.some))), p, rows: rows), fullTable: at.isLatest)
    }

    /// The team's, every region's and every manager's page for one period, each with its deals page; `rows` as
    /// `dashboardView` takes them. Every view is made when its page is rendered (`Page(deferred:)`): there are
    /// thousands, and rendering runs on every core.
    func entityPages(_ asOf: Day, _ at: At, rows: [RepRowView]?, recent: [DocumentSummaryView], lessons: LessonLookup) -> [Page] {
        let team = data.team
        func make(
            _ path: String, _ template: String, _ name: String, _ crumbs: [LinkView], private: Bool,
            _ view: @escaping @Sendable () -> any TemplateView
        ) -> Page {
            // Made when rendered, on every core, like the rest: planning waits for none of them.
            Page(
                outputPath: path + "index.html", template: template,
                meta: meta(path, title: title(name, at), crumbs: crumbs, p: at.index, private: `private`),
                deferred: view)
        }
        func deals(_ path: String, _ name: String, members: [Int], private: Bool, nav: @escaping @Sendable (At) -> String) -> Page {
            dealsPage(
                asOf, at,
                DealsPage(
                    path: path + "deals/", back: LinkView(title: title(name, at), url: site.url(path)), members: members,
                    rows: { members.map { (team.reps[$0].name, repURL(team.reps[$0].id), board.reps[$0]) } }, rowsTitle: labels["byRep"], nav: nav,
                    isPrivate: `private`))
        }
        let teamPath = at.isLatest ? "" : teamPath(at.index)
        var pages = [
            make(teamPath, "dashboard", site.config.title, at.isLatest ? [] : [home], private: false) {
                dashboardView(asOf, at, rows: rows, recent: recent)
            },
            dealsPage(
                asOf, at,
                DealsPage(
                    path: teamPath + "deals/", back: LinkView(title: title(site.config.title, at), url: site.url(teamPath)),
                    members: Array(board.reps.indices),
                    rows: { team.regions.indices.map { (team.regions[$0].name, regionURL(team.regions[$0].id, at), board.regions[$0]) } },
                    rowsTitle: labels["byRegion"], nav: { site.url(($0.isLatest ? "" : self.teamPath($0.index)) + "deals/") }, isPrivate: false)),
        ]
        for r in team.regions.indices {
            let (id, name, members) = (team.regions[r].id, team.regions[r].name, regionMembers[team.regions[r].id] ?? [])
            pages.append(
                make(entityPath("regions", id, at), "region", name, crumbs(at, "regions", id, name), private: false) {
                    regionView(asOf, at, r, rows: rows, lessons: lessons)
                })
            pages.append(
                deals(entityPath("regions", id, at), name, members: members, private: false) { site.url(entityPath("regions", id, $0) + "deals/") })
        }
        for m in team.managers.indices {
            let (id, name, members) = (team.managers[m].id, team.managers[m].name, managerMembers[team.managers[m].id] ?? [])
            pages.append(
                make(entityPath("managers", id, at), "manager", name, crumbs(at, "managers", id, name), private: isPrivate) {
                    managerView(asOf, at, m, rows: rows)
                })
            pages.append(
                deals(entityPath("managers", id, at), name, members: members, private: isPrivate) {
                    site.url(entityPath("managers", id, $0) + "deals/")
                })
        }
        return pages
    }

    /// A scorecard per rep, planned on every core: they are most of the pages, and each is its rep's alone.
    func scorecardPages(_ asOf: Day, _ current: Int, lessons: LessonLookup) -> [Page] {
        let regionNames = Dictionary(data.team.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let managerNames = Dictionary(data.team.managers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let crumbs = [home] + (isPrivate ? [] : [LinkView(title: labels["reps"], url: site.url("reps/"))])
        let medians = medians(current)
        return parallelMap(Array(data.team.reps.enumerated())) { index, rep in
            let period = board.reps[index].periods[current]
            let periods = scorecardPeriods(of: rep)
            // The deals behind the cards, on the scorecard itself: its open deals (with their age) are the open list.
            let lists = dealLists(asOf, current, members: [index])
            var view = ScorecardView(
                header: header(rep.name, rep.title ?? labels["rep"], asOf: asOf, current: current, periods: periods.nav),
                periodSwitch: periods.switch,
                figures: figures(
                    board.reps[index], current, members: [index], trendID: "rep-trend", bullets: true, deals: site.url("reps/\(rep.id)/")),
                focus: focus(of: index, current, medians: medians.regions[rep.region] ?? [], lessons: lessons),
                comparison: comparison(of: index, current, medians: medians), pipeline: pipeline(board.reps[index], members: [index]),
                openDeals: openDeals(of: rep.id), openDealsSummary: lists.first { $0.id == "open" }?.summary,
                openDealsNote: openDealsNote(of: rep.id, index: index),
                lists: lists.filter { $0.id != "open" }.map {
                    var list = $0; list.showRep = false; return list
                },
                toDiscuss: fromRollups ? [] : openDeals(of: rep.id, toDiscuss: true),
                progress: progress(of: rep.id, lessons: lessons),
                recommended: recommended(for: index, current: current, lessons: lessons),
                playbooks: Array(lessons.playbooks(for: rep.region).prefix(Self.scorecardPlaybookLimit)),
                facts: [
                    FactView(term: labels["region"], value: regionNames[rep.region] ?? rep.region),
                    FactView(term: labels["manager"], value: data.team.manager(of: rep).flatMap { managerNames[$0] } ?? "–"),
                    FactView(term: labels["rankInRegion"], value: period.rankInRegion.map { "\($0)" } ?? "–"),
                    FactView(term: labels["rankInTeam"], value: period.rankInTeam.map { "\($0) / \(data.team.reps.count)" } ?? "–"),
                ])
            view.listsDeals = listsDeals
            return page("reps/\(rep.id)/", "scorecard", title: rep.name, crumbs: crumbs, p: current, private: isPrivate, view: view)
        }
    }
}
