import FieldbookMarkdown
import FieldbookModel

/// Renders every document's Markdown in parallel, rewriting links, then checks anchors between documents.
package struct DocumentRenderer: Sendable {
    package let markdown: MarkdownRenderer
    package let links: LinkResolver

    package init(markdown: MarkdownRenderer, links: LinkResolver) {
        self.markdown = markdown
        self.links = links
    }

    /// Gives each document its title and summary, and checks `#fragment` links, which depend on the other documents'
    /// headings (so this runs after every document's Markdown, rendered now or kept from an earlier build).
    package func finish(_ library: Library, _ results: [DocumentMarkdown]) -> (documents: [RenderedDocument], diagnostics: [Diagnostic]) {
        let rendered = zip(library.documents, results).map { finished($0, $1) }
        var diagnostics = results.flatMap(\.problems)
        let headingIds = Dictionary(uniqueKeysWithValues: rendered.map { ($0.path, Set($0.markdown.headings.map(\.id))) })
        for (document, entry) in zip(rendered, results) {
            for anchor in entry.anchors {
                guard let ids = headingIds[anchor.path], !ids.contains(anchor.fragment), !Self.isFootnoteAnchor(anchor.fragment) else { continue }
                diagnostics.append(
                    .error(
                        SourceLocation(path: document.path, line: max(1, anchor.link.line), column: max(1, anchor.link.column)),
                        "broken link: \(anchor.path == document.path ? "this document" : anchor.path) has no heading with id \"\(anchor.fragment)\""))
            }
        }
        return (rendered, diagnostics)
    }

    /// Everything a document's Markdown result depends on besides the document's own path and text: the renderer's
    /// settings and every place a link can go (a new or renamed document can change where links point).
    package var settingsKey: Fingerprint {
        var writer = ByteWriter()
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

    /// One document's Markdown as HTML, its links resolved.
    package func renderOne(_ document: LibraryDocument) -> DocumentMarkdown {
        var problems: [Diagnostic] = []
        var anchors: [DocumentMarkdown.Anchor] = []
        var linked: Set<String> = []
        let output = markdown.render(document.source.markdown) { link in
            let resolution = links.resolve(link, from: document.source.path)
            if let problem = resolution.problem { problems.append(problem) }
            if let anchor = resolution.anchor { anchors.append(.init(link: link, path: anchor.path, fragment: anchor.fragment)) }
            if let target = resolution.document { linked.insert(target) }
            return resolution.url
        }
        return DocumentMarkdown(
            markdown: output, summary: Self.summary(of: output.plainText), problems: problems, anchors: anchors, linked: linked.sorted())
    }

    private func finished(_ document: LibraryDocument, _ entry: DocumentMarkdown) -> RenderedDocument {
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

/// One document's Markdown stage: the HTML with links rewritten, and what link resolution reported.
package struct DocumentMarkdown: Sendable, Equatable {
    package var markdown: RenderedMarkdown
    /// The start of the text (`DocumentRenderer.summary(of:)`), for documents without a `description`.
    package var summary: String
    package var problems: [Diagnostic]
    /// `#fragment` links to check once every document's headings are known.
    package var anchors: [Anchor]
    /// Published documents this one links to.
    package var linked: [String]

    /// A link to a heading of a document, checked when every document's headings are known.
    package struct Anchor: Sendable, Equatable {
        package var link: MarkdownLink
        package var path: String
        package var fragment: String

        package init(link: MarkdownLink, path: String, fragment: String) {
            self.link = link
            self.path = path
            self.fragment = fragment
        }
    }

    package init(markdown: RenderedMarkdown, summary: String, problems: [Diagnostic], anchors: [Anchor], linked: [String]) {
        self.markdown = markdown
        self.summary = summary
        self.problems = problems
        self.anchors = anchors
        self.linked = linked
    }
}
