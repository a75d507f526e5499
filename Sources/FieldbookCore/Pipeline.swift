import Foundation

/// What `fieldbook build` was asked to do.
public struct BuildOptions: Sendable {
    /// The portal folder (holding `fieldbook.json`).
    public var portal: String
    /// The output folder; `<portal>/public` when nil.
    public var output: String?
    /// Replaces `baseURL` from `fieldbook.json`, e.g. for a preview deploy.
    public var baseURL: String?
    /// Publishes documents marked `"draft": true`.
    public var includeDrafts: Bool
    /// Turns every warning into an error.
    public var strict: Bool
    /// Where the build cache lives (`BuildCache`); nil builds without one.
    public var cacheFolder: String?
    /// Renders everything anew, ignoring the cache (which is then refreshed).
    public var clean: Bool

    public init(
        portal: String = ".", output: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
        cacheFolder: String? = nil, clean: Bool = false
    ) {
        self.portal = portal
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.cacheFolder = cacheFolder
        self.clean = clean
    }

    /// The cache folder the command line uses: `.fieldbook/cache` in the portal.
    public static func defaultCacheFolder(portal: String) -> String {
        portal == "." ? BuildCache.defaultFolder : portal + "/" + BuildCache.defaultFolder
    }

    public var outputPath: String { output ?? (portal == "." ? "public" : portal + "/public") }
}

/// The finished portal in memory, before anything is written.
public struct RenderedPortal: Sendable {
    public var files: [OutputFile]
    /// Paths of the pages handed to the page sink (written to the staging folder) as they were rendered.
    public var streamed: [String] = []
    /// Pages the cache shows are unchanged since the previous build: linked from it, not rendered.
    public var reused: [ReusedFile] = []
    public var assets: [AssetSource]
    public var pageCount: Int
    /// Pages not rendered because the cache shows their inputs are unchanged.
    public var unchangedPages = 0
    /// Documents whose Markdown was rendered (the others came from the cache).
    public var markdownRendered = 0
    public var diagnostics: [Diagnostic]
    /// Each search entry's weighed terms, for the cache.
    public var searchTerms = SearchTerms()
    /// The performance side's summary and its key, for the cache.
    public var performance: (key: Fingerprint, value: CachedPerformance)?

    public var fileCount: Int { files.count + streamed.count + reused.count + assets.count }
}

/// A stage the build has reached, for a progress line on a terminal.
public enum BuildStage: Sendable, Equatable {
    case loading
    case renderingMarkdown(documents: Int)
    case renderingPages(pages: Int)
    case writing(files: Int)
    /// Another build of the same output is writing; this one waits for it.
    case waitingForAnotherBuild
}

