import ArgumentParser
import FieldbookCore
import FieldbookModel
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

/// `fieldbook check`: every validation of a build, nothing written.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a portal without writing anything: links, anchors, front matter, data, templates.",
        discussion: """
            Runs everything a build validates (broken links and anchors, links to drafts, tags outside tags.allowed, \
            duplicate titles, regions and KPIs named in front matter, every data file, \
            every template) and writes nothing.
            Exit codes: 0 clean (warnings allowed unless --strict), 1 errors, 64 usage errors.
            """
    )

    @Argument(help: "The portal folder, holding fieldbook.json.")
    var portal: String = "."

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Check documents marked \"draft\": true as if they were published.")
    var drafts = false

    @Option(help: "How to print problems: text, json or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let options = BuildOptions(portal: portal, includeDrafts: drafts, strict: strict, keys: BuildOptions.keysFromEnvironment)
        // The build cache, read only: what the last build rendered from the same inputs is not rendered again.
        let result = Pipeline.render(options, readingCache: true)
        // GitHub wants paths relative to the repository; a portal in a sub-folder prefixes its own path.
        let prefix = format == .github && portal != "." && !portal.hasPrefix("/") ? (portal.hasSuffix("/") ? portal : portal + "/") : ""
        let report = format.render(result.diagnostics, pathPrefix: prefix)
        if format == .json {
            print(report, terminator: "")
        } else if !report.isEmpty {
            FileHandle.standardError.write(Data(report.utf8))
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if format != .json {
            let summary = errors == 0 ? "Checked \(portal): no errors" : "Checked \(portal): \(errors) error\(errors == 1 ? "" : "s")"
            FileHandle.standardError.write(Data((summary + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "") + ".\n").utf8))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
