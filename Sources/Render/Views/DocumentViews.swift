import FieldbookModel

/// A document in a list: title, link, summary and freshness.
public struct DocumentSummaryView: TemplateView {
    public var title: String
    public var url: String
    public var summary: String
    public var updated: String?
    /// "Lesson 2", "Playbook": what the document is, for lists that mix kinds.
    public var kindLabel: String
    /// Position in its course, for numbered lists.
    public var number: Int

    public func field(_ name: String) -> Any? {
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
public struct TagLinkView: TemplateView {
    public var name: String
    public var url: String
    public var count: Int

    public func field(_ name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": url
        case "count": String(count)
        default: nil
        }
    }
}

/// One entry of a table of contents (an h2 or an h3).
public struct TocEntryView: TemplateView {
    public var text: String
    public var id: String
    public var isSubsection: Bool

    public func field(_ name: String) -> Any? {
        switch name {
        case "text": text
        case "id": id
        case "isSubsection": isSubsection
        default: nil
        }
    }
}

/// A lesson, a playbook, or the introduction of a course or shelf, shown whole.
public struct DocumentPageView: TemplateView {
    public var title: String
    public var html: String
    public var toc: [TocEntryView]
    public var tags: [TagLinkView]
    public var updated: String?
    public var owner: String?
    public var kindLabel: String
    /// The course or shelf the document belongs to.
    public var parent: LinkView
    public var previous: LinkView?
    public var next: LinkView?
    /// "Lesson 2 of 5" for lessons.
    public var position: String?
    public var isDraft: Bool
    /// The document's custom front-matter values: `{{params.topic}}`.
    public var params: ParamsView

    public func field(_ name: String) -> Any? {
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
public struct ParamsView: TemplateView {
    public var values: [FrontMatter.Param]

    public func field(_ name: String) -> Any? {
        guard let param = values.first(where: { $0.key == name }) else { return TemplateValue.absent }
        if let flag = param.flag { return flag }
        return param.value.isEmpty ? TemplateValue.absent : param.value
    }
}

/// A course page or a shelf page: an optional introduction and the documents in it.
public struct CollectionPageView: TemplateView {
    public var title: String
    public var html: String
    public var toc: [TocEntryView]
    public var documents: [DocumentSummaryView]
    /// Link to the first lesson, for courses.
    public var start: LinkView?

    public func field(_ name: String) -> Any? {
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
public struct CollectionCardView: TemplateView {
    public var title: String
    public var url: String
    public var summary: String
    public var count: String
    public var documents: [DocumentSummaryView]

    public func field(_ name: String) -> Any? {
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
