/// The library overview, also the home page until the dashboard replaces it.
package struct LibraryPageView: TemplateView {
    package var title: String
    package var courses: [CollectionCardView]
    package var shelves: [CollectionCardView]
    /// Documents with an `updated` date, newest first.
    package var recent: [DocumentSummaryView]

    package func field(_ name: String) -> Any? {
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
package struct ListingPageView: TemplateView {
    package var title: String
    package var documents: [DocumentSummaryView]
    package var groups: [CollectionCardView]
    package var tags: [TagLinkView]

    package func field(_ name: String) -> Any? {
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
