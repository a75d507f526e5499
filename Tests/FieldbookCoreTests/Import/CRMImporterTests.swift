import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch
@testable import FieldbookWrite

/// Imports never guess silently: every variant of a real export that once imported wrong figures with exit 0 is
/// now one clear error, or a report line that says what was left out.
@Suite struct CRMImporterTests {
    let team = Team(
        regions: [Region(id: "north", name: "North")], managers: [],
        reps: [Rep(id: "ann-lee", name: "Ann Lee", region: "north"), Rep(id: "bob", name: "Bob", region: "north")])

    private func table(_ text: String, delimiter: Character? = nil) throws -> CSVTable {
        try CSVTable.parse(text, path: "p.csv", delimiter: delimiter).get()
    }

    private func deals(_ text: String, stages: Set<String>? = ["engaging"]) throws -> Result<CRMImporter.Imported, DiagnosticsError> {
        CRMImporter().deals(from: try table(text), team: team, openStages: stages)
    }

    private func errors(_ result: Result<CRMImporter.Imported, DiagnosticsError>) -> [String] {
        guard case .failure(let error) = result else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func aRenamedAmountColumnIsOneError() throws {
        let csv = "opportunity_id,sales_agent,deal_stage,close_date,Total (USD)\n" + (1...50).map { "D\($0),Ann Lee,Won,2017-03-01,100\n" }.joined()
        #expect(
            errors(try deals(csv)) == [
                "p.csv:1:1: error: no column for amount, which won deals need (50 in this file; looked for close_value, amount, value, "
                    + "deal_value, 金额); the file's columns are opportunity_id, sales_agent, deal_stage, close_date, Total (USD); "
                    + "name one with --column amount=HEADER"
            ])
        let named = CRMImporter(columns: ["amount": "Total (USD)"]).deals(from: try table(csv), team: team, openStages: [])
        #expect(try named.get().report.summary == "50 deals (50 won)")
    }

