import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookWrite

/// Quotas from a spreadsheet: whose, which period, which KPI, with every mistake one clear error.
@Suite struct TargetImporterTests {
    let importer = TargetImporter(
        team: Team(
            regions: [Region(id: "east", name: "East"), Region(id: "west", name: "West")], managers: [],
            reps: [Rep(id: "anna-snelling", name: "Anna Snelling", region: "east")]),
        kpis: KPI.builtIn.map(\.definition), calendar: FiscalCalendar())

    func run(_ csv: String) throws -> Result<CRMImporter.Imported, DiagnosticsError> {
        importer.targets(from: try CSVTable.parse(csv, path: "q.csv").get())
    }

    func errors(_ csv: String) throws -> [String] {
        guard case .failure(let error) = try run(csv) else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func rowsBecomeRepRegionAndTeamTargets() throws {
        let csv =
            "Region,Rep,Team,Period,Revenue,Deals Won,Win rate,Notes\nEast,Anna Snelling,,2026-Q1,\"60,000\",12,45%,new hire\n"
            + "West,,,2026-Q1,500000,,,\n,,yes,2026,,100,0.4,\n,,,2026-03,,,,heading row\n"
        let imported = try run(csv).get()
        #expect(
            imported.json == """
                [
                  {"rep": "anna-snelling", "period": "2026-Q1", "revenue": 60000, "deals_won": 12, "win_rate": 0.45},
                  {"region": "west", "period": "2026-Q1", "revenue": 500000},
                  {"team": true, "period": "2026", "deals_won": 100, "win_rate": 0.4}
                ]

                """)
        #expect(imported.report.summary == "3 target rows (1 rep, 1 region, 1 team)")
        #expect(imported.report.lines.contains("Ignored columns (no field reads them): Notes"))
        #expect(imported.report.lines.contains("  deals_won  ← Deals Won (empty in 2 of 4 rows)"))
        // What it writes is what the data loader reads.
        let team =
            #"{"regions": [{"id": "east", "name": "East"}, {"id": "west", "name": "West"}], "reps": [{"id": "anna-snelling", "name": "Anna Snelling", "region": "east"}]}"#
        #expect(DataLoader().load(["team.json": Array(team.utf8), "targets.json": Array(imported.json.utf8)]).1 == [])
    }

    @Test func aSheetWithoutRepsOrRegionsIsTheTeams() throws {
        #expect(try run("period,revenue\n2026,1000000\n").get().json.contains(#"{"team": true, "period": "2026", "revenue": 1000000}"#))
    }

    @Test func mistakesAreErrorsAtTheirLine() throws {
        #expect(
            try errors("Rep,Period,Revnue\nAnna Snelling,2026-Q1,5\n") == [#"q.csv:1:1: error: column "Revnue" is no KPI (did you mean "revenue"?)"#])
        #expect(
            try errors("Rep,Period,Revenue\nZane Lev,2026-Q1,5\nAnna Snelling,Q1 2026,5\nAnna Snelling,2026-Q1,12k\n") == [
                #"q.csv:2:1: error: rep "Zane Lev" is not in content/data/team.json"#,
                #"q.csv:3:1: error: period "Q1 2026" is not YYYY, YYYY-Qn or YYYY-MM"#,
                #"q.csv:4:1: error: revenue: "12k" is not a non-negative number"#,
            ])
        #expect(
            try errors("Rep,Period,Revenue\nAnna Snelling,2026-Q1,5\nanna-snelling,2026-Q1,6\n") == [
                "q.csv:3:1: error: a second row for the same rep and period 2026-Q1 (the first is on line 2)"
            ])
        #expect(try errors("Rep,Region,Period,Revenue\n,,2026-Q1,5\n") == ["q.csv:2:1: error: a target row needs a rep, a region or team (yes)"])
        #expect(try errors("Rep,Period,Notes\nAnna Snelling,2026-Q1,x\n").first?.hasPrefix("q.csv:1:1: error: no column names a KPI") == true)
    }
}
