import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookModel
@testable import FieldbookRender

/// The reports of the example portal (as of 2026-11-20): each period's key figures, regions, movers, wins and risks,
/// checked against the API computed independently here, and the feed that lists the reports of ended periods.
@Suite struct ReportPagesTests {
    static let example = PerformancePagesTests.example
    let format = FigureFormatter(locale: .english, currency: "USD")

    private func json(_ path: String) throws -> [String: Any] { try Self.example.json(path) }

    private func period(_ file: String, _ label: String) throws -> [String: Any] { try Self.example.figures(file, label) }

    /// The report's plain text, unescaped.
    private func text(_ label: String) throws -> [String] {
        let html = try #require(Self.example.page("reports/\(label)/index.html"), "no report \(label)")
        let pre = String(try #require(html.firstMatch(of: /<pre>([\s\S]*?)<\/pre>/)).output.1)
        return pre.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'").components(separatedBy: "\n")
    }

    /// Lines of one section of the plain text.
    private func section(_ lines: [String], _ title: String) -> [String] {
        guard let start = lines.firstIndex(of: title) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    @Test func everyPeriodHasAReport() throws {
        for figures in try #require(try json("api/team.json")["periods"] as? [[String: Any]]) {
            let label = try #require(figures["period"] as? String)
            #expect(Self.example.page("reports/\(label)/index.html") != nil, "\(label)")
        }
        #expect(try #require(Self.example.page("team/2026-10/index.html")).contains(#"<a href="/reports/2026-10/">Report · Oct 2026</a>"#))
    }

    /// October 2026, a month that has ended: its figures, who moved and who is behind, as the API says.
    @Test func aMonthsReportSaysWhatTheAPISays() throws {
        let lines = try text("2026-10")
        let team = try period("api/team.json", "2026-10")
        let revenue = try #require(team["revenue"] as? Double)
        let change = try #require(team["revenue_change"] as? Double)
        #expect(section(lines, "Key figures").first?.hasPrefix("- Revenue: \(format.money(revenue, compact: true)) (") == true)
        #expect(section(lines, "Key figures").first?.contains("\(format.signed(change, unit: .currency)) vs Sep 2026") == true)
        #expect(!section(lines, "Key figures").contains { $0.hasPrefix("- Weighted pipeline") })  // none for a past month
        let won = Int(try #require(team["deals_won"] as? Double))
        #expect(section(lines, "Deals won").first == "- \(won) deals · \(format.money(revenue))")
        // Who moved: the three largest rises and falls of revenue against September, from every rep's API file.
        var changes: [(name: String, change: Double)] = []
        for rep in try #require(try json("api/team.json")["reps"] as? [String]) {
            let file = try json("api/reps/\(rep).json")
            if let change = try period("api/reps/\(rep).json", "2026-10")["revenue_change"] as? Double {
                changes.append((try #require(file["name"] as? String), change))
            }
        }
        let up = changes.filter { $0.change > 0 }.sorted { ($1.change, $0.name) < ($0.change, $1.name) }.prefix(3)
        let down = changes.filter { $0.change < 0 }.sorted { ($0.change, $0.name) < ($1.change, $1.name) }.prefix(3)
        let movers = section(lines, "Who moved").map { String($0.dropFirst(2).prefix { $0 != ":" }) }
        #expect(movers == (up + down).map(\.name))
        // Risks: reps whose revenue attainment is below 100% (the default on-track threshold) of a month that is over.
        var behind: [(name: String, attainment: Double)] = []
        for rep in try #require(try json("api/team.json")["reps"] as? [String]) {
            if let attainment = try period("api/reps/\(rep).json", "2026-10")["revenue_attainment"] as? Double, attainment < 1 {
                behind.append((try #require(try json("api/reps/\(rep).json")["name"] as? String), attainment))
            }
        }
        let risks = section(lines, "Risks").map { String($0.dropFirst(2).prefix { $0 != ":" }) }
        #expect(risks == behind.sorted { ($0.attainment, $0.name) < ($1.attainment, $1.name) }.prefix(10).map(\.name))
    }

    /// The feed lists the report of every month and quarter that ended by the as-of date, dated its last day.
    @Test func theFeedListsEndedPeriodsReports() throws {
        let feed = try #require(Self.example.page("feed.xml"))
        #expect(
            feed.contains(
                "<link href=\"/reports/2026-10/\"/>\n    <id>urn:fieldbook:/reports/2026-10/</id>\n    <updated>2026-10-31T00:00:00Z</updated>"))
        #expect(feed.contains("<link href=\"/reports/2026-Q3/\"/>"))
        #expect(!feed.contains("/reports/2026-11/"))  // under way
        #expect(!feed.contains("/reports/2026-Q4/"))
        #expect(!feed.contains("/reports/2025/"))  // years are not listed
    }
}
