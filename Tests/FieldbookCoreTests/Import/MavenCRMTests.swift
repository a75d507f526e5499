import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookWrite

/// The Maven Analytics CRM sample (../shared/datasets/maven-crm): imported, built, and every figure checked against
/// a computation written here independently, straight from the CSV with Foundation's calendar.
@Suite(.enabled(if: MavenCRM.isAvailable, "needs ../shared/datasets/maven-crm beside the repository"))
struct MavenCRMTests {
    /// The real export with one header renamed or misspelt: one clear error each, never a silent import.
    @Test(arguments: [
        ("close_value", "Total (USD)", "no column for amount, which won deals need (4238 in this file;"),
        ("close_date", "Closing", "no column for closed, which won and lost deals need (6711 in this file;"),
        ("sales_agent", "Agent Name", "no column for rep (looked for"),
        ("deal_stage", "deal_stag", "no column for stage (looked for"),
        ("opportunity_id", "opp", "no column for id (looked for"),
    ])
    func aRenamedColumnIsOneError(header: String, renamed: String, message: String) throws {
        let teamTable = try CSVTable.parse(try MavenCRM.text("sales_teams.csv"), path: "sales_teams.csv").get()
        let team = try #require(DataLoader().load(["team.json": Array(try CRMImporter().team(from: teamTable).get().json.utf8)]).0?.team)
        let text = try MavenCRM.text("sales_pipeline.csv")
        let firstLine = try #require(text.split(separator: "\n").first)
        let variant = firstLine.replacingOccurrences(of: header, with: renamed) + text.dropFirst(firstLine.count)
        let result = CRMImporter().deals(from: try CSVTable.parse(variant, path: "p.csv").get(), team: team, openStages: ["engaging", "prospecting"])
        guard case .failure(let error) = result else {
            Issue.record("\(header) renamed to \(renamed) imported")
            return
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.description.hasPrefix("p.csv:1:1: error: " + message) == true, "\(error.diagnostics)")
    }

