import ArgumentParser
import FieldbookAnalyze
import FieldbookLoad
import FieldbookModel
import FieldbookWrite
import Foundation

/// `fieldbook warehouse DIR`: the small tables `sql/rollups.sql` reads beside the deals, from the portal's settings.
struct Warehouse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the tables sql/rollups.sql reads beside deals: stages.csv and days.csv (see docs/warehouse.md).",
        discussion: """
            stages.csv holds pipeline.stages of fieldbook.json (stage,probability). days.csv holds the as-of date \
            (kind as_of) and the windows of days the periods under way on it are compared with (kind window), from \
            the as-of date and fieldbook.json's fiscal year. Load both into the warehouse as the tables stages and \
            days, run sql/rollups.sql, save its result as CSV and import it: fieldbook import rollups FILE.csv.
            """
    )

    @Argument(help: "The folder to write stages.csv and days.csv into (created if missing).")
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
        let windows = RollupsCheck.windows(asOf: day, calendar: config.fiscalCalendar).map { "window,\($0.first),\($0.last)\n" }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileReplacer.replace(folder + "/stages.csv", with: "stage,probability\n" + stages.joined())
            try FileReplacer.replace(folder + "/days.csv", with: "kind,first_day,last_day\nas_of,\(day),\(day)\n" + windows.joined())
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        print("Wrote \(folder)/stages.csv (\(stages.count) stages) and \(folder)/days.csv (as of \(day), \(windows.count) windows)")
    }
}
