import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookRender

@Suite struct KPIWindowTests {
    @Test func strayAncientDatesCostNothingAndOldOpenDealsStillCount() throws {
        let files: [String: [UInt8]] = [
            "team.json": Array(#"{"regions": [{"id": "r", "name": "R"}], "reps": [{"id": "a", "name": "A", "region": "r"}]}"#.utf8),
            "deals.json": Array(
                #"[{"id": "1", "rep": "a", "stage": "won", "amount": 5, "created": "0001-01-01", "closed": "0001-02-01"}, {"id": "2", "rep": "a", "stage": "open", "amount": 7, "created": "1990-01-01"}, {"id": "3", "rep": "a", "stage": "won", "amount": 9, "created": "2024-01-01", "closed": "2024-05-01"}]"#
                    .utf8),
        ]
        let board = KPICalculator().compute(try #require(DataLoader().load(files).0))
        #expect(board.periods.filter { $0.kind == .month }.count == KPICalculator.maximumMonths)
        #expect(board.actual("team", "2024-05", "revenue") == 9)
        #expect(board.actual("team", "2024-05", "open_deals") == 1)  // the 1990 deal is still open
        #expect(board.actual("team", "2015-06", "open_deals") == 1)
    }
}