    @Test func aRenamedCloseDateIsOneError() throws {
        let csv = "opportunity_id,sales_agent,deal_stage,close_value,Closing\nD1,Ann Lee,Won,5,2017-03-01\nD2,Bob,Lost,,2017-03-02\n"
        #expect(errors(try deals(csv)).count == 1)
        #expect(
            errors(try deals(csv)).first?.hasPrefix("p.csv:1:1: error: no column for closed, which won and lost deals need (2 in this file;") == true)
    }

    @Test func aMissingRequiredColumnNamesTheFilesHeaders() throws {
        #expect(
            errors(try deals("Deal ID,Stage\nD1,Won\n")) == [
                "p.csv:1:1: error: no column for rep (looked for sales_agent, owner, rep, sales_rep, deal_owner, opportunity_owner, 负责人, 销售); "
                    + "the file's columns are Deal ID, Stage; name one with --column rep=HEADER"
            ])
    }

    @Test func ownersMustBeRepsOfTheTeamAtTheirLine() throws {
        let csv = "id,owner,stage\nD1,Ann Lee,Engaging\nD2,Zane Lev,Engaging\nD3,bob,Engaging\n"
        #expect(errors(try deals(csv)) == [#"p.csv:3:1: error: deal "D2": owner "Zane Lev" is not a rep of the team (content/data/team.json)"#])
        #expect(
            errors(CRMImporter().deals(from: try table(csv), team: nil, openStages: nil)) == [
                "p.csv:1:1: error: the portal has no team yet: import it first (fieldbook import team FILE.csv), so owners match reps"
            ])
    }

    @Test func stagesAreWonLostOrConfigured() throws {
        let csv =
            "id,owner,stage,amount,closed\nD1,Ann Lee,Wonn,5,2017-01-01\nD2,Bob,Negotiation,,\nD3,Bob,Negotiation,,\nD4,Bob,Closed Won,5,2017-01-01\n"
        #expect(
            errors(try deals(csv)) == [
                #"p.csv:2:1: error: stage "Wonn" (1 deal; this is the first) (did you mean "won"?) is not won, lost or one of pipeline.stages in fieldbook.json (won, lost, engaging); add "wonn" there with its probability"#,
                #"p.csv:3:1: error: stage "Negotiation" (2 deals; this is the first) is not won, lost or one of pipeline.stages in fieldbook.json (won, lost, engaging); add "negotiation" there with its probability"#,
            ])
        let report = try deals(csv, stages: ["wonn", "negotiation"]).get().report
        #expect(
            report.stages.map { "\($0.name) → \($0.stage) (\($0.count))" } == [
                "Negotiation → negotiation (2)", "Closed Won → won (1)", "Wonn → wonn (1)",
            ])
    }

    @Test func aWonDealWithAnEmptyAmountIsAnError() throws {
        let csv = "id,owner,stage,amount,closed\nD1,Ann Lee,Won,,2017-01-01\nD2,Bob,Engaging,,\n"
        #expect(errors(try deals(csv)) == [#"p.csv:2:1: error: deal "D1": a won deal needs an amount"#])
    }

    @Test func manyBadRowsListTwentyAndCountTheRest() throws {
        let csv = "id,owner,stage,amount,closed\n" + (1...25).map { "D\($0),Ann Lee,Won,12k,2017-01-01\n" }.joined()
        let found = errors(try deals(csv))
        #expect(found.count == 21)
        #expect(found.last == "p.csv:1:1: error: 5 more rows have problems (the first 20 are above)")
    }

    @Test func theReportSaysWhereEachFieldCameFromAndWhatWasEmpty() throws {
        let csv = "opportunity_id,sales_agent,deal_stage,close_value,close_date\nD1,Ann Lee,Won,5,2017-01-01\nD2,Bob,Engaging,,\n"
        let report = try deals(csv).get().report
        #expect(report.lines.first == #"Read p.csv: 2 rows, separated by ",". Columns:"#)
        #expect(report.lines.contains("  amount          ← close_value (empty in 1 of 2 rows)"))
        #expect(
            report.lines.contains(
                "  probability     no column, left out (looked for probability, probability_(%), win_probability, 赢率; --column probability=HEADER)"))
        #expect(report.lines.dropLast().last == "Stages: Engaging → engaging (1), Won → won (1)")
        #expect(
            report.lines.last == "1 open deal has no amount: pipeline figures leave it out (value them with --prices FILE.csv, a product price list)")
        #expect(report.summary == "2 deals (1 engaging, 1 won)")
        let teamReport = try CRMImporter().team(from: try table("Name,Office,Boss\nAnn,North,Mia\n")).get().report
        #expect(teamReport.lines.contains { $0.hasPrefix("  manager  no column, left out (looked for manager, sales_manager") })
        #expect(teamReport.summary == "1 rep in 1 region with 0 managers")
    }

    @Test(arguments: [
        ("id;owner;stage\r\nD1;Ann Lee;Engaging\r\n", ";"),
        ("\u{FEFF}id\towner\tstage\nD1\tAnn Lee\tEngaging\n", "\t"),
        ("id,owner,stage,\"a;b;c;d\"\nD1,Ann Lee,Engaging,\n", ","),
    ])
    func delimitersAreFoundInTheHeader(csv: String, delimiter: String) throws {
        let parsed = try table(csv)
        #expect(parsed.delimiter == Character(delimiter))
        #expect(parsed.rows.first?.prefix(3) == ["D1", "Ann Lee", "Engaging"])
        #expect(try deals(csv).get().report.summary == "1 deal (1 engaging)")
    }

    /// Amounts as CRMs write them; anything that needs a guess (`12k`, odd grouping) is refused, never read smaller.
    @Test(arguments: [
        ("1234.5", 1234.5), ("$1,234.50", 1234.5), ("¥ 1 234", 1234), ("1.234,50 €", 1234.5), ("USD 1,200", 1200), ("1200 EUR", 1200),
        ("1,200", 1200), ("1.234.567", 1_234_567), ("12,5", 12.5), ("99.95", 99.95), ("-5", -5), ("40%", 40), ("0", 0),
        ("0.125", 0.125), ("0.050", 0.05), ("0,5", 0.5),
    ])
    func amountsAreReadAsWritten(text: String, value: Double) {
        #expect(AmountParser.parse(text) == value)
    }

    @Test(arguments: ["12k", "1,23,4", "1.2.3", "1,234.5.6", "abc", "", "$", "1e5", "1,2345", "EUR", "1 200 apples"])
    func amountsThatNeedAGuessAreRefused(text: String) {
        #expect(AmountParser.parse(text) == nil)
    }

    /// Open deals without an amount are valued at their product's list price and marked as estimates; a name that
    /// differs only in spaces or case matches (and the report says so); a product the list lacks is one error.
    @Test func pricesValueOpenDealsAndSaySo() throws {
        let prices = try PriceList.read(
            try CSVTable.parse("product,series,sales_price\nGTX Pro,GTX,4821\nMG Special,MG,55\n", path: "products.csv").get()
        ).get()
        let csv =
            "id,owner,stage,amount,closed,product\nD1,Ann Lee,Engaging,,,GTXPro\nD2,Bob,Engaging,,,MG Special\nD3,Bob,Engaging,100,,MG Special\n"
            + "D4,Bob,Engaging,,,\nD5,Bob,Won,7,2017-01-01,GTXPro\n"
        let imported = try CRMImporter().deals(from: try table(csv), team: team, openStages: ["engaging"], prices: prices).get()
        #expect(
            imported.json.contains(
                #"{"id": "D1", "rep": "ann-lee", "stage": "engaging", "product": "GTXPro", "amount": 4821, "amount_estimated": true}"#))
        #expect(imported.json.contains(#"{"id": "D3", "rep": "bob", "stage": "engaging", "product": "MG Special", "amount": 100}"#))
        #expect(imported.json.contains(#"{"id": "D4", "rep": "bob", "stage": "engaging"}"#))
        #expect(
            imported.report.lines.suffix(2) == [
                "Valued at list price (products.csv): 2 open deals without an amount, marked amount_estimated: GTXPro → GTX Pro (1), MG Special (1)",
                "1 open deal has no amount: pipeline figures leave it out (no product to price)",
            ])
        let unknown = CRMImporter().deals(
            from: try table(csv + "D6,Bob,Engaging,,,MG Specal\nD7,Bob,Engaging,,,MG Specal\n"), team: team, openStages: ["engaging"], prices: prices)
        #expect(
            errors(unknown) == [
                #"p.csv:7:1: error: product "MG Specal" (2 open deals without an amount; this is the first) is not in products.csv (did you mean "MG Special"?)"#
            ])
    }

    /// Found in review: each of these once imported a wrong figure or a file the build then refused.
    @Test func rowMistakesFoundInReview() throws {
        let csv = "id,owner,stage,amount,closed,probability\nD1,Ann Lee,Engaging,,,1%\nD2,Bob,Engaging,-1200,,\n"
        #expect(errors(try deals(csv)) == [#"p.csv:3:1: error: deal "D2": amount -1200.0 is negative"#])
        let fine = try deals("id,owner,stage,probability\nD1,Ann Lee,Engaging,1%\nD2,Bob,Engaging,0.100\n").get().json
        #expect(fine.contains(#""probability": 0.01"#) && fine.contains(#""probability": 0.1"#))  // 1% is not 100%, 0.100 not 100
        let twice = CRMImporter().team(from: try table("Name,Office\nAnn,North\nBob,North\nAnn,South\n"))
        #expect(errors(twice) == [#"p.csv:4:1: error: rep "Ann" is listed twice (first on line 2)"#])
        let latin1: [UInt8] = Array("id,owner,stage\nD1,M".utf8) + [0xFC] + Array("ller,Engaging\n".utf8)
        guard case .failure(let notUTF8) = CSVTable.parse(bytes: latin1, path: "p.csv") else {
            Issue.record("a Latin-1 file was read")
            return
        }
        #expect(notUTF8.diagnostics.map(\.description) == ["p.csv:2:5: error: file is not valid UTF-8"])
        // A stage missing from the settings is said first, before twenty row errors cut the rest.
        let many = "id,owner,stage\n" + (1...25).map { "D\($0),Zane Lev,Engaging\n" }.joined() + "D99,Ann Lee,Negotiation\n"
        #expect(errors(try deals(many)).first?.hasPrefix(#"p.csv:27:1: error: stage "Negotiation" (1 deal; this is the first)"#) == true)
    }

    @Test func aPriceListMustBeClean() throws {
        let list = PriceList.read(try CSVTable.parse("product,sales_price\nGTX Pro,4821\nGTX  Pro ,1\nMG,free\n", path: "products.csv").get())
        guard case .failure(let error) = list else {
            Issue.record("a price list with a repeated product and a price in words was read")
            return
        }
        #expect(
            error.diagnostics.map(\.description) == [
                #"products.csv:3:1: error: product "GTX  Pro" is listed twice"#, #"products.csv:4:1: error: product "MG": the price is not a number"#,
            ])
    }

    @Test func aGivenDelimiterWins() throws {
        #expect(try table("a;b,c\n1;2,3\n", delimiter: ",").header == ["a;b", "c"])
    }
}