    /// The portal as it stood on an as-of date inside a quarter: a deal created later does not exist, one closed
    /// later is still open (and in the pipeline at its amount), no later period appears, and no scorecard lists a
    /// won deal as open. Every figure of the as-of month and quarter is checked against the CSV rows directly.
    @Test(arguments: ["2017-03-15", "2017-06-30", "2017-08-09", "2017-11-01"])
    func asOfDatesMatchAnIndependentComputation(asOf: String) throws {
        let portal = try MavenCRM.build(asOf: asOf)
        #expect(!portal.diagnostics.hasErrors)
        let team = try MavenCRM.api(portal, "api/team.json")
        #expect(team["asOf"] as? String == asOf)
        let month = String(asOf.prefix(7))
        let quarterNumber = ((Int(month.suffix(2)) ?? 1) - 1) / 3 + 1
        let quarterMonths = (1...3).map { String(format: "2017-%02d", (quarterNumber - 1) * 3 + $0) }
        let rows = try MavenCRM.rows()
        for (label, months) in [(month, [month]), ("2017-Q\(quarterNumber)", quarterMonths)] {
            let closedIn = rows.filter { !$0.closed.isEmpty && $0.closed <= asOf && months.contains(String($0.closed.prefix(7))) }
            let figures = try MavenCRM.period(team, label)
            #expect(figures["partial"] as? Bool == (asOf != "2017-06-30"), "\(label)")
            #expect(figures["revenue"] as? Double == closedIn.filter { $0.stage == "Won" }.reduce(0) { $0 + $1.value }, "\(label)")
            #expect(figures["deals_won"] as? Double == Double(closedIn.count { $0.stage == "Won" }), "\(label)")
            #expect(figures["deals_lost"] as? Double == Double(closedIn.count { $0.stage == "Lost" }), "\(label)")
            let created = rows.count { !$0.created.isEmpty && $0.created <= asOf && months.contains(String($0.created.prefix(7))) }
            #expect(figures["deals_created"] as? Double == Double(created), "\(label)")
            // Open on the as-of date: created by then (or undated) and not closed by then. Those closed later keep
            // their final amount in the pipeline but weigh nothing (their stage then is unknown), and the open
            // Engaging and Prospecting deals have no amount, so the weighted pipeline is 0.
            let open = rows.filter { ($0.created.isEmpty || $0.created <= asOf) && ($0.closed.isEmpty || $0.closed > asOf) }
            #expect(figures["open_deals"] as? Double == Double(open.count), "\(label)")
            #expect(figures["pipeline"] as? Double == open.reduce(0) { $0 + $1.value }, "\(label)")
            #expect(figures["weighted_pipeline"] as? Double == 0, "\(label)")
        }
        let months = (team["periods"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "month" }.compactMap { $0["period"] as? String }
        #expect(months.last == month)
        #expect(!months.contains { $0 > month })
        for rep in (team["reps"] as? [String] ?? []) {
            let page = try #require(portal.page("reps/\(rep)/index.html"))
            let start = try #require(page.firstRange(of: #"<section class="deal-list" id="open""#), "\(rep)")
            let open = page[start.lowerBound...]
            let section = open[..<(open.firstRange(of: "</section>")?.lowerBound ?? open.endIndex)]
            #expect(!section.contains("<td>won</td>") && !section.contains("<td>lost</td>"), "\(rep) lists a closed deal as open")
        }
    }

    /// The export has no targets: the pages say so in words instead of implying one (no "against target", no 100%
    /// marks, "no target" for each region).
    @Test func withoutTargetsThePagesSaySo() throws {
        let portal = try MavenCRM.build()
        let home = try #require(portal.page("index.html"))
        #expect(home.contains("<h2 id=\"trend-title\">Revenue by month</h2>"))
        #expect(!home.contains("against target"))
        #expect(!home.contains("chart-target-tick"))
        #expect(home.components(separatedBy: ">no target</span>").count == 4)  // Central, East, West
        #expect(home.contains("<tr><th scope=\"row\">Central</th><td>no target</td></tr>"))
        // The weighted pipeline has a figure for the as-of month alone (the API says null before): one dot is not a
        // trend, so its card has no sparkline.
        #expect(home.contains("id=\"spark-team-revenue-title\""))
        #expect(!home.contains("spark-team-weighted_pipeline"))
        // The note on unvalued deals counts those open on the as-of date: the current period's card has it, an earlier
        // period's page (whose pipeline is the one open at its end) does not.
        #expect(home.contains("open deals without an amount, left out"))
        #expect(!(try #require(portal.page("team/2017-Q3/index.html"))).contains("without an amount"))
    }

    @Test func importsBuildsAndMatchesAnIndependentComputation() throws {
        let portal = try MavenCRM.build()
        #expect(!portal.diagnostics.hasErrors, "\(portal.messages)")
        // Five agents have no opportunities yet: normal for new hires, so not even a warning.
        #expect(portal.diagnostics.isEmpty, "\(portal.messages)")
        let expected = try MavenCRM.Independent()
        let team = try MavenCRM.api(portal, "api/team.json")
        #expect(team["asOf"] as? String == "2017-12-31")

        for quarter in 1...4 {
            let figures = try MavenCRM.period(team, "2017-Q\(quarter)")
            #expect(figures["revenue"] as? Double == expected.revenueByQuarter[quarter], "2017-Q\(quarter)")
            #expect(figures["deals_won"] as? Double == Double(expected.wonByQuarter[quarter] ?? 0))
        }
        let year = try MavenCRM.period(team, "2017")
        #expect(year["revenue"] as? Double == expected.revenueByQuarter.values.reduce(0, +))
        #expect(year["cycle_days"] as? Double == MavenCRM.round(expected.cycleDays2017, 2))
        #expect(year["win_rate"] as? Double == MavenCRM.round(expected.winRate(expected.team2017), 6))

        // At the as-of date every Engaging and Prospecting deal is open; none has an amount.
        let december = try MavenCRM.period(team, "2017-12")
        #expect(december["open_deals"] as? Double == Double(expected.openAtEnd))
        #expect(december["pipeline"] as? Double == 0)
        for month in 1...12 {
            let label = String(format: "2017-%02d", month)
            #expect(try MavenCRM.period(team, label)["deals_created"] as? Double == Double(expected.createdByMonth[month] ?? 0), "\(label)")
        }

        for (agent, counts) in expected.agents2017 {
            let rep = try MavenCRM.api(portal, "api/reps/\(SlugAllocator.slug(agent)!).json")
            let figures = try MavenCRM.period(rep, "2017")
            #expect(figures["revenue"] as? Double == counts.revenue, "\(agent)")
            #expect(figures["deals_won"] as? Double == Double(counts.won), "\(agent)")
            #expect(figures["deals_lost"] as? Double == Double(counts.lost), "\(agent)")
            #expect(figures["win_rate"] as? Double == MavenCRM.round(expected.winRate(counts), 6), "\(agent)")
        }
        for (office, won) in expected.wonJune2017ByOffice {
            let region = try MavenCRM.api(portal, "api/regions/\(office.lowercased()).json")
            #expect(try MavenCRM.period(region, "2017-06")["deals_won"] as? Double == Double(won), "\(office)")
        }
        for (manager, revenue) in expected.revenue2017ByManager {
            let figures = try MavenCRM.api(portal, "api/managers/\(SlugAllocator.slug(manager)!).json")
            #expect(try MavenCRM.period(figures, "2017")["revenue"] as? Double == revenue, "\(manager)")
        }
    }
}

enum MavenCRM {
    static let folder = Repository.mavenCRM
    static var isAvailable: Bool { Repository.hasMavenCRM }

    static func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }

    /// Imports both files the way `fieldbook import` does and renders the portal in memory, as of `asOf` when given.
    static func teamJSON() throws -> String {
        try CRMImporter().team(from: try CSVTable.parse(try text("sales_teams.csv"), path: "sales_teams.csv").get()).get().json
    }

