import ArgumentParser
import FieldbookAnalyze
import FieldbookCore
import FieldbookImport
import FieldbookLoad
import FieldbookModel
import FieldbookWrite
import Foundation

/// `fieldbook import team|deals FILE.csv`: a CRM export into content/data/, with a report of what was read.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a CRM export, a quota sheet, or a warehouse's rollups or extract (CSV) into content/data/.",
        discussion: """
            Columns are recognised by common names (sales_agent, owner, deal_stage, close_value, engage_date, \
            close_date, regional_office, manager, ...); name others with --column FIELD=HEADER. Team fields: \
            \(CRMImporter.teamFields.map(\.field).joined(separator: ", ")). Deal fields: \
            \(CRMImporter.dealFields.map(\.field).joined(separator: ", ")).
            The report says which column fed each field, how many cells were empty and how stages were mapped: \
            Won, Closed Won and 赢单 become won; Lost, Closed Lost and 输单 become lost; any other stage must be one of \
            pipeline.stages in fieldbook.json. Deal owners must be reps of content/data/team.json: import the team first.
            Targets: a rep, region or team column, a period column (YYYY, YYYY-Qn, YYYY-MM) and a column per KPI id.
            Rollups: the result of sql/rollups.sql saved as CSV, in place of deals (see fieldbook warehouse and \
            docs/warehouse.md); it becomes content/data/rollups.json. Extract: the result of sql/extracts.sql, the \
            largest deals behind each list, into content/data/extract.json.
            A required column that is missing is one error listing the file's headers; nothing is written then.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case team, deals, targets, rollups, extract
    }

    @Argument(help: "What the file holds: team, deals, targets, rollups or extract.")
    var kind: Kind

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The portal folder to write into.")
    var portal: String = "."

    @Option(name: .customLong("column"), help: "Which header holds a field, as FIELD=HEADER (repeatable).")
    var columns: [String] = []

    @Option(help: "The field separator: ',', ';' or 'tab' (default: found in the header line).")
    var delimiter: String?

    @Option(help: "A product price list (CSV: product, sales_price) that values open deals without an amount.")
    var prices: String?

    @Flag(name: .customLong("dry-run"), help: "Print the report and write nothing.")
    var dryRun = false

    func run() throws {
        var chosen: [String: String] = [:]
        for pair in columns {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw ValidationError("--column takes FIELD=HEADER, not \(pair)") }
            chosen[parts[0]] = parts[1]
        }
        let separator: Character?
        switch delimiter {
        case nil: separator = nil
        case "tab", "\\t", "\t": separator = "\t"
        case let text? where text.count == 1 && CSVTable.delimiters.contains(Character(text)): separator = Character(text)
        case let text?: throw ValidationError("--delimiter takes ',', ';' or 'tab', not \(text)")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let target = portal + "/content/data/\(kind.rawValue).json"
        let config = try portalConfig()
        let importer = CRMImporter(columns: chosen)
        var priceList: PriceList?
        if let prices {
            guard kind == .deals else { throw ValidationError("--prices values deals: use it with fieldbook import deals") }
            guard let bytes = FileManager.default.contents(atPath: prices) else { throw ValidationError("cannot read \(prices)") }
            switch CSVTable.parse(bytes: [UInt8](bytes), path: prices).flatMap(PriceList.read) {
            case .success(let list): priceList = list
            case .failure(let error):
                FileHandle.standardError.write(Data((error.description + "\nNothing was written.\n").utf8))
                throw ExitCode(1)
            }
        }
        let result = CSVTable.parse(bytes: [UInt8](data), path: file, delimiter: separator).flatMap { table in
            imported(table, importer: importer, columns: chosen, config: config, prices: priceList)
        }
        switch result {
        case .success(let imported):
            print(imported.report.lines.joined(separator: "\n"))
            if dryRun {
                print("Dry run: would import \(imported.report.summary) into \(target); nothing was written.")
                return
            }
            do {
                try FileReplacer.replace(target, with: imported.json)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(1)
            }
            print("Imported \(imported.report.summary) into \(target)")
        case .failure(let error):
            FileHandle.standardError.write(Data((error.description + "\nNothing was written.\n").utf8))
            throw ExitCode(1)
        }
    }

    /// The data file of `kind` from `table`, with its report.
    private func imported(
        _ table: CSVTable, importer: CRMImporter, columns: [String: String], config: SiteConfig?, prices: PriceList?
    ) -> Result<CRMImporter.Imported, DiagnosticsError> {
        let stages = config.map { Set($0.stageProbabilities.keys) }
        switch kind {
        case .team: return importer.team(from: table)
        case .deals: return importer.deals(from: table, team: existingTeam(), openStages: stages, prices: prices)
        case .targets: return quotas(from: table, columns: columns, calendar: config?.fiscalCalendar ?? FiscalCalendar())
        case .rollups: return rollups(from: table, config: config ?? SiteConfig())
        case .extract: return extract(from: table, importer: importer, stages: stages)
        }
    }

    /// The warehouse's extract: made as of the rollups' date (its `as_of` column), its deals table holding Fieldbook's
    /// stages and rep ids, so it reads like a CRM export.
    private func extract(from table: CSVTable, importer: CRMImporter, stages: Set<String>?) -> Result<CRMImporter.Imported, DiagnosticsError> {
        let folder = portal + "/content/data/"
        func failure(_ location: SourceLocation, _ message: String) -> Result<CRMImporter.Imported, DiagnosticsError> {
            .failure(DiagnosticsError([.error(location, message)]))
        }
        var files: [String: [UInt8]] = [:]
        for name in ["team.json", "rollups.json"] { files[name] = FileManager.default.contents(atPath: folder + name).map { [UInt8]($0) } }
        guard files["rollups.json"] != nil, let asOf = DataLoader().load(files).0?.rollups?.asOf else {
            return failure(
                SourceLocation(path: table.path), "the extract lists the deals behind rollups: import them first (fieldbook import rollups FILE.csv)")
        }
        guard let column = table.header.firstIndex(of: "as_of") else {
            return failure(SourceLocation(path: table.path), "no as_of column: save the result of sql/extracts.sql as it is")
        }
        if let (r, row) = table.rows.enumerated().first(where: { column >= $1.count || Day($1[column].trimmingWhitespace) != asOf }) {
            let found = column < row.count ? row[column] : ""
            return failure(
                table.location(ofRow: r),
                "as_of \"\(found)\" is not the rollups' \(asOf): run sql/extracts.sql with the tables sql/rollups.sql was given")
        }
        return importer.deals(from: table, team: existingTeam(), openStages: stages, prices: nil)
    }

    /// Targets need the team (whose rows they are) and the KPIs (built in, and kpis.json's).
    private func quotas(from table: CSVTable, columns: [String: String], calendar: FiscalCalendar) -> Result<CRMImporter.Imported, DiagnosticsError> {
        let folder = portal + "/content/data/"
        var files: [String: [UInt8]] = [:]
        for name in ["team.json", "kpis.json"] { files[name] = FileManager.default.contents(atPath: folder + name).map { [UInt8]($0) } }
        guard files["team.json"] != nil, let data = DataLoader().load(files).0 else {
            return .failure(
                DiagnosticsError([
                    .error(SourceLocation(path: table.path), "the portal has no team yet: import it first (fieldbook import team FILE.csv)")
                ]))
        }
        let kpis = KPI.builtIn.map(\.definition) + data.metricDefinitions
        return TargetImporter(team: data.team, kpis: kpis, calendar: calendar, columns: columns).targets(from: table)
    }

    /// Rollups are checked as a build reads them (known reps, one as-of date, the windows of the portal's as-of date and
    /// fiscal year), at the CSV's lines; a portal with deals.json cannot take them.
    private func rollups(from table: CSVTable, config: SiteConfig) -> Result<CRMImporter.Imported, DiagnosticsError> {
        let folder = portal + "/content/data/"
        let here = SourceLocation(path: table.path)
        guard !FileManager.default.fileExists(atPath: folder + "deals.json") else {
            return .failure(
                DiagnosticsError([.error(here, "the portal has content/data/deals.json: a portal has deals or rollups, not both; remove it first")]))
        }
        guard let team = FileManager.default.contents(atPath: folder + "team.json") else {
            return .failure(DiagnosticsError([.error(here, "the portal has no team yet: import it first (fieldbook import team FILE.csv)")]))
        }
        return RollupsImporter.rollups(from: table).flatMap { imported in
            let loader = DataLoader(fiscalCalendar: config.fiscalCalendar, openStages: Set(config.stageProbabilities.keys))
            let (data, found) = loader.load(["team.json": [UInt8](team), "rollups.json": Array(imported.json.utf8)])
            var problems = RollupsImporter.lines(of: found.filter { $0.severity == .error && $0.location.path.hasSuffix("rollups.json") }, in: table)
            problems += found.filter { $0.severity == .error && !$0.location.path.hasSuffix("rollups.json") }
            if let rollups = data?.rollups {
                problems += Warehouse.problems(rollups, asOf: config.asOf, calendar: config.fiscalCalendar).map { .error(here, $0) }
            }
            return problems.isEmpty ? .success(imported) : .failure(DiagnosticsError(problems))
        }
    }

    /// The portal's team, when there is one, so deal owners map to the rep ids it already uses.
    private func existingTeam() -> Team? {
        guard let bytes = FileManager.default.contents(atPath: portal + "/content/data/team.json") else { return nil }
        return DataLoader().load(["team.json": [UInt8](bytes)]).0?.team
    }

    /// The portal's settings (its stages and fiscal year); nil without a fieldbook.json. Settings with errors stop the
    /// import: stages read from a broken file would make every open deal look unknown.
    private func portalConfig() throws -> SiteConfig? {
        guard let bytes = FileManager.default.contents(atPath: portal + "/fieldbook.json") else { return nil }
        let (config, diagnostics) = ConfigParser.parse([UInt8](bytes))
        guard !diagnostics.hasErrors else {
            let lines = diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\nFix fieldbook.json first; nothing was written.\n").utf8))
            throw ExitCode(1)
        }
        return config
    }
}
