import FieldbookTemplates

/// A page to render: where it is written, which template draws it, and the view that template reads.
package struct Page: Sendable {
    /// Path in the output, relative to its root: `library/index.html`.
    package var outputPath: String
    /// Template name: `lesson`.
    package var template: String
    package var meta: PageMeta
    /// The document whose own text and front matter the page shows (a lesson or playbook, a course's or shelf's
    /// introduction): what else it shows comes from other documents' titles, summaries and tags (`CachedLibrary`).
    package var source: String?
    private var content: Content

    private enum Content: Sendable {
        case ready(any TemplateView)
        case deferred(@Sendable () -> any TemplateView)
    }

    package init(outputPath: String, template: String, meta: PageMeta, view: any TemplateView) {
        (self.outputPath, self.template, self.meta, content) = (outputPath, template, meta, .ready(view))
    }

    /// A page whose view is made when it is rendered: pages planned by the thousand (every period of every region
    /// and manager) are not all in memory at once. `materialized()` makes it once for fingerprinting and rendering.
    package init(outputPath: String, template: String, meta: PageMeta, deferred make: @escaping @Sendable () -> any TemplateView) {
        (self.outputPath, self.template, self.meta, content) = (outputPath, template, meta, .deferred(make))
    }

    /// The view the template reads (made now, for a deferred page).
    package var view: any TemplateView {
        switch content {
        case .ready(let view): view
        case .deferred(let make): make()
        }
    }

    /// The view when it is made already (nil for a deferred page): for what only some ready views carry.
    package var readyView: (any TemplateView)? {
        guard case .ready(let view) = content else { return nil }
        return view
    }

    /// The page with its view made, to read it more than once.
    package func materialized() -> Page {
        guard case .deferred = content else { return self }
        return Page(outputPath: outputPath, template: template, meta: meta, view: view)
    }
}

/// Fields every page has, read by the layout: title, description, URL and breadcrumb trail.
package struct PageMeta: TemplateView {
    package var title: String
    package var description: String
    /// The page's URL under the base URL.
    package var url: String
    /// Links from the home page down to the page's parent.
    package var breadcrumbs: [LinkView]
    /// A private page (a scorecard when scorecards are not public): `noindex`, left out of the sitemap.
    package var noindex = false

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "pageTitle": .value(\.title),
            "pageDescription": .value(\.description),
            "pageURL": .value(\.url),
            "breadcrumbs": .value(\.breadcrumbs),
            "hasBreadcrumbs": .value { !$0.breadcrumbs.isEmpty },
            "noindex": .value(\.noindex),
        ])
}