/// The whole tool on one screen: Load → Model → Render → Write. Every stage is pure but the first and the last.
public enum Pipeline {
    /// Runs every stage but Write. Errors are in `diagnostics`; `files` is empty when there are any.
    /// `cache` holds what the previous build left; what it covers is reused instead of rendered again. With a
    /// `pageSink`, rendered pages go to it in batches instead of into `files`. `markdownDone` gets each document's
    /// Markdown stage as soon as it is complete (for the cache), before any page is rendered.
    public static func render(
        _ options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem(), cache: BuildCache? = nil, progress: (BuildStage) -> Void = { _ in },
        markdownDone: (([Fingerprint: CachedMarkdown]) -> Void)? = nil, pageSink: (([OutputFile]) -> Void)? = nil
    ) -> RenderedPortal {
        progress(.loading)
        // Load: read fieldbook.json, content/ and templates/ (the built-in theme fills in what a portal leaves out).
        let loader = PortalLoader(root: options.portal, fileSystem: fileSystem)
        let (loaded, loadDiagnostics) = loader.load()
        var diagnostics = loadDiagnostics
        guard var source = loaded else { return failed(diagnostics, options) }
        if let baseURL = options.baseURL { source.config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }

        // Model: arrange documents into courses and playbook shelves, each with its URL.
        var (library, modelDiagnostics) = LibraryBuilder(includeDrafts: options.includeDrafts).build(source.documents)
        diagnostics += modelDiagnostics

        // Render: Markdown to HTML with links resolved, then every page through its template.
        progress(.renderingMarkdown(documents: library.documents.count))
        let links = LinkResolver(
            baseURL: source.config.baseURL,
            documentURLs: Dictionary(uniqueKeysWithValues: library.documents.map { ($0.source.path, $0.url) }),
            draftPaths: options.includeDrafts ? [] : Set(source.documents.filter(\.frontMatter.draft).map(\.path)),
            sourcePaths: Set(source.documents.map(\.path)),
            contentFiles: Set(source.contentFiles))
        source.documents = []  // the library holds what is published; the rest is known to the link resolver
        let words = Labels(source.config.locale)
        let markdown = MarkdownRenderer(unsafeHTML: source.config.unsafeHTML, taskWords: (words["taskDone"], words["taskOpen"]))
        let (documents, markdownDiagnostics, markdownUsed, markdownRendered) = DocumentRenderer(markdown: markdown, links: links)
            .render(library, cache: cache?.markdown ?? [:])
        library = library.withoutMarkdown()
        diagnostics += markdownDiagnostics
        markdownDone?(markdownUsed)
        let (templates, templateDiagnostics) = TemplateSet.compile(source.templates)
        diagnostics += templateDiagnostics
        // Analyze: check the performance data and compute every KPI for every rep, manager, region and the team; unless
        // the cache shows that nothing the performance side reads has changed since the last build.
        let previous = cache?.outputs ?? OutputManifest()
        // The dashboard's "recently updated" list reads no site-wide field that data changes: one list serves both.
        let recent = PagePlanner(site: SiteView(config: source.config)).recentlyUpdated(documents)
        let performanceKey = CachedPerformance.key(
            dataFiles: source.dataFiles, config: source.configFingerprint, options: options, templates: source.templates, library: library,
            documents: documents, recent: recent)
        let performance =
            cache?.performance.flatMap { $0.key == performanceKey ? reuse($0.value, previous: previous, output: options.outputPath) : nil }
            ?? analyze(source, library: library, documents: documents, recent: recent)
        source.dataFiles = [:]  // parsed: let the raw bytes (hundreds of MB for a big CRM) go
        diagnostics += performance.summary.diagnostics

        // Check: what only shows across documents (orphans, duplicate titles, tags, regions and KPIs named in front matter).
        let regions = performance.summary.regions.map(Set.init) ?? Set(library.shelves.map(\.region))
        let kpiIDs = Set(KPI.builtIn.map(\.id) + performance.summary.metricIDs)
        diagnostics += PortalChecker(allowedTags: source.config.allowedTags, regions: regions, kpis: kpiIDs).check(documents)

        let hasDashboard = performance.summary.hasDashboard
        let site = SiteView(config: source.config, hasReps: hasDashboard && source.config.dashboard.scorecardsPublic)
        let libraryPages = PagePlanner(site: site).pages(for: library, documents: documents, dashboardAtHome: hasDashboard)
        let pages = libraryPages + performance.pages
        guard !diagnostics.hasErrors else { return failed(diagnostics, options) }
        progress(.renderingPages(pages: pages.count))
        var streamed: [String] = []
        let sink = pageSink.map { sink in
            { (files: [OutputFile]) in
                streamed += files.map(\.path)
                sink(files)
            }
        }
        let (files, reused, renderDiagnostics) = PageRenderer(templates: templates, templateSources: source.templates, site: site)
            .render(pages, previous: previous, sink: sink)
        diagnostics += renderDiagnostics
        let sitemap = PageRenderer.sitemap(libraryPages.compactMap(\.sitemapEntry) + performance.summary.pages.compactMap(\.sitemap))
        let contentAssets = source.contentFiles.map {
            AssetSource(outputPath: LinkResolver.outputPath(ofContentFile: $0), origin: .file(loader.resolve($0)))
        }
        let feed = FeedRenderer(config: source.config).render(documents)
        let searchEntries = SearchCatalog.entries(documents: documents, team: nil, includePeople: false) + performance.summary.people
        let (search, searchTerms) = SearchIndexer().index(searchEntries, cache: cache?.search ?? SearchTerms())
        var result = RenderedPortal(
            files: files + [sitemap] + performance.api + [feed] + search, reused: reused + performance.reused,
            assets: source.assets + contentAssets, pageCount: libraryPages.count + performance.summary.pages.count,
            unchangedPages: reused.count + (performance.reused.isEmpty ? 0 : performance.summary.pages.count), markdownRendered: markdownRendered,
            diagnostics: finished(diagnostics, options), searchTerms: searchTerms,
            performance: (performanceKey, performance.summary))
        result.streamed = streamed
        return result.diagnostics.hasErrors ? failed(result.diagnostics, options) : result
    }

