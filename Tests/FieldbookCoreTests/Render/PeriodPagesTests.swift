import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookModel
@testable import FieldbookRender

/// The team's, regions' and managers' pages for every period, on the example portal (as of 2026-11-20, data from
/// November 2024): each shows its period's figures as the API has them, links to the periods around it, and lists
/// that period's wins.
@Suite struct PeriodPagesTests {
    static let example = PerformancePagesTests.example
    let format = FigureFormatter(locale: .english, currency: "USD")

    private func api(_ path: String) throws -> [String: Any] {
        let text = try #require(Self.example.page(path))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func period(_ file: [String: Any], _ label: String) throws -> [String: Any] {
        try #require((file["periods"] as? [[String: Any]])?.first { $0["period"] as? String == label }, "no \(label)")
    }

    private func page(_ path: String) throws -> String { try #require(Self.example.page(path), "no \(path)") }

    /// The revenue card of a page: from its heading to the end of its article.
    private func revenueCard(_ path: String) throws -> String {
        String(try #require(try page(path).firstMatch(of: /<h3>Revenue<\/h3>[\s\S]*?<\/article>/)).output)
    }

    @Test func everyPeriodHasATeamRegionAndManagerPageAndRepsHaveNone() throws {
        let team = try api("api/team.json")
        let periods = try #require(team["periods"] as? [[String: Any]]).compactMap { $0["period"] as? String }
        #expect(periods.count == 37)  // 25 months (Nov 2024 to Nov 2026), 9 quarters, 3 years
        let regions = try #require(team["regions"] as? [String])
        let managers = try #require(team["managers"] as? [String])
        for label in periods {
            #expect(Self.example.page("team/\(label)/index.html") != nil, "team \(label)")
            for id in regions { #expect(Self.example.page("regions/\(id)/\(label)/index.html") != nil, "\(id) \(label)") }
            for id in managers { #expect(Self.example.page("managers/\(id)/\(label)/index.html") != nil, "\(id) \(label)") }
        }
        // 5,000 reps must not become 100,000 pages: a rep has their scorecard and the deals behind it alone.
        #expect(!Self.example.files.contains { $0.path.wholeMatch(of: /reps\/[^\/]+\/(?!deals\/)[^\/]+\/index\.html/) != nil })
    }

    /// A closed quarter's page shows its revenue and both changes exactly as the API has them, and the change on a
    /// year earlier is the difference of the two quarters' revenue in the API.
    @Test func aPeriodPageShowsThatPeriodsFiguresAndChanges() throws {
        let emea = try api("api/regions/emea.json")
        let now = try period(emea, "2026-Q2")
        let revenue = try #require(now["revenue"] as? Double)
        let yearEarlier = try #require(try period(emea, "2025-Q2")["revenue"] as? Double)
        let previous = try #require(try period(emea, "2026-Q1")["revenue"] as? Double)
        #expect(now["revenue_change_year"] as? Double == ((revenue - yearEarlier) * 100).rounded() / 100)
        #expect(now["revenue_change"] as? Double == ((revenue - previous) * 100).rounded() / 100)
        let card = try revenueCard("regions/emea/2026-Q2/index.html")
        #expect(card.contains("<p class=\"kpi-value\"><a href=\"/regions/emea/2026-Q2/deals/#won\">\(format.money(revenue, compact: true))</a></p>"))
        #expect(card.contains("<p class=\"kpi-change\">\(format.signed(revenue - previous, unit: .currency)) vs Q1 2026</p>"))
        #expect(card.contains("<p class=\"kpi-change\">\(format.signed(revenue - yearEarlier, unit: .currency)) vs Q2 2025</p>"))
        // The data begins in November 2024: Q4 2024 holds two of its months, so nothing is compared with it.
        #expect(try period(emea, "2025-Q4")["revenue_change_year"] is NSNull)
        #expect(!(try revenueCard("regions/emea/2025-Q4/index.html")).contains("Q4 2024"))
        #expect(try period(emea, "2025-01")["revenue_change"] as? Double != nil)  // December 2024 is covered
        // And the partly covered periods say so.
        let note = "The data begins in Nov 2024: this period holds only part of its months"
        #expect(try page("regions/emea/2024-Q4/index.html").contains(note))
        #expect(try page("team/2024/index.html").contains(note))
        #expect(!(try page("team/2024-12/index.html")).contains(note))
        #expect(!(try page("team/2025-Q1/index.html")).contains(note))
        // Its heading names the region and the period; a period page's reps table has no 13-month trend column.
        let html = try page("regions/emea/2025-Q4/index.html")
        #expect(html.contains("<title>EMEA · Q4 2025"))
        #expect(!html.contains("<th scope=\"col\">Trend</th>"))
        #expect(try page("regions/emea/index.html").contains("<th scope=\"col\">Trend</th>"))
    }

    /// The quarter under way (Q4 2026, 51 days in on November 20) is compared like for like, and says so.
    @Test func theQuarterUnderWayComparesTheSameDays() throws {
        let card = try revenueCard("index.html")
        #expect(card.contains(" vs Q3 2026, same days</p>"))
        #expect(card.contains(" vs Q4 2025, same days</p>"))
        let team = try period(try api("api/team.json"), "2026-Q4")
        let change = try #require(team["revenue_change_year"] as? Double)
        #expect(card.contains("<p class=\"kpi-change\">\(format.signed(change, unit: .currency)) vs Q4 2025, same days</p>"))
    }

    @Test func previousNextLatestAndThePicker() throws {
        let january = try page("team/2025-01/index.html")
        #expect(january.contains("rel=\"prev\" href=\"/team/2024-12/\""))
        #expect(january.contains("rel=\"next\" href=\"/team/2025-02/\""))
        #expect(january.contains("<a class=\"period-step\" href=\"/\">Latest</a>"))
        #expect(january.contains("<li><a href=\"/team/2025-01/\" aria-current=\"page\">Jan</a></li>"))
        #expect(january.contains("<p><a href=\"/team/2026/\">Year to date</a></p>"))
        // A scorecard's links carry what its script needs to switch in place, and lead to the manager's period pages.
        #expect(
            try page("reps/ines-costa/index.html").contains(
                "<li><a href=\"/managers/tomas-ribeiro/2025-01/\" data-period=\"2025-01\" data-name=\"Jan 2025\">Jan</a></li>"))
        // The first month has no previous one, the as-of month no next; the main page links to its period's neighbours.
        #expect(!(try page("team/2024-11/index.html")).contains("rel=\"prev\""))
        #expect(!(try page("managers/li-na/2026-11/index.html")).contains("rel=\"next\""))
        let home = try page("index.html")
        #expect(home.contains("rel=\"prev\" href=\"/team/2026-Q3/\""))
        #expect(!home.contains("rel=\"next\""))
        #expect(try page("regions/apac/index.html").contains("rel=\"prev\" href=\"/regions/apac/2026-Q3/\""))
        // Newest year first, each with its quarters and months.
        let years = home.matches(of: /class="period-year-link" href="\/team\/([0-9]{4})\/"/).map { String($0.1) }
        #expect(years == ["2026", "2025", "2024"])
    }

    /// A period's team page lists the five largest deals won in it, worked out here from deals.json.
    @Test func aPeriodsLargestWins() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("content/data/deals.json"), encoding: .utf8)
        let deals = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let expected = deals.filter { deal in
            guard deal["stage"] as? String == "won", let closed = deal["closed"] as? String else { return false }
            return closed >= "2025-07-01" && closed <= "2025-09-30"
        }
        .sorted { ($0["amount"] as? Double ?? 0, $1["id"] as? String ?? "") > ($1["amount"] as? Double ?? 0, $0["id"] as? String ?? "") }
        .prefix(5).map { format.money($0["amount"] as? Double ?? 0) }
        #expect(expected.count == 5)
        let html = try page("team/2025-Q3/index.html")
        #expect(html.contains("<h2 id=\"wins-title\">Largest wins</h2>"))
        let wins = html.matches(of: /<li><strong>([^<]+)<\/strong>/).map { String($0.1) }
        #expect(wins == Array(expected))
    }
}
