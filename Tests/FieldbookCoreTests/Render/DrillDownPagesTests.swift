import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookCore
@testable import FieldbookModel
@testable import FieldbookRender

/// The pages behind the figures on the example portal (as of 2026-11-20): beside every team, region and manager page
/// of every period and every scorecard, the deals each card counts, whose counts and sums are the API's figures.
@Suite struct DrillDownPagesTests {
    static let example = PerformancePagesTests.example
    let format = FigureFormatter(locale: .english, currency: "USD")

    private func json(_ path: String) throws -> [String: Any] { try Self.example.json(path) }

    private func page(_ path: String) throws -> String { try #require(Self.example.page(path), "no \(path)") }

    /// A list's heading: "26 deals · $890,481" under the anchor `id`.
    private func summary(_ html: String, _ id: String) -> String? {
        let pattern = try? Regex<(Substring, Substring)>(#"<h2 id="\#(id)-title">[^<]*<span class="muted">([^<]*)</span>"#)
        return pattern.flatMap { html.firstMatch(of: $0) }.map { String($0.output.1) }
    }

    private func expected(_ figures: [String: Any], count: String, amount: String?) -> String {
        let n = Int(figures[count] as? Double ?? 0)
        let money = amount.map { figures[$0] as? Double ?? 0 } ?? 0
        return "\(format.value(Double(n), unit: .count)) \(n == 1 ? "deal" : "deals") · \(format.money(money))"
    }

    /// Every list of every group's deals page, for every period, adds up to the API's figures.
    @Test func everyListAddsUpToItsFigures() throws {
        let team = try json("api/team.json")
        let files =
            [("api/team.json", "team/{p}/", "")]
            + (try #require(team["regions"] as? [String])).map { ("api/regions/\($0).json", "regions/\($0)/{p}/", "regions/\($0)/") }
            + (try #require(team["managers"] as? [String])).map { ("api/managers/\($0).json", "managers/\($0)/{p}/", "managers/\($0)/") }
        var checked = 0
        for (api, folder, latest) in files {
            for figures in try #require(try json(api)["periods"] as? [[String: Any]]) {
                let label = try #require(figures["period"] as? String)
                var paths = [folder.replacingOccurrences(of: "{p}", with: label)]
                if label == "2026-Q4" { paths.append(latest) }  // the main pages show the quarter under way
                for path in paths {
                    let html = try page(path + "deals/index.html")
                    #expect(summary(html, "won") == expected(figures, count: "deals_won", amount: "revenue"), "\(path) won")
                    #expect(
                        summary(html, "lost")?.hasPrefix(expected(figures, count: "deals_lost", amount: nil).prefix { $0 != "·" }) == true, "\(path)")
                    // No card counts created deals (the example's are revenue, deals won, win rate, average deal size and
                    // weighted pipeline): no list of them.
                    #expect(summary(html, "created") == nil, "\(path)")
                    #expect(summary(html, "open") == expected(figures, count: "open_deals", amount: "pipeline"), "\(path) open")
                    checked += 1
                }
            }
        }
        #expect(checked == 37 * 7 + 7)  // 37 periods of the team, 3 regions and 3 managers, and their 7 main pages
    }

    /// Each card's figure links to its list; a metric of kpis.json to the table of the group's reps.
    @Test func cardsLeadToTheirLists() throws {
        let html = try page("regions/emea/2025-Q3/index.html")
        let links = html.matches(of: /data-kpi="([a-z_]+)"[^>]*>\s*<h3>[^<]*<\/h3>\s*<p class="kpi-value"><a href="([^"]+)">/).map {
            (String($0.output.1), String($0.output.2))
        }
        #expect(links.count >= 4)
        for (kpi, url) in links {
            let lists = [
                "revenue": "won", "win_rate": "won", "deals_won": "won", "avg_deal_size": "won", "cycle_days": "won", "deals_lost": "lost",
                "deals_created": "created", "open_deals": "open", "pipeline": "open", "weighted_pipeline": "open",
            ]
            let list = lists[kpi] ?? "members"
            #expect(url == "/regions/emea/2025-Q3/deals/#\(list)", "\(kpi)")
        }
        let deals = try page("regions/emea/2025-Q3/deals/index.html")
        #expect(deals.contains(#"<section id="members""#))
        // Its reps with their figures: Amara Okafor's revenue in Q3 2025, as the API has it.
        let amara = try #require(try json("api/reps/amara-okafor.json")["periods"] as? [[String: Any]]).first { $0["period"] as? String == "2025-Q3" }
        let revenue = try #require(amara?["revenue"] as? Double)
        #expect(
            deals.contains(
                #"<a href="/reps/amara-okafor/">Amara Okafor</a></th><td class="number" data-value="\#(JSONOutput.format(revenue, decimals: 2))">\#(format.value(revenue, unit: .currency))</td>"#
            ))
        // The team's lists its regions; a scorecard's lists the rep's deals of the current period, no members table.
        #expect(try page("team/2025-Q3/deals/index.html").contains(#"<a href="/regions/emea/2025-Q3/">EMEA</a>"#))
        let rep = try page("reps/amara-okafor/deals/index.html")
        #expect(!rep.contains(#"<section id="members""#))
        let current = try #require(try json("api/reps/amara-okafor.json")["periods"] as? [[String: Any]]).first {
            $0["period"] as? String == "2026-Q4"
        }
        #expect(summary(rep, "won") == expected(try #require(current), count: "deals_won", amount: "revenue"))
        #expect(try page("reps/amara-okafor/index.html").contains(#"href="/reps/amara-okafor/deals/#won""#))
    }

    /// A long list shows its 50 largest deals, largest first, and says how many there are.
    @Test func aLongListIsCutAndSaysSo() throws {
        let html = try page("team/2025/deals/index.html")
        let won = try #require(try json("api/team.json")["periods"] as? [[String: Any]]).first { $0["period"] as? String == "2025" }
        let count = Int(try #require(won?["deals_won"] as? Double))
        #expect(count > 50)
        #expect(html.contains("The 50 largest of \(format.value(Double(count), unit: .count)) deals are listed."))
        let section = String(try #require(html.firstMatch(of: /<section class="deal-list" id="won"[\s\S]*?<\/section>/)).output)
        let amounts = section.matches(of: /<td class="number" data-value="([0-9.]+)">/).compactMap { Double($0.output.1) }
        #expect(amounts.count == 50)
        #expect(amounts == amounts.sorted(by: >))
    }
}
