import Mustache

/// The root every page renders against: the page's own view first, then the site-wide view.
struct PageContext: MustacheParent {
    let page: any TemplateView
    let site: SiteView

    func child(named name: String) -> Any? {
        let value = page.field(name) ?? site.field(name)
        LookupRecorder.current?.record(name, found: value != nil, atRoot: true)
        return TemplateText.wrapping(value)
    }
}
