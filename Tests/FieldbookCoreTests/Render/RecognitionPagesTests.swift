import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookModel
@testable import FieldbookRender

/// The wins wall and records on the example portal's dashboard (as of 2026-11-20), worked out here from deals.json
/// and the API.
@Suite struct RecognitionPagesTests {
    static let example = PerformancePagesTests.example
    let format = FigureFormatter(locale: .english, currency: "USD")

    /// Amounts of the deals won from `first` to `last` (ISO dates), largest first, at most `limit`.
    private func won(from first: String, to last: String, limit: Int) throws -> [String] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("content/data/deals.json"), encoding: .utf8)
        let deals = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return deals.filter { deal in
            guard deal["stage"] as? String == "won", let closed = deal["closed"] as? String else { return false }
            return closed >= first && closed <= last
        }
        .sorted { ($0["amount"] as? Double ?? 0, $1["id"] as? String ?? "") > ($1["amount"] as? Double ?? 0, $0["id"] as? String ?? "") }
        .prefix(limit).map { format.money($0["amount"] as? Double ?? 0) }
    }

    @Test func theWinsWallAndTheRecords() throws {
        let page = try #require(Self.example.page("index.html"))
        let wall = String(try #require(page.firstMatch(of: /<h2 id="wins-title">Wins wall<\/h2>[\s\S]*?<\/section>/)).output)
        let lists = wall.matches(of: /<ul class="wins">([\s\S]*?)<\/ul>/).map { list in
            list.1.matches(of: /<li><strong>([^<]+)<\/strong>/).map { String($0.1) }
        }
        #expect(lists.count == 2)
        // This week: the 7 days up to the as-of date, November 14 to 20; this month: November 1 to 20.
        #expect(lists.first == (try won(from: "2026-11-14", to: "2026-11-20", limit: 10)))
        #expect(lists.last == (try won(from: "2026-11-01", to: "2026-11-20", limit: 10)))
        // Largest deal of Q4 2026 so far.
        let largest = try #require(try won(from: "2026-10-01", to: "2026-11-20", limit: 1).first)
        #expect(wall.contains("<dt>Largest deal, Q4 2026</dt><dd>\(largest) · "))
        // Most improved: the largest rise in revenue against Q3 2026's same days, from the API.
        let teamText = try #require(Self.example.page("api/team.json"))
        let ids = try #require((try JSONSerialization.jsonObject(with: Data(teamText.utf8)) as? [String: Any])?["reps"] as? [String])
        var best: (id: String, rise: Double)?
        for id in ids {
            let text = try #require(Self.example.page("api/reps/\(id).json"))
            let file = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let quarter = (file["periods"] as? [[String: Any]])?.first { $0["period"] as? String == "2026-Q4" }
            if let rise = quarter?["revenue_change"] as? Double, rise > (best?.rise ?? 0) { best = (id, rise) }
        }
        let winner = try #require(best)
        #expect(
            wall.contains(
                "<dt>Most improved</dt><dd>\(format.signed(winner.rise, unit: .currency)) vs Q3 2026, same days <span class=\"muted\"><a href=\"/reps/\(winner.id)/\">"
            ))
    }
}
