import FieldbookModel
import FieldbookTemplates

/// Renders pages through the theme's templates, on every core, and writes the sitemap.
package struct PageRenderer: Sendable {
    package let templates: TemplateSet
    package let templateSources: [String: TemplateSource]
    package let site: SiteView
    /// `site` as templates read it, boxed once for every page.
    private let siteValue: TemplateValue

    package init(templates: TemplateSet, templateSources: [String: TemplateSource], site: SiteView) {
        self.templates = templates
        self.templateSources = templateSources
        self.site = site
        self.siteValue = site.templateValue
    }

    /// One page through its template, as the bytes of its file.
    package func renderPage(_ page: Page) -> Result<[UInt8], TemplateSet.TemplateFailure> {
        templates.render(page.template, view: page.view, meta: page.meta, site: siteValue)
    }

    /// What failed pages report, each problem once (`reported` holds those already said, across batches).
    package func diagnostics(_ failures: [(Page, TemplateSet.TemplateFailure)], reported: inout Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (page, failure) in failures {
            switch failure {
            case .missingTemplate(let name):
                if reported.insert("template \(name)").inserted {
                    diagnostics.append(
                        .error(SourceLocation(path: "templates/\(name).mustache"), "template '\(name)' does not exist (needed for \(page.meta.url))"))
                }
            case .problems(let problems):
                for problem in problems {
                    let location = SourceLocation(path: problem.path, line: problem.line, column: problem.column)
                    guard reported.insert("\(location) \(problem.kind)").inserted else { continue }
                    diagnostics.append(
                        .error(
                            location, message(problem.kind, template: page.template),
                            notes: [.init(SourceLocation(path: templates.path(of: page.template)), "while rendering \(page.meta.url)")]))
                }
            }
        }
        return diagnostics
    }

    /// What every page is rendered with: the templates and the site-wide view.
    package var sharedKey: Fingerprint {
        var writer = ByteWriter()
        writer.write(templateSources)
        siteValue.fingerprint(into: &writer)
        return Fingerprint(writer.bytes)
    }

    /// Everything one page is rendered from: the shared key, its template, and its view model and meta fields.
    package func inputs(of page: Page, shared: Fingerprint) -> Fingerprint {
        var writer = ByteWriter(capacity: 16 * 1024)
        writer.write(shared.value)
        writer.write(page.template)
        page.meta.fingerprint(into: &writer)
        page.view.fingerprint(into: &writer)
        return Fingerprint(writer.bytes)
    }

    private func message(_ kind: TemplateProblem.Kind, template: String) -> String {
        switch kind {
        case .unknownName(let name, let suggestion):
            "template uses '\(name)', which \(template) pages do not have" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .notText(let name): "template uses '\(name)' as text, but it holds a view or a list: use {{#\(name)}}…{{/\(name)}}"
        case .missingTemplate(let name): "template '\(name)' does not exist"
        case .tooDeep(let name): "partials nest too deeply at '\(name)' (does a partial include itself?)"
        case .unknownTransform(let name): "template uses '\(name)', which is not a transform (uppercased, lowercased, capitalized)"
        }
    }

    /// `sitemap.xml`: every page but the 404 and private ones, sorted, with `lastmod` where a document has an `updated` date.
    /// The sitemap protocol allows 50,000 URLs a file: past that (every period of every region and manager adds up),
    /// `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml`, ... of at most `sitemapLimit` each.
    package static func sitemap(_ entries: [SitemapEntry], site: SiteView, limit: Int = sitemapLimit) -> [OutputFile] {
        let sorted = entries.sorted { $0.url < $1.url }
        func urlset(_ slice: ArraySlice<SitemapEntry>, path: String) -> OutputFile {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for entry in slice {
                xml += "  <url><loc>\(escapeHTML(entry.url))</loc>"
                if let updated = entry.lastModified { xml += "<lastmod>\(updated)</lastmod>" }
                xml += "</url>\n"
            }
            xml += "</urlset>\n"
            return OutputFile(path: path, bytes: Array(xml.utf8))
        }
        guard sorted.count > limit else { return [urlset(sorted[...], path: "sitemap.xml")] }
        let parts = stride(from: 0, to: sorted.count, by: limit).enumerated().map { number, start in
            urlset(sorted[start..<min(start + limit, sorted.count)], path: "sitemap-\(number + 1).xml")
        }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for part in parts { index += "  <sitemap><loc>\(escapeHTML(site.url(part.path)))</loc></sitemap>\n" }
        index += "</sitemapindex>\n"
        return [OutputFile(path: "sitemap.xml", bytes: Array(index.utf8))] + parts
    }

    /// URLs a sitemap file holds at most (the protocol's limit).
    package static let sitemapLimit = 50_000
}

/// One line of `sitemap.xml`.
package struct SitemapEntry: Sendable, Equatable {
    package var url: String
    /// A document's `updated` date.
    package var lastModified: String?

    package init(url: String, lastModified: String? = nil) {
        self.url = url
        self.lastModified = lastModified
    }
}

extension Page {
    /// The page's sitemap line; nil for the 404 page and private pages.
    package var sitemapEntry: SitemapEntry? {
        outputPath == "404.html" || meta.noindex ? nil : SitemapEntry(url: meta.url, lastModified: (readyView as? DocumentPageView)?.updated)
    }
}
