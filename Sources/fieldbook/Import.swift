import ArgumentParser
import FieldbookCore
import Foundation

/// `fieldbook import team|deals FILE.csv`: a CRM export into content/data/.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a CRM export (CSV) into content/data/team.json or deals.json.",
        discussion: """
            Columns are recognised by common names (sales_agent, owner, deal_stage, close_value, engage_date, \
            close_date, regional_office, manager, ...); name others with --column FIELD=HEADER. Team fields: \
            \(CRMImporter.teamFields.map(\.field).joined(separator: ", ")). Deal fields: \
            \(CRMImporter.dealFields.map(\.field).joined(separator: ", ")).
            Stages such as Won, Closed Won and 赢单 become won; Lost, Closed Lost and 输单 become lost.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case team, deals
    }

    @Argument(help: "What the file holds: team or deals.")
    var kind: Kind

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The portal folder to write into.")
    var portal: String = "."

    @Option(name: .customLong("column"), help: "Which header holds a field, as FIELD=HEADER (repeatable).")
    var columns: [String] = []

    func run() throws {
        var chosen: [String: String] = [:]
        for pair in columns {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw ValidationError("--column takes FIELD=HEADER, not \(pair)") }
            chosen[parts[0]] = parts[1]
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let target = portal + "/content/data/\(kind.rawValue).json"
        let importer = CRMImporter(columns: chosen)
        let result = CSVTable.parse(String(decoding: data, as: UTF8.self), path: file).flatMap { table in
            switch kind {
            case .team: importer.team(from: table)
            case .deals: importer.deals(from: table, team: existingTeam())
            }
        }
        switch result {
        case .success(let (json, summary)):
            do {
                try FileReplacer.replace(target, with: json)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(1)
            }
            print("Imported \(summary) into \(target)")
        case .failure(let error):
            FileHandle.standardError.write(Data((error.description + "\nNothing was written.\n").utf8))
            throw ExitCode(1)
        }
    }

    /// The portal's team, when there is one, so deal owners map to the rep ids it already uses.
    private func existingTeam() -> Team? {
        guard let bytes = FileManager.default.contents(atPath: portal + "/content/data/team.json") else { return nil }
        return DataLoader().load(["team.json": [UInt8](bytes)]).0?.team
    }
}
