/// A library document after its Markdown became HTML.
///
/// A class: planning hands each document to many pages (its own, its neighbours', its course's, its tags'), and a
/// reference is one count to copy where this value is some twenty.
public final class RenderedDocument: Sendable {
    public let document: LibraryDocument
    public let markdown: RenderedMarkdown
    /// Front matter `title`, else the first `# heading`, else the file name.
    public let title: String
    /// Front matter `description`, else the start of the text.
    public let summary: String
    /// Source paths of the published documents this one links to.
    public let linkedDocuments: Set<String>

    public init(document: LibraryDocument, markdown: RenderedMarkdown, title: String, summary: String, linkedDocuments: Set<String> = []) {
        self.document = document
        self.markdown = markdown
        self.title = title
        self.summary = summary
        self.linkedDocuments = linkedDocuments
    }

    public var frontMatter: FrontMatter { document.source.frontMatter }
    public var path: String { document.source.path }
}

/// Renders every document's Markdown in parallel, rewriting links, then checks anchors between documents.
public struct DocumentRenderer: Sendable {
    public let markdown: MarkdownRenderer
    public let links: LinkResolver

    public init(markdown: MarkdownRenderer, links: LinkResolver) {
        self.markdown = markdown
        self.links = links
    }

    /// Renders every document, taking from `cache` those whose key is there, and returns the entries this build used.
    ///
    /// A document's key covers its path and text, the renderer's settings and `links` (every URL a link could resolve
    /// to), so a cached entry is exactly what rendering would give. Anchors into other documents are checked here,
    /// after the cache, because they depend on the other documents' headings.
    public func render(
        _ library: Library, cache: [Fingerprint: CachedMarkdown] = [:]
    ) -> (documents: [RenderedDocument], diagnostics: [Diagnostic], used: [Fingerprint: CachedMarkdown], rendered: Int) {
        let settings = settingsKey
        let results = parallelMap(library.documents) { document -> (Fingerprint, CachedMarkdown, RenderedDocument, Bool) in
            var writer = ByteWriter(capacity: 128)
            writer.write(settings.value)
            writer.write(document.source.path)
            writer.write(Fingerprint(document.source.markdown).value)  // hashed in place, not copied into the writer
            let key = Fingerprint(writer.bytes)
            let cached = cache[key]
            let entry = cached ?? renderOne(document)
            return (key, entry, finished(document, entry), cached == nil)
        }
        let rendered = results.map(\.2)
        var diagnostics = results.flatMap(\.1.problems)
        let headingIds = Dictionary(uniqueKeysWithValues: rendered.map { ($0.path, Set($0.markdown.headings.map(\.id))) })
        for (document, (_, entry, _, _)) in zip(rendered, results) {
            for anchor in entry.anchors {
                guard let ids = headingIds[anchor.path], !ids.contains(anchor.fragment), !Self.isFootnoteAnchor(anchor.fragment) else { continue }
                diagnostics.append(
                    .error(
                        SourceLocation(path: document.path, line: max(1, anchor.link.line), column: max(1, anchor.link.column)),
                        "broken link: \(anchor.path == document.path ? "this document" : anchor.path) has no heading with id \"\(anchor.fragment)\""))
            }
        }
        let used = Dictionary(results.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        return (rendered, diagnostics, used, results.filter(\.3).count)
    }

    /// The part of every document's key that is the same for all: the renderer's settings and where links can go.
    var settingsKey: Fingerprint {
        var writer = ByteWriter()
        writer.write(BuildCache.engine.value)
        writer.write(MarkdownRenderer.libraryVersion)
        writer.write(markdown.unsafeHTML)
        writer.write(markdown.taskWords.done)
        writer.write(markdown.taskWords.open)
        writer.write(links.baseURL)
        for (path, url) in links.documentURLs.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(url)
        }
        for paths in [links.draftPaths, links.sourcePaths, links.contentFiles] {
            writer.write(UInt64(paths.count))
            for path in paths.sorted() { writer.write(path) }
        }
        return Fingerprint(writer.bytes)
    }

    private func renderOne(_ document: LibraryDocument) -> CachedMarkdown {
        var problems: [Diagnostic] = []
        var anchors: [CachedMarkdown.Anchor] = []
        var linked: Set<String> = []
        let output = markdown.render(document.source.markdown) { link in
            let resolution = links.resolve(link, from: document.source.path)
            if let problem = resolution.problem { problems.append(problem) }
            if let anchor = resolution.anchor { anchors.append(.init(link: link, path: anchor.path, fragment: anchor.fragment)) }
            if let target = resolution.document { linked.insert(target) }
            return resolution.url
        }
        return CachedMarkdown(
            markdown: output, summary: Self.summary(of: output.plainText), problems: problems, anchors: anchors, linked: linked.sorted())
    }

    private func finished(_ document: LibraryDocument, _ entry: CachedMarkdown) -> RenderedDocument {
        let front = document.source.frontMatter
        let title = front.title ?? entry.markdown.firstTitle ?? document.fileTitle
        let summary = front.description ?? entry.summary
        return RenderedDocument(
            document: document.withoutMarkdown(), markdown: entry.markdown, title: title, summary: summary, linkedDocuments: Set(entry.linked))
    }

    /// cmark-gfm's own footnote anchors (`fn-1`, `fnref-1`) are valid targets too.
    private static func isFootnoteAnchor(_ fragment: String) -> Bool { fragment.hasPrefix("fn-") || fragment.hasPrefix("fnref-") }

    /// The first sentence-ish stretch of text, at most 160 characters, cut at a word boundary.
    static func summary(of text: String) -> String {
        // Only the start matters; splitting a whole long document into words would dominate the cost of a page.
        let start = text.utf8.prefix(400)
        if start.allSatisfy({ $0 < 0x80 }) { return asciiSummary(Array(start)) }
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.prefix(400))).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 160 else { return flat }
        let cut = flat.prefix(160)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 80 { return cut[..<space] + "…" }
        return cut + "…"
    }

    /// `summary(of:)` for ASCII, on bytes: there every character is one byte, and white space is tab to carriage
    /// return and the space (a test holds the two to the same results).
    private static func asciiSummary(_ bytes: [UInt8]) -> String {
        var flat: [UInt8] = []
        flat.reserveCapacity(bytes.count)
        for word in bytes.split(whereSeparator: { (0x09...0x0D).contains($0) || $0 == 0x20 }) {
            if !flat.isEmpty { flat.append(0x20) }
            flat.append(contentsOf: word)
        }
        guard flat.count > 160 else { return String(decoding: flat, as: UTF8.self) }
        let cut = flat[..<160]
        if let space = cut.lastIndex(of: 0x20), space > 80 { return String(decoding: cut[..<space], as: UTF8.self) + "…" }
        return String(decoding: cut, as: UTF8.self) + "…"
    }
}
