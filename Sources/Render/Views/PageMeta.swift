import FieldbookTemplates

/// A page to render: where it is written, which template draws it, and the view that template reads.
package struct Page: Sendable {
    /// Path in the output, relative to its root: `library/index.html`.
    package var outputPath: String
    /// Template name: `lesson`.
    package var template: String
    package var meta: PageMeta
    package var view: any TemplateView
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
