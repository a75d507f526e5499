import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookModel
@testable import FieldbookRender

/// Pipeline health on the example portal's dashboard (as of 2026-11-20), against a computation written here straight
/// from deals.json and the API.
@Suite struct PipelinePagesTests {
    static let example = PerformancePagesTests.example
    let format = FigureFormatter(locale: .english, currency: "USD")
    let asOf = "2026-11-20"

    private func deals() throws -> [[String: Any]] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("content/data/deals.json"), encoding: .utf8)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    /// Days between two ISO dates (0 if either does not parse: the data is checked, so they do).
    private func days(_ from: String, _ to: String) -> Int {
        let parse = ISO8601DateFormatter()
        parse.formatOptions = [.withFullDate]
        guard let start = parse.date(from: from), let end = parse.date(from: to) else { return 0 }
        return Int((end.timeIntervalSince(start) / 86400).rounded())
    }

    /// A deal open on the as-of date: created by then (or undated), and not won or lost by then.
    private func isOpen(_ deal: [String: Any]) -> Bool {
        if let created = deal["created"] as? String, created > asOf { return false }
        let stage = deal["stage"] as? String ?? ""
        guard stage == "won" || stage == "lost" else { return true }
        return (deal["closed"] as? String).map { $0 > asOf } ?? false
    }

    @Test func theTeamsPipelineIsTheOpenDealsOfDealsJSON() throws {
        let page = try #require(Self.example.page("index.html"))
        let open = try deals().filter(isOpen)
        #expect(page.contains("<dt>Open deals</dt><dd>\(open.count) "))
        // By stage: a deal closed after the as-of date was open then, at a stage unknown (there are none here).
        for stage in ["prospecting", "engaging", "proposal"] {
            let here = open.filter { $0["stage"] as? String == stage }
            let amount = here.reduce(0.0) { $0 + ($1["amount"] as? Double ?? 0) }
            #expect(
                page.contains(
                    "<tr><th scope=\"row\">\(stage)</th><td class=\"number\">\(here.count)</td><td class=\"number\">\(format.money(amount))</td>"))
        }
        // Stale: open longer than the median cycle of the deals won in the year up to the as-of date.
        let cycles = try deals().compactMap { deal -> Int? in
            guard deal["stage"] as? String == "won", let closed = deal["closed"] as? String, let created = deal["created"] as? String,
                closed <= asOf, days(closed, asOf) < 365
            else { return nil }
            return days(created, closed)
        }.sorted()
        let typical = cycles.count % 2 == 1 ? Double(cycles[cycles.count / 2]) : Double(cycles[cycles.count / 2 - 1] + cycles[cycles.count / 2]) / 2
        let stale = open.filter { deal in (deal["created"] as? String).map { Double(days($0, asOf)) > typical } ?? false }
        let staleAmount = stale.reduce(0.0) { $0 + ($1["amount"] as? Double ?? 0) }
        #expect(page.contains("<dt>Stale deals</dt><dd>\(stale.count) · \(format.money(staleAmount, compact: true)) "))
        #expect(page.contains("(\(format.value(typical, unit: .days)))"))
        // Median age of the open deals with a created date.
        let ages = open.compactMap { deal in (deal["created"] as? String).map { days($0, asOf) } }.sorted()
        let age = ages.count % 2 == 1 ? Double(ages[ages.count / 2]) : Double(ages[ages.count / 2 - 1] + ages[ages.count / 2]) / 2
        #expect(page.contains("<dt>Median age of open deals</dt><dd>\(format.value(age, unit: .days))</dd>"))
        // By product, Q4 2026 so far: deals won and lost from October 1 to the as-of date.
        let closed = try deals().filter { deal in
            guard let stage = deal["stage"] as? String, stage == "won" || stage == "lost", let date = deal["closed"] as? String else { return false }
            return date >= "2026-10-01" && date <= asOf
        }
        for product in Set(closed.compactMap { $0["product"] as? String }) {
            let mine = closed.filter { $0["product"] as? String == product }
            let won = mine.filter { $0["stage"] as? String == "won" }
            let revenue = won.reduce(0.0) { $0 + ($1["amount"] as? Double ?? 0) }
            #expect(
                page.contains(
                    "<tr><th scope=\"row\">\(product)</th><td class=\"number\">\(won.count)</td><td class=\"number\">"
                        + "\(format.percent(Double(won.count) / Double(mine.count)))</td>"), "\(product)")
            #expect(page.contains("<td class=\"number\">\(format.money(revenue))</td></tr>"), "\(product)")
        }
        // Coverage: the open pipeline over what is left of the quarter's revenue target, from the API.
        let teamFile = try #require(Self.example.page("api/team.json"))
        let api = try #require(try JSONSerialization.jsonObject(with: Data(teamFile.utf8)) as? [String: Any])
        let quarter = try #require((api["periods"] as? [[String: Any]])?.first { $0["period"] as? String == "2026-Q4" })
        let target = try #require(quarter["revenue_target"] as? Double)
        let revenue = try #require(quarter["revenue"] as? Double)
        let remaining = target - revenue
        let pipeline = open.reduce(0.0) { $0 + ($1["amount"] as? Double ?? 0) }
        #expect(page.contains("<dt>Coverage</dt><dd>\(format.grouped(pipeline / remaining, decimals: 1))× "))
        #expect(page.contains("÷ \(format.money(remaining, compact: true)) still to win"))
    }

    /// Period pages show a period, not the pipeline of the as-of date; a scorecard lists its rep's stale deals to discuss.
    @Test func pipelineWhereItBelongs() throws {
        #expect(!(try #require(Self.example.page("team/2025-Q3/index.html"))).contains("Pipeline health"))
        #expect(try #require(Self.example.page("regions/emea/index.html")).contains("Pipeline health"))
        let scorecard = try #require(Self.example.page("reps/ines-costa/index.html"))
        #expect(scorecard.contains("Pipeline health"))
        #expect(scorecard.contains("<th scope=\"col\">Age</th>"))
    }
}
