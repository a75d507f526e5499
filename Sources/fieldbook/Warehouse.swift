import ArgumentParser
import FieldbookAnalyze
import FieldbookLoad
import FieldbookModel
import FieldbookWrite
import Foundation

/// `fieldbook warehouse DIR`: the small tables `sql/rollups.sql` reads beside the deals, from the portal's settings.
struct WarehouseTables: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warehouse",
        abstract: "Write the tables the warehouse queries read beside deals: stages, days, periods and reps (docs/warehouse.md).",
        discussion: """
            stages.csv holds pipeline.stages of fieldbook.json (stage,probability). days.csv holds the as-of date \
            (kind as_of) and the windows of days the periods under way on it are compared with (kind window), from \
            the as-of date and fieldbook.json's fiscal year. periods.csv holds the periods whose largest deals \
            sql/extracts.sql keeps, reps.csv each rep's region and manager. Load them into the warehouse as the tables \
            stages, days, periods and reps, run sql/rollups.sql (and sql/extracts.sql), save the results as CSV and \
            import them: fieldbook import rollups FILE.csv (and fieldbook import extract FILE.csv).
            """
    )

    @Argument(help: "The folder to write stages.csv, days.csv, periods.csv and reps.csv into (created if missing).")
    var folder: String

    @Option(help: "The date the deals are counted as of (YYYY-MM-DD); default: asOf of fieldbook.json.")
    var asOf: String?

    @Option(help: "The portal folder whose fieldbook.json gives the stages and the fiscal year.")
    var portal: String = "."

    func run() throws {
        let bytes = FileManager.default.contents(atPath: portal + "/fieldbook.json").map { [UInt8]($0) } ?? []
        let (config, diagnostics) = ConfigParser.parse(bytes)
        guard !diagnostics.hasErrors else {
            let lines = diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\nFix fieldbook.json first; nothing was written.\n").utf8))
            throw ExitCode(1)
        }
        let day: Day
        switch (asOf, config.asOf) {
        case (let text?, _):
            guard let parsed = Day(text) else { throw ValidationError("--as-of takes a date written YYYY-MM-DD, not \(text)") }
            day = parsed
        case (nil, let configured?): day = configured
        case (nil, nil): throw ValidationError("give the date to count the deals as of: --as-of YYYY-MM-DD (fieldbook.json has no asOf)")
        }
        let stages = config.stageProbabilities.sorted { $0.key < $1.key }.map { "\(csvField($0.key)),\($0.value)\n" }
        let windows = Warehouse.windows(asOf: day, calendar: config.fiscalCalendar).map { "window,\($0.first),\($0.last)\n" }
        let periods = Warehouse.listPeriods(asOf: day, calendar: config.fiscalCalendar).map {
            "\($0.label),\($0.first),\($0.last),\($0.stock),\($0.current ? 1 : 0)\n"
        }
        let team = try self.team()
        let reps = team.reps.map { rep in [rep.id, rep.region, team.manager(of: rep) ?? ""].map(csvField).joined(separator: ",") + "\n" }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileReplacer.replace(folder + "/stages.csv", with: "stage,probability\n" + stages.joined())
            try FileReplacer.replace(folder + "/days.csv", with: "kind,first_day,last_day\nas_of,\(day),\(day)\n" + windows.joined())
            try FileReplacer.replace(folder + "/periods.csv", with: "period,first_day,last_day,stock_day,current\n" + periods.joined())
            try FileReplacer.replace(folder + "/reps.csv", with: "rep,region,manager\n" + reps.joined())
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        print(
            "Wrote \(folder)/stages.csv (\(stages.count) stages), days.csv (as of \(day), \(windows.count) windows), "
                + "periods.csv (\(periods.count) periods) and reps.csv (\(reps.count) reps)")
    }

    /// The portal's team (reps.csv, for sql/extracts.sql's lists per region and manager); none before it is imported.
    private func team() throws -> Team {
        guard let bytes = FileManager.default.contents(atPath: portal + "/content/data/team.json") else {
            return Team(regions: [], managers: [], reps: [])
        }
        let (data, found) = DataLoader().load(["team.json": [UInt8](bytes)])
        guard let team = data?.team, !found.hasErrors else {
            let lines = found.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\nFix content/data/team.json first; nothing was written.\n").utf8))
            throw ExitCode(1)
        }
        return team
    }
}
