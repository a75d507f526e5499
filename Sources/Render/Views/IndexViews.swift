/// The library overview, also the home page until the dashboard replaces it.
public struct LibraryPageView: TemplateView {
    public var title: String
    public var courses: [CollectionCardView]
    public var shelves: [CollectionCardView]
    /// Documents with an `updated` date, newest first.
    public var recent: [DocumentSummaryView]

    public func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "courses": courses
        case "hasCourses": !courses.isEmpty
        case "shelves": shelves
        case "hasShelves": !shelves.isEmpty
        case "recent": recent
        case "hasRecent": !recent.isEmpty
        default: nil
        }
    }
}

/// A list of documents under a heading: one tag's page, or every shelf of playbooks.
public struct ListingPageView: TemplateView {
    public var title: String
    public var documents: [DocumentSummaryView]
    public var groups: [CollectionCardView]
    public var tags: [TagLinkView]

    public func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "documents": documents
        case "hasDocuments": !documents.isEmpty
        case "groups": groups
        case "tags": tags
        case "hasTags": !tags.isEmpty
        default: nil
        }
    }
}