    /// `access`: fieldbook.json's `access` object, with `keys` (an encrypted build).
    static func build(asOf: String? = nil, access: String? = nil, keys: KeyRing? = nil) throws -> RenderedPortal {
        let team = try teamJSON()
        let loadedTeam = try #require(DataLoader().load(["team.json": Array(team.utf8)]).0?.team)
        let dealTable = try CSVTable.parse(try text("sales_pipeline.csv"), path: "sales_pipeline.csv").get()
        let deals = try CRMImporter().deals(from: dealTable, team: loadedTeam, openStages: ["engaging", "prospecting"]).get().json
        return renderPortal(
            [
                "fieldbook.json": #"{"title": "Maven", "pipeline": {"stages": {"engaging": 0.3, "prospecting": 0.1}}"#
                    + (asOf.map { #", "asOf": "\#($0)""# } ?? "") + (access.map { #", "access": \#($0)"# } ?? "") + "}",
                "content/data/team.json": team,
                "content/data/deals.json": deals,
            ], options: BuildOptions(portal: "", keys: keys.map { String(decoding: $0.fileBytes, as: UTF8.self) }))
    }

    /// The pipeline's rows as (agent, stage, created, closed, value), dates as `yyyy-MM-dd` text (which sorts as dates).
    static func rows() throws -> [(agent: String, stage: String, created: String, closed: String, value: Double)] {
        try text("sales_pipeline.csv").split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (cells[1], cells[4], cells[5], cells[6], Double(cells[7]) ?? 0)
        }
    }

    static func api(_ portal: RenderedPortal, _ path: String) throws -> [String: Any] {
        let text = try #require(portal.page(path), "missing \(path)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func period(_ object: [String: Any], _ label: String) throws -> [String: Any] {
        try #require((object["periods"] as? [[String: Any]])?.first { $0["period"] as? String == label }, "no period \(label)")
    }

    static func round(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// The figures computed straight from the CSV rows.
    struct Independent {
        struct Counts {
            var revenue = 0.0
            var won = 0
            var lost = 0
        }
        var revenueByQuarter: [Int: Double] = [:]
        var wonByQuarter: [Int: Int] = [:]
        var createdByMonth: [Int: Int] = [:]
        var agents2017: [String: Counts] = [:]
        var team2017 = Counts()
        var wonJune2017ByOffice: [String: Int] = [:]
        var revenue2017ByManager: [String: Double] = [:]
        var openAtEnd = 0
        var cycleDays2017 = 0.0

        init() throws {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
            let parser = DateFormatter()
            parser.calendar = calendar
            parser.timeZone = calendar.timeZone
            parser.dateFormat = "yyyy-MM-dd"
            let teams = try MavenCRM.text("sales_teams.csv").split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            let office = Dictionary(uniqueKeysWithValues: teams.map { ($0[0], $0[2]) })
            let manager = Dictionary(uniqueKeysWithValues: teams.map { ($0[0], $0[1]) })
            var cycleTotal = 0
            var cycleCount = 0
            let pipeline = try MavenCRM.text("sales_pipeline.csv")
            #expect(!pipeline.contains("\""), "the independent parser assumes no quoted fields")
            for line in pipeline.split(separator: "\n").dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let (agent, stage, engaged, closedText, value) = (cells[1], cells[4], cells[5], cells[6], Double(cells[7]) ?? 0)
                if let created = parser.date(from: engaged), calendar.component(.year, from: created) == 2017 {
                    createdByMonth[calendar.component(.month, from: created), default: 0] += 1
                }
                guard let closed = parser.date(from: closedText) else {
                    openAtEnd += 1
                    continue
                }
                guard calendar.component(.year, from: closed) == 2017 else { continue }
                let month = calendar.component(.month, from: closed)
                if stage == "Won" {
                    revenueByQuarter[(month - 1) / 3 + 1, default: 0] += value
                    wonByQuarter[(month - 1) / 3 + 1, default: 0] += 1
                    agents2017[agent, default: Counts()].revenue += value
                    agents2017[agent, default: Counts()].won += 1
                    team2017.won += 1
                    revenue2017ByManager[try #require(manager[agent]), default: 0] += value
                    if month == 6 { wonJune2017ByOffice[try #require(office[agent]), default: 0] += 1 }
                    if let created = parser.date(from: engaged) {
                        cycleTotal += (try #require(calendar.dateComponents([.day], from: created, to: closed).day))
                        cycleCount += 1
                    }
                } else if stage == "Lost" {
                    agents2017[agent, default: Counts()].lost += 1
                    team2017.lost += 1
                }
            }
            cycleDays2017 = Double(cycleTotal) / Double(cycleCount)
        }

        func winRate(_ counts: Counts) -> Double { Double(counts.won) / Double(counts.won + counts.lost) }
    }
}
