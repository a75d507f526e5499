import FieldbookModel

/// A document in a list: title, link, summary and freshness.
package struct DocumentSummaryView: TemplateView {
    package var title: String
    package var url: String
    package var summary: String
    package var updated: String?
    /// "Lesson 2", "Playbook": what the document is, for lists that mix kinds.
    package var kindLabel: String
    /// Position in its course, for numbered lists.
    package var number: Int

    package func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "summary": summary
        case "updated": TemplateValue.optional(updated)
        case "kindLabel": kindLabel
        case "number": String(number)
        default: nil
        }
    }
}

/// A tag with its page and how many documents carry it.
package struct TagLinkView: TemplateView {
    package var name: String
    package var url: String
    package var count: Int

    package func field(_ name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "count": String(count)
        default: nil
        }
    }
}

/// One entry of a table of contents (an h2 or an h3).
package struct TocEntryView: TemplateView {
    package var text: String
    package var id: String
    package var isSubsection: Bool

    package func field(_ name: String) -> Any? {
        switch name {
        case "text": text
        case "id": id
        case "isSubsection": isSubsection
        default: nil
        }
    }
}

/// A lesson, a playbook, or the introduction of a course or shelf, shown whole.
package struct DocumentPageView: TemplateView {
    package var title: String
    package var html: String
    package var toc: [TocEntryView]
    package var tags: [TagLinkView]
    package var updated: String?
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

    package func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "html": html
        case "toc": toc
        case "hasToc": toc.count >= 2
        case "tags": tags
        case "updated": TemplateValue.optional(updated)
        case "owner": TemplateValue.optional(owner)
        case "kindLabel": kindLabel
        case "parent": parent
        case "previous": TemplateValue.optional(previous)
        case "next": TemplateValue.optional(next)
        case "hasPager": previous != nil || next != nil
        case "position": TemplateValue.optional(position)
        case "isDraft": isDraft
        case "params": params
        default: nil
        }
    }
}

/// A document's custom front-matter values, as Hugo's `.Params`: any name may be asked for, and one the document
/// does not have is empty (`{{#params.topic}}…{{/params.topic}}` skips it), so themes can use keys some documents lack.
package struct ParamsView: TemplateView {
    package var values: [FrontMatter.Param]

    package func field(_ name: String) -> Any? {
        guard let param = values.first(where: { $0.key == name }) else { return TemplateValue.absent }
        if let flag = param.flag { return flag }
        return param.value.isEmpty ? TemplateValue.absent : param.value
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

    package func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "html": html
        case "toc": toc
        case "hasToc": toc.count >= 2
        case "documents": documents
        case "hasDocuments": !documents.isEmpty
        case "start": TemplateValue.optional(start)
        default: nil
        }
    }
}

/// A course or shelf as a card on the library and home pages.
package struct CollectionCardView: TemplateView {
    package var title: String
    package var url: String
    package var summary: String
    package var count: String
    package var documents: [DocumentSummaryView]

    package func field(_ name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "summary": summary
        case "count": count
        case "documents": documents
        default: nil
        }
    }
}
