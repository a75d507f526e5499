import FieldbookTestSupport
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch

@Suite struct DataLoaderTests {
    let team = """
        {"regions": [{"id": "north", "name": "North"}],
         "reps": [{"id": "ann", "name": "Ann", "region": "north"}]}
        """

    private func load(_ files: [String: String]) -> [String] {
        DataLoader().load(files.mapValues { Array($0.utf8) }).1.map(\.description)
    }

    private func deals(_ json: String) -> [String] {
        load(["team.json": team, "deals.json": json])
    }

    @Test(arguments: [
        (
            #"[{"id": "d1", "rep": "ann", "stage": "won", "closed": "2024-01-02", "amount": "12k"}]"#,
            #"content/data/deals.json:1:79: error: deals[0].amount: expected a number, found "12k""#
        ),
        (#"[{"id": "d1", "rep": "bob", "stage": "open"}]"#, #"content/data/deals.json:1:22: error: deals[0].rep: unknown rep "bob""#),
        (
            #"[{"id": "d1", "rep": "ann", "stage": "open"}, {"id": "d1", "rep": "ann", "stage": "open"}]"#,
            #"content/data/deals.json:1:54: error: deals[1].id: duplicate deal id "d1" (first at deals[0])"#
        ),
        (
            #"[{"id": "d1", "rep": "ann", "stage": "won", "amount": 5}]"#,
            #"content/data/deals.json:1:2: error: deals[0]: won deal "d1" has no "closed" date"#
        ),
        (
            #"[{"id": "d1", "rep": "ann", "stage": "open", "amount": -5}]"#,
            "content/data/deals.json:1:56: error: deals[0].amount: must not be negative, found -5.0"
        ),
        (
            #"[{"id": "d1", "rep": "ann", "stage": "open", "probability": 1.5}]"#,
            "content/data/deals.json:1:61: error: deals[0].probability: must be between 0 and 1, found 1.5"
        ),
        (
            #"[{"id": "d1", "rep": "ann", "stage": "open", "created": "2017-02-30"}]"#,
            #"content/data/deals.json:1:57: error: deals[0].created: expected a real date written YYYY-MM-DD, found "2017-02-30""#
        ),
        (
            #"[{"id": "d1", "rep": "ann", "stage": "lost", "created": "2024-02-01", "closed": "2024-01-01"}]"#,
            "content/data/deals.json:1:81: error: deals[0].closed: 2024-01-01 is before the deal was created (2024-02-01)"
        ),
        (#"[{"id": "d1", "rep": "ann", "stage": "open", "ammount": 5}]"#, "content/data/deals.json:1:46: warning: deals[0].ammount: unknown key"),
        (#"[{"id": "d1", "rep": "ann"}]"#, #"content/data/deals.json:1:2: error: deals[0]: missing "stage""#),
        (#"{"id": "d1"}"#, "content/data/deals.json:1:1: error: deals: expected an array, found an object"),
        ("[\n  {\"id\": \"d1\",}\n]", "content/data/deals.json:2:15: error: trailing comma before '}'"),
    ])
    func dealErrorsNameTheRecord(json: String, expected: String) {
        #expect(deals(json) == [expected])
    }

    /// A stage is won, lost or one of `pipeline.stages`: a misspelt stage is an error (once per stage, with how many
    /// deals have it and the nearest known stage), never an open deal weighted 0.
    @Test func stagesAreAClosedSet() {
        let loader = DataLoader(openStages: ["proposal", "engaging"])
        let json = #"""
            [{"id": "d1", "rep": "ann", "stage": "wonn", "closed": "2024-01-02", "amount": 5},
             {"id": "d2", "rep": "ann", "stage": "proposal"},
             {"id": "d3", "rep": "ann", "stage": "Wonn", "closed": "2024-01-02", "amount": 5},
             {"id": "d4", "rep": "ann", "stage": "negotiation"}]
            """#
        let (data, diagnostics) = loader.load(["team.json": Array(team.utf8), "deals.json": Array(json.utf8)])
        #expect(
            diagnostics.map(\.description) == [
                #"content/data/deals.json:1:38: error: deals[0].stage: unknown stage "wonn" (did you mean "won"?) (2 deals; this is the first): a deal's stage is won, lost or one of pipeline.stages in fieldbook.json (won, lost, engaging, proposal); add an open stage there with its probability"#,
                #"content/data/deals.json:4:38: error: deals[3].stage: unknown stage "negotiation": a deal's stage is won, lost or one of pipeline.stages in fieldbook.json (won, lost, engaging, proposal); add an open stage there with its probability"#,
            ])
        #expect(data?.deals.map(\.id) == ["d2"])
    }

    @Test func aWonDealNeedsAnAmount() {
        #expect(
            deals(#"[{"id": "d1", "rep": "ann", "stage": "won", "closed": "2024-01-02"}]"#) == [
                #"content/data/deals.json:1:2: error: deals[0]: won deal "d1" has no "amount""#
            ])
        #expect(deals(#"[{"id": "d1", "rep": "ann", "stage": "won", "closed": "2024-01-02", "amount": 0}]"#) == [])
    }

    @Test func onlyAnOpenDealWithAnAmountIsAnEstimate() {
        #expect(deals(#"[{"id": "d1", "rep": "ann", "stage": "open", "amount": 5, "amount_estimated": true}]"#) == [])
        #expect(
            DataLoader(openStages: ["open"]).load([
                "team.json": Array(team.utf8),
                "deals.json": Array(
                    #"[{"id": "d1", "rep": "ann", "stage": "open", "amount_estimated": true}, {"id": "d2", "rep": "ann", "stage": "won", "amount": 5, "closed": "2024-01-02", "amount_estimated": true}, {"id": "d3", "rep": "ann", "stage": "open", "amount_estimated": "yes"}]"#
                        .utf8),
            ]).1.map(\.description) == [
                #"content/data/deals.json:1:66: error: deals[0].amount_estimated: is true but the deal has no "amount""#,
                #"content/data/deals.json:1:173: error: deals[1].amount_estimated: is for open deals: a closed deal's amount is known"#,
                #"content/data/deals.json:1:244: error: deals[2].amount_estimated: expected true or false, found "yes""#,
            ])
    }

    @Test func suggestionsAreCloseNamesOnly() {
        #expect(Suggestion.closest(to: "wonn", in: ["won", "lost"]) == "won")
        #expect(Suggestion.closest(to: "engagin", in: ["won", "lost", "engaging"]) == "engaging")
        #expect(Suggestion.closest(to: "negotiation", in: ["won", "lost", "proposal"]) == nil)
        #expect(Suggestion.closest(to: "lo", in: ["won", "lost"]) == nil)  // two edits of a two-letter word is a guess
        #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
    }

    @Test func teamErrors() {
        let messages = load([
            "team.json": """
            {"regions": [{"id": "north", "name": "North", "manager": "zed"}, {"id": "North", "name": "N"}],
             "managers": [{"id": "mia", "name": "Mia", "region": "west"}],
             "reps": [{"id": "ann", "name": "Ann", "region": "north"}, {"id": "ann", "name": "Ann again", "region": "north"},
                      {"id": "../x", "name": "X", "region": "north"}, {"id": "bob", "name": "Bob", "region": "east"}]}
            """
        ])
        #expect(
            messages == [
                #"content/data/team.json:1:73: error: regions[1].id: "North" is not a valid id: use lower-case letters, digits, '-' and '_'"#,
                #"content/data/team.json:2:54: error: managers[0].region: unknown region "west""#,
                #"content/data/team.json:1:58: error: regions[0].manager: unknown manager "zed""#,
                #"content/data/team.json:3:60: error: reps[1]: duplicate id "ann" (first used at reps[0])"#,
                #"content/data/team.json:4:18: error: reps[2].id: "../x" is not a valid id: use lower-case letters, digits, '-' and '_'"#,
                #"content/data/team.json:4:98: error: reps[3].region: unknown region "east""#,
            ])
    }

    @Test func targetAndMetricErrors() {
        let messages = load([
            "team.json": team,
            "kpis.json": #"[{"id": "calls", "unit": "count", "aggregate": "total"}, {"id": "revenue"}]"#,
            "targets.json": """
            [{"rep": "ann", "period": "2024-Q5", "revenue": 1},
             {"rep": "ann", "region": "north", "period": "2024", "revenue": 1},
             {"team": true, "period": "2024", "revenu": 1},
             {"team": true, "period": "2024", "revenue": 1, "deals_won": -2},
             {"team": true, "period": "2024", "revenue": 5}]
            """,
            "metrics.json": #"[{"rep": "ann", "period": "2024-Q1", "calls": 1}, {"rep": "ann", "period": "2024-01", "visits": 1, "calls": "x"}]"#,
        ])
        #expect(
            messages == [
                #"content/data/kpis.json:1:48: error: kpis[0].aggregate: expected one of "sum", "mean", "last", found "total""#,
                #"content/data/kpis.json:1:65: error: kpis[1].id: "revenue" is a built-in KPI"#,
                #"content/data/targets.json:1:27: error: targets[0].period: expected YYYY-MM, YYYY-Qn or YYYY, found "2024-Q5""#,
                #"content/data/targets.json:2:2: error: targets[1]: has both "rep" and "region""#,
                #"content/data/targets.json:3:45: error: targets[2].revenu: unknown KPI "revenu""#,
                "content/data/targets.json:4:62: error: targets[3].deals_won: must not be negative, found -2.0",
                "content/data/targets.json:5:46: error: targets[4].revenue: duplicate target (first at targets[3].revenue)",
                #"content/data/metrics.json:1:27: error: metrics[0].period: expected a month written YYYY-MM, found "2024-Q1""#,
                #"content/data/metrics.json:1:97: error: metrics[1].visits: unknown metric "visits": describe it in kpis.json"#,
                #"content/data/metrics.json:1:109: error: metrics[1].calls: expected a number, found "x""#,
            ])
    }

    /// A value given twice for the same place is an error at the second, naming the first; the same KPI for another
    /// rep, month, scope or period is not a repeat.
    @Test func repeatedMetricsAndTargetsPointAtTheFirst() {
        let messages = load([
            "team.json": team,
            "kpis.json": #"[{"id": "calls", "unit": "count"}, {"id": "visits", "unit": "count"}]"#,
            "metrics.json": """
            [{"rep": "ann", "period": "2024-01", "calls": 1, "visits": 2},
             {"rep": "ann", "period": "2024-02", "calls": 1},
             {"rep": "ann", "period": "2024-01", "visits": 3}]
            """,
            "targets.json": """
            [{"rep": "ann", "period": "2024", "revenue": 1},
             {"region": "north", "period": "2024", "revenue": 1},
             {"rep": "ann", "period": "2024-Q1", "revenue": 1},
             {"region": "north", "period": "2024", "calls": 1, "revenue": 2}]
            """,
        ])
        #expect(
            messages == [
                "content/data/targets.json:4:63: error: targets[3].revenue: duplicate target (first at targets[1].revenue)",
                "content/data/metrics.json:3:48: error: metrics[2].visits: duplicate value for ann in 2024-01 (first at metrics[0].visits)",
            ])
    }

    @Test func teamIsRequiredOnceDataIsUsed() {
        #expect(load(["deals.json": "[]"]) == ["content/data/team.json:1:1: error: team.json is required when other data files exist"])
        #expect(
            load(["team.json": team, "notes.json": "{}"]).first
                == "content/data/notes.json:1:1: warning: unknown data file (known: team.json, deals.json, rollups.json, extract.json, targets.json, metrics.json, kpis.json, training.json)"
        )
    }

    @Test func trainingMustNameRealLessons() {
        let portal = renderPortal([
            "content/training/basics/01-first.md": "# First\n",
            "content/data/team.json": team,
            "content/data/training.json":
                #"[{"rep": "ann", "lesson": "basics/first", "completed": "2024-01-02"}, {"rep": "ann", "lesson": "basics/second", "completed": "2024-01-03"}]"#,
        ])
        #expect(
            portal.messages == [
                #"content/data/training.json:1:71: error: unknown lesson "basics/second""#
            ])
    }
}