    /// The performance side of a build: the pages and API files to write, and what the cache keeps of them.
    struct PerformanceSide {
        var summary: CachedPerformance
        var pages: [Page] = []
        var api: [OutputFile] = []
        /// From the cache: the previous build's files, to link.
        var reused: [ReusedFile] = []
    }

    /// Loads and checks the data, computes every figure, plans the dashboard, region, manager and rep pages and
    /// renders the API.
    static func analyze(
        _ source: PortalSource, library: Library, documents: [RenderedDocument], recent: [DocumentSummaryView]
    ) -> PerformanceSide {
        let config = source.config
        let (data, dataDiagnostics) = DataLoader(fiscalCalendar: config.fiscalCalendar, openStages: Set(config.stageProbabilities.keys)).load(
            source.dataFiles)
        var diagnostics = dataDiagnostics + (data.map { unknownLessons(in: $0.training, library: library) } ?? [])
        diagnostics += data.map { DataFreshness.staleDeals($0.deals, config: config) } ?? []
        let calculator = KPICalculator(
            asOf: config.asOf, calendar: config.fiscalCalendar, stageProbabilities: config.stageProbabilities, ramp: config.ramp)
        let scoreboard = data.map { (data: $0, figures: calculator.compute($0)) }
        let dashboard = scoreboard.flatMap { $0.figures.asOf == nil ? nil : $0 }
        diagnostics += unknownCards(config.dashboard.cards, scoreboard: dashboard?.figures)
        let people = dashboard != nil && config.dashboard.scorecardsPublic
        let site = SiteView(config: config, hasReps: people)
        let pages =
            dashboard.map {
                PerformancePlanner(site: site, board: $0.figures, data: $0.data)
                    .pages(library: library, documents: documents, recent: recent)
            } ?? []
        let api = scoreboard.map { APIRenderer(scoreboard: $0.figures, team: $0.data.team, currency: config.currency).render() } ?? []
        let summary = CachedPerformance(
            diagnostics: diagnostics, hasDashboard: dashboard != nil, regions: data.map { $0.team.regions.map(\.id) },
            metricIDs: data?.metricDefinitions.map(\.id) ?? [], people: people ? SearchCatalog.people(dashboard!.data.team) : [],
            pages: pages.map { .init(outputPath: $0.outputPath, sitemap: $0.sitemapEntry) }, files: api.map(\.path))
        return PerformanceSide(summary: summary, pages: pages, api: api)
    }

    /// The previous build's performance side, if every one of its files is still in the output as that build wrote it.
    static func reuse(_ summary: CachedPerformance, previous: OutputManifest, output: String) -> PerformanceSide? {
        var reused: [ReusedFile] = []
        for path in summary.pages.map(\.outputPath) + summary.files {
            guard let (_, record) = previous.intactFile(path, in: output) else { return nil }
            reused.append(ReusedFile(path: path, record: record) { nil })
        }
        return PerformanceSide(summary: summary, reused: reused)
    }

