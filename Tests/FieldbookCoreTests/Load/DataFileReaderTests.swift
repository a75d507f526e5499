import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch

/// `mapRecords` reads a large array in two halves at once; whatever the bytes, its results must be exactly what
/// reading in one go (`forEachRecord`) gives.
@Suite struct DataFileReaderTests {
    /// `count` deal-like records of about 210 bytes each, one per line; `amount` is negative where `negative` says.
    static func records(_ count: Int, negative: (Int) -> Bool = { _ in false }) -> [String] {
        (0..<count).map { index in
            let note = String(repeating: "n", count: 160)
            return #"  {"id": "d\#(index)", "rep": "r\#(index % 7)", "amount": \#(negative(index) ? -1 : index), "note": "\#(note)"}"#
        }
    }

    static func array(_ records: [String]) -> [UInt8] { Array(("[\n" + records.joined(separator: ",\n") + "\n]\n").utf8) }

    /// A check that reports something for some records, names them by path, and returns their id.
    static let check: @Sendable (inout DataFileReader, JSONNode, String) -> String? = { file, node, path in
        guard let members = file.members(node, path) else { return nil }
        var fields = RecordFields(node: node, jsonPath: path, members: members)
        if let amount = fields.number("amount", in: &file), amount < 0, let member = fields.member("amount") {
            file.error(member, "\(path).amount", "negative")
        }
        return fields.string("id", in: &file)
    }

    struct Outcome: Equatable {
        var ids: [String?]
        var perRecord: [[String]]
        var rest: [String]
    }

    /// Both ways of reading `bytes`: in one go, and by `mapRecords`.
    static func read(_ bytes: [UInt8]) -> (serial: Outcome, parallel: Outcome) {
        var serial = DataFileReader(path: "deals.json", bytes: bytes)
        var ids: [String?] = []
        var perRecord: [[String]] = []
        var recordDiagnostics = 0
        serial.forEachRecord(bytes, "deals") { file, node, path in
            let before = file.diagnostics.count
            ids.append(check(&file, node, path))
            perRecord.append(file.diagnostics[before...].map(\.description))
            recordDiagnostics += file.diagnostics.count - before
        }
        // In one go, problems of the reading itself (a syntax error) come after the records'.
        let rest = serial.diagnostics.dropFirst(recordDiagnostics).map(\.description)
        var parallel = DataFileReader(path: "deals.json", bytes: bytes)
        let mapped = Array(parallel.mapRecords(bytes, "deals", check).joined())
        return (
            Outcome(ids: ids, perRecord: perRecord, rest: rest),
            Outcome(ids: mapped.map(\.0), perRecord: mapped.map { $0.1.map(\.description) }, rest: parallel.diagnostics.map(\.description))
        )
    }

    @Test func aLargeArrayIsCutAtAnElementInTheMiddle() throws {
        let bytes = Self.array(Self.records(5000))
        #expect(bytes.count > DataFileReader.twoCoreSize)
        let split = try #require(JSONReader.middleElementGuess(bytes))
        #expect(bytes[split] == UInt8(ascii: "{") && split >= bytes.count / 2 && split < bytes.count / 2 + 300)
        var first = 0
        var second = 0
        #expect(try JSONReader.forEachElement(bytes, until: split) { _, _ in first += 1 })
        try JSONReader.forEachElement(bytes, from: split) { _, _ in second += 1 }
        #expect(first + second == 5000 && first > 2400 && first < 2600)
        let (serial, parallel) = Self.read(bytes)
        #expect(serial == parallel)
        #expect(parallel.ids.last == "d4999" && parallel.rest.isEmpty)
    }

    @Test func problemsInEitherHalfNameTheRecordsNumberInTheWholeFile() {
        let (serial, parallel) = Self.read(Self.array(Self.records(5000) { $0 == 10 || $0 == 4000 }))
        #expect(serial == parallel)
        #expect(parallel.perRecord[4000] == ["deals.json:4002:42: error: deals[4000].amount: negative"])
        #expect(parallel.perRecord.filter { !$0.isEmpty }.count == 2)
    }

    @Test(arguments: [100, 4000])
    func aSyntaxErrorEndsTheFileThereInEitherHalf(at record: Int) {
        var records = Self.records(5000)
        records[record] = records[record].replacingOccurrences(of: "\"amount\": ", with: "\"amount\": +")
        let (serial, parallel) = Self.read(Self.array(records))
        #expect(serial == parallel)
        #expect(parallel.ids.count == record && parallel.rest.count == 1)
    }

    @Test func aGuessInsideAStringIsCaughtAndTheFileReadInOneGo() throws {
        // A string in the middle that looks like the end of one record and the start of the next.
        var records = Self.records(5000)
        records[2500] = #"  {"id": "x", "note": ""# + String(repeating: "}, {", count: 20000) + #""}"#
        let bytes = Self.array(records)
        let split = try #require(JSONReader.middleElementGuess(bytes))
        #expect(try !JSONReader.forEachElement(bytes, until: split) { _, _ in })
        let (serial, parallel) = Self.read(bytes)
        #expect(serial == parallel)
        #expect(parallel.ids.count == 5000)
    }

    @Test func aLargeFileThatIsNotAnArrayIsReportedOnce() {
        let bytes = Array(("{\"deals\": [" + Self.records(5000).joined(separator: ",") + "]}").utf8)
        let (serial, parallel) = Self.read(bytes)
        #expect(serial == parallel)
        #expect(parallel.rest == ["deals.json:1:1: error: deals: expected an array, found an object"])
    }

    @Test func aRepeatedDealIdAcrossTheHalvesIsReportedAgainstTheFirst() {
        var deals = (0..<5000).map { #"{"id": "d\#($0)", "rep": "ann", "stage": "open", "account": "\#(String(repeating: "a", count: 200))"}"# }
        deals[4000] = deals[4000].replacingOccurrences(of: "\"d4000\"", with: "\"d7\"")
        // A repeat with other problems too: only the repeat is reported, as reading in one go stops there.
        deals[4001] = #"{"id": "d8", "rep": "nobody", "stage": "open"}"#
        let team = #"{"regions": [{"id": "north", "name": "North"}], "reps": [{"id": "ann", "name": "Ann", "region": "north"}]}"#
        let files = ["team.json": Array(team.utf8), "deals.json": Array(("[" + deals.joined(separator: ",\n") + "]").utf8)]
        #expect(files["deals.json"]!.count > DataFileReader.twoCoreSize)
        let (data, diagnostics) = DataLoader().load(files)
        #expect(data?.deals.count == 4998)
        #expect(
            diagnostics.map(\.description) == [
                #"content/data/deals.json:4001:8: error: deals[4000].id: duplicate deal id "d7" (first at deals[7])"#,
                #"content/data/deals.json:4002:8: error: deals[4001].id: duplicate deal id "d8" (first at deals[8])"#,
            ])
    }
}
