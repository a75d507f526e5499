import Testing

@testable import FieldbookLoad
@testable import FieldbookModel

/// A deal record is read straight from its bytes (`DataLoader.scanDeal`) when it is clean, and through a JSON tree
/// (`checkDeal`) otherwise. Whatever the record, the first must give exactly what the second gives, or hand it over
/// untouched.
@Suite struct DealScanTests {
    static let base: [(String, String)] = [
        ("id", #""d-1""#), ("rep", #""ana""#), ("stage", #""proposal""#), ("account", #""Acme 公司""#), ("product", #""GTX Pro""#),
        ("created", #""2017-03-01""#), ("closed", "null"), ("expected_close", #""2017-04-30""#), ("amount", "1234.5"),
        ("amount_estimated", "false"), ("probability", "0.25"),
    ]

    /// The record with `changes` applied: a value replaced, a key dropped (`drop`), or a key added (at the end).
    static func record(_ changes: [String: String], order: [(String, String)] = base, spacing: String = " ") -> String {
        var members = order.compactMap { key, value -> String? in
            let value = changes[key] ?? value
            return value == drop ? nil : "\"\(key)\":\(spacing)\(value)"
        }
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) where !order.contains(where: { $0.0 == key }) && value != drop {
            members.append("\"\(key)\":\(spacing)\(value)")
        }
        return "{" + members.joined(separator: ",\(spacing)") + "}"
    }

    static let drop = "(drop)"

    static var variants: [String] {
        var records = [record([:]), record([:], spacing: "\n  "), record([:], order: base.reversed())]
        let won: [String: String] = ["stage": #""won""#, "closed": #""2017-05-02""#, "amount_estimated": drop, "probability": drop]
        func with(_ changes: [String: String]) -> [String: String] { won.merging(changes) { $1 } }
        records += [record(won), record(with(["stage": #""Won""#])), record(["stage": #""lost""#, "closed": #""2017-05-02""#])]
        for (key, _) in base {
            records.append(record([key: drop]))  // dropped
            records.append(record([key: "null"]))
            records.append(record([key: "12"]))
            records.append(record([key: #""""#]))
            records.append(record([key: #""2017-02-30""#]))
            records.append(record([key: "true"]))
            records.append(record([key: "[1]"]))
            records.append(record([key: #"{"a": 1}"#]))
            records.append(record(with([key: drop])))
        }
        records += [
            record(["note": #""hello""#]), record(["id": #""x-\u0031""#]), record(["account": #""Caf\u00e9""#]), record(["rep": #""Ana""#]),
            record(["rep": #""bo""#]), record(["rep": #""ana lee""#]), record(["stage": #""negotiation""#]), record(["stage": #""Proposal""#]),
            record(["amount": "-1"]), record(["amount": "1e16"]), record(["amount": "0"]), record(["amount": "01"]), record(["probability": "1.5"]),
            record(["probability": "1"]), record(["amount_estimated": "true"]), record(["amount_estimated": "true", "amount": drop]),
            record(with(["amount_estimated": "true"])), record(with(["amount": drop])),
            record(with(["closed": drop])), record(with(["closed": #""2017-02-28""#])),
            record(with(["closed": #""2017-03-01""#])), "{}", "[]", "12", #""deal""#, #"{"id": "d-2", "id": "d-3", "rep": "ana", "stage": "won"}"#,
            #"{"a\u006dount": 5, "id": "d-4", "rep": "ana", "stage": "proposal"}"#, #"{"id": "d-5", "rep": "ana", "stage": "proposal",}"#,
        ]
        return records
    }

    @Test func theScanGivesWhatTheCheckGivesOrHandsTheRecordOver() throws {
        let loader = DataLoader(openStages: ["proposal", "qualify"])
        let reps: Set<String> = ["ana", "lee"]
        var scanned = 0
        for record in Self.variants {
            let bytes = Array("[\(record)]".utf8)
            var outcome: (scan: DataLoader.CheckedDeal?, check: DataLoader.CheckedDeal?, problems: [String], syntax: Bool) = (nil, nil, [], false)
            do {
                _ = try JSONReader.readEachElement(bytes) { json, _ throws(JSONReader.SyntaxError) in
                    let start = json.index
                    outcome.scan = DataLoader.scanDeal(&json, reps: reps, openStages: loader.openStages)
                    if outcome.scan != nil { json.index = start }  // read it again, the other way
                    #expect(json.index == start, "\(record)")
                    var file = DataFileReader(path: "deals.json", bytes: bytes)
                    outcome.check = loader.checkDeal(try json.readNode(), "deals[0]", reps: reps, &file)
                    outcome.problems = file.diagnostics.map(\.description)
                }
            } catch {
                outcome.syntax = true
            }
            guard let scan = outcome.scan else { continue }
            scanned += 1
            #expect(!outcome.syntax && outcome.problems.isEmpty, "\(record): \(outcome.problems)")
            #expect(scan.deal != nil && scan.deal == outcome.check?.deal, "\(record)")
            #expect(scan.id?.0 == outcome.check?.id?.0 && scan.id?.1 == outcome.check?.id?.1, "\(record)")
        }
        // The clean records above, and no more, are read without a tree.
        #expect(scanned >= 12)
    }

    /// A whole file, read on two cores with clean records scanned, gives the deals and diagnostics that reading each
    /// record alone, through the tree, gives.
    @Test func aFileReadsAsItsRecordsDoOneByOne() throws {
        let records = Self.variants.filter { $0.hasPrefix("{\"") }.enumerated().map { index, record in
            record.replacingOccurrences(of: #""id": "d-1""#, with: "\"id\": \"deal-\(index)\"")
        }
        let team =
            #"{"regions": [{"id": "west", "name": "West"}], "reps": [{"id": "ana", "name": "Ana", "region": "west"}, {"id": "lee", "name": "Lee", "region": "west"}]}"#
        func load(_ records: [String]) -> ([Deal], [String]) {
            let (data, diagnostics) = DataLoader(openStages: ["proposal", "qualify"]).load([
                "team.json": Array(team.utf8), "deals.json": Array(("[\n" + records.joined(separator: ",\n") + "\n]").utf8),
            ])
            // Named by record, not by line: the file and the records alone number them differently.
            return (data?.deals ?? [], diagnostics.map { $0.message.replacing(/deals\[\d+\]/, with: "deals[n]") })
        }
        // Records with a syntax error end the file there: they are left out.
        let readable = records.filter { record in load([record]).1.allSatisfy { $0.hasPrefix("deals[") } }
        #expect(readable.count > records.count - 5)
        let whole = load(readable)
        let alone = readable.map { load([$0]) }
        #expect(whole.0 == alone.flatMap(\.0))
        #expect(whole.1.sorted() == alone.flatMap(\.1).sorted())  // unknown stages are reported after the file's other problems
        #expect(whole.0.count >= 12)
    }
}
