import FieldbookModel
import FieldbookWrite

/// The finished portal, before anything is written (or, from `Pipeline.build`, after).
package struct RenderedPortal: Sendable {
    /// Rendered files still in memory (without a page sink: all of them).
    package var files: [OutputFile]
    package var assets: [AssetSource]
    package var pageCount: Int
    package var diagnostics: [Diagnostic]
    /// How the work was spared and spread: what the cache saved and what went to the writer early.
    package var work = Work()
    /// An encrypted portal's keys: `added` readers' keys are saved before the output is (`Pipeline.build`).
    package var keys: LoadedKeys?

    /// What the Incremental layer spared and what was streamed to the writer while rendering.
    package struct Work: Sendable {
        /// Paths of pages handed to the page sink (written to the staging folder) as they were rendered.
        package var streamed: [String] = []
        /// Files unchanged since the previous build: linked from it, not made again.
        package var reused: [ReusedFile] = []
        /// Pages not rendered because the cache shows their inputs are unchanged.
        package var unchangedPages = 0
        /// Of those, library pages not even planned: the library's outline was unchanged and their source was too.
        package var unplannedPages = 0
        /// Documents whose Markdown was rendered (the others came from the cache).
        package var markdownRendered = 0
        /// Markdown files read and parsed (the others were unchanged on disk since the last build).
        package var documentsRead = 0
    }

    package var fileCount: Int { files.count + work.streamed.count + work.reused.count + assets.count }
}

/// A stage the build has reached, for a progress line on a terminal.
package enum BuildStage: Sendable, Equatable {
    case loading
    case renderingMarkdown(documents: Int)
    case renderingPages(pages: Int)
    case writing(files: Int)
    /// Another build of the same output is writing; this one waits for it.
    case waitingForAnotherBuild
}
