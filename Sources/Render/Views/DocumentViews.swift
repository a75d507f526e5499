import FieldbookModel
import FieldbookTemplates

/// A document in a list: title, link, summary and freshness.
package struct DocumentSummaryView: TemplateView {
    package var title: String
    package var url: String
    package var summary: String
    /// `2026-11-20`, for `<time datetime>`; `updatedText` is the same date as the portal's language writes it.
    package var updated: String?
    package var updatedText: String?
    /// "Lesson 2", "Playbook": what the document is, for lists that mix kinds.
    package var kindLabel: String
    /// Position in its course, for numbered lists.
    package var number: Int

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "url": .value(\.url),
            "summary": .value(\.summary),
            "updated": .value(\.updated),
            "updatedText": .value(\.updatedText),
            "kindLabel": .value(\.kindLabel),
            "number": .value(\.number),
        ])
}

/// A tag with its page and how many documents carry it.
package struct TagLinkView: TemplateView {
    package var name: String
    package var url: String
    package var count: Int

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "name": .value(\.name),
            "url": .value(\.url),
            "count": .value(\.count),
        ])
}

/// One entry of a table of contents: an h2 with the h3s under it as `children` (an h3 before any h2 is an entry of
/// its own, `isSubsection`), so a theme's numbered list counts sections 1, 2, 3, not every heading.
package struct TocEntryView: TemplateView {
    package var text: String
    package var id: String
    package var isSubsection: Bool
    package var children: [TocEntryView] = []

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "text": .value(\.text),
            "id": .value(\.id),
            "isSubsection": .value(\.isSubsection),
            "children": .value(\.children),
            "hasChildren": .value { !$0.children.isEmpty },
        ])

    /// The h2 and h3 headings of a document, nested.
    package static func entries(_ headings: [Heading]) -> [TocEntryView] {
        var entries: [TocEntryView] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = TocEntryView(text: heading.text, id: heading.id, isSubsection: heading.level == 3)
            if heading.level == 3, let last = entries.indices.last, !entries[last].isSubsection {
                entries[last].children.append(entry)
            } else {
                entries.append(entry)
            }
        }
        return entries
    }

    /// How many headings `entries` list, nested ones included: a table of contents is worth showing from two.
    static func count(_ entries: [TocEntryView]) -> Int { entries.reduce(0) { $0 + 1 + $1.children.count } }
}

/// A lesson, a playbook, or the introduction of a course or shelf, shown whole.
package struct DocumentPageView: TemplateView {
    package var title: String
    package var html: String
    package var toc: [TocEntryView]
    package var tags: [TagLinkView]
    /// `2026-11-20`, for `<time datetime>`; `updatedText` is the same date as the portal's language writes it.
    package var updated: String?
    package var updatedText: String?
    package var owner: String?
    package var kindLabel: String
    /// The course or shelf the document belongs to.
    package var parent: LinkView
    package var previous: LinkView?
    package var next: LinkView?
    /// "Lesson 2 of 5" for lessons.
    package var position: String?
    package var isDraft: Bool
    /// The document's custom front-matter values: `{{params.topic}}`.
    package var params: ParamsView

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "html": .value(\.html),
            "toc": .value(\.toc),
            "hasToc": .value { TocEntryView.count($0.toc) >= 2 },
            "tags": .value(\.tags),
            "updated": .value(\.updated),
            "updatedText": .value(\.updatedText),
            "owner": .value(\.owner),
            "kindLabel": .value(\.kindLabel),
            "parent": .value(\.parent),
            "previous": .value(\.previous),
            "next": .value(\.next),
            "hasPager": .value { $0.previous != nil || $0.next != nil },
            "position": .value(\.position),
            "isDraft": .value(\.isDraft),
            "params": .value(\.params),
        ])
}

/// A document's custom front-matter values, as Hugo's `.Params`: any name may be asked for, and one the document
/// does not have is empty (`{{#params.topic}}…{{/params.topic}}` skips it), so themes can use keys some documents lack.
package struct ParamsView: TemplateView {
    package var values: [FrontMatter.Param]

    /// Any name is a parameter: one the document lacks is absent, so the section over it is skipped.
    package static let templateSchema = TemplateSchema.keyed(
        Self.self, shape: .dynamic, index: { _ in 0 },
        lookup: { params, _, name in params.values.first(where: { $0.key == name }).map(value(of:)) ?? .absent },
        contents: { params in params.values.map { ($0.key, value(of: $0)) } })

    private static func value(of param: FrontMatter.Param) -> TemplateValue {
        if let flag = param.flag { return .flag(flag) }
        return param.value.isEmpty ? .absent : .text(param.value)
    }
}

/// A course page or a shelf page: an optional introduction and the documents in it.
package struct CollectionPageView: TemplateView {
    package var title: String
    package var html: String
    package var toc: [TocEntryView]
    package var documents: [DocumentSummaryView]
    /// Link to the first lesson, for courses.
    package var start: LinkView?

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "html": .value(\.html),
            "toc": .value(\.toc),
            "hasToc": .value { TocEntryView.count($0.toc) >= 2 },
            "documents": .value(\.documents),
            "hasDocuments": .value { !$0.documents.isEmpty },
            "start": .value(\.start),
        ])
}

/// A course or shelf as a card on the library and home pages.
package struct CollectionCardView: TemplateView {
    package var title: String
    package var url: String
    package var summary: String
    package var count: String
    package var documents: [DocumentSummaryView]

    package static let templateSchema = TemplateSchema(
        Self.self,
        [
            "title": .value(\.title),
            "url": .value(\.url),
            "summary": .value(\.summary),
            "count": .value(\.count),
            "documents": .value(\.documents),
        ])
}
