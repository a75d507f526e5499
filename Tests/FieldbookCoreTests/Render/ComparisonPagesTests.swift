import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookModel
@testable import FieldbookRender

/// Comparison on the example portal (the quarter 2026-Q4, under way): medians, the attainment distribution and the
/// regions side by side, worked out here from the API.
@Suite struct ComparisonPagesTests {
    static let example = PerformancePagesTests.example
    let format = FigureFormatter(locale: .english, currency: "USD")
    let quarter = "2026-Q4"

    private func figures(_ path: String) throws -> [String: Any] {
        let text = try #require(Self.example.page(path), "no \(path)")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require((file["periods"] as? [[String: Any]])?.first { $0["period"] as? String == quarter })
    }

    private func reps(_ region: String? = nil) throws -> [String] {
        let path = region.map { "api/regions/\($0).json" } ?? "api/team.json"
        let text = try #require(Self.example.page(path))
        return try #require((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["reps"] as? [String])
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    @Test func aScorecardShowsTheMediansOfTheRegionAndTheTeam() throws {
        let revenue = { (ids: [String]) in try ids.map { try #require(try figures("api/reps/\($0).json")["revenue"] as? Double) } }
        let region = median(try revenue(try reps("emea")))
        let team = median(try revenue(try reps()))
        let own = try #require(try figures("api/reps/ines-costa.json")["revenue"] as? Double)
        let page = try #require(Self.example.page("reps/ines-costa/index.html"))
        #expect(
            page.contains(
                "<tr><th scope=\"row\">Revenue</th><td class=\"number\">\(format.money(own, compact: true))</td><td class=\"number\">"
                    + "\(format.money(region, compact: true))</td><td class=\"number\">\(format.money(team, compact: true))</td></tr>"))
    }

    @Test func theTeamsAttainmentDistributionCountsEveryRepWithATarget() throws {
        let attainments = try reps().map { try figures("api/reps/\($0).json")["revenue_attainment"] as? Double }
        let bounds = [0.5, 0.75, 0.9, 1.0, 1.25]
        var counts = Array(repeating: 0, count: 6)
        for value in attainments.compactMap({ $0 }) { counts[bounds.filter { value >= $0 }.count] += 1 }
        let page = try #require(Self.example.page("index.html"))
        let names = ["below 50%", "50%–75%", "75%–90%", "90%–100%", "100%–125%", "125% and above"]
        for (name, count) in zip(names, counts) {
            #expect(page.contains("<tr><th scope=\"row\">\(name)</th><td>\(count)</td></tr>"), "\(name)")
        }
        #expect(counts.reduce(0, +) == attainments.count)  // every rep of the example has a revenue target
    }

    @Test func regionsSideBySideShowTheirRevenue() throws {
        let page = try #require(Self.example.page("index.html"))
        for (id, name) in [("emea", "EMEA"), ("apac", "APAC"), ("na", "North America")] {
            let revenue = try #require(try figures("api/regions/\(id).json")["revenue"] as? Double)
            #expect(page.contains("<a href=\"/regions/\(id)/\">\(name)</a></th><td class=\"number\">\(format.money(revenue, compact: true))</td>"))
        }
        // A period page's table links each region's page for that period.
        #expect(try #require(Self.example.page("team/2025-Q3/index.html")).contains("<a href=\"/regions/emea/2025-Q3/\">EMEA</a></th>"))
    }
}

extension ComparisonPagesTests {
    /// Every "What to work on" line of every scorecard shows the rep's figure and the target due by now or the region's
    /// median as the API has them (the pro-rating and the median worked out here); at most three lines each.
    @Test func whatToWorkOnQuotesTheAPI() throws {
        let teamText = try #require(Self.example.page("api/team.json"))
        let team = try #require(try JSONSerialization.jsonObject(with: Data(teamText.utf8)) as? [String: Any])
        let kpis = try #require(team["kpis"] as? [[String: Any]])
        let units = Dictionary(
            uniqueKeysWithValues: kpis.compactMap { kpi -> (String, (String, KPIDefinition.Unit))? in
                guard let label = kpi["label"] as? String, let id = kpi["id"] as? String,
                    let unit = (kpi["unit"] as? String).flatMap(KPIDefinition.Unit.init)
                else { return nil }
                return (label, (id, unit))
            })
        var (checked, dueChecked) = (0, 0)
        for rep in try reps() {
            let page = try #require(Self.example.page("reps/\(rep)/index.html"))
            let lines = page.matches(of: /<li><strong>([^<]+)<\/strong> <span class="focus-why">([^<]+)<\/span>/)
            #expect(lines.count <= 3)
            let repText = try #require(Self.example.page("api/reps/\(rep).json"))
            let file = try #require(try JSONSerialization.jsonObject(with: Data(repText.utf8)) as? [String: Any])
            let region = try #require(file["region"] as? String)
            // Against the target due by now: 51 of Q4 2026's 92 days are gone on November 20.
            for line in lines where line.2.contains(" · Due by now ") {
                let (id, unit) = try #require(units[String(line.1)], "\(line.1)")
                let quarter = try figures("api/reps/\(rep).json")
                let target = try #require(quarter["\(id)_target"] as? Double)
                let text = { (value: Double?) in format.value(value, unit: unit, compact: unit == .currency) }
                #expect(String(line.2) == "\(text(quarter[id] as? Double)) · Due by now \(text(target * 51 / 92))", "\(rep) \(line.1)")
                dueChecked += 1
            }
            for line in lines where line.2.contains(" · Region median ") {
                let (id, unit) = try #require(units[String(line.1)], "\(line.1)")
                let peers = try reps(region).compactMap { try figures("api/reps/\($0).json")[id] as? Double }
                let own = try figures("api/reps/\(rep).json")[id] as? Double
                let text = { (value: Double?) in format.value(value, unit: unit, compact: unit == .currency) }
                #expect(String(line.2) == "\(text(own)) · Region median \(text(median(peers)))", "\(rep) \(line.1)")
                checked += 1
            }
        }
        #expect(checked >= 10)
        #expect(dueChecked >= 2)
    }
}
