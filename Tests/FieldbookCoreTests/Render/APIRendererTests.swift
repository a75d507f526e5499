import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender

@Suite struct APIRendererTests {
    let portal: RenderedPortal = {
        var files = SmallTeam.files.reduce(into: [String: String]()) { $0["content/data/\($1.key)"] = $1.value }
        files["fieldbook.json"] =
            #"{"title": "T", "asOf": "2024-05-15", "currency": "EUR", "pipeline": {"stages": {"proposal": 0.5, "engaging": 0}}}"#
        return renderPortal(files)
    }()

    private func json(_ path: String) throws -> [String: Any] {
        let text = try #require(portal.page(path), "missing \(path)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func period(_ object: [String: Any], _ label: String) throws -> [String: Any] {
        let periods = try #require(object["periods"] as? [[String: Any]])
        return try #require(periods.first { $0["period"] as? String == label })
    }

    @Test func publishesOneFilePerEntity() {
        #expect(portal.messages == [])
        let api = portal.files.map(\.path).filter { $0.hasPrefix("api/") }.sorted()
        #expect(
            api == [
                "api/managers/mia.json", "api/managers/sam.json", "api/regions/north.json", "api/regions/south.json", "api/reps.csv",
                "api/reps/ann.json", "api/reps/bob.json", "api/reps/cat.json", "api/team.json",
            ])
    }

    @Test func repFileCarriesEveryFigure() throws {
        let bob = try json("api/reps/bob.json")
        #expect(bob["id"] as? String == "bob")
        #expect(bob["region"] as? String == "north")
        #expect(bob["manager"] as? String == "mia")
        #expect(bob["asOf"] as? String == "2024-05-15")
        #expect(bob["currency"] as? String == "EUR")
        let q2 = try period(bob, "2024-Q2")
        #expect(q2["kind"] as? String == "quarter")
        #expect(q2["partial"] as? Bool == true)
        #expect(q2["start"] as? String == "2024-04-01")
        #expect(q2["end"] as? String == "2024-06-30")
        #expect(q2["revenue"] as? Double == 2000)
        #expect(q2["revenue_target"] as? Double == 3000)
        #expect(q2["revenue_attainment"] as? Double == 0.666667)
        #expect(q2["win_rate"] as? Double == 1)
        #expect(q2["weighted_pipeline"] as? Double == 600)
        #expect(q2["rank_in_team"] as? Double == 1)
        let forecasts = try #require(q2["forecasts"] as? [[String: Any]])
        #expect(forecasts.map { $0["method"] as? String } == ["run_rate", "pipeline"])
        #expect(forecasts.map { $0["revenue"] as? Double } == [4044.44, 2400])
        let april = try period(bob, "2024-04")
        #expect(april["revenue_target"] as? Double == 0)
        #expect(april["revenue_attainment"] is NSNull)  // zero target: null, not infinity
        #expect(try period(bob, "2024-01")["win_rate"] is NSNull)
    }

    @Test func teamFileListsKPIsAndMembers() throws {
        let team = try json("api/team.json")
        #expect(team["regions"] as? [String] == ["north", "south"])
        #expect(team["reps"] as? [String] == ["ann", "bob", "cat"])
        let kpis = try #require(team["kpis"] as? [[String: Any]])
        #expect(
            kpis.map { $0["id"] as? String } == [
                "revenue", "deals_won", "deals_lost", "win_rate", "avg_deal_size", "cycle_days", "open_deals", "pipeline", "weighted_pipeline",
                "deals_created", "calls", "csat", "accounts",
            ])
        #expect(try period(team, "2024")["revenue"] as? Double == 4500.5)
        #expect(try period(team, "2024")["cycle_days"] as? Double == 28.33)
    }

    @Test func csvHasARowPerRepAndPeriod() throws {
        let csv = try #require(portal.page("api/reps.csv")).split(separator: "\n").map(String.init)
        #expect(csv.count == 1 + 3 * 8)
        #expect(
            csv[0].hasPrefix(
                "rep,name,region,manager,period,kind,partial,revenue,revenue_target,revenue_attainment,revenue_change,revenue_change_year,deals_won,")
        )
        #expect(csv[0].hasSuffix(",rank_in_region,rank_in_team"))
        let febAnn = try #require(csv.first { $0.hasPrefix("ann,Ann,north,mia,2024-02,month,false,") })
        // No February 2023 to compare with: the change on a year earlier is empty.
        #expect(febAnn.hasPrefix("ann,Ann,north,mia,2024-02,month,false,1500.5,1000,1.5005,1500.5,,2,"))
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=SUM(A1)", "'=SUM(A1)"), ("-5", "-5"), ("-x", "'-x"),
    ])
    func csvFieldsAreQuotedAndDefused(field: String, expected: String) {
        #expect(APIRenderer.csvField(field) == expected)
    }

    @Test func jsonNumbersAndStringsAreWrittenExactly() {
        #expect(JSONOutput.format(1054.5, decimals: 2) == "1054.5")
        #expect(JSONOutput.format(3, decimals: 2) == "3")
        #expect(JSONOutput.format(-0.0001, decimals: 2) == "0")
        #expect(JSONOutput.format(2.0 / 3.0, decimals: 6) == "0.666667")
        #expect(JSONOutput.format(-1500.5, decimals: 2) == "-1500.5")
        #expect(JSONOutput.format(0.1 + 0.2, decimals: 6) == "0.3")
        #expect(JSONOutput.format(0.05, decimals: 2) == "0.05")
        #expect(JSONOutput.format(1e20, decimals: 2) == "100000000000000000000.00")
        #expect(JSONOutput.quoted("</script>\"\u{1}") == #""\u003c/script\u003e\"\u0001""#)
        // Line and paragraph separators end a line in JavaScript; other characters starting with the same byte do not.
        #expect(JSONOutput.quoted("a\u{2028}b\u{2029}—→\u{E2}") == "\"a\\u2028b\\u2029—→\u{E2}\"")
        // Escapes at either end, side by side, and runs between them copied whole.
        #expect(JSONOutput.quoted("\u{2029}") == #""\u2029""#)
        #expect(JSONOutput.quoted("\n\t\r\\&é\u{1F}ok\u{2028}") == #""\n\t\r\\\u0026é\u001fok\u2028""#)
        #expect(JSONOutput.quoted("") == #""""#)
        #expect(JSONOutput.format(-0.004, decimals: 2) == "0")
        #expect(JSONOutput.format(7.0001, decimals: 6) == "7.0001")
    }
}
