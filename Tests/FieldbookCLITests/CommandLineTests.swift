import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookImport
@testable import FieldbookLoad
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookServe

/// Runs the real `fieldbook` binary and checks what a user sees: stdout, stderr and the exit code.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func fieldbook(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The version is written once, in Sources/fieldbook/Version.swift; `--version` prints exactly it.
    @Test func versionIsTheOneInVersionSwift() throws {
        let source = try String(contentsOf: Repository.root.appendingPathComponent("Sources/fieldbook/Version.swift"), encoding: .utf8)
        let version = try #require(source.firstMatch(of: /let fieldbookVersion = "([0-9]+\.[0-9]+\.[0-9]+)"/)?.1)
        let run = try fieldbook(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "\(version)\n")
    }

    /// `theme copy` takes out one built-in file to edit, refuses to overwrite it, and the build then uses it.
    @Test func themeCopyTakesOutOneFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(try fieldbook(["init", "portal"], in: folder.path).status == 0)
        let copy = try fieldbook(["theme", "copy", "partials/footer.mustache", "--portal", "portal"], in: folder.path)
        #expect(copy.stdout == "Created templates/partials/footer.mustache\n")
        #expect(try fieldbook(["theme", "--portal", "portal"], in: folder.path).stdout.contains("* templates/partials/footer.mustache\n"))
        #expect(try fieldbook(["theme", "copy", "partials/footer.mustache", "--portal", "portal"], in: folder.path).status == 64)
        #expect(try fieldbook(["theme", "copy", "footer.mustache", "--portal", "portal"], in: folder.path).stderr.contains("has no footer.mustache"))
        try folder.write(["portal/templates/partials/footer.mustache": "<footer>Our own footer</footer>\n"])
        #expect(try fieldbook(["build", "portal"], in: folder.path).status == 0)
        #expect(try String(contentsOfFile: folder.path + "/portal/public/index.html", encoding: .utf8).contains("Our own footer"))
    }

    /// An encrypted portal from the command line: the first build makes the keys file (owner-only), `keys` lists a
    /// link per reader, `rotate` replaces one key, and a build from FIELDBOOK_KEYS gives the same bytes as one from
    /// the file.
    @Test func keysAreMadeListedAndRotated() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write([
            "fieldbook.json": #"{"title": "T", "baseURL": "/sales/", "asOf": "2026-03-31", "access": {"mode": "encrypted", "admins": ["ops"]}}"#,
            "content/data/team.json": #"""
            {"regions": [{"id": "emea", "name": "EMEA", "manager": "tomas"}], "managers": [{"id": "tomas", "name": "Tomás", "region": "emea"}],
             "reps": [{"id": "ana", "name": "Ana, Jr.", "region": "emea"}, {"id": "ben", "name": "@Ben", "region": "emea"}]}
            """#,
            "content/data/deals.json":
                #"[{"id": "d1", "rep": "ana", "stage": "won", "amount": 1200, "created": "2026-01-05", "closed": "2026-02-01"}]"#,
        ])
        let build = try fieldbook(["build"], in: folder.path)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Made keys for 4 new readers in ./.fieldbook/keys.json"))
        let keysFile = folder.path + "/.fieldbook/keys.json"
        #expect((try FileManager.default.attributesOfItem(atPath: keysFile)[.posixPermissions] as? Int) == 0o600)
        let list = try fieldbook(["keys", "--base-url", "https://x.example/sales"], in: folder.path)
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "reader,name,role,link" && lines.count == 5)
        #expect(lines[1].hasPrefix(#"ana,"Ana, Jr.",rep,https://x.example/sales/reps/ana/#key="#))
        #expect(lines[3].hasPrefix("tomas,Tomás,manager; region lead,https://x.example/sales/managers/tomas/#key="))
        #expect(lines[4].hasPrefix("ops,ops,admin,https://x.example/sales/#key="))
        let before = try String(contentsOfFile: keysFile, encoding: .utf8)
        #expect(try fieldbook(["keys", "rotate", "ben"], in: folder.path).status == 0)
        let after = try fieldbook(["keys"], in: folder.path).stdout.split(separator: "\n").map(String.init)
        #expect(after[1] == lines[1].replacingOccurrences(of: "https://x.example/sales/", with: "/sales/"))
        #expect(
            after[2].hasPrefix("ben,'@Ben,rep,/sales/reps/ben/#key=") && after[2].split(separator: "=").last != lines[2].split(separator: "=").last)
        #expect(try fieldbook(["keys", "rotate", "nobody"], in: folder.path).status == 1)
        // The same keys from the environment: the same output, byte for byte.
        let keys = try String(contentsOfFile: keysFile, encoding: .utf8)
        #expect(keys != before)
        #expect(try fieldbook(["build", "--output", "from-file"], in: folder.path).status == 0)
        try FileManager.default.moveItem(atPath: keysFile, toPath: folder.path + "/kept-keys.json")
        let fromEnvironment = try fieldbook(["build", "--output", "from-env"], in: folder.path, environment: ["FIELDBOOK_KEYS": keys])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(!FileManager.default.fileExists(atPath: keysFile))
        #expect(try snapshot(of: folder.path + "/from-file") == (try snapshot(of: folder.path + "/from-env")))
        // Keys from the environment that lack a reader: the list leaves them out and says who, on stderr.
        let withoutBen = keys.split(separator: "\n").filter { !$0.contains("\"ben\"") }.joined(separator: "\n")
        let partial = try fieldbook(["keys"], in: folder.path, environment: ["FIELDBOOK_KEYS": withoutBen])
        #expect(partial.status == 0 && partial.stdout.split(separator: "\n").count == 4 && !partial.stdout.contains("ben,"))
        #expect(partial.stderr.contains("warning: 1 reader has no key (ben)"))
        // An open portal has no readers.
        try folder.write(["fieldbook.json": #"{"title": "T"}"#])
        let open = try fieldbook(["keys"], in: folder.path)
        #expect(open.status == 1 && open.stderr.contains("this portal is open"))
    }

    @Test func buildPrintsASummaryAndExitsZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["fieldbook.json": "{\"title\": \"T\"}", "content/training/a/01-x.md": "# X\n"])
        let run = try fieldbook(["build"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("Built 8 pages (17 files) into public in "))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/public/library/training/a/x/index.html"))
    }

    /// Fingerprints name cache entries across processes, so a second run must find the first one's: nothing in them
    /// may depend on the process (as Swift's randomly seeded hashing and dictionary order do).
    @Test func aSecondBuildReusesTheFirstOnesPagesAndCleanDoesNot() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/portal", withIntermediateDirectories: true)
        for item in ["content", "templates", "fieldbook.json"] {
            try FileManager.default.copyItem(atPath: Repository.root.path + "/" + item, toPath: folder.path + "/portal/" + item)
        }
        let first = try fieldbook(["build", "portal"], in: folder.path)
        #expect(first.status == 0)
        #expect(!first.stdout.contains("unchanged"))
        let pages = try #require(first.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) })
        let second = try fieldbook(["build", "portal"], in: folder.path)
        #expect(second.stdout.contains(", \(pages) pages unchanged) into portal/public"), "\(second.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/portal/.fieldbook/cache/search.bin"))
        let clean = try fieldbook(["build", "portal", "--clean"], in: folder.path)
        #expect(clean.status == 0)
        #expect(!clean.stdout.contains("unchanged"))
        // `check` reads the same cache, and still finds what an edit broke.
        let lesson = folder.path + "/portal/content/training/onboarding/01-welcome.md"
        try (try String(contentsOfFile: lesson, encoding: .utf8) + "\nSee [the map](nowhere.md).\n").write(
            toFile: lesson, atomically: true, encoding: .utf8)
        let check = try fieldbook(["check", "portal"], in: folder.path)
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/training/onboarding/01-welcome.md:"))
        #expect(check.stderr.contains("error: broken link: content/training/onboarding/nowhere.md does not exist"))
    }

    @Test func errorsGoToStderrWithExitOneAndTheOutputStays() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["fieldbook.json": "{\"title\": \"T\"}", "content/training/a/01-x.md": "# X\n"])
        #expect(try fieldbook(["build", folder.path]).status == 0)
        let before = try snapshot(of: folder.path + "/public")
        try folder.write(["content/training/a/01-x.md": "{\"title\": 5}\n# X\n\n[a](b.md)\n"])
        let run = try fieldbook(["build", folder.path])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr == """
                content/training/a/01-x.md:1:11: error: 'title' must be a string, not a number
                content/training/a/01-x.md:4:1: error: broken link: content/training/a/b.md does not exist
                Build failed with 2 errors; \(folder.path)/public was left unchanged.

                """)
        #expect(try snapshot(of: folder.path + "/public") == before)
    }

    @Test func warningsPrintButDoNotFailUnlessStrict() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(["fieldbook.json": "{\"title\": \"T\"}", "content/training/a/01-x.md": "{\"colour\": \"red\"}\n# X\n"])
        let relaxed = try fieldbook(["build", folder.path])
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.hasPrefix(#"content/training/a/01-x.md:1:2: warning: front matter key "colour" is not one of Fieldbook's"#))
        #expect(relaxed.stdout.hasSuffix(", 1 warning\n"))
        let strict = try fieldbook(["build", folder.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix(#"content/training/a/01-x.md:1:2: error: front matter key "colour" is not one of Fieldbook's"#))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try fieldbook(["build", "--no-such-flag"]).status == 64)
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let run = try fieldbook(["build", folder.path, "--output", folder.path])
        #expect(run.status == 64)
        #expect(run.stderr.contains("would replace the portal itself"))
    }

    @Test func helpDescribesTheCommand() throws {
        let run = try fieldbook(["build", "--help"])
        #expect(run.status == 0)
        for flag in ["--output", "--base-url", "--drafts", "--strict"] { #expect(run.stdout.contains(flag)) }
    }

    @Test func importWritesDataFilesAndRefusesBadExports() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write([
            "fieldbook.json": "{}",
            "team.csv": "Owner Name,Office,Sales Manager\nAnn Lee,North,Mia Ray\n\"Bob, Jr.\",North,Mia Ray\n",
            "deals.csv":
                "Deal ID,Owner Name,Stage,Amount,Close Date\nD1,Ann Lee,Closed Won,\"$1,200.50\",2024/03/05\nD2,\"Bob, Jr.\",赢单,900,2024-03-06\n",
            "broken.csv": "Deal ID,Stage\nD1,Won\n",
        ])
        let team = try fieldbook(["import", "team", "team.csv", "--column", "rep=Owner Name"], in: folder.path)
        #expect(team.status == 0, "\(team.stderr)")
        #expect(team.stdout.hasSuffix("Imported 2 reps in 1 region with 1 manager into ./content/data/team.json\n"))
        #expect(team.stdout.contains("  rep      ← Owner Name\n  region   ← Office\n  manager  ← Sales Manager\n"))
        let deals = try fieldbook(["import", "deals", "deals.csv", "--column", "rep=Owner Name"], in: folder.path)
        #expect(deals.status == 0, "\(deals.stderr)")
        #expect(deals.stdout.hasSuffix("Stages: Closed Won → won (1), 赢单 → won (1)\nImported 2 deals (2 won) into ./content/data/deals.json\n"))
        let written = try folder.read("content/data/deals.json")
        #expect(written.contains(#"{"id": "D1", "rep": "ann-lee", "stage": "won", "amount": 1200.5, "closed": "2024-03-05"}"#))
        #expect(written.contains(#""rep": "bob-jr""#))
        #expect(try fieldbook(["build"], in: folder.path).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/public/api/reps/bob-jr.json"))

        let broken = try fieldbook(["import", "deals", "broken.csv"], in: folder.path)
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("broken.csv:1:1: error: no column for rep (looked for sales_agent, owner, rep,"))
        #expect(broken.stderr.hasSuffix("Nothing was written.\n"))
        #expect(try folder.read("content/data/deals.json") == written)
        #expect(try fieldbook(["import", "deals", "deals.csv", "--column", "owner"], in: folder.path).status == 64)

        // --dry-run reports and writes nothing; --delimiter reads a semicolon file the header alone would not show.
        try folder.write(["more.csv": "Deal ID;Owner Name;Stage;Amount;Close Date\nD9;Ann Lee;Won;5;2024-03-07\n"])
        let dry = try fieldbook(["import", "deals", "more.csv", "--column", "rep=Owner Name", "--dry-run", "--delimiter", ";"], in: folder.path)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains(#"Read more.csv: 1 row, separated by ";". Columns:"#))
        #expect(dry.stdout.hasSuffix("Dry run: would import 1 deal (1 won) into ./content/data/deals.json; nothing was written.\n"))
        #expect(try folder.read("content/data/deals.json") == written)
        #expect(try fieldbook(["import", "deals", "more.csv", "--delimiter", "|"], in: folder.path).status == 64)
        #expect(try fieldbook(["import", "team", "team.csv", "--prices", "more.csv"], in: folder.path).status == 64)
        // A broken fieldbook.json stops an import: its stages are what open deals are checked against.
        try folder.write(["fieldbook.json": #"{"pipeline": {"stages": {"proposal": 1.5}}}"#])
        let badConfig = try fieldbook(["import", "deals", "deals.csv", "--column", "rep=Owner Name"], in: folder.path)
        #expect(badConfig.status == 1)
        #expect(badConfig.stderr.hasPrefix("fieldbook.json:1:38: error: 'pipeline.stages.proposal' must be a probability from 0 to 1\n"))
        #expect(badConfig.stderr.hasSuffix("Fix fieldbook.json first; nothing was written.\n"))
        #expect(try folder.read("content/data/deals.json") == written)
    }

    /// docs/warehouse.md's steps without the warehouse: the query's tables from the settings, a query result imported
    /// in place of deals, and every disagreement an error that writes nothing.
    @Test func warehouseTablesAndRollups() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write([
            "fieldbook.json": #"{"asOf": "2024-03-31", "pipeline": {"stages": {"proposal": 0.6, "demo": 0.3}}}"#,
            "content/data/team.json":
                #"{"regions": [{"id": "n", "name": "N"}], "managers": [], "reps": [{"id": "ann", "name": "Ann", "region": "n"}]}"#,
            "rollups.csv": """
            kind,rep,as_of,year,month,first_day,last_day,created,won,lost,revenue,cycle_days,cycle_count,open,pipeline,weighted,pending
            month,ann,2024-03-31,2024,3,,,2,1,0,1200.5,30,1,1,400.0,120.0,0.0
            window,ann,2024-03-31,,,2023-01-01,2023-04-01,0,0,0,0.0,0,0,0,0.0,0.0,0.0

            """,
        ])
        // As of 31 March (a leap year's 91st day) only the year is under way: one window, 2023's first 91 days.
        let tables = try fieldbook(["warehouse", "tables"], in: folder.path)
        #expect(tables.status == 0, "\(tables.stderr)")
        #expect(try folder.read("tables/stages.csv") == "stage,probability\ndemo,0.3\nproposal,0.6\n")
        #expect(try folder.read("tables/days.csv") == "kind,first_day,last_day\nas_of,2024-03-31,2024-03-31\nwindow,2023-01-01,2023-04-01\n")
        // The extract's periods: the 120 months up to March 2024 (from April 2014, the year 2014 clipped to them), 40
        // quarters, 11 years and the last week; the month, quarter and year under way keep every rep's lists.
        let periods = try folder.read("tables/periods.csv").split(separator: "\n").map(String.init)
        #expect(periods.count == 1 + 120 + 40 + 11 + 1)
        #expect(periods.prefix(2) == ["period,first_day,last_day,stock_day,current", "2014,2014-04-01,2014-12-31,2014-12-31,0"])
        #expect(
            periods.filter { $0.hasSuffix(",1") } == [
                "2024-Q1,2024-01-01,2024-03-31,2024-03-31,1", "2024,2024-01-01,2024-12-31,2024-03-31,1", "2024-03,2024-03-01,2024-03-31,2024-03-31,1",
            ])
        #expect(periods.last == "week,2024-03-25,2024-03-31,2024-03-31,0")
        #expect(try folder.read("tables/reps.csv") == "rep,region,manager\nann,n,\n")
        #expect(try fieldbook(["warehouse", "tables", "--as-of", "2024-02-30"], in: folder.path).status == 64)
        try folder.write(["other/fieldbook.json": "{}"])
        let undated = try fieldbook(["warehouse", "tables", "--portal", "other"], in: folder.path)
        #expect(undated.status == 64)
        #expect(undated.stderr.contains("give the date to count the deals as of: --as-of YYYY-MM-DD (fieldbook.json has no asOf)"))

        let imported = try fieldbook(["import", "rollups", "rollups.csv"], in: folder.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("Imported 1 month rows and 1 window rows into ./content/data/rollups.json\n"))
        // An extract saved without its as_of column cannot be checked against the rollups: refused.
        try folder.write(["extract.csv": "id,rep,stage,amount,closed\nd1,ann,won,5,2024-03-02\n"])
        let undatedExtract = try fieldbook(["import", "extract", "extract.csv"], in: folder.path)
        #expect(undatedExtract.status == 1)
        #expect(undatedExtract.stderr.hasPrefix("extract.csv:1:1: error: no as_of column: save the result of sql/extracts.sql as it is"))
        #expect(try fieldbook(["build"], in: folder.path).status == 0)
        #expect(
            try folder.read("public/api/reps/ann.json").contains(
                #""period": "2024-03", "kind": "month", "partial": false, "start": "2024-03-01", "end": "2024-03-31", "revenue": 1200.5, "revenue_target": null"#
            ))

        // Another as-of date in the settings: the import says so, at the file, and writes nothing.
        try folder.write(["fieldbook.json": #"{"asOf": "2024-04-01"}"#])
        let stale = try fieldbook(["import", "rollups", "rollups.csv"], in: folder.path)
        #expect(stale.status == 1)
        #expect(stale.stderr.hasPrefix("rollups.csv:1:1: error: the rollups count deals as of 2024-03-31, but fieldbook.json's asOf is 2024-04-01"))
        #expect(stale.stderr.hasSuffix("Nothing was written.\n"))
        try folder.write(["fieldbook.json": #"{"asOf": "2024-03-31"}"#, "content/data/deals.json": "[]"])
        let both = try fieldbook(["import", "rollups", "rollups.csv"], in: folder.path)
        #expect(both.status == 1)
        #expect(both.stderr.contains("a portal has deals or rollups, not both"))
    }

    /// The documented workflow is green by default: a new portal, a new playbook (listed on its shelf, so linked) and
    /// the Maven CRM export (whose four agents without deals are new hires, not warnings) pass `check --strict`.
    @Test(.enabled(if: Repository.hasMavenCRM)) func theWorkflowIsGreenByDefault() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(try fieldbook(["init", "portal"], in: folder.path).status == 0)
        #expect(try fieldbook(["new", "playbook", "global", "Renewals", "--portal", "portal"], in: folder.path).status == 0)
        let maven = { (file: String) in Repository.mavenCRM.appendingPathComponent(file).path }
        #expect(try fieldbook(["import", "team", maven("sales_teams.csv"), "--portal", "portal"], in: folder.path).status == 0)
        let deals = try fieldbook(
            ["import", "deals", maven("sales_pipeline.csv"), "--prices", maven("products.csv"), "--portal", "portal"], in: folder.path)
        #expect(deals.status == 0, "\(deals.stderr)")
        #expect(deals.stdout.contains("2089 open deals without an amount, marked amount_estimated"))
        #expect(deals.stdout.contains("GTXPro → GTX Pro (333)"))
        let check = try fieldbook(["check", "portal", "--strict"], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr == "Checked portal: no errors.\n")
    }

    @Test func checkWritesNothingAndReportsInEachFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write([
            "fieldbook.json": #"{"tags": {"allowed": ["crm"]}}"#, "content/training/a/01-x.md": "# X\n\n[gone](gone.md)\n",
            "content/playbooks/emea/p.md": "{\"tags\": [\"misc\"]}\n# P\n",
        ])
        let text = try fieldbook(["check", folder.path])
        #expect(text.status == 1)
        #expect(
            text.stderr == """
                content/playbooks/emea/p.md:1:2: warning: tag "misc" is not in fieldbook.json tags.allowed
                content/training/a/01-x.md:3:1: error: broken link: content/training/a/gone.md does not exist
                Checked \(folder.path): 1 error, 1 warning.

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/public/index.html"))
        let github = try fieldbook(["check", "--format", "github"], in: folder.path)
        #expect(github.stderr.hasPrefix("::warning file=content/playbooks/emea/p.md,line=1,col=2::tag \"misc\" is not"))
        let json = try fieldbook(["check", "--format", "json"], in: folder.path)
        #expect(json.status == 1)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(records.map { $0["severity"] as? String } == ["warning", "error"])
        try folder.write(["content/training/a/01-x.md": "# X\n\n[p](../../playbooks/emea/p.md)\n", "content/playbooks/emea/p.md": "# P\n"])
        #expect(try fieldbook(["check", folder.path, "--strict"]).status == 0)
        #expect(try fieldbook(["check", folder.path, "--format", "yaml"]).status == 64)
    }
}
