import Dispatch
import FieldbookIncremental
import FieldbookModel
import FieldbookRender
import FieldbookSearch
import FieldbookWrite

/// Write, around the other stages: a staging folder begun before pages are rendered, filled in batches as they are,
/// and swapped in for the output only when the build is complete and clean. A batch is written on a thread of its own
/// while the next is rendered: both sides use every core, and neither waits for the other's slowest file.
final class Writing: @unchecked Sendable {
    private let staging: Staging
    /// Where batches are written, one after the other; `pending` lets one wait while another is written, no more.
    private let writer = DispatchQueue(label: "fieldbook.writing")
    private let pending = DispatchSemaphore(value: 1)
    /// Touched on `writer` only: a write that failed (later batches are dropped), and the paths written so far.
    private var failed: [Diagnostic] = []
    private var written: [String] = []

    /// A write that failed while pages were streamed, once every batch handed over is written.
    var problems: [Diagnostic] { writer.sync { failed } }
    /// Paths of the pages written, as they were rendered, once every batch handed over is.
    var streamed: [String] { writer.sync { written } }

    init(_ options: BuildOptions, previous: OutputManifest, progress: (BuildStage) -> Void) throws(DiagnosticsError) {
        do {
            staging = try SiteWriter(outputPath: options.outputPath).begin(previous: previous) { progress(.waitingForAnotherBuild) }
        } catch {
            throw DiagnosticsError([.error(SourceLocation(path: error.path), error.reason)])
        }
    }

    /// Writes a batch of rendered pages into the staging folder, on the writer's thread; waits while an earlier batch
    /// is still waiting there (memory stays at two batches).
    func add(_ files: [OutputFile]) {
        pending.wait()
        writer.async { [self] in
            defer { pending.signal() }
            guard failed.isEmpty else { return }
            written += files.map(\.path)
            do throws(SiteWriter.WriteError) { try staging.add(files) } catch {
                failed.append(.error(SourceLocation(path: error.path), error.reason))
            }
        }
    }

    /// Gives up: the staging folder goes, the output stays as it was.
    func abandon(_ diagnostics: [Diagnostic], _ saving: CacheSaving) -> DiagnosticsError {
        writer.sync {}
        staging.abandon()
        _ = saving.finish(nil)
        return DiagnosticsError(diagnostics)
    }

    /// Adds the rest and swaps the staging folder in; returns what the output now holds.
    func finish(_ portal: RenderedPortal, _ saving: CacheSaving) throws(DiagnosticsError) -> OutputManifest {
        writer.sync {}
        do {
            return try staging.finish(portal.files, reused: portal.work.reused, assets: portal.assets)
        } catch {
            _ = saving.finish(nil)
            throw DiagnosticsError(portal.diagnostics + [.error(SourceLocation(path: error.path), error.reason)])
        }
    }
}

/// Saves what this build leaves for the next on other threads while it goes on: the rendered Markdown (final before
/// the first page renders) while the pages are rendered, the other tables while the output is finished, and the
/// output's manifest last. Failing to save only costs the next build time: a warning, never an error.
final class CacheSaving {
    /// The tables known once every stage has run.
    struct Tables {
        var search = SearchTerms()
        var performance: (key: Fingerprint, value: CachedPerformance)?
        var library: (key: Fingerprint, value: CachedLibrary)?
    }

    private let cache: BuildCache?
    private var saves: [Background<String?>] = []

    init(_ cache: BuildCache?) { self.cache = cache }

    /// The rendered Markdown, and the Markdown files as parsed when any was read anew.
    func markdown(_ used: [Fingerprint: DocumentMarkdown], _ parsed: ParsedSources?) {
        if let cache { saves.append(Background { cache.saveTables(markdown: used, parsed: parsed) }) }
    }

    func tables(_ tables: Tables) {
        if let cache {
            saves.append(Background { cache.saveTables(search: tables.search, performance: tables.performance, library: tables.library) })
        }
    }

    /// Waits for every save, then saves the manifest of a finished output; a warning if any of it failed.
    func finish(_ manifest: OutputManifest?) -> [Diagnostic] {
        let problems = saves.compactMap(\.value)
        guard let cache, let problem = problems.first ?? manifest.flatMap(cache.saveOutputs) else { return [] }
        return [.warning(SourceLocation(path: cache.folder), problem)]
    }
}
