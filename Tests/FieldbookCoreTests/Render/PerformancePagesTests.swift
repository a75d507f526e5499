import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookMarkdown
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct PerformancePagesTests {
    static let example = Pipeline.render(BuildOptions(portal: Repository.root.path))

    private func api(_ path: String) throws -> [String: Any] {
        let text = try #require(Self.example.page(path))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The (rank, rep id) of each row of a page's reps table, in page order.
    private func rankedRows(_ path: String) throws -> [(rank: Int, rep: String)] {
        let page = try #require(Self.example.page(path), "no \(path)")
        return page.matches(of: /<tr><td>([0-9]+)<\/td><th scope="row"><a href="\/reps\/([a-z0-9-]+)\/">/).compactMap { match in
            Int(match.1).map { ($0, String(match.2)) }
        }
    }

    /// The reps table's headings on each page: a region's page leaves out the region and a manager's page the manager
    /// (the same on every row); the figures come before both.
    @Test func repsTablesLeaveOutWhatIsTheSameOnEveryRow() throws {
        func headings(_ path: String) throws -> [String] {
            let page = try #require(Self.example.page(path), "no \(path)")
            let table = try #require(page.firstMatch(of: /<table class="sortable rep-table">[\s\S]*?<\/thead>/)).output
            return table.matches(of: /<th scope="col"[^>]*>([^<]*)<\/th>/).map { String($0.1) }
        }
        let all = ["Rank", "Rep", "Revenue", "Target", "Attainment", "Status", "Win rate", "Trend", "Region", "Manager"]
        #expect(try headings("index.html") == all)
        #expect(try headings("reps/index.html") == all)
        #expect(try headings("regions/apac/index.html") == all.filter { $0 != "Region" })
        #expect(try headings("managers/li-na/index.html") == all.filter { $0 != "Manager" })
    }

    /// Every page kind that shows a rank shows the one it means, from the API's figures for the headline period (the
    /// quarter of the as-of date), and lists its rows in that order: the dashboard's and the reps page's rank in the
    /// team, a region page's rank in the region, a manager page's rank among that manager's reps (1 + how many of
    /// them earned more), a scorecard's rank in region and team.
    @Test func ranksMeanWhatThePageMeans() throws {
        let team = try api("api/team.json")
        let ids = try #require(team["reps"] as? [String])
        var reps: [String: (region: String, manager: String?, revenue: Double, inRegion: Int, inTeam: Int)] = [:]
        let quarter = try #require((team["periods"] as? [[String: Any]])?.last { $0["kind"] as? String == "quarter" }?["period"] as? String)
        for id in ids {
            let file = try api("api/reps/\(id).json")
            let period = try #require((file["periods"] as? [[String: Any]])?.first { $0["period"] as? String == quarter })
            reps[id] = (
                file["region"] as? String ?? "", file["manager"] as? String, period["revenue"] as? Double ?? 0,
                period["rank_in_region"] as? Int ?? 0, period["rank_in_team"] as? Int ?? 0
            )
        }
        func check(_ path: String, count: Int, rank: (String) -> Int) throws {
            let rows = try rankedRows(path)
            #expect(rows.count == count, "\(path)")
            #expect(rows.map(\.rank) == rows.map(\.rank).sorted(), "\(path) is not in rank order")
            for row in rows { #expect(row.rank == rank(row.rep), "\(path): \(row.rep)") }
        }
        try check("index.html", count: 10) { reps[$0]?.inTeam ?? 0 }
        try check("reps/index.html", count: ids.count) { reps[$0]?.inTeam ?? 0 }
        for region in Set(reps.values.map(\.region)) {
            try check("regions/\(region)/index.html", count: reps.values.count { $0.region == region }) { reps[$0]?.inRegion ?? 0 }
        }
        for manager in Set(reps.values.compactMap(\.manager)) {
            let members = reps.values.filter { $0.manager == manager }
            try check("managers/\(manager)/index.html", count: members.count) { id in
                1 + members.count { $0.revenue > reps[id]?.revenue ?? 0 }
            }
        }
        let scorecard = try #require(Self.example.page("reps/ines-costa/index.html"))
        let ines = try #require(reps["ines-costa"])
        #expect(scorecard.contains("<dt>Rank in region</dt><dd>\(ines.inRegion)</dd>"))
        #expect(scorecard.contains("<dt>Rank in team</dt><dd>\(ines.inTeam) / \(ids.count)</dd>"))
    }

    /// Without revenue targets nobody can be behind on one, and the dashboard says so rather than "no rep is behind".
    @Test func withoutTargetsTheDashboardSaysSo() throws {
        var files = SmallTeam.files.filter { $0.key != "targets.json" }.reduce(into: [String: String]()) { $0["content/data/\($1.key)"] = $1.value }
        files["fieldbook.json"] = #"{"title": "T", "asOf": "2024-05-15", "pipeline": {"stages": {"proposal": 0, "engaging": 0}}}"#
        let page = try #require(renderPortal(files).page("index.html"))
        #expect(page.contains("No rep has a revenue target for this period, so nobody can be behind on one."))
        #expect(!page.contains("No rep is behind on revenue."))
        #expect(try #require(Self.example.page("index.html")).contains("No rep has a revenue target") == false)
    }

    /// A group's target summed from some of its reps' targets is measured against all their results: its card says
    /// how many reps have one (Q2 2024: only Bob's year target reaches Q2; the north region is Ann and Bob).
    @Test func groupCardsSayHowManyRepsHaveATarget() throws {
        var files = SmallTeam.files.reduce(into: [String: String]()) { $0["content/data/\($1.key)"] = $1.value }
        files["fieldbook.json"] = #"{"title": "T", "asOf": "2024-05-15", "pipeline": {"stages": {"proposal": 0, "engaging": 0}}}"#
        let portal = renderPortal(files)
        #expect(try #require(portal.page("index.html")).contains(#"<p class="kpi-note">1 of 3 reps has a target</p>"#))
        #expect(try #require(portal.page("regions/north/index.html")).contains(#"<p class="kpi-note">1 of 2 reps has a target</p>"#))
        #expect(try #require(portal.page("reps/bob/index.html")).contains("reps has a target") == false)
        // A region with a target of its own says nothing of its reps' targets.
        files["content/data/targets.json"] =
            #"[{"region": "north", "period": "2024-Q2", "revenue": 9000}, {"rep": "bob", "period": "2024", "revenue": 12000}]"#
        #expect(try #require(renderPortal(files).page("regions/north/index.html")).contains("kpi-note") == false)
    }

    /// A pipeline card says what its sum leaves out (open deals without an amount) and what it estimates.
    @Test func pipelineCardsSayWhatTheyLeaveOutAndEstimate() throws {
        let files = [
            "fieldbook.json":
                #"{"title": "T", "asOf": "2024-05-15", "pipeline": {"stages": {"proposal": 0.5}}, "dashboard": {"cards": ["pipeline", "revenue"]}}"#,
            "content/data/team.json": #"{"regions": [{"id": "n", "name": "N"}], "reps": [{"id": "ann", "name": "Ann", "region": "n"}]}"#,
            "content/data/deals.json": #"""
            [{"id": "1", "rep": "ann", "stage": "proposal", "created": "2024-05-01"},
             {"id": "2", "rep": "ann", "stage": "proposal", "amount": 500, "amount_estimated": true, "created": "2024-05-01"},
             {"id": "3", "rep": "ann", "stage": "proposal", "amount": 700, "amount_estimated": true, "created": "2024-05-01"},
             {"id": "4", "rep": "ann", "stage": "won", "amount": 90, "created": "2024-05-10", "closed": "2024-05-12"}]
            """#,
        ]
        let portal = renderPortal(files)
        #expect(portal.messages == [])
        for page in ["index.html", "regions/n/index.html", "reps/ann/index.html"] {
            let html = try #require(portal.page(page))
            #expect(html.contains(#"<p class="kpi-note">1 open deal without an amount, left out; 2 open deals valued at list price</p>"#), "\(page)")
            #expect(html.components(separatedBy: "kpi-note").count == 2, "\(page): only the pipeline card has a note")
            if page.hasPrefix("reps/") { #expect(html.contains("$700 (list price)")) }  // an estimate says so in the open deals
        }
    }

    /// Every scorecard's headline revenue and the reps table equal the JSON API's figures, formatted.
    @Test func scorecardFiguresEqualTheAPI() throws {
        #expect(Self.example.messages == [])
        let format = FigureFormatter(locale: .english, currency: "USD")
        let team = try api("api/team.json")
        let reps = try #require(team["reps"] as? [String])
        #expect(reps.count == 12)
        let table = try #require(Self.example.page("reps/index.html"))
        for rep in reps {
            let periods = try #require(try api("api/reps/\(rep).json")["periods"] as? [[String: Any]])
            let quarter = try #require(periods.first { $0["period"] as? String == "2026-Q4" })
            let revenue = try #require(quarter["revenue"] as? Double)
            let page = try #require(Self.example.page("reps/\(rep)/index.html"))
            #expect(
                page.contains(
                    "<h3>Revenue</h3>\n    <p class=\"kpi-value\"><a href=\"/reps/\(rep)/#won\">\(format.money(revenue, compact: true))</a></p>"
                ),
                "\(rep)")
            #expect(table.contains("data-value=\"\(JSONOutput.format(revenue, decimals: 2))\">\(format.money(revenue))</td>"), "\(rep)")
            if let attainment = quarter["revenue_attainment"] as? Double {
                #expect(page.contains("<dd>\(format.percent(attainment))</dd>"), "\(rep)")
            }
        }
        let dashboard = try #require(Self.example.page("index.html"))
        let teamQuarter = try #require((team["periods"] as? [[String: Any]])?.first { $0["period"] as? String == "2026-Q4" })
        #expect(
            dashboard.contains(
                "<p class=\"kpi-value\"><a href=\"/deals/#won\">\(format.money(try #require(teamQuarter["revenue"] as? Double), compact: true))</a></p>"
            ))
        #expect(dashboard.contains("Data as of 20 Nov 2026 · <span class=\"period-name\">Q4 2026 (so far)</span>"))
    }

    @Test func privateScorecardsAreBuiltButHidden() throws {
        var files = SmallTeam.files.reduce(into: [String: String]()) { $0["content/data/\($1.key)"] = $1.value }
        files["fieldbook.json"] =
            #"{"title": "T", "asOf": "2024-05-15", "scorecards": {"public": false}, "pipeline": {"stages": {"proposal": 0, "engaging": 0}}}"#
        let portal = renderPortal(files)
        #expect(portal.messages == [])
        let scorecard = try #require(portal.page("reps/ann/index.html"))
        #expect(scorecard.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(try #require(portal.page("managers/mia/index.html")).contains("noindex"))
        #expect(try #require(portal.page("reps/index.html")).contains("noindex"))
        let dashboard = try #require(portal.page("index.html"))
        #expect(!dashboard.contains("noindex"))
        #expect(!dashboard.contains("/reps/"))
        #expect(!dashboard.contains("/managers/"))
        #expect(!(try #require(portal.page("regions/north/index.html"))).contains("/managers/"))
        let sitemap = try #require(portal.page("sitemap.xml"))
        #expect(!sitemap.contains("/reps/"))
        #expect(!sitemap.contains("/managers/"))
        #expect(sitemap.contains("<loc>/regions/north/</loc>"))
    }

    @Test func unknownCardKPIsAreErrors() {
        var files = SmallTeam.files.reduce(into: [String: String]()) { $0["content/data/\($1.key)"] = $1.value }
        files["fieldbook.json"] =
            #"{"title": "T", "dashboard": {"cards": ["revenue", "revenu"]}, "pipeline": {"stages": {"proposal": 0, "engaging": 0}}}"#
        #expect(renderPortal(files).messages == [#"fieldbook.json:1:1: error: dashboard.cards: unknown KPI "revenu""#])
    }

    /// With more courses than `allCoursesUpTo`, a scorecard lists only the courses the rep has started; it recommends
    /// at most `recommendedLimit` lessons, the first in library order, and lists at most `scorecardPlaybookLimit`
    /// playbooks (the region's page lists them all).
    @Test func largeLibrariesKeepScorecardsShort() throws {
        var files = SmallTeam.files.reduce(into: [String: String]()) { $0["content/data/\($1.key)"] = $1.value }
        files["fieldbook.json"] = #"{"title": "T", "asOf": "2024-05-15", "pipeline": {"stages": {"proposal": 0, "engaging": 0}}}"#
        files["content/data/targets.json"] = #"[{"rep": "ann", "period": "2024-Q2", "revenue": 100000}]"#
        files["content/data/training.json"] = #"[{"rep": "ann", "lesson": "c03/lesson-03", "completed": "2024-05-01"}]"#
        for course in 0..<(PerformancePlanner.allCoursesUpTo + 2) {
            let name = String(format: "%02d", course)
            files["content/training/c\(name)/01-lesson-\(name).md"] = "{\"kpis\": [\"revenue\"]}\n# Lesson \(name)\n"
        }
        for playbook in 0..<12 { files[String(format: "content/playbooks/global/playbook-%02d.md", playbook)] = "# Playbook \(playbook)\n" }
        files["content/playbooks/global/index.md"] =
            "# Global\n\n" + (0..<12).map { String(format: "[%d](playbook-%02d.md) ", $0, $0) }.joined() + "\n"
        let portal = renderPortal(files)
        #expect(portal.messages == [])
        let ann = try #require(portal.page("reps/ann/index.html"))
        let playbookLink = "<a href=\"/library/playbooks/global/playbook-"
        #expect(ann.components(separatedBy: playbookLink).count - 1 == PerformancePlanner.scorecardPlaybookLimit)
        #expect(try #require(portal.page("regions/north/index.html")).components(separatedBy: playbookLink).count - 1 == 12)
        #expect(ann.components(separatedBy: "<title id=\"training-c").count - 1 == 1)
        #expect(ann.contains("<span>1 / 1</span>"))
        // Behind on revenue: lessons 00 to 11 are recommended but 03 (done), capped at ten.
        let recommended = try #require(ann.components(separatedBy: "recommended-title").last?.components(separatedBy: "</ul>").first)
        let expected = [0, 1, 2, 4, 5, 6, 7, 8, 9, 10].map { String(format: "Lesson %02d", $0) }
        #expect(recommended.components(separatedBy: "</a></li>").dropLast().map { $0.components(separatedBy: "\">").last! } == expected)
        #expect(!(try #require(portal.page("reps/bob/index.html"))).contains("progress-list"))
    }

    @Test func withoutDataTheHomePageIsTheLibrary() {
        let portal = renderPortal(["content/training/a/01-x.md": "# X\n"])
        #expect(portal.page("index.html")?.contains("<h1>Test Portal</h1>") == true)
        #expect(portal.page("reps/index.html") == nil)
    }
}
