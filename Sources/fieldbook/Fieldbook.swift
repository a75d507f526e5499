import ArgumentParser
import FieldbookCore
import FieldbookModel
import Foundation

/// The `fieldbook` command: parses flags, calls the core, prints diagnostics, picks the exit code.
@main
struct Fieldbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldbook",
        abstract: "Build a sales team's portal from Markdown, JSON data and Mustache templates.",
        discussion: """
            Exit codes: 0 success, 1 errors in the portal, 64 usage errors.
            Diagnostics are printed as path:line:column: error|warning: message, paths relative to the portal.
            Shell completion: fieldbook --generate-completion-script bash|zsh|fish.
            """,
        version: fieldbookVersion,
        subcommands: [Build.self, Check.self, Serve.self, Import.self, WarehouseTables.self, Init.self, New.self, Theme.self, Keys.self],
        defaultSubcommand: Build.self
    )

    /// Tunes the allocator before any thread has its heap, then parses the command line and runs the command.
    static func main() async {
        Allocator.tuneForBuilds()
        await main(nil)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the portal into its output folder, atomically.",
        discussion: """
            Everything is written to a staging folder beside the output and swapped in only when the build \
            succeeds: a failed or interrupted build leaves the previous output exactly as it was.

            Rebuilds are incremental: PORTAL/.fieldbook/cache keeps each document's rendered Markdown and what \
            every page was made from, so only what an edit affects is rendered again, and files whose bytes did \
            not change keep their modification time. The output is the same as a clean build's, byte for byte.
            """
    )

    @Argument(help: "The portal folder, holding fieldbook.json.")
    var portal: String = "."

    @Option(name: .shortAndLong, help: "Output folder (default: PORTAL/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Prefix of every internal URL, replacing baseURL from fieldbook.json.")
    var baseURL: String?

    @Flag(help: "Publish documents marked \"draft\": true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Render everything from scratch, ignoring the build cache (which is then refreshed).")
    var clean = false

    func validate() throws {
        let portalURL = URL(fileURLWithPath: portal).standardizedFileURL.resolvingSymlinksInPath()
        let outputURL = URL(fileURLWithPath: output ?? portal + "/public").standardizedFileURL.resolvingSymlinksInPath()
        let outputPath = outputURL.path.hasSuffix("/") ? outputURL.path : outputURL.path + "/"
        let portalPath = portalURL.path.hasSuffix("/") ? portalURL.path : portalURL.path + "/"
        if portalPath.hasPrefix(outputPath) {
            throw ValidationError("the output folder \(outputURL.path) would replace the portal itself; choose a folder inside or beside it")
        }
        for protected in ["content/", "templates/"] where outputPath.hasPrefix(portalPath + protected) {
            throw ValidationError("the output folder may not be inside \(protected)")
        }
    }

    func run() throws {
        let start = DispatchTime.now()
        let options = BuildOptions(
            portal: portal, output: output, baseURL: baseURL, includeDrafts: drafts, strict: strict,
            cacheFolder: BuildOptions.defaultCacheFolder(portal: portal), clean: clean, keys: BuildOptions.keysFromEnvironment)
        let progress = ProgressLine()
        do {
            let portal = try Pipeline.build(options, progress: progress.show)
            progress.clear()
            report(portal.diagnostics)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let warnings = portal.diagnostics.count
            let unchanged = portal.work.unchangedPages == 0 ? "" : ", \(portal.work.unchangedPages) pages unchanged"
            if let keys = portal.keys, let file = keys.file, !keys.added.isEmpty {
                let count = keys.added.count
                print("Made keys for \(count) new reader\(count == 1 ? "" : "s") in \(file): `fieldbook keys` lists their personal links.")
            }
            print(
                "Built \(portal.pageCount) pages (\(portal.fileCount) files\(unchanged)) into \(options.outputPath) in \(String(format: "%.2f", seconds)) s"
                    + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        } catch {
            progress.clear()
            report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(
                Data("Build failed with \(count) error\(count == 1 ? "" : "s"); \(options.outputPath) was left unchanged.\n".utf8))
            throw ExitCode(1)
        }
    }

    private func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data((diagnostics.map(\.description).joined(separator: "\n") + "\n").utf8))
    }
}

/// One self-overwriting status line on stderr, shown only on an interactive terminal (not when piped, not in CI).
struct ProgressLine {
    let enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] != "true"

    func show(_ stage: BuildStage) {
        // Waiting on another build is worth saying even when not on a terminal: CI logs should explain a pause.
        if stage == .waitingForAnotherBuild, !enabled {
            FileHandle.standardError.write(Data("Waiting for another build of this output to finish…\n".utf8))
            return
        }
        let text: String =
            switch stage {
            case .loading: "Loading portal…"
            case .renderingMarkdown(let documents): "Rendering \(documents) Markdown documents…"
            case .renderingPages(let pages): "Rendering \(pages) pages…"
            case .writing(let files): "Writing \(files) files…"
            case .waitingForAnotherBuild: "Waiting for another build of this output to finish…"
            }
        write("\r\u{1B}[K" + text)
    }

    func clear() { write("\r\u{1B}[K") }

    private func write(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
