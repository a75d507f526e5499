/// A page to render: where it is written, which template draws it, and the view that template reads.
public struct Page: Sendable {
    /// Path in the output, relative to its root: `library/index.html`.
    public var outputPath: String
    /// Template name: `lesson`.
    public var template: String
    public var meta: PageMeta
    public var view: any TemplateView
}

/// Fields every page has, read by the layout: title, description, URL and breadcrumb trail.
public struct PageMeta: TemplateView {
    public var title: String
    public var description: String
    /// The page's URL under the base URL.
    public var url: String
    /// Links from the home page down to the page's parent.
    public var breadcrumbs: [LinkView]
    /// A private page (a scorecard when scorecards are not public): `noindex`, left out of the sitemap.
    public var noindex = false

    public func field(_ name: String) -> Any? {
        switch name {
        case "pageTitle": title
        case "pageDescription": description
        case "pageURL": url
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": !breadcrumbs.isEmpty
        case "noindex": noindex
        default: nil
        }
    }
}
