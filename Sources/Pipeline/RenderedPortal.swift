import FieldbookModel
import FieldbookWrite

/// The finished portal, before anything is written (or, from `Pipeline.build`, after).
public struct RenderedPortal: Sendable {
    /// Rendered files still in memory (without a page sink: all of them).
    public var files: [OutputFile]
    public var assets: [AssetSource]
    public var pageCount: Int
    public var diagnostics: [Diagnostic]
    /// How the work was spared and spread: what the cache saved and what went to the writer early.
    public var work = Work()

    /// What the Incremental layer spared and what was streamed to the writer while rendering.
    public struct Work: Sendable {
        /// Paths of pages handed to the page sink (written to the staging folder) as they were rendered.
        public var streamed: [String] = []
        /// Files unchanged since the previous build: linked from it, not made again.
        public var reused: [ReusedFile] = []
        /// Pages not rendered because the cache shows their inputs are unchanged.
        public var unchangedPages = 0
        /// Documents whose Markdown was rendered (the others came from the cache).
        public var markdownRendered = 0
    }

    public var fileCount: Int { files.count + work.streamed.count + work.reused.count + assets.count }
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
