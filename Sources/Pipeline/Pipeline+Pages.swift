import FieldbookIncremental
import FieldbookLoad
import FieldbookModel
import FieldbookRender

extension Pipeline {
    /// Load through Plan, without the cache: every page of the portal with its view model, and the renderer that draws
    /// them. For measuring the Render stage alone (`TemplateRenderingBenchmark`); nil when the portal has errors.
    package static func plannedPages(_ options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) -> (PageRenderer, [Page])? {
        var diagnostics: [Diagnostic] = []
        guard var source = load(options, fileSystem, &diagnostics) else { return nil }
        var library = arrange(source, options, &diagnostics)
        let incremental = Incremental(cache: nil)
        let markdown = incremental.markdown(library, with: documentRenderer(&source, library, options))
        library = library.withoutMarkdown()
        let performance = performanceSide(&source, library, markdown.documents, options, incremental)
        let renderer = pageRenderer(source, performance.summary)
        let plan = planLibrary(source, library, markdown.documents, performance.summary, renderer: renderer, options)
        guard !(diagnostics + markdown.diagnostics + performance.summary.diagnostics).hasErrors else { return nil }
        return (renderer, plan.pages + performance.pages)
    }
}
