import Foundation

/// A file of the finished portal, held in memory until the writer puts it in place.
public struct OutputFile: Sendable, Equatable {
    /// Path relative to the output root: `library/index.html`.
    public var path: String
    public var bytes: [UInt8]
    /// For a page, the fingerprint of everything it was rendered from (kept in the output manifest).
    public var inputs: Fingerprint?

    public init(path: String, bytes: [UInt8], inputs: Fingerprint? = nil) {
        self.path = path
        self.bytes = bytes
        self.inputs = inputs
    }
}

/// A page whose inputs are what they were at the previous build: its file there can be linked instead of rendered.
/// `render` is the fallback when that file turns out to have been changed or removed since.
public struct ReusedFile: Sendable {
    public var path: String
    public var record: OutputManifest.Record
    public var render: @Sendable () -> [UInt8]?
}

/// Renders pages through the theme's templates, on every core, and writes the sitemap.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    public let templateSources: [String: TemplateSource]
    public let site: SiteView

    public init(templates: TemplateSet, templateSources: [String: TemplateSource], site: SiteView) {
        self.templates = templates
        self.templateSources = templateSources
        self.site = site
    }

    /// Renders every page, except those `previous` shows were built from the same inputs: those come back in
    /// `reused`, for the writer to link from the previous output. With a `sink`, pages are rendered in batches and
    /// each batch is handed to it (to be written) instead of being kept: a large portal is never in memory whole.
    public func render(
        _ pages: [Page], previous: OutputManifest = OutputManifest(), sink: (([OutputFile]) -> Void)? = nil
    ) -> (files: [OutputFile], reused: [ReusedFile], diagnostics: [Diagnostic]) {
        let shared = sharedKey
        var reused: [ReusedFile] = []
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        let batchSize = sink == nil ? max(pages.count, 1) : Self.batchSize
        for start in stride(from: 0, to: pages.count, by: batchSize) {
            let batch = Array(pages[start..<min(start + batchSize, pages.count)])
            let results = parallelMap(batch) { page -> (Fingerprint, Result<String, TemplateSet.TemplateFailure>?) in
                let key = inputs(of: page, shared: shared)
                if previous[page.outputPath]?.inputs == key { return (key, nil) }
                return (key, renderPage(page))
            }
            var rendered: [OutputFile] = []
            for (page, (key, result)) in zip(batch, results) {
                guard let result else {
                    reused.append(
                        ReusedFile(path: page.outputPath, record: previous[page.outputPath]!) { [self] in
                            try? Array(renderPage(page).get().utf8)
                        })
                    continue
                }
                switch result {
                case .success(let html):
                    rendered.append(OutputFile(path: page.outputPath, bytes: Array(html.utf8), inputs: key))
                case .failure(.missingTemplate(let name)):
                    if reported.insert("template \(name)").inserted {
                        diagnostics.append(
                            .error(
                                SourceLocation(path: "templates/\(name).mustache"), "template '\(name)' does not exist (needed for \(page.meta.url))")
                        )
                    }
                case .failure(.unknownKeys(let names)):
                    for name in names {
                        let location = locate(name, preferring: page.template)
                        guard reported.insert("\(location) \(name)").inserted else { continue }
                        diagnostics.append(
                            .error(
                                location, "template uses '\(name)', which \(page.template) pages do not have",
                                notes: [.init(SourceLocation(path: templates.path(of: page.template)), "while rendering \(page.meta.url)")]))
                    }
                }
            }
            // Once a page has failed the build fails: there is no point writing the rest.
            if let sink, diagnostics.isEmpty { sink(rendered) } else if sink == nil { files += rendered }
        }
        return (files, reused, diagnostics)
    }

    /// Pages per batch handed to a sink: enough to keep every core busy, few enough to keep memory flat.
    static let batchSize = 256

    private func renderPage(_ page: Page) -> Result<String, TemplateSet.TemplateFailure> {
        templates.render(page.template, PageContext(page: PageViewWithMeta(view: page.view, meta: page.meta), site: site))
    }

    /// What every page is rendered with: the templates and the site-wide view.
    var sharedKey: Fingerprint {
        var writer = ByteWriter()
        writer.write(BuildCache.engine.value)
        writer.write(templateSources)
        FingerprintEncoder.fingerprint(site, into: &writer)
        return Fingerprint(writer.bytes)
    }

    /// Everything one page is rendered from: the shared key, its template, and its view model and meta fields.
    func inputs(of page: Page, shared: Fingerprint) -> Fingerprint {
        var writer = ByteWriter(capacity: 16 * 1024)
        writer.write(shared.value)
        writer.write(page.template)
        FingerprintEncoder.fingerprint(page.meta, into: &writer)
        FingerprintEncoder.fingerprint(page.view, into: &writer)
        return Fingerprint(writer.bytes)
    }

    /// The first tag that reads `name` (`{{name}}`, `{{#name}}`, `{{labels.name}}`) in the page's template, else in
    /// any template, so the diagnostic points at the typo.
    private func locate(_ name: String, preferring template: String) -> SourceLocation {
        let candidates = [templateSources[template]].compactMap { $0 } + templateSources.values.sorted { $0.name < $1.name }
        let escaped = NSRegularExpression.escapedPattern(for: name)
        let tag = try! NSRegularExpression(pattern: "\\{\\{[#^&{/]?\\s*(?:[A-Za-z0-9_.-]*\\.)?" + escaped + "(?![A-Za-z0-9_-])")
        for source in candidates {
            let text = source.text as NSString
            guard let match = tag.firstMatch(in: source.text, range: NSRange(location: 0, length: text.length)) else { continue }
            let offset = text.substring(to: match.range.location).utf8.count
            return LineIndex(source.text).location(ofByte: offset, in: source.path)
        }
        return SourceLocation(path: templates.path(of: template))
    }

    /// `sitemap.xml`: every page but the 404 and private ones, sorted, with `lastmod` where a document has an `updated` date.
    public static func sitemap(_ entries: [SitemapEntry]) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries.sorted(by: { $0.url < $1.url }) {
            xml += "  <url><loc>\(escapeHTML(entry.url))</loc>"
            if let updated = entry.lastModified { xml += "<lastmod>\(updated)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", bytes: Array(xml.utf8))
    }
}

/// One line of `sitemap.xml`.
public struct SitemapEntry: Sendable, Equatable {
    public var url: String
    /// A document's `updated` date.
    public var lastModified: String?
}

extension Page {
    /// The page's sitemap line; nil for the 404 page and private pages.
    public var sitemapEntry: SitemapEntry? {
        outputPath == "404.html" || meta.noindex ? nil : SitemapEntry(url: meta.url, lastModified: (view as? DocumentPageView)?.updated)
    }
}

/// A page's own view with its meta fields behind it.
private struct PageViewWithMeta: TemplateView {
    let view: any TemplateView
    let meta: PageMeta
    func field(_ name: String) -> Any? { view.field(name) ?? meta.field(name) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(view)
        try container.encode(meta)
    }
}
