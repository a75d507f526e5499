import Testing

@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel

/// The query's result as CSV into rollups.json: each cell's shape checked at the CSV's line, and the loader's findings
/// about the JSON moved to the same lines.
@Suite struct RollupsImporterTests {
    static let header =
        "kind,rep,as_of,year,month,first_day,last_day,created,won,lost,revenue,cycle_days,cycle_count,open,pipeline,weighted,pending\n"

    func run(_ csv: String) throws -> Result<CRMImporter.Imported, DiagnosticsError> {
        RollupsImporter.rollups(from: try CSVTable.parse(csv, path: "r.csv").get())
    }

    @Test func rowsBecomeOneRecordALine() throws {
        let csv =
            Self.header + "month,ann,2024-05-15,2024,2,,,1,2,0,1500.5,45,2,1,300.0,0.0,0.0\n"
            + "window,ann,2024-05-15,,,2024-01-01,2024-02-14,3,1,0,1000.0,26,1,2,800.5,0.0,0.0\n"
        let imported = try run(csv).get()
        #expect(
            imported.json == """
                [
                {"kind": "month", "rep": "ann", "as_of": "2024-05-15", "month": "2024-02", "created": 1, "won": 2, "lost": 0, "revenue": 1500.5, "cycle_days": 45, "cycle_count": 2, "open": 1, "pipeline": 300.0, "weighted": 0.0, "pending": 0.0},
                {"kind": "window", "rep": "ann", "as_of": "2024-05-15", "first_day": "2024-01-01", "last_day": "2024-02-14", "created": 3, "won": 1, "lost": 0, "revenue": 1000.0, "cycle_days": 26, "cycle_count": 1, "open": 2, "pipeline": 800.5, "weighted": 0.0, "pending": 0.0}
                ]

                """)
        #expect(imported.report.summary == "1 month rows and 1 window rows")
    }

    @Test func cellsOfTheWrongShapeAreErrorsAtTheirLine() throws {
        guard case .failure(let missing) = try run("kind,rep\nmonth,ann\n") else { Issue.record("no error"); return }
        #expect(missing.diagnostics.first?.message.hasPrefix("missing columns as_of, year, month, first_day") == true)
        let csv =
            Self.header + "month,ann,2024-05-15,2024,13,,,1,2,0,1500.5,45,2,1,300.0,0.0,0.0\n"
            + "week,ann,2024-05-15,,,,,1,2,0,1500.5,45,2,1,300.0,0.0,0.0\n" + "month,ann,2024-05-15,2024,1,,,1,two,0,1500.5,45,2,1,,0.0,0.0\n"
        guard case .failure(let error) = try run(csv) else { Issue.record("no error"); return }
        #expect(
            error.diagnostics.map(\.description) == [
                #"r.csv:2:1: error: year "2024" and month "13" are not a year and a month (1 to 12)"#,
                #"r.csv:3:1: error: kind "week" is neither month nor window"#, #"r.csv:4:1: error: won "two" is not a number"#,
                #"r.csv:4:1: error: pipeline "" is not a number"#,
            ])
    }

    @Test func theLoadersFindingsPointAtTheCSV() throws {
        let csv = Self.header + "month,ann,2024-05-15,2024,2,,,1,2,0,1500.5,45,2,1,300.0,0.0,0.0\nmonth,zoe,2024-05-15,2024,2,,,1,2,0,1,0,0,0,0,0,0\n"
        let table = try CSVTable.parse(csv, path: "r.csv").get()
        let imported = try RollupsImporter.rollups(from: table).get()
        let team = #"{"regions": [{"id": "n", "name": "N"}], "managers": [], "reps": [{"id": "ann", "name": "Ann", "region": "n"}]}"#
        let found = DataLoader().load(["team.json": Array(team.utf8), "rollups.json": Array(imported.json.utf8)]).1
        #expect(RollupsImporter.lines(of: found, in: table).map(\.description) == [#"r.csv:3:1: error: rollups[1].rep: unknown rep "zoe""#])
    }
}