    /// Renders, then writes atomically. Throws with every diagnostic when there are errors; the old output stays.
    public static func build(
        _ options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem(), progress: (BuildStage) -> Void = { _ in }
    ) throws(DiagnosticsError) -> RenderedPortal {
        let cache = options.cacheFolder.map { BuildCache.open(folder: $0, outputPath: options.outputPath, clean: options.clean) }
        // Write: everything into a staging folder, swapped in only when complete. Pages go there as they are rendered.
        let staging: Staging
        do {
            staging = try SiteWriter(outputPath: options.outputPath).begin(previous: cache?.outputs ?? OutputManifest()) {
                progress(.waitingForAnotherBuild)
            }
        } catch {
            throw DiagnosticsError([.error(SourceLocation(path: error.path), error.reason)])
        }
        var writeError: SiteWriter.WriteError?
        // The cache's tables do not depend on the output: they are saved on other threads. The rendered Markdown, most
        // of the cache, is final before the first page renders, so it is saved while the pages are; the rest while the
        // output is finished.
        var markdownSaved: Background<String?>?
        var portal = render(
            options, fileSystem: fileSystem, cache: cache, progress: progress,
            markdownDone: { used in markdownSaved = cache.map { cache in Background { cache.saveTables(markdown: used) } } },
            pageSink: { pages in
                guard writeError == nil else { return }
                do throws(SiteWriter.WriteError) { try staging.add(pages) } catch { writeError = error }
            })
        if let writeError { portal.diagnostics.append(.error(SourceLocation(path: writeError.path), writeError.reason)) }
        guard !portal.diagnostics.hasErrors else {
            staging.abandon()
            _ = markdownSaved?.value
            throw DiagnosticsError(portal.diagnostics)
        }
        progress(.writing(files: portal.fileCount))
        let tables = cache.map { cache in
            let (search, performance) = (portal.searchTerms, portal.performance)
            return Background { cache.saveTables(search: search, performance: performance) }
        }
        let manifest: OutputManifest
        do {
            manifest = try staging.finish(portal.files, reused: portal.reused, assets: portal.assets)
        } catch {
            _ = (markdownSaved?.value, tables?.value)
            throw DiagnosticsError(portal.diagnostics + [.error(SourceLocation(path: error.path), error.reason)])
        }
        let problems = [markdownSaved, tables].compactMap { $0?.value ?? nil }
        if let cache, let problem = problems.first ?? cache.saveOutputs(manifest) {
            portal.diagnostics.append(.warning(SourceLocation(path: cache.folder), problem))
        }
        return portal
    }

    /// Dashboard cards must name KPIs that exist (built in, or in kpis.json).
    static func unknownCards(_ cards: [String], scoreboard: Scoreboard?) -> [Diagnostic] {
        guard let scoreboard else { return [] }
        return cards.filter { scoreboard.index(of: $0) == nil }.map {
            .error(SourceLocation(path: ConfigParser.path), "dashboard.cards: unknown KPI \"\($0)\"")
        }
    }

    /// Training records must name a lesson that exists: `<course>/<lesson slug>`.
    static func unknownLessons(in training: [TrainingRecord], library: Library) -> [Diagnostic] {
        let lessons = Set(library.courses.flatMap { course in course.lessons.map { "\(course.id)/\($0.slug)" } })
        return training.filter { !lessons.contains($0.lesson) }.map { .error($0.location, "unknown lesson \"\($0.lesson)\"") }
    }

    private static func finished(_ diagnostics: [Diagnostic], _ options: BuildOptions) -> [Diagnostic] {
        let promoted = options.strict ? diagnostics.map { Diagnostic(.error, $0.location, $0.message, notes: $0.notes) } : diagnostics
        return promoted.sortedByLocation()
    }

    private static func failed(_ diagnostics: [Diagnostic], _ options: BuildOptions) -> RenderedPortal {
        RenderedPortal(files: [], assets: [], pageCount: 0, diagnostics: finished(diagnostics, options))
    }
}
