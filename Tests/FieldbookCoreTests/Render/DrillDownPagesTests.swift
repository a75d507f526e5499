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

    /// Every scorecard's lists (the current period's, on the scorecard itself) add up to the API's figures, and its open
    /// deals list shows the 50 largest at most.
    @Test func everyScorecardsListsAddUpToItsFigures() throws {
        let reps = try #require(try json("api/team.json")["reps"] as? [String])
        for rep in reps {
            let periods = try #require(try json("api/reps/\(rep).json")["periods"] as? [[String: Any]])
            let figures = try #require(periods.first { $0["period"] as? String == "2026-Q4" })
            let html = try page("reps/\(rep)/index.html")
            #expect(summary(html, "won") == expected(figures, count: "deals_won", amount: "revenue"), "\(rep) won")
            #expect(summary(html, "lost")?.hasPrefix(expected(figures, count: "deals_lost", amount: nil).prefix { $0 != "·" }) == true, "\(rep)")
            #expect(summary(html, "open") == expected(figures, count: "open_deals", amount: "pipeline"), "\(rep) open")
            let open = try #require(html.firstRange(of: #"<section class="deal-list" id="open""#).map { html[$0.lowerBound...] })
            let rows =
                open[..<(open.firstRange(of: "</section>")?.lowerBound ?? open.endIndex)].components(separatedBy: "<tr><th scope=\"row\">").count - 1
            #expect(rows == min(Int(figures["open_deals"] as? Double ?? 0), PerformancePlanner.drillDownLimit), "\(rep) open rows")
        }
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
        // Every default card is counted from deals and leads to its list: no table of members' figures.
        #expect(!(try page("regions/emea/2025-Q3/deals/index.html")).contains(#"<section id="members""#))
        // A scorecard leads to the lists on itself, and has no deals page; its lists leave out the rep column.
        let scorecard = try page("reps/amara-okafor/index.html")
        #expect(scorecard.contains(#"href="/reps/amara-okafor/#won""#))
        let won = try #require(scorecard.firstRange(of: #"<section class="deal-list" id="won""#).map { scorecard[$0.lowerBound...] })
        #expect(won.contains(#"<th scope="col" data-sort="number">Amount</th><th scope="col">Product</th>"#))
        #expect(try page("regions/emea/deals/index.html").contains(#"<th scope="col">Rep</th>"#))
        #expect(Self.example.page("reps/amara-okafor/deals/index.html") == nil)
    }

    /// A card no list of deals stands behind (a metric of kpis.json) leads to the group's members with that figure, and
    /// only the figures that lead there: Ann's 30 calls and Bob's 12 in May, the region's 42; the team's lists its region.
    @Test func aMetricCardLeadsToTheMembersFigures() throws {
        let files = [
            "fieldbook.json":
                #"{"title": "T", "asOf": "2024-05-15", "pipeline": {"stages": {"proposal": 0.5}}, "dashboard": {"period": "month", "cards": ["revenue", "calls"]}}"#,
            "content/data/team.json":
                #"{"regions": [{"id": "n", "name": "N"}], "reps": [{"id": "ann", "name": "Ann", "region": "n"}, {"id": "bob", "name": "Bob", "region": "n"}]}"#,
            "content/data/kpis.json": #"[{"id": "calls", "label": "Calls", "unit": "count", "better": "higher", "aggregate": "sum"}]"#,
            "content/data/metrics.json": #"[{"rep": "ann", "period": "2024-05", "calls": 30}, {"rep": "bob", "period": "2024-05", "calls": 12}]"#,
            "content/data/deals.json": #"[{"id": "1", "rep": "ann", "stage": "won", "amount": 90, "created": "2024-05-10", "closed": "2024-05-12"}]"#,
        ]
        let portal = renderPortal(files)
        #expect(portal.messages == [])
        let region = try #require(portal.page("regions/n/index.html"))
        #expect(region.contains(#"<a href="/regions/n/deals/#members">42</a>"#))
        #expect(region.contains(#"<a href="/regions/n/deals/#won">$90</a>"#))
        let deals = try #require(portal.page("regions/n/deals/index.html"))
        let members = try #require(deals.firstRange(of: #"<section id="members""#).map { String(deals[$0.lowerBound...]) })
        #expect(members.contains(#"<th scope="col" data-sort="number">Calls</th></tr>"#))
        #expect(!members.contains(">Revenue</th>"))
        #expect(members.contains(#"<a href="/reps/ann/">Ann</a></th><td class="number" data-value="30">30</td></tr>"#))
        #expect(members.contains(#"<a href="/reps/bob/">Bob</a></th><td class="number" data-value="12">12</td></tr>"#))
        #expect(
            try #require(portal.page("deals/index.html")).contains(#"<a href="/regions/n/">N</a></th><td class="number" data-value="42">42</td>"#))
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

    /// A scorecard with 52 open deals shows the 50 largest (deal 52 at $5,200 down to deal 3 at $300), under the count
    /// and sum of all 52 (1 + 2 + … + 52 = 1,378 hundreds: $137,800) and says how many it leaves out.
    @Test func aScorecardsOpenDealsAreCutAndSaySo() throws {
        let deals = (1...52).map { #"{"id": "d\#($0)", "rep": "ann", "stage": "proposal", "amount": \#($0 * 100), "created": "2024-05-10"}"# }
        let portal = renderPortal([
            "fieldbook.json":
                #"{"title": "T", "asOf": "2024-05-15", "pipeline": {"stages": {"proposal": 0.5}}, "dashboard": {"cards": ["pipeline"]}}"#,
            "content/data/team.json": #"{"regions": [{"id": "n", "name": "N"}], "reps": [{"id": "ann", "name": "Ann", "region": "n"}]}"#,
            "content/data/deals.json": "[" + deals.joined(separator: ",") + "]",
        ])
        #expect(portal.messages == [])
        let html = try #require(portal.page("reps/ann/index.html"))
        #expect(html.contains(#"<a href="/reps/ann/#open">"#))
        #expect(summary(html, "open") == "52 deals · $137,800")
        let section = String(try #require(html.firstMatch(of: /<section class="deal-list" id="open"[\s\S]*?<\/section>/)).output)
        #expect(section.contains("The 50 largest of 52 deals are listed."))
        let amounts = section.matches(of: /<td class="number">\$([0-9,]+)<\/td>/).map { String($0.output.1) }
        #expect(amounts.count == 50)
        #expect(amounts.first == "5,200" && amounts.last == "300")
    }
}
