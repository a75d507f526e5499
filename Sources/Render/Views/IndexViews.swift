import FieldbookTemplates

/// The library overview, also the home page until the dashboard replaces it.
package struct LibraryPageView: TemplateView {
    package var title: String
    package var courses: [CollectionCardView]
    package var shelves: [CollectionCardView]
    /// Documents with an `updated` date, newest first.
    package var recent: [DocumentSummaryView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "courses": .value(\.courses),
            "hasCourses": .value { !$0.courses.isEmpty },
            "shelves": .value(\.shelves),
            "hasShelves": .value { !$0.shelves.isEmpty },
            "recent": .value(\.recent),
            "hasRecent": .value { !$0.recent.isEmpty },
        ])
}

/// A list of documents under a heading: one tag's page, or every shelf of playbooks.
package struct ListingPageView: TemplateView {
    package var title: String
    package var documents: [DocumentSummaryView]
    package var groups: [CollectionCardView]
    package var tags: [TagLinkView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "documents": .value(\.documents),
            "hasDocuments": .value { !$0.documents.isEmpty },
            "groups": .value(\.groups),
            "tags": .value(\.tags),
            "hasTags": .value { !$0.tags.isEmpty },
        ])
}
