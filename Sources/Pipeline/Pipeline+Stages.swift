import FieldbookAnalyze
import FieldbookIncremental
import FieldbookLoad
import FieldbookMarkdown
import FieldbookModel
import FieldbookRender
import FieldbookSeal
import FieldbookSearch
import FieldbookWrite

/// What Load gave, with the theme's templates parsed and every asset to copy.
struct LoadedPortal {
    var portal: PortalSource
    var templates: TemplateSet
    /// The theme's assets and the content's files that are not Markdown.
    var assets: [AssetSource]
    /// An encrypted portal's keys.
    var keys: LoadedKeys?
}

/// The performance side of a build: the pages and API files to write, and what the cache keeps of them.
struct PerformanceSide {
    var key: Fingerprint
    var summary: CachedPerformance
    var pages: [Page] = []
    var api: [OutputFile] = []
    /// From the cache: the previous build's files, to link.
    var reused: [ReusedFile] = []
    /// An encrypted portal's sealer, for the pages (the API is sealed as it is made), and its keys, to be saved.
    var sealer: Sealer?
    var keys: LoadedKeys?

    /// Pages not planned or rendered because the previous build's are still right.
    var unchangedPages: Int { reused.isEmpty ? 0 : summary.pages.count }
}

/// The library's pages: those to render, those kept from the previous output, and the sitemap of all.
struct LibraryPlan {
    var pages: [Page]
    /// Pages of the previous build linked without being planned (`CachedLibrary`).
    var reused: [ReusedFile] = []
    var sitemap: [SitemapEntry]
    /// Every library page, planned or kept.
    var pageCount: Int
    /// What the cache keeps for the next build.
    var cache: (key: Fingerprint, value: CachedLibrary)
}

