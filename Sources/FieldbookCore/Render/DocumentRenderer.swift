/// A library document after its Markdown became HTML.
public struct RenderedDocument: Sendable {
    public var document: LibraryDocument
    public var markdown: RenderedMarkdown
    /// Front matter `title`, else the first `# heading`, else the file name.
    public var title: String
    /// Front matter `description`, else the start of the text.
    public var summary: String
    /// Source paths of the published documents this one links to.
    public var linkedDocuments: Set<String> = []

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

    public func render(_ library: Library) -> ([RenderedDocument], [Diagnostic]) {
        let results = parallelMap(library.documents) { document in renderOne(document) }
        let rendered = results.map(\.0)
        var diagnostics = results.flatMap(\.1)
        let headingIds = Dictionary(uniqueKeysWithValues: rendered.map { ($0.path, Set($0.markdown.headings.map(\.id))) })
        for (document, result) in zip(rendered, results) {
            for (link, anchor) in result.2 {
                guard let ids = headingIds[anchor.path], !ids.contains(anchor.fragment), !Self.isFootnoteAnchor(anchor.fragment) else { continue }
                diagnostics.append(
                    .error(
                        SourceLocation(path: document.path, line: max(1, link.line), column: max(1, link.column)),
                        "broken link: \(anchor.path == document.path ? "this document" : anchor.path) has no heading with id \"\(anchor.fragment)\""))
            }
        }
        return (rendered, diagnostics)
    }

    private func renderOne(_ document: LibraryDocument) -> (RenderedDocument, [Diagnostic], [(MarkdownLink, (path: String, fragment: String))]) {
        var diagnostics: [Diagnostic] = []
        var anchors: [(MarkdownLink, (path: String, fragment: String))] = []
        var linked: Set<String> = []
        let output = markdown.render(document.source.markdown) { link in
            let resolution = links.resolve(link, from: document.source.path)
            if let problem = resolution.problem { diagnostics.append(problem) }
            if let anchor = resolution.anchor { anchors.append((link, anchor)) }
            if let target = resolution.document { linked.insert(target) }
            return resolution.url
        }
        let front = document.source.frontMatter
        let title = front.title ?? output.firstTitle ?? document.fileTitle
        let summary = front.description ?? Self.summary(of: output.plainText)
        let rendered = RenderedDocument(document: document, markdown: output, title: title, summary: summary, linkedDocuments: linked)
        return (rendered, diagnostics, anchors)
    }

    /// cmark-gfm's own footnote anchors (`fn-1`, `fnref-1`) are valid targets too.
    private static func isFootnoteAnchor(_ fragment: String) -> Bool { fragment.hasPrefix("fn-") || fragment.hasPrefix("fnref-") }

    /// The first sentence-ish stretch of text, at most 160 characters, cut at a word boundary.
    static func summary(of text: String) -> String {
        // Only the start matters; splitting a whole long document into words would dominate the cost of a page.
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.prefix(400))).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 160 else { return flat }
        let cut = flat.prefix(160)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 80 { return cut[..<space] + "…" }
        return cut + "…"
    }
}
