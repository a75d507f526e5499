import FieldbookModel
import FieldbookRender
import FieldbookWrite

/// The stages whose work an earlier build can spare, wrapped: each takes a stage's inputs to a key and, where the
/// cache holds a result under that key, uses it instead of running the stage. The stages themselves (`DocumentRenderer`,
/// `PageRenderer`, the performance side) know nothing of the cache; they only say what their results depend on.
package struct Incremental: Sendable {
    /// What the previous build left (empty on a clean build or without a cache).
    package let cache: BuildCache?

    package init(cache: BuildCache?) { self.cache = cache }

    /// What the output held after the previous build.
    package var previous: OutputManifest { cache?.outputs ?? OutputManifest() }

    /// The Markdown stage: a document whose key (its path and file, and the renderer's `settingsKey`) is in the cache
    /// is not rendered again. Returns the entries this build used, for the cache, how many were rendered, and each
    /// document's key by path (what `CachedLibrary` calls its own key: it covers everything only its own pages show).
    package func markdown(
        _ library: Library, with renderer: DocumentRenderer
    ) -> (
        documents: [RenderedDocument], diagnostics: [Diagnostic], used: [Fingerprint: DocumentMarkdown], rendered: Int,
        keys: [String: Fingerprint]
    ) {
        let settings = markdownSettings(renderer)
        let stored = cache?.markdown ?? [:]
        let results = parallelMap(library.documents) { document -> (key: Fingerprint, entry: DocumentMarkdown, rendered: Bool) in
            let key = Self.markdownKey(document, settings: settings)
            if let entry = stored[key] { return (key, entry, false) }
            // A document without its text here is one `markdownNeedingText` named and reading failed: the build stops.
            return (key, renderer.renderOne(document), true)
        }
        let (documents, diagnostics) = renderer.finish(library, results.map(\.entry))
        let used = Dictionary(results.map { ($0.key, $0.entry) }, uniquingKeysWith: { first, _ in first })
        let keys = Dictionary(zip(library.documents, results).map { ($0.source.path, $1.key) }, uniquingKeysWith: { first, _ in first })
        return (documents, diagnostics, used, results.filter(\.rendered).count, keys)
    }

    /// Documents whose text was left unread (`ParsedSources`) and whose Markdown is not in the cache under its key (a
    /// link target moved, say): their text must be read before the Markdown stage.
    package func markdownNeedingText(_ library: Library, with renderer: DocumentRenderer) -> [SourceDocument] {
        let (settings, stored) = (markdownSettings(renderer), cache?.markdown ?? [:])
        return library.documents.filter { !$0.source.hasText && stored[Self.markdownKey($0, settings: settings)] == nil }.map(\.source)
    }

    private func markdownSettings(_ renderer: DocumentRenderer) -> Fingerprint { BuildCache.engine.combined(with: renderer.settingsKey) }

    /// A document's key in the Markdown table: the renderer's settings, its path and its file's fingerprint (taken as
    /// the file was read; a front matter edit renders that one document's Markdown again).
    private static func markdownKey(_ document: LibraryDocument, settings: Fingerprint) -> Fingerprint {
        var writer = ByteWriter(capacity: 64)
        writer.write(settings.value)
        writer.write(document.source.path)
        writer.write(document.source.contents.value)
        return Fingerprint(writer.bytes)
    }

    /// The library pages the previous build made into `output`, when the outline `key` is the one it saved: the
    /// documents whose own key changed (their pages are planned again) and every other page, to link. Nil when the
    /// outline changed, or a page to keep is no longer in `output` as that build wrote it.
    package func library(
        _ key: Fingerprint, documents: [String: Fingerprint], output: String
    ) -> (changed: Set<String>, reused: [ReusedFile], pages: [CachedPage])? {
        guard let stored = cache?.library, stored.key == key else { return nil }
        let changed = Set(documents.compactMap { stored.value.documents[$0.key] == $0.value ? nil : $0.key })
        let kept = stored.value.pages.filter { !($0.source.map(changed.contains) ?? false) }
        guard let reused = intact(kept.map(\.outputPath), in: output) else { return nil }
        return (changed, reused, stored.value.pages)
    }

    /// The Render stage for pages: a page whose inputs (`PageRenderer.inputs`) match what the previous output's
    /// manifest records is not rendered; it comes back in `reused`, for the writer to link from the previous output.
    /// `whole`: pages whose inputs a key of their own covers already (the performance side's, which spares them all
    /// when it matches): they are rendered without a key of their own, since fingerprinting thousands of views costs
    /// half what rendering them does; the writer still keeps the files whose bytes did not change.
    /// With a `sink`, pages are rendered in batches and each batch is handed to it (to be written) instead of kept, so a
    /// large portal is never in memory whole; once a page has failed, no more batches are handed on.
    package func pages(
        _ keyed: [Page], whole: [Page] = [], with renderer: PageRenderer, sink: (([OutputFile]) -> Void)? = nil
    ) -> (files: [OutputFile], reused: [ReusedFile], diagnostics: [Diagnostic]) {
        let pages = keyed + whole
        let shared = BuildCache.engine.combined(with: renderer.sharedKey)
        let previous = previous
        var (files, reused, diagnostics): ([OutputFile], [ReusedFile], [Diagnostic]) = ([], [], [])
        var reported: Set<String> = []
        let batchSize = sink == nil ? max(pages.count, 1) : Self.batchSize
        for start in stride(from: 0, to: pages.count, by: batchSize) {
            let batch = Array(pages[start..<min(start + batchSize, pages.count)])
            let results = parallelMap(Array(batch.enumerated())) { offset, page -> (Fingerprint?, Result<[UInt8], TemplateSet.TemplateFailure>?) in
                guard start + offset < keyed.count else { return (nil, renderer.renderPage(page)) }
                let page = page.materialized()
                let key = renderer.inputs(of: page, shared: shared)
                return (key, previous[page.outputPath]?.inputs == key ? nil : renderer.renderPage(page))
            }
            var rendered: [OutputFile] = []
            var failures: [(Page, TemplateSet.TemplateFailure)] = []
            for (page, (key, result)) in zip(batch, results) {
                switch result {
                case .success(let html): rendered.append(OutputFile(path: page.outputPath, bytes: html, inputs: key))
                case .failure(let failure): failures.append((page, failure))
                case nil:
                    guard let record = previous[page.outputPath] else { continue }  // found above: its inputs matched
                    reused.append(ReusedFile(path: page.outputPath, record: record) { try? renderer.renderPage(page).get() })
                }
            }
            diagnostics += renderer.diagnostics(failures, reported: &reported)
            if let sink, diagnostics.isEmpty { sink(rendered) } else if sink == nil { files += rendered }
        }
        return (files, reused, diagnostics)
    }

    /// Pages per batch handed to a sink: enough to keep every core busy, few enough to keep memory flat.
    package static let batchSize = 256

    /// The previous build's performance side under `key`, if every one of its files is still in `output` as that
    /// build wrote it: then its pages and API files are linked, not made again.
    package func performance(_ key: Fingerprint, output: String) -> (summary: CachedPerformance, reused: [ReusedFile])? {
        guard let stored = cache?.performance, stored.key == key,
            let reused = intact(stored.value.pages.map(\.outputPath) + stored.value.files, in: output)
        else { return nil }
        return (stored.value, reused)
    }

    /// The previous build's files at `paths`, to link, if every one is still in `output` as it wrote it.
    private func intact(_ paths: [String], in output: String) -> [ReusedFile]? {
        var reused: [ReusedFile] = []
        reused.reserveCapacity(paths.count)
        for path in paths {
            guard let (_, record) = previous.intactFile(path, in: output) else { return nil }
            reused.append(ReusedFile(path: path, record: record) { nil })
        }
        return reused
    }
}

extension Fingerprint {
    /// A fingerprint of this one and `other`, in that order.
    package func combined(with other: Fingerprint) -> Fingerprint {
        var writer = ByteWriter(capacity: 16)
        writer.write(value)
        writer.write(other.value)
        return Fingerprint(writer.bytes)
    }
}