extension Pipeline {
    /// Load: reads fieldbook.json, content/ and templates/ (the built-in theme fills in what a portal leaves out) and
    /// parses the templates. Nil when there is nothing to build from.
    static func load(
        _ options: BuildOptions, _ fileSystem: any FileSystem, _ diagnostics: inout [Diagnostic], parsed: ParsedSources? = nil
    ) -> LoadedPortal? {
        let loader = PortalLoader(root: options.portal, fileSystem: fileSystem, builtIn: DefaultTheme.theme)
        let (loaded, loadDiagnostics) = loader.load(parsed: parsed)
        diagnostics += loadDiagnostics
        guard var portal = loaded else { return nil }
        if let baseURL = options.baseURL { portal.config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        let (templates, templateDiagnostics) = TemplateSet.compile(portal.templates)
        diagnostics += templateDiagnostics
        let contentAssets = portal.contentFiles.map {
            AssetSource(outputPath: LinkResolver.outputPath(ofContentFile: $0), origin: .file(loader.resolve($0)))
        }
        let keys = loadKeys(portal.config, options, fileSystem, &diagnostics)
        return LoadedPortal(portal: portal, templates: templates, assets: portal.assets + contentAssets, keys: keys)
    }

    /// Model: arranges documents into courses and playbook shelves, each with its URL.
    static func arrange(_ source: LoadedPortal, _ options: BuildOptions, _ diagnostics: inout [Diagnostic]) -> Library {
        let (library, modelDiagnostics) = LibraryBuilder(includeDrafts: options.includeDrafts).build(source.portal.documents)
        diagnostics += modelDiagnostics
        return library
    }

    /// Load, again: the text of documents the last build parsed (unchanged on disk, so not read) whose Markdown must be
    /// rendered anew (`Incremental.markdownNeedingText`).
    static func readTexts(
        _ library: Library, _ renderer: DocumentRenderer, _ options: BuildOptions, _ fileSystem: any FileSystem, _ incremental: Incremental,
        _ diagnostics: inout [Diagnostic]
    ) -> Library {
        let unread = incremental.markdownNeedingText(library, with: renderer)
        guard !unread.isEmpty else { return library }
        let (texts, problems) = PortalLoader(root: options.portal, fileSystem: fileSystem).texts(of: unread)
        diagnostics += problems
        return library.withText(texts)
    }

    /// The Markdown stage's renderer, with every place a link can go. The source's documents are let go here: the
    /// library holds what is published, the link resolver knows the rest.
    static func documentRenderer(_ source: inout LoadedPortal, _ library: Library, _ options: BuildOptions) -> DocumentRenderer {
        let documents = source.portal.documents
        source.portal.documents = []
        let config = source.portal.config
        let links = LinkResolver(
            baseURL: config.baseURL, documentURLs: Dictionary(uniqueKeysWithValues: library.documents.map { ($0.source.path, $0.url) }),
            draftPaths: options.includeDrafts ? [] : Set(documents.filter(\.frontMatter.draft).map(\.path)), sourcePaths: Set(documents.map(\.path)),
            contentFiles: Set(source.portal.contentFiles))
        let words = Labels(config.locale)
        return DocumentRenderer(
            markdown: MarkdownRenderer(unsafeHTML: config.unsafeHTML, taskWords: (words["taskDone"], words["taskOpen"])), links: links)
    }

    /// Analyze and Plan for the performance side, or the previous build's when nothing it reads has changed (its key
    /// covers the data, the configuration, the templates and each document's metadata, not the documents' text).
    /// With a `sink`, the API's files are handed to it as they are made, not kept.
    /// `early`: the figures, when they were begun before the documents were rendered (`earlyFigures`).
    static func performanceSide(
        _ source: inout LoadedPortal, _ library: Library, _ documents: [RenderedDocument], _ options: BuildOptions, _ incremental: Incremental,
        early: Background<Figures>? = nil, sink: (([OutputFile]) -> Void)? = nil
    ) -> PerformanceSide {
        let early = early?.value
        // The dashboard's "recently updated" list reads no site-wide field that data changes: one list serves both.
        let recent = PagePlanner(site: SiteView(config: source.portal.config)).recentlyUpdated(documents)
        let key = CachedPerformance.key(
            dataFiles: early?.prints ?? source.portal.dataFiles.mapValues { Fingerprint($0) }, config: source.portal.configFingerprint,
            baseURL: options.baseURL, includeDrafts: options.includeDrafts, templates: source.portal.templates, library: library,
            documents: documents, recent: recent, keys: source.keys?.ring.fingerprint)
        defer { source.portal.dataFiles = [:] }  // parsed: let the raw bytes (hundreds of MB for a big CRM) go
        if let kept = incremental.performance(key, output: options.outputPath) {
            return PerformanceSide(key: key, summary: kept.summary, reused: kept.reused)
        }
        return analyze(
            source.portal, library: library, documents: documents, recent: recent, key: key, keys: source.keys, figures: early, sink: sink)
    }

    /// Loads and checks the data and computes every figure (or takes `figures`, begun early), plans the dashboard,
    /// region, manager and rep pages and renders the API (handing it to `sink` as it goes, when there is one and the
    /// data has no errors: hundreds of megabytes for 5,000 reps, which would otherwise wait in memory for the pages).
    static func analyze(
        _ source: PortalSource, library: Library, documents: [RenderedDocument], recent: [DocumentSummaryView], key: Fingerprint,
        keys: LoadedKeys? = nil, figures: Figures? = nil, sink: (([OutputFile]) -> Void)?
    ) -> PerformanceSide {
        let config = source.config
        let figures = figures ?? Self.figures(Handoff(source.dataFiles), config: config)
        let (data, scoreboard, dashboard, planner) = (figures.data, figures.scoreboard, figures.dashboard, figures.planner)
        var diagnostics = figures.loading + (data.map { unknownLessons(in: $0.training, library: library) } ?? []) + figures.checks
        diagnostics += unknownCards(config.dashboard.cards, scoreboard: dashboard?.figures)
        let people = dashboard.map { config.listsReps ? SearchCatalog.people($0.data.team) : [] } ?? []
        let sealing = scoreboard.flatMap { sealer(keys, team: $0.data.team, settings: config.access, &diagnostics) }
        if let problems = planner?.extractProblems(), let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more lists)" : ""
            diagnostics.append(
                .error(
                    SourceLocation(path: "\(DataLoader.folder)/extract.json"),
                    "\(first)\(more): make the extract with the tables of `fieldbook warehouse` for this portal and as-of date"))
        }
        let pages = planner?.pages(library: library, documents: documents, recent: recent) ?? []
        let apiRenderer = scoreboard.map { APIRenderer(scoreboard: $0.figures, team: $0.data.team, currency: config.currency) }
        var (api, apiPaths): ([OutputFile], [String]) = ([], [])
        if let sink, !diagnostics.hasErrors {
            apiRenderer?.render { batch in
                let batch = seal(batch, with: sealing?.0)
                apiPaths += batch.map(\.path)
                sink(batch)
            }
        } else {
            api = seal(apiRenderer?.render() ?? [], with: sealing?.0)
            apiPaths = api.map(\.path)
        }
        // A sealed page is in no sitemap: it would only lead search engines to a locked screen.
        let sitemap = { (page: Page) in sealing.map { $0.0.policy.access(page.outputPath) == .open } ?? true ? page.sitemapEntry : nil }
        let summary = CachedPerformance(
            diagnostics: diagnostics, hasDashboard: dashboard != nil, regions: data.map { $0.team.regions.map(\.id) },
            metricIDs: data?.metricDefinitions.map(\.id) ?? [], people: people,
            pages: pages.map { .init(outputPath: $0.outputPath, sitemap: sitemap($0)) }, files: apiPaths, feed: planner?.reportFeed() ?? []
        )
        return PerformanceSide(key: key, summary: summary, pages: pages, api: api, sealer: sealing?.0, keys: sealing?.1)
    }

    /// What only shows across documents: orphans, duplicate titles, tags, and regions and KPIs named in front matter.
    static func crossChecks(
        _ source: LoadedPortal, _ library: Library, _ documents: [RenderedDocument], _ performance: CachedPerformance
    ) -> [Diagnostic] {
        let regions = performance.regions.map(Set.init) ?? Set(library.shelves.map(\.region))
        let kpiIDs = Set(KPI.builtIn.map(\.id) + performance.metricIDs)
        return PortalChecker(allowedTags: source.portal.config.allowedTags, regions: regions, kpis: kpiIDs).check(documents)
    }

    /// The renderer every page goes through: the theme's templates and the site-wide view.
    static func pageRenderer(_ source: LoadedPortal, _ performance: CachedPerformance) -> PageRenderer {
        let config = source.portal.config
        let site = SiteView(config: config, hasReps: performance.hasDashboard && config.listsReps)
        return PageRenderer(templates: source.templates, templateSources: source.portal.templates, site: site)
    }

    /// Plan: the library's pages (and the home page, which is the dashboard when there is one). When the library's
    /// outline is the one the previous build saved for this output (`CachedLibrary`), only the pages of documents whose
    /// own key changed (`keys`, by path) are planned; the others are linked from the previous output.
    static func planLibrary(
        _ source: LoadedPortal, _ library: Library, _ documents: [RenderedDocument], _ performance: CachedPerformance, renderer: PageRenderer,
        keys: [String: Fingerprint] = [:], _ options: BuildOptions, _ incremental: Incremental = Incremental(cache: nil)
    ) -> LibraryPlan {
        let key = CachedLibrary.key(
            shared: renderer.sharedKey, dashboardAtHome: performance.hasDashboard, library: library, documents: documents)
        let kept = incremental.library(key, documents: keys, output: options.outputPath)
        let pages = PagePlanner(site: renderer.site).pages(
            for: library, documents: documents, dashboardAtHome: performance.hasDashboard, only: kept?.changed)
        let records = kept?.pages ?? pages.map(CachedPage.init)
        return LibraryPlan(
            pages: pages, reused: kept?.reused ?? [], sitemap: records.compactMap(\.sitemap) + performance.pages.compactMap(\.sitemap),
            pageCount: records.count, cache: (key, CachedLibrary(pages: records, documents: keys)))
    }

    /// Index: the search index (terms of unchanged entries kept from the last build), the sitemap and the feed.
    static func indexes(
        _ source: LoadedPortal, _ documents: [RenderedDocument], _ plan: LibraryPlan, site: SiteView, _ performance: CachedPerformance,
        _ incremental: Incremental
    ) -> (files: [OutputFile], searchTerms: SearchTerms) {
        let entries = SearchCatalog.entries(documents: documents, team: nil, includePeople: false) + performance.people
        let (search, searchTerms) = SearchIndexer().index(entries, cache: incremental.cache?.search ?? SearchTerms())
        let feed = FeedRenderer(config: source.portal.config).render(documents, reports: performance.feed)
        return (PageRenderer.sitemap(plan.sitemap, site: site) + [feed] + search, searchTerms)
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

    /// Sorted by place; with `--strict`, every warning an error.
    static func finished(_ diagnostics: [Diagnostic], _ options: BuildOptions) -> [Diagnostic] {
        let promoted = options.strict ? diagnostics.map { Diagnostic(.error, $0.location, $0.message, notes: $0.notes) } : diagnostics
        return promoted.sortedByLocation()
    }

    static func failed(_ diagnostics: [Diagnostic], _ options: BuildOptions) -> (portal: RenderedPortal, kept: CacheSaving.Tables) {
        (RenderedPortal(files: [], assets: [], pageCount: 0, diagnostics: finished(diagnostics, options)), CacheSaving.Tables())
    }
}
