import FieldbookAnalyze
import FieldbookIncremental
import FieldbookLoad
import FieldbookMarkdown
import FieldbookModel
import FieldbookRender
import FieldbookSearch
import FieldbookWrite

/// The whole tool on one screen: Load → Analyze → Plan → Render → Index → Write. Each stage lives in the target of
/// its name and is a pure function of what came before, but Load (the only reader) and Write (the only writer).
/// `Incremental` wraps the stages an earlier build can spare; the stages know nothing of it.
package enum Pipeline {
    /// Runs every stage, then writes the portal atomically. Throws with every diagnostic when there are errors; the
    /// previous output stays as it was.
    package static func build(
        _ options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem(), progress: (BuildStage) -> Void = { _ in }
    ) throws(DiagnosticsError) -> RenderedPortal {
        let incremental = Incremental(
            cache: options.cacheFolder.map { BuildCache.open(folder: $0, outputPath: options.outputPath, clean: options.clean) })
        // Write, begun first: rendered pages go to a staging folder in batches; it replaces the output only when complete.
        let staging = try Writing(options, previous: incremental.previous, progress: progress)
        let saving = CacheSaving(incremental.cache)
        var (portal, kept) = stages(options, fileSystem, incremental, progress, markdownDone: saving.markdown, sink: staging.add)
        portal.diagnostics += staging.problems
        portal.work.streamed = staging.streamed
        guard !portal.diagnostics.hasErrors else { throw staging.abandon(portal.diagnostics, saving) }
        progress(.writing(files: portal.fileCount))
        saving.tables(kept)
        do { try saveKeys(portal.keys) } catch { throw staging.abandon(portal.diagnostics + error.diagnostics, saving) }
        let manifest = try staging.finish(portal, saving)
        portal.diagnostics += saving.finish(manifest)
        Dropped.later(incremental)  // the previous build's tables, freed on another thread
        return portal
    }

    /// Every stage but Write, for `fieldbook check` and tests. With `readingCache`, what the last build left spares work
    /// (the cache is read, never written).
    package static func render(_ options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem(), readingCache: Bool = false) -> RenderedPortal {
        let cache =
            readingCache
            ? BuildCache.open(folder: BuildOptions.defaultCacheFolder(portal: options.portal), outputPath: options.outputPath, clean: false) : nil
        return stages(options, fileSystem, Incremental(cache: cache), { _ in }, markdownDone: { _, _ in }, sink: nil).portal
    }

    /// The stages, in order. `sink` takes rendered pages in batches (to be written) instead of keeping them.
    static func stages(
        _ options: BuildOptions, _ fileSystem: any FileSystem, _ incremental: Incremental, _ progress: (BuildStage) -> Void,
        markdownDone: ([Fingerprint: DocumentMarkdown], ParsedSources?) -> Void, sink: (([OutputFile]) -> Void)?
    ) -> (portal: RenderedPortal, kept: CacheSaving.Tables) {
        progress(.loading)
        // Load: fieldbook.json, documents and theme (the built-in one filling in) read and parsed; data files read (parsed
        // by the performance side, which the cache can spare whole).
        var diagnostics: [Diagnostic] = []
        // Files unchanged on disk since the last build are not read again.
        guard var source = load(options, fileSystem, &diagnostics, parsed: incremental.cache?.parsed) else { return failed(diagnostics, options) }
        let early = earlyFigures(&source, incremental)  // Analyze, for the data: on a clean build, begun now
        // Model: documents arranged into courses and playbook shelves, each with its URL.
        var library = arrange(source, options, &diagnostics)
        // Markdown: every document to HTML, links resolved and checked (documents unchanged since the last build kept;
        // the text of one not read is read now if its Markdown must be rendered again).
        progress(.renderingMarkdown(documents: library.documents.count))
        let documentRenderer = documentRenderer(&source, library, options)
        library = readTexts(library, documentRenderer, options, fileSystem, incremental, &diagnostics)
        guard !diagnostics.hasErrors || library.documents.allSatisfy(\.source.hasText) else { return failed(diagnostics, options) }
        let markdown = incremental.markdown(library, with: documentRenderer)
        library = library.withoutMarkdown()
        markdownDone(markdown.used, source.portal.documentsRead > 0 ? source.portal.parsed : nil)
        diagnostics += markdown.diagnostics
        // Analyze: the performance data checked and every KPI computed (or the last build's, when none of its inputs
        // changed), then what only shows across documents: orphans, duplicate titles, unknown tags, regions and KPIs.
        let performance = performanceSide(&source, library, markdown.documents, options, incremental, early: early, sink: sink)
        diagnostics += performance.summary.diagnostics + crossChecks(source, library, markdown.documents, performance.summary)
        // Plan: every page of the library and the dashboard, with its typed view model (of the library, only the pages an
        // edit reaches, when the rest of the library is as the last build left it).
        let renderer = pageRenderer(source, performance.summary)
        let plan = planLibrary(
            source, library, markdown.documents, performance.summary, renderer: renderer, keys: markdown.keys, options, incremental)
        // Seal (an encrypted portal): private pages go out encrypted, inside the open page that opens them.
        let sealer = performance.sealer.map { sealedShell($0, renderer, &diagnostics) }
        guard !diagnostics.hasErrors else { return failed(diagnostics, options) }
        // Index: search, sitemap and feed, made on another thread while pages render and the kernel makes their files.
        let site = renderer.site
        let indexing = Background { [source, documents = markdown.documents, plan, summary = performance.summary] in
            indexes(source, documents, plan, site: site, summary, incremental)
        }
        // Render: every page through its template (pages whose inputs did not change are linked, not rendered).
        progress(.renderingPages(pages: plan.pages.count + performance.pages.count))
        let sealingSink = sink.map { sink in { (files: [OutputFile]) in sink(seal(files, with: sealer)) } }
        let pages = incremental.pages(plan.pages, whole: performance.pages, with: renderer, sink: sealingSink)
        diagnostics += pages.diagnostics
        let index = indexing.value
        var portal = RenderedPortal(
            files: seal(pages.files, with: sealer) + index.files + performance.api, assets: source.assets,
            pageCount: plan.pageCount + performance.summary.pages.count, diagnostics: finished(diagnostics, options),
            work: .init(
                reused: plan.reused + pages.reused + performance.reused,
                unchangedPages: plan.reused.count + pages.reused.count + performance.unchangedPages, unplannedPages: plan.reused.count,
                markdownRendered: markdown.rendered, documentsRead: source.portal.documentsRead))
        portal.keys = performance.keys
        guard !portal.diagnostics.hasErrors else { return failed(portal.diagnostics, options) }
        let kept = CacheSaving.Tables(search: index.searchTerms, performance: (performance.key, performance.summary), library: plan.cache)
        // Freed on another thread while the output is finished (10,000 documents and 5,000 reps: half a second of a core).
        Dropped.later((markdown, plan, pages, library, source, index, performance, early))
        return (portal, kept)
    }
}
