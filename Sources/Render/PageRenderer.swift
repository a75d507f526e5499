import FieldbookModel
import Foundation

/// Renders pages through the theme's templates, on every core, and writes the sitemap.
package struct PageRenderer: Sendable {
    package let templates: TemplateSet
    package let templateSources: [String: TemplateSource]
    package let site: SiteView

    package init(templates: TemplateSet, templateSources: [String: TemplateSource], site: SiteView) {
        self.templates = templates
        self.templateSources = templateSources
        self.site = site
    }

    /// One page through its template.
    package func renderPage(_ page: Page) -> Result<String, TemplateSet.TemplateFailure> {
        templates.render(page.template, PageContext(page: PageViewWithMeta(view: page.view, meta: page.meta), site: site))
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
            case .unknownKeys(let names):
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
        return diagnostics
    }

    /// What every page is rendered with: the templates and the site-wide view.
    package var sharedKey: Fingerprint {
        var writer = ByteWriter()
        writer.write(templateSources)
        FingerprintEncoder.fingerprint(site, into: &writer)
        return Fingerprint(writer.bytes)
    }

    /// Everything one page is rendered from: the shared key, its template, and its view model and meta fields.
    package func inputs(of page: Page, shared: Fingerprint) -> Fingerprint {
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
        // The pattern is well-formed for any name: the name is escaped.
        guard let tag = try? NSRegularExpression(pattern: "\\{\\{[#^&{/]?\\s*(?:[A-Za-z0-9_.-]*\\.)?" + escaped + "(?![A-Za-z0-9_-])") else {
            return SourceLocation(path: templates.path(of: template))
        }
        for source in candidates {
            let text = source.text as NSString
            guard let match = tag.firstMatch(in: source.text, range: NSRange(location: 0, length: text.length)) else { continue }
            let offset = text.substring(to: match.range.location).utf8.count
            return LineIndex(source.text).location(ofByte: offset, in: source.path)
        }
        return SourceLocation(path: templates.path(of: template))
    }

    /// `sitemap.xml`: every page but the 404 and private ones, sorted, with `lastmod` where a document has an `updated` date.
    package static func sitemap(_ entries: [SitemapEntry]) -> OutputFile {
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
